// A letter as PDF: the same layout as the DOCX (docx.ts) in HTML, printed by the local Chromium through the report
// writer's shared browser (report/write/pdf.ts printHtml: A4, GB/T 9704 margins, text layer repaired). Where no
// Chromium is installed this throws CHROMIUM_MISSING, which says plainly what to install; the DOCX always works.
import { escapeHtml } from '../report/write/html.ts';
import { FONT_BODY, FONT_TITLE } from '../report/write/html-style.ts';
import { findChromium, printHtml } from '../report/write/pdf.ts';
import type { Letter } from './model.ts';

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { margin: 0; font-family: ${FONT_BODY}; font-size: 16pt; line-height: 28pt; color: #000; }
h1 { font-family: ${FONT_TITLE}; font-size: 22pt; font-weight: normal; text-align: center; line-height: 35pt;
  margin: 0 0 14pt; }
p { margin: 0; text-align: justify; }
.number { text-align: center; margin-bottom: 28pt; }
.indent { text-indent: 2em; }
.contact { margin-top: 14pt; }
.sign { text-align: right; padding-right: 4em; }
.end { break-inside: avoid; page-break-inside: avoid; }
.sign.first { margin-top: 28pt; }
`;

export function renderLetterHtml(letter: Letter): string {
  const p = (text: string, cls = '') => `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</p>`;
  const parts = [
    `<h1>${escapeHtml(letter.agencyName)}<br>${escapeHtml(letter.title)}</h1>`,
    p(letter.number, 'number'),
    p(letter.addressee),
    ...letter.paragraphs.map((t) => p(t, 'indent')),
    // The last paragraph, the contact lines and the signature stay together: a signature is never alone on a page
    // (GB/T 9704 7.3.5).
    '<div class="end">',
    ...(letter.remedy ? [p(letter.remedy, 'indent')] : []),
    ...letter.contact.map((t, i) => p(t, i === 0 ? 'indent contact' : 'indent')),
    p(letter.agencyName, 'sign first'),
    p(letter.seal, 'sign'),
    p(letter.dateText, 'sign'),
    '</div>',
  ];
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${escapeHtml(`${letter.title}（${letter.number}）`)}</title><style>${STYLE}</style></head>
<body>
${parts.join('\n')}
</body>
</html>`;
}

/** No page numbers: a letter is a page or two, as agencies print them. */
export function renderLetterPdf(letter: Letter, executablePath: string | null = findChromium()): Promise<Uint8Array> {
  return printHtml(renderLetterHtml(letter), executablePath, { pageNumbers: false });
}
