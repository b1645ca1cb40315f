// Test helpers for the redaction engine: PDFs holding a secret in every place a PDF can hide one, and a scan
// that looks for it everywhere in an output — page text, metadata, annotations, forms, attachments, and the
// raw bytes of every (inflated) object in the encodings a PDF uses.
import { createHash } from 'node:crypto';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  PDFRawStream,
  PDFString,
  StandardFonts,
} from 'pdf-lib';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { loadPdfjs, PDFJS_DATA } from '../pdf/pdfjs.ts';
import { idNumberFor } from '../privacy/testing.ts';
import type { PageArea } from './model.ts';

export const SECRET = 'SECRET-ALPHA';
export const SECRET_CJK = '张秘密';
export const SECRET_ID = idNumberFor('11010519491231002');
export const PUBLIC_TEXT = 'Public paragraph remains';
/** Size of the image drawn under a box: an unusual size, so a surviving copy is easy to recognise. */
export const IMAGE_SIZE = { width: 123, height: 77 } as const;
/** Where page 1's form field stands, in PDF user space (from the bottom-left). */
export const FIELD = { x: 300, y: 400, width: 200, height: 24 } as const;

/**
 * Two pages. Page 1: the secret and an ID number in text, an image, a form field and an annotation holding
 * the secret. Page 2: public text, an annotation with the secret, and (in its resources, unused) page 1's
 * image. The document: secret Title/Author/Subject/Keywords/Creator, XMP, an outline, an attachment and a script.
 */
export async function secretPdf(options: { form?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const one = doc.addPage([595, 842]);
  one.drawText('Public heading on page one', { x: 72, y: 770, size: 14, font });
  one.drawText(`Applicant: ${SECRET} lives here`, { x: 72, y: 700, size: 12, font });
  one.drawText(`ID ${SECRET_ID}`, { x: 72, y: 660, size: 12, font });
  const canvas = createCanvas(IMAGE_SIZE.width, IMAGE_SIZE.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#c03030';
  ctx.fillRect(0, 0, IMAGE_SIZE.width, IMAGE_SIZE.height);
  ctx.fillStyle = '#ffffff';
  ctx.fillText(SECRET, 5, 40);
  const image = await doc.embedPng(await canvas.encode('png'));
  one.drawImage(image, { x: 72, y: 500, width: IMAGE_SIZE.width, height: IMAGE_SIZE.height });

  if (options.form !== false) {
    const field = doc.getForm().createTextField('applicant.name');
    field.setText(SECRET);
    field.addToPage(one, { ...FIELD, font });
  }

  const two = doc.addPage([595, 842]);
  two.drawText(PUBLIC_TEXT, { x: 72, y: 770, size: 12, font });
  two.drawText('Second public line', { x: 72, y: 740, size: 12, font });

  const context = doc.context;
  const note = (page: typeof one) =>
    page.node.addAnnot(
      context.register(
        context.obj({
          Type: 'Annot',
          Subtype: 'Text',
          Rect: [400, 700, 420, 720],
          Contents: PDFHexString.fromText(`${SECRET} ${SECRET_CJK}`),
          T: PDFString.of(SECRET),
        }),
      ),
    );
  note(one);
  note(two);
  // Page 2's resources list page 1's image without drawing it: copied whole, they would carry it along.
  const xobjects = two.node.normalizedEntries().XObject;
  xobjects.set(PDFName.of('ImUnused'), image.ref);

  doc.setTitle(`${SECRET} ${SECRET_CJK}`);
  doc.setAuthor(SECRET_CJK);
  doc.setSubject(SECRET);
  doc.setKeywords([SECRET, SECRET_CJK]);
  doc.setCreator(SECRET);
  doc.setProducer(SECRET);
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">${SECRET} ${SECRET_CJK}</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const metadata = context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), context.register(metadata));
  const outlineItem = context.register(context.obj({ Title: PDFHexString.fromText(SECRET_CJK) }));
  const outlines = context.register(context.obj({ Type: 'Outlines', First: outlineItem, Last: outlineItem, Count: 1 }));
  (context.lookup(outlineItem) as PDFDict).set(PDFName.of('Parent'), outlines);
  (context.lookup(outlineItem) as PDFDict).set(PDFName.of('Dest'), context.obj([one.ref, 'Fit']));
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  await doc.attach(new TextEncoder().encode(`${SECRET} ${SECRET_CJK}`), 'secret.txt', { mimeType: 'text/plain' });
  doc.addJavaScript('greet', `app.alert("${SECRET}");`);
  return doc.save({ useObjectStreams: false });
}

/** A plain PDF with one line of Helvetica text per page. */
export async function simplePdf(pages: readonly string[], size: [number, number] = [595, 842]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage(size).drawText(text, { x: 72, y: size[1] - 72, size: 12, font });
  return doc.save({ useObjectStreams: false });
}

export interface Extracted {
  pages: string[];
  /** Info entries, XMP, annotations, attachments, outline, form fields, scripts — all as text. */
  other: string[];
  numPages: number;
}

/** Everything pdfjs can read out of a file, the way a recipient's viewer or tool would. */
export async function extract(pdf: Uint8Array): Promise<Extracted> {
  const { getDocument } = await loadPdfjs();
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, ...PDFJS_DATA })
    .promise;
  try {
    const pages: string[] = [];
    const other: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .filter((i): i is TextItem => 'str' in i)
          .map((i) => i.str)
          .join(''),
      );
      other.push(JSON.stringify(await page.getAnnotations()));
    }
    const meta = await doc.getMetadata();
    other.push(
      JSON.stringify(meta.info),
      String(meta.metadata?.getRaw() ?? ''),
      JSON.stringify([...(meta.metadata ?? [])]),
    );
    other.push(JSON.stringify(await doc.getOutline()));
    const attachments = (await doc.getAttachments()) as Record<
      string,
      { content: Uint8Array; filename: string }
    > | null;
    for (const a of Object.values(attachments ?? {})) other.push(a.filename, Buffer.from(a.content).toString('utf8'));
    other.push(JSON.stringify(await doc.getFieldObjects()), JSON.stringify(await doc.getJSActions()));
    return { pages, other, numPages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** The forms a string takes inside PDF bytes: latin1/UTF-8, UTF-16BE, and either as hex digits. */
function encodings(secret: string): Buffer[] {
  const utf16 = Buffer.from(secret, 'utf16le').swap16();
  const utf8 = Buffer.from(secret, 'utf8');
  return [
    utf8,
    utf16,
    Buffer.from(utf16.toString('hex')),
    Buffer.from(utf16.toString('hex').toUpperCase()),
    Buffer.from(utf8.toString('hex').toUpperCase()),
    Buffer.from(utf8.toString('hex')),
  ];
}

/**
 * Where the secrets still stand in the output's bytes: the file itself, every stream inflated, every string
 * decoded. Empty when none is left. (Images are compared by size: see IMAGE_SIZE.)
 */
export async function rawLeaks(pdf: Uint8Array, secrets: readonly string[]): Promise<string[]> {
  const hay: Buffer[] = [Buffer.from(pdf)];
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const found: string[] = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream) {
      try {
        hay.push(Buffer.from(decodePDFRawStream(object).decode()));
      } catch {
        hay.push(Buffer.from(object.contents));
      }
      const width = object.dict.get(PDFName.of('Width'));
      const height = object.dict.get(PDFName.of('Height'));
      if (
        width instanceof PDFNumber &&
        height instanceof PDFNumber &&
        width.asNumber() === IMAGE_SIZE.width &&
        height.asNumber() === IMAGE_SIZE.height
      ) {
        found.push(`image ${ref.toString()}`);
      }
    }
    collectStrings(object, hay);
  }
  for (const secret of secrets) {
    for (const needle of encodings(secret)) {
      for (const h of hay) if (h.includes(needle)) found.push(`${secret} as ${needle.toString('latin1').slice(0, 40)}`);
    }
  }
  return found;
}

function collectStrings(object: unknown, hay: Buffer[], depth = 0): void {
  if (depth > 20) return;
  if (object instanceof PDFString || object instanceof PDFHexString) hay.push(Buffer.from(object.decodeText()));
  else if (object instanceof PDFDict) for (const [, v] of object.entries()) collectStrings(v, hay, depth + 1);
  else if (object instanceof PDFArray) for (const v of object.asArray()) collectStrings(v, hay, depth + 1);
  else if (object instanceof PDFRawStream) collectStrings(object.dict, hay, depth + 1);
}

// RC4, for the encrypted fixture (Node's OpenSSL 3 has no rc4 without the legacy provider).
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + (s[i] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[k] = (data[k] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 255] as number);
  }
  return out;
}

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

/**
 * A PDF encrypted with the standard security handler (RC4 40-bit, revision 2). With `userPassword` empty it
 * opens without a password (only permissions restricted); otherwise a password is needed.
 */
export function encryptedPdf(userPassword = ''): Uint8Array {
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const pad = (p: string) => Buffer.concat([Buffer.from(p, 'latin1'), PAD]).subarray(0, 32);
  const owner = rc4(createHash('md5').update(pad('owner')).digest().subarray(0, 5), pad(userPassword));
  const permissions = -44;
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = createHash('md5')
    .update(Buffer.concat([pad(userPassword), owner, p, id]))
    .digest()
    .subarray(0, 5);
  const user = rc4(key, PAD);
  const objectKey = (num: number) =>
    createHash('md5')
      .update(Buffer.concat([key, Buffer.from([num & 255, (num >> 8) & 255, 0, 0, 0])]))
      .digest()
      .subarray(0, 10);
  const content = rc4(objectKey(4), Buffer.from(`BT /F1 12 Tf 72 720 Td (${SECRET}) Tj ET`, 'latin1'));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content.toString('latin1')}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P ${permissions} >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Dark pixels of a PNG rendered at scale 1: all of them, and those inside the area (points = pixels). */
export async function darkPixels(png: Uint8Array, area: Omit<PageArea, 'page'>) {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height).data;
  let total = 0;
  let inside = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if ((data[i] as number) + (data[i + 1] as number) + (data[i + 2] as number) > 300) continue;
      total++;
      if (x >= area.x && x < area.x + area.width && y >= area.y && y < area.y + area.height) inside++;
    }
  }
  return { total, inside };
}

export const HIDDEN_TEXT = 'HIDDEN-LAYER';

/** One page with public text and, in an optional-content layer switched off, text the viewer does not show. */
export async function layeredPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText(PUBLIC_TEXT, { x: 72, y: 770, size: 12, font });
  const context = doc.context;
  const layer = context.register(context.obj({ Type: 'OCG', Name: PDFString.of('draft') }));
  doc.catalog.set(
    PDFName.of('OCProperties'),
    context.obj({ OCGs: [layer], D: context.obj({ ON: [], OFF: [layer], Order: [layer] }) }),
  );
  page.node.normalizedEntries();
  const resources = page.node.Resources() as PDFDict;
  resources.set(PDFName.of('Properties'), context.obj({ L1: layer }));
  page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('OC'), PDFName.of('L1')]));
  page.drawText(HIDDEN_TEXT, { x: 72, y: 700, size: 12, font });
  page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
  return doc.save();
}
