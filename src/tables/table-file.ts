// The reader of tabular uploads (the catalogue and yearly-figure imports): CSV (UTF-8 with or without BOM, or GBK;
// comma, tab or semicolon) or the first sheet of an XLSX, as rows of text cells that remember their line.
import ExcelJS from 'exceljs';
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

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Records remember their first line. */
export function parseCsv(text: string): TableRow[] {
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const delimiter = detectDelimiter(text);
  const endRecord = () => {
    cells.push(cell);
    rows.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else cell += ch;
    i += 1;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return rows;
}

/** Comma unless the header line has more tabs or semicolons (Excel's “Unicode text” is tab-separated). */
function detectDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => first.split(c).length - 1;
  const [best] = [',', '\t', ';'].sort((a, b) => count(b) - count(a));
  return count(best as string) > 0 ? (best as string) : ',';
}

/** Every non-blank row of the file; throws when it is neither readable CSV nor XLSX. */
export async function readTable(data: Uint8Array, name: string): Promise<{ format: 'csv' | 'xlsx'; rows: TableRow[] }> {
  const xlsx = isXlsx(data, name);
  const rows = xlsx ? await readXlsx(data) : parseCsv(decodeText(data));
  return { format: xlsx ? 'xlsx' : 'csv', rows: rows.filter((r) => r.cells.some((c) => c.trim() !== '')) };
}

/**
 * An upload's header row and data rows, or the one rejection that stops the import before any row is read: a file
 * that is neither CSV nor XLSX, or one with no header.
 */
export async function readUpload(
  data: Uint8Array,
  name: string,
): Promise<{ format: 'csv' | 'xlsx'; head: TableRow; data: TableRow[]; rejection?: never } | { rejection: Rejection }> {
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(data, name);
  } catch {
    return {
      rejection: { line: 1, column: null, reason: '无法读取文件：应为 CSV（UTF-8 或 GBK 编码）或 Excel（.xlsx）文件' },
    };
  }
  const [head, ...rows] = table.rows;
  if (!head) return { rejection: { line: 1, column: null, reason: '文件为空，没有表头和数据' } };
  return { format: table.format, head, data: rows };
}

/** A row an import refuses, with where and why (in Chinese, for the clerk). */
export interface Rejection {
  /** The file's line (CSV: where the record starts; XLSX: the row), 1-based with the header as line 1. */
  line: number;
  /** The column's header as written in the file; null for the row or the file as a whole. */
  column: string | null;
  reason: string;
}

/** The required columns the header lacks, each named with the header names an import accepts for it. */
export function missingColumns<K extends string>(
  head: TableRow,
  found: ReadonlyMap<K, string>,
  required: readonly K[],
  variants: Record<K, readonly string[]>,
  labels: Record<K, string>,
): Rejection[] {
  return required
    .filter((col) => !found.has(col))
    .map((col) => ({
      line: head.line,
      column: labels[col],
      reason: `缺少“${labels[col]}”列（可用的列名：${variants[col].join('、')}）`,
    }));
}
