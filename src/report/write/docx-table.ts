// A form grid (layout.ts) as a Word table: merged cells via gridSpan/vMerge, header rows repeated on each
// page, no row split across pages, 宋体 10.5pt.
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { type FormCell, type FormTable, placeCells } from './layout.ts';

export const TABLE_FONT = '宋体';
/** Table text size in half-points (10.5pt, 五号). */
export const TABLE_SIZE = 21;

export const fontAttrs = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

function cellParagraph(cell: FormCell): Paragraph {
  const centered = cell.kind !== 'row' && cell.kind !== 'block';
  return new Paragraph({
    alignment: centered || cell.vertical ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: 0, after: 0, line: 300, lineRule: 'auto' },
    children: [
      new TextRun({
        text: cell.text,
        font: fontAttrs(TABLE_FONT),
        size: cell.kind === 'note' ? 18 : TABLE_SIZE,
      }),
    ],
  });
}

/** Grid column widths in twips, scaled so that they add up to `total`. */
export function scaleWidths(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const out = widths.map((w) => Math.floor((w / sum) * total));
  out[out.length - 1] = (out[out.length - 1] as number) + total - out.reduce((a, b) => a + b, 0);
  return out;
}

/**
 * Whether a row may not break across pages. Every row except the first two body rows of a table whose header
 * spans several rows: LibreOffice (25.x) drops the whole rest of such a table from the page when the page
 * breaks right after the first body row and that row may not break (swept over 56 page-break positions of
 * table 三: this rule loses nothing; "every row" lost rows 二 to 四). Those two rows hold one line each, so
 * they do not break anyway.
 */
function cantSplit(table: FormTable, row: number): boolean {
  return table.headerRows <= 1 || row < table.headerRows || row >= table.headerRows + 2;
}

export function docxTable(table: FormTable, totalWidth: number): Table {
  const grid = scaleWidths(table.widths, totalWidth);
  const rows = placeCells(table).map((placed, r) => {
    const cells = placed.map(({ cell, col }) => {
      const span = cell.colSpan ?? 1;
      const width = grid.slice(col, col + span).reduce((a, b) => a + b, 0);
      return new TableCell({
        children: [cellParagraph(cell)],
        columnSpan: span > 1 ? span : undefined,
        rowSpan: (cell.rowSpan ?? 1) > 1 ? cell.rowSpan : undefined,
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        margins: { top: 30, bottom: 30, left: 60, right: 60 },
        shading: cell.kind === 'block' ? { type: ShadingType.CLEAR, color: 'auto', fill: 'DBE5F1' } : undefined,
      });
    });
    return new TableRow({
      children: cells,
      tableHeader: r < table.headerRows,
      cantSplit: cantSplit(table, r),
      height: { value: 340, rule: HeightRule.ATLEAST },
    });
  });
  return new Table({
    rows,
    width: { size: totalWidth, type: WidthType.DXA },
    columnWidths: grid,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}
