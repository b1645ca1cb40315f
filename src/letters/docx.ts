// A letter as a Word document, in the layout of our report writer (report/write/docx.ts, GB/T 9704-2012): A4,
// margins 37/35/28/26 mm; the title (agency name, then the letter's title) in 方正小标宋简体 22pt, centred; the
// number under it, centred; addressee, body, remedy notice and contact lines in 仿宋_GB2312 16pt on a fixed 28pt
// line; the agency's name, “（印章）” and the date in Chinese at the bottom right.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { FONTS, MARGINS, PAGE } from '../report/write/docx.ts';
import { fontAttrs } from '../report/write/docx-table.ts';
import type { Letter } from './model.ts';

/** 16pt (三号) in half-points; a fixed 28pt line. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
const LINE = { line: 560, lineRule: 'exact' as const, before: 0, after: 0 };
/** GB/T 9704 7.3.5.1: the signature and date end four characters from the right margin. */
const RIGHT_INDENT = BODY_SIZE * 20 * 4;

type Options = {
  indent?: boolean;
  align?: 'right' | 'center' | 'left';
  rightIndent?: number;
  before?: number;
  /** Keep with the next paragraph: the signature block is never alone on a page (GB/T 9704 7.3.5). */
  keepNext?: boolean;
};

function line(text: string, options: Options = {}): Paragraph {
  const alignment =
    options.align === 'right'
      ? AlignmentType.RIGHT
      : options.align === 'center'
        ? AlignmentType.CENTER
        : options.indent
          ? AlignmentType.JUSTIFIED
          : AlignmentType.LEFT;
  return new Paragraph({
    alignment,
    spacing: { ...LINE, before: options.before ?? 0 },
    keepNext: options.keepNext,
    keepLines: true,
    indent: {
      ...(options.indent ? { firstLine: BODY_SIZE * 20 } : {}),
      ...(options.rightIndent ? { right: options.rightIndent } : {}),
    },
    children: [new TextRun({ text, font: fontAttrs(FONTS.body), size: BODY_SIZE })],
  });
}

function title(letter: Letter): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: 'exact', before: 0, after: 280 },
    children: [letter.agencyName, letter.title].map(
      (text, i) => new TextRun({ text, font: fontAttrs(FONTS.title), size: TITLE_SIZE, break: i > 0 ? 1 : undefined }),
    ),
  });
}

export function letterParagraphs(letter: Letter): Paragraph[] {
  return [
    title(letter),
    line(letter.number, { align: 'center' }),
    line('', {}),
    line(letter.addressee),
    ...letter.paragraphs.map((p) => line(p, { indent: true })),
    ...(letter.remedy ? [line(letter.remedy, { indent: true, keepNext: true })] : []),
    ...letter.contact.map((c, i) => line(c, { indent: true, before: i === 0 ? 280 : 0, keepNext: true })),
    line(letter.agencyName, { align: 'right', rightIndent: RIGHT_INDENT, before: 560, keepNext: true }),
    line(letter.seal, { align: 'right', rightIndent: RIGHT_INDENT, keepNext: true }),
    line(letter.dateText, { align: 'right', rightIndent: RIGHT_INDENT }),
  ];
}

export async function renderLetterDocx(letter: Letter): Promise<Uint8Array> {
  const doc = new Document({
    title: `${letter.agencyName}${letter.title}（${letter.number}）`,
    creator: letter.agencyName,
    styles: {
      default: {
        document: {
          run: { font: fontAttrs(FONTS.body), size: BODY_SIZE, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [{ properties: { page: { size: PAGE, margin: MARGINS } }, children: letterParagraphs(letter) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
