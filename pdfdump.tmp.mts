import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';
const data = new Uint8Array(readFileSync(process.argv[2]!));
const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
console.log(await doc.getMetadata());
const pageNo = Number(process.argv[3] ?? 1);
const page = await doc.getPage(pageNo);
const tc = await page.getTextContent();
for (const it of tc.items) { if ('str' in it) console.log(JSON.stringify(it.str), it.transform.map((n:number)=>Math.round(n*10)/10).join(','), Math.round(it.width*10)/10, it.hasEOL, it.fontName); }
