// Tables as printed (HTML, or Word through ooxml.ts) to report cells. A table is first made rectangular
// with rowspan/colspan expanded, every slot pointing at the cell that covers it; then each row is read
// as "label cells, then value cells". A merged cell counts once per row, so a label spanning three
// columns is not taken for three values, and a group heading spanning eight rows ("（三）不予公开")
// becomes part of the label of each of those rows.
import type { FormatVersion, RequestRow } from '../model.ts';
import { putAppeals, putProactiveRow, putRequestRow, type ReportDraft } from './draft.ts';
import {
  groupOf,
  headerEdition,
  LEGACY_KEY,
  matchProactiveRow,
  matchRequestRow,
  normalizeLabel,
  type RowGroup,
  UNGROUPED_ROWS,
} from './labels-match.ts';

export interface RawCell {
  text: string;
  rowspan: number;
  colspan: number;
}

/** One table as printed: rows of cells, before spans are expanded. */
export type RawTable = RawCell[][];

export interface TableInput {
  rows: RawTable;
  /** Section of the report the table sits under (0 = 一 … 5 = 六), from the heading before it, if known. */
  section?: number | null;
}

export interface GridRow {
  /** Texts of the leading label cells, each merged cell once. */
  label: string[];
  /** Texts of the trailing value cells, each merged cell once ("" for an empty cell). */
  values: string[];
}

// Real tables say colspan="100" to mean "the whole row"; bounding the spans keeps the grid small.
const MAX_SPAN = 64;

function span(n: number, limit: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), limit) : 1;
}

/** The rectangular grid: grid[r][c] is the printed cell covering that slot, or undefined for a hole. */
export function expandGrid(rows: RawTable): (RawCell | undefined)[][] {
  const grid: (RawCell | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    const line = grid[r] as (RawCell | undefined)[];
    let c = 0;
    for (const cell of cells) {
      while (line[c] !== undefined) c++;
      // rowspan="0" means "to the end of the table" in HTML.
      const down = cell.rowspan === 0 ? rows.length - r : span(cell.rowspan, rows.length - r);
      const across = span(cell.colspan, MAX_SPAN);
      for (let dr = 0; dr < down; dr++) {
        const target = grid[r + dr] as (RawCell | undefined)[];
        for (let dc = 0; dc < across; dc++) target[c + dc] = cell;
      }
      c += across;
    }
  });
  return grid;
}

/**
 * A cell holding a figure, a blank, or a stand-in for one ("/", "—", "无"): anything without words,
 * or a number with its unit ("3件", "96171.6万元"), which the checker then reports as not a number.
 */
export function isValueText(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return !/[\u3400-\u9fff]/.test(t.replace(/[无零]/g, '')) || /^[\d０-９.,，]+(万元|元|件|个|项|条|次|人次)$/.test(t);
}

/** Rows of the expanded grid as label cells (up to the last cell with words) and value cells. */
export function gridRows(rows: RawTable): GridRow[] {
  return expandGrid(rows).map((line) => {
    const cells = [...new Set(line.filter((cell): cell is RawCell => cell !== undefined))];
    let lastLabel = -1;
    cells.forEach((cell, i) => {
      if (!isValueText(cell.text)) lastLabel = i;
    });
    return {
      label: cells.slice(0, lastLabel + 1).map((cell) => cell.text),
      values: cells.slice(lastLabel + 1).map((cell) => cell.text.trim()),
    };
  });
}

// Header rows name columns; they can end in an empty corner cell, which must not make them a data row.
const HEADER = /自然人|申请人情况|结果维持|信息内容|本年制发件数|本年新制作数量|上一年项目数量|采购项目数量/;
const PROACTIVE_ITEM = /第二十条第（.{1,3}）项|信息内容/g;
const OTHER_LEAVES = new Set<RequestRow>(['otherNoCorrection', 'otherUnpaidFee', 'otherOther']);
const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** Table 四 printed one group per row ("行政复议 | 72 | 64 | 178 | 37 | 351"), as some sites do. */
function appealGroupOf(label: string): string | null {
  if (label.includes('复议后起诉')) return 'litigationAfterReconsideration';
  if (label.includes('直接起诉') || label.includes('未经复议')) return 'litigationDirect';
  if (label.includes('复议') && !label.includes('诉讼')) return 'reconsideration';
  return null;
}

/**
 * A 2019-edition cell as our writers print it in the appendix after table 二: the key verbatim, then its value
 * (a figure, or text kept as it was).
 */
function legacyCell(label: string[], values: string[]): [string, string] | null {
  const key = (label[0] ?? '').trim();
  if (!LEGACY_KEY.test(key)) return null;
  if (label.length === 1 && values.length === 1) return [key, values[0] as string];
  if (label.length === 2 && values.length === 0) return [key, (label[1] as string).trim()];
  return null;
}

/** What reading the tables found, for the caller to tell report tables from page layout. */
export interface TablesRead {
  /** Index of every table that gave at least one report cell. */
  used: Set<number>;
}

/**
 * Read the tables of one document, in order, into the draft. The edition decides how table 二 is
 * stored (spec §7). Every row is matched by its label; the first table 三 row of a kind wins, so a
 * header repeated lower down cannot overwrite figures.
 */
export function readTables(draft: ReportDraft, tables: readonly TableInput[], edition: FormatVersion): TablesRead {
  const used = new Set<number>();
  const seen = new Set<RequestRow>();
  let singleOther: string[] | null = null;
  for (const [index, table] of tables.entries()) {
    let group: RowGroup | null = null;
    let inAppeals = table.section === 3;
    // Table 二 blocks follow the edition their column headings name, the document's otherwise.
    let blockEdition: FormatVersion | null = null;
    for (const { label, values } of gridRows(table.rows)) {
      const legacy = legacyCell(label, values);
      if (legacy) {
        draft.legacy.set(legacy[0], legacy[1]);
        used.add(index);
        continue;
      }
      const text = normalizeLabel(label.join(''));
      if (/行政复议|行政诉讼/.test(text) && values.length === 0) inAppeals = true;
      if (HEADER.test(text)) blockEdition = headerEdition(text) ?? blockEdition;
      if (values.length === 0) {
        group = groupOf(text) ?? group;
        continue;
      }
      if (HEADER.test(text)) continue;
      const last = normalizeLabel(label[label.length - 1] ?? '');
      const proactive = matchProactiveRow(last) ?? matchProactiveRow(text.replace(PROACTIVE_ITEM, ''));
      if (proactive) {
        putProactiveRow(draft, blockEdition ?? edition, proactive, values);
        used.add(index);
        continue;
      }
      const appealGroup = appealGroupOf(text);
      if (appealGroup && values.length >= 4 && values.length < 15) {
        for (const [i, c] of APPEAL_COLUMNS.entries()) draft.cells.set(`appeals.${appealGroup}.${c}`, values[i] ?? '');
        used.add(index);
        continue;
      }
      const row = text === '' ? null : matchRequestRow(text, group);
      if (row && values.length >= 2) {
        group = groupOf(text) ?? (row !== 'otherSingleRow' && UNGROUPED_ROWS.has(row) ? null : group);
        used.add(index);
        if (row === 'otherSingleRow') singleOther ??= values;
        else if (!seen.has(row)) {
          seen.add(row);
          putRequestRow(draft, row, values);
        }
        continue;
      }
      // Table 四: 15 figures in one row, under a header that may be missing.
      if (values.length >= 15 && (inAppeals || !row)) {
        putAppeals(draft, values.slice(0, 15));
        used.add(index);
      }
    }
  }
  // A "（六）其他处理" row followed by its three numbered rows is a group heading, not a one-row （六）.
  if (singleOther && ![...OTHER_LEAVES].some((r) => seen.has(r))) putRequestRow(draft, 'otherSingleRow', singleOther);
  return { used };
}
