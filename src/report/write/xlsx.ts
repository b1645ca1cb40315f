// A report as an Excel workbook: a sheet 说明 (title, year, agency, section texts), then one sheet per table
// (表二, 表三, 表四; 表二附表 for 2019-edition cells) laid out as the national form with its merged cells.
// Row 1 of a table sheet is the section title; the form starts on row 2. Values are numbers.
import ExcelJS from 'exceljs';
import { SECTION_TITLES } from '../labels.ts';
import type { AnnualReport } from '../model.ts';
import { chineseDate, type FormTable, formTables, placeCells, reportTitle } from './layout.ts';

const FONT = { name: '宋体', size: 10.5 };
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Characters of width per unit of a table's relative column widths. */
const CHARS_PER_UNIT: Record<FormTable['id'], number> = { proactive: 18, legacy: 20, requests: 9, appeals: 7 };
/** First row of the form on a table sheet. */
export const FORM_FIRST_ROW = 2;

function tableSheet(workbook: ExcelJS.Workbook, name: string, title: string, table: FormTable): void {
  const ws = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: FORM_FIRST_ROW - 1 + table.headerRows }],
  });
  const perUnit = CHARS_PER_UNIT[table.id];
  ws.columns = table.widths.map((w) => ({ width: Math.max(6, Math.round(w * perUnit)) }));
  ws.mergeCells(1, 1, 1, table.widths.length);
  const head = ws.getCell(1, 1);
  head.value = title;
  head.font = { name: '黑体', size: 14 };
  head.alignment = { vertical: 'middle', horizontal: 'left' };
  ws.getRow(1).height = 24;
  for (const row of placeCells(table)) {
    for (const { cell, row: r, col } of row) {
      const top = FORM_FIRST_ROW + r;
      const left = col + 1;
      const bottom = top + (cell.rowSpan ?? 1) - 1;
      const right = left + (cell.colSpan ?? 1) - 1;
      if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
      const target = ws.getCell(top, left);
      target.value = cell.kind === 'value' && cell.value !== undefined ? cell.value : cell.text;
      const centered = cell.kind !== 'row' && cell.kind !== 'block';
      target.alignment = {
        vertical: 'middle',
        horizontal: centered || cell.vertical ? 'center' : 'left',
        wrapText: true,
      };
      target.font = cell.kind === 'note' ? { ...FONT, size: 9 } : FONT;
      if (cell.kind === 'block') target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDBE5F1' } };
      if (cell.kind === 'value' && typeof cell.value === 'number') {
        target.numFmt = Number.isInteger(cell.value) ? '0' : 'General';
      }
      for (let y = top; y <= bottom; y++) for (let x = left; x <= right; x++) ws.getCell(y, x).border = BORDER;
    }
  }
}

function notesSheet(workbook: ExcelJS.Workbook, report: AnnualReport): void {
  const ws = workbook.addWorksheet('说明');
  ws.columns = [{ width: 22 }, { width: 100 }];
  const rows: [string, string | number][] = [
    ['标题', reportTitle(report)],
    ['年度', report.year],
    ['机关', report.agency ?? ''],
    [
      '格式版本',
      report.formatVersion === '2021' ? '2021年版（国办公开办函〔2021〕30号）' : '2019年版（国办公开办函〔2019〕60号）',
    ],
    ['发布日期', report.publishedOn ? chineseDate(report.publishedOn) : ''],
    [SECTION_TITLES[0], report.text.overview],
    [SECTION_TITLES[4], report.text.problems],
    [SECTION_TITLES[5], report.text.other],
  ];
  for (const [label, value] of rows) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { name: '黑体', size: 11 };
    row.getCell(2).font = { name: '宋体', size: 11 };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
  }
}

export async function renderXlsx(report: AnnualReport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongkai';
  workbook.title = reportTitle(report);
  notesSheet(workbook, report);
  const t = formTables(report);
  tableSheet(workbook, '表二', SECTION_TITLES[1], t.proactive);
  if (t.legacy) tableSheet(workbook, '表二附表', t.legacy.caption, t.legacy);
  tableSheet(workbook, '表三', SECTION_TITLES[2], t.requests);
  tableSheet(workbook, '表四', SECTION_TITLES[3], t.appeals);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
