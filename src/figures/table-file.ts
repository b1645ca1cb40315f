// A small reader for tabular uploads: CSV (UTF-8 with or without BOM, or GBK; comma, tab or semicolon) or the first
// sheet of an XLSX, as rows of text cells that remember their line. The CSV parser is the catalogue import's.
import ExcelJS from 'exceljs';
import { parseCsv } from '../catalog/import.ts';
import { decodeText } from '../report/read/decode.ts';

export interface TableRow {
  /** 1-based: the CSV line where the record starts, or the sheet's row number. */
  line: number;
  cells: string[];
}

export const isXlsx = (data: Uint8Array, name: string) =>
  (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) || /\.xlsx$/i.test(name);

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(data: Uint8Array): Promise<TableRow[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ line, cells });
  });
  return rows;
}

/** Every non-blank row of the file; throws when it is neither readable CSV nor XLSX. */
export async function readTable(data: Uint8Array, name: string): Promise<{ format: 'csv' | 'xlsx'; rows: TableRow[] }> {
  const xlsx = isXlsx(data, name);
  const rows = xlsx ? await readXlsx(data) : parseCsv(decodeText(data));
  return { format: xlsx ? 'xlsx' : 'csv', rows: rows.filter((r) => r.cells.some((c) => c.trim() !== '')) };
}
