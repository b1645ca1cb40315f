// A report as a Word document (.docx) in the layout of a 公文 (GB/T 9704-2012): A4, margins top 37mm,
// bottom 35mm, left 28mm, right 26mm; title 方正小标宋简体 22pt, headings 黑体 16pt, body 仿宋_GB2312 16pt with a
// fixed 28pt line; the three tables with the merged cells of the national form; page numbers "— N —".
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { AnnualReport } from '../model.ts';
import { docxTable, fontAttrs, TABLE_FONT, TABLE_SIZE } from './docx-table.ts';
import { type Block, chineseDate, reportBlocks, reportTitle, titleLines } from './layout.ts';

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIPS_PER_MM);

export const PAGE = { width: 11906, height: 16838 };
export const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) };
const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;

export const FONTS = { title: '方正小标宋简体', heading: '黑体', body: '仿宋_GB2312', pageNumber: '宋体' };
/** 16pt (三号) in half-points, and a fixed 28pt line (22 lines to the page). */
const BODY_SIZE = 32;
const LINE = { line: 560, lineRule: 'exact' as const };

function bodyParagraph(text: string, font: string, options: { indent?: boolean; right?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: options.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    spacing: { ...LINE, before: 0, after: 0 },
    indent: options.indent === false ? undefined : { firstLine: BODY_SIZE * 20 },
    keepNext: font === FONTS.heading,
    children: [new TextRun({ text, font: fontAttrs(font), size: BODY_SIZE })],
  });
}

function captionParagraph(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 120, after: 60, line: 300, lineRule: 'auto' },
    keepNext: true,
    children: [new TextRun({ text, font: fontAttrs(TABLE_FONT), size: TABLE_SIZE })],
  });
}

function titleParagraph(report: AnnualReport): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: 'exact', before: 0, after: 560 },
    children: titleLines(report).map(
      (text, i) => new TextRun({ text, font: fontAttrs(FONTS.title), size: 44, break: i > 0 ? 1 : undefined }),
    ),
  });
}

function blockElements(block: Block) {
  switch (block.type) {
    case 'heading':
      return [bodyParagraph(block.text, FONTS.heading)];
    case 'paragraph':
      return [bodyParagraph(block.text, FONTS.body)];
    case 'table':
      // A small empty line after each table keeps it apart from the next heading; the supplementary table of
      // 2019-edition cells is introduced by its caption (the national tables by their section headings).
      return [
        ...(block.table.id === 'legacy' ? [captionParagraph(block.table.caption)] : []),
        docxTable(block.table, TEXT_WIDTH),
        new Paragraph({ spacing: { before: 0, after: 0, line: 240, lineRule: 'auto' }, children: [] }),
      ];
  }
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontAttrs(FONTS.pageNumber), size: 28 }),
        ],
      }),
    ],
  });
}

export async function renderDocx(report: AnnualReport): Promise<Uint8Array> {
  const children = [titleParagraph(report), ...reportBlocks(report).flatMap(blockElements)];
  if (report.publishedOn) {
    children.push(new Paragraph({ spacing: { ...LINE, before: 560 }, children: [] }));
    children.push(bodyParagraph(chineseDate(report.publishedOn), FONTS.body, { indent: false, right: true }));
  }
  const doc = new Document({
    title: reportTitle(report),
    creator: report.agency ?? 'gongkai',
    description: `政府信息公开工作年度报告（国办公开办函〔${report.formatVersion === '2019' ? '2019〕60' : '2021〕30'}号格式）`,
    styles: {
      default: {
        // Table cells (including those Word adds under a merged cell) take this size; body text sets its own.
        document: {
          run: { font: fontAttrs(TABLE_FONT), size: TABLE_SIZE, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: MARGINS,
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
