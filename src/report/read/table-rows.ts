// The tables of a report read record by record (a record is one text line, or one row of explicit cells),
// shared by the plain-text and PDF readers. Labels may be split over several records and values may follow
// on a line of their own, so label fragments wait in `pending` until a run of values completes a row.
import { APPEAL_GROUPS, type AppealGroup, CASE_COLUMNS, type FormatVersion, type RequestRow } from '../model.ts';
import { putAppeals, putProactiveRow, putRequestRow, type ReportDraft } from './draft.ts';
import {
  groupOf,
  headerEdition,
  LEGACY_KEY,
  matchProactiveRow,
  matchRequestRow,
  normalizeLabel,
  PROACTIVE_2019,
  PROACTIVE_2021,
  type ProactiveRow,
  type RowGroup,
  UNGROUPED_ROWS,
} from './labels-match.ts';

export type TableId = 2 | 3 | 4;

/** A cell value as printed: a number (half/full width, thousands separators, sign) or a not-applicable mark. */
const VALUE = /^[+\-－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?$|^[/／\\—–\-－―]{1,4}$/;

export function isValueToken(text: string): boolean {
  return VALUE.test(text.replace(/\s+/g, ''));
}

/** Label fragments kept while waiting for values; a long run is narrative, not a split label. */
const MAX_PENDING = 16;

/** Which table a label opens, judged by the words only that table prints. */
export function tableMarker(label: string): TableId | null {
  // Cheap test first: this runs on every narrative line.
  if (!/二十条|勾稽|申请人情况/.test(label)) return null;
  const t = normalizeLabel(label);
  if (/^第二十条第/.test(t) && t.length < 24) return 2;
  if (/勾稽关系|^申请人情况$/.test(t)) return 3;
  return null;
}

function appealGroupOf(label: string): AppealGroup | null {
  const t = normalizeLabel(label);
  if (t.includes('复议后起诉')) return 'litigationAfterReconsideration';
  if (t.includes('直接起诉')) return 'litigationDirect';
  if (t.includes('行政复议') && !t.includes('诉讼')) return 'reconsideration';
  return null;
}

interface OpenRow {
  n: number;
  values: string[];
  put: (values: string[]) => void;
}

export class TableReader {
  table: TableId | null = null;
  private pending: string[] = [];
  private group: RowGroup | null = null;
  /** A row printed with fewer values than columns, still accepting values-only lines (space-separated text). */
  private open: OpenRow | null = null;
  private appealValues: string[] = [];
  private appealsDone = false;
  private requestsDone = false;
  /**
   * The edition of the table 二 block being read, from its column headings (a document may mix them: see
   * headerEdition).
   */
  private blockEdition: FormatVersion | null = null;

  constructor(
    private readonly draft: ReportDraft,
    private readonly edition: FormatVersion,
  ) {}

  enter(table: TableId | null): void {
    if (table === this.table) return;
    this.finishTable();
    this.table = table;
  }

  finish(): void {
    this.finishTable();
    this.table = null;
  }

  /**
   * One record of a table zone. `explicit` cells (seed layout, Markdown, tab-separated) show blank cells
   * as ""; space-separated text cannot show them.
   */
  feed(cells: readonly string[], explicit: boolean): void {
    if (this.table === 2 && explicit && this.feedLegacy(cells)) return;
    const { label, values } = splitRecord(cells, explicit);
    const marker = label ? tableMarker(label) : null;
    if (marker && marker !== this.table && !(marker === 2 && this.table !== null)) this.enter(marker);
    if (this.table === 3 && this.requestsDone && /复议|诉讼/.test(label)) this.enter(4);
    if (this.table === 4) {
      this.feedAppeals(label, values, explicit);
      return;
    }
    if (values.length === 0) {
      if (label) this.pushPending(label);
      return;
    }
    if (label === '' && this.open) {
      this.open.values.push(...values);
      if (this.open.values.length >= this.open.n) this.closeOpen();
      return;
    }
    this.closeOpen();
    if (this.table === 2) this.feedProactive(label, values, explicit);
    else if (this.table === 3) this.feedRequest(label, values, explicit);
    this.pending = [];
  }

  /**
   * A 2019-edition cell kept verbatim, as our writers print it after table 二:
   * "| 第二十条第（一）项/规章/本年新制作数量 | 5 |".
   */
  private feedLegacy(cells: readonly string[]): boolean {
    const [key = '', value, ...rest] = cells.map((c) => c.trim());
    if (value === undefined || rest.length > 0 || !LEGACY_KEY.test(key)) return false;
    this.draft.legacy.set(key, value);
    return true;
  }

  private pushPending(label: string): void {
    if (this.table === 2) this.blockEdition = headerEdition(label) ?? this.blockEdition;
    this.closeOpen();
    this.pending.push(label);
    if (this.pending.length > MAX_PENDING) this.pending.shift();
  }

  /** The shortest run of trailing label fragments (this record's label first) that names a row. */
  private resolve<T>(label: string, match: (candidate: string) => T | null): { row: T; text: string } | null {
    let candidate = label;
    if (candidate) {
      const row = match(candidate);
      if (row !== null) return { row, text: candidate };
    }
    for (let i = this.pending.length - 1; i >= 0; i--) {
      candidate = `${this.pending[i]}${candidate}`;
      const row = match(candidate);
      if (row !== null) return { row, text: candidate };
    }
    return null;
  }

  private feedRequest(label: string, values: string[], explicit: boolean): void {
    const context = this.pending.join('') + label;
    const heading = /予|无法|其他处理/.test(context) ? groupOf(context) : null;
    const found = this.resolve(label, (c) => matchRequestRow(c, heading ?? this.group));
    if (!found) return;
    const row = found.row;
    this.group =
      row !== 'otherSingleRow' && UNGROUPED_ROWS.has(row) ? null : (heading ?? groupOf(found.text) ?? this.group);
    if (row === 'carriedForward') this.requestsDone = true;
    this.place(7, values, explicit, true, (v) => putRequestRow(this.draft, row as RequestRow | 'otherSingleRow', v));
  }

  private feedProactive(label: string, values: string[], explicit: boolean): void {
    const found = this.resolve(label, (c) => matchProactiveRow(stripItemHeading(c)));
    if (!found) {
      // A report without the 三 heading: its first row still opens table 三.
      if (matchRequestRow(label) === 'received') {
        this.enter(3);
        this.feedRequest(label, values, explicit);
      }
      return;
    }
    const row: ProactiveRow = found.row;
    const edition = this.blockEdition ?? this.edition;
    const n = edition === '2021' ? (PROACTIVE_2021[row]?.length ?? 0) : PROACTIVE_2019[row].columns.length;
    if (n === 0) return;
    this.place(n, values, explicit, false, (v) => putProactiveRow(this.draft, edition, row, v));
  }

  private feedAppeals(label: string, values: string[], explicit: boolean): void {
    if (this.appealsDone || values.length === 0) return;
    const group = appealGroupOf(label);
    if (group && values.length <= CASE_COLUMNS.length && this.appealValues.length === 0) {
      // A layout with one labelled row per group (行政复议 / 未经复议直接起诉 / 复议后起诉).
      CASE_COLUMNS.forEach((c, i) => {
        this.draft.cells.set(`appeals.${group}.${c}`, values[i] ?? '');
      });
      return;
    }
    this.appealValues.push(...values);
    const n = APPEAL_GROUPS.length * CASE_COLUMNS.length;
    if (explicit) while (this.appealValues.length > n && this.appealValues[0] === '') this.appealValues.shift();
    if (this.appealValues.length >= n) {
      putAppeals(this.draft, this.appealValues.slice(0, n));
      this.appealsDone = true;
    }
  }

  /** Put a row now, or (space-separated text, too few values) keep it open for values on the next lines. */
  private place(n: number, values: string[], explicit: boolean, summed: boolean, put: (v: string[]) => void): void {
    const fitted = fitValues(values, n, explicit, summed);
    if (!explicit && fitted.length < n) this.open = { n, values: fitted, put };
    else put(fitted);
  }

  private closeOpen(): void {
    const open = this.open;
    this.open = null;
    if (open) open.put(open.values.slice(0, open.n));
  }

  private finishTable(): void {
    this.closeOpen();
    if (this.table === 4 && !this.appealsDone && this.appealValues.length > 0) {
      putAppeals(this.draft, this.appealValues);
      this.appealsDone = true;
    }
    this.pending = [];
    this.group = null;
  }
}

/** Leading label cells/tokens, and the trailing run of values (blank explicit cells count as values). */
export function splitRecord(cells: readonly string[], explicit: boolean): { label: string; values: string[] } {
  let i = cells.length;
  while (i > 0) {
    const cell = cells[i - 1] as string;
    if (!(isValueToken(cell) || (explicit && cell.trim() === ''))) break;
    i--;
  }
  let values = cells.slice(i).map((c) => c.trim());
  // A row of explicit blanks only is a heading row (or an empty row, which reads the same: every cell blank).
  if (values.every((v) => v === '')) values = [];
  const label = cells
    .slice(0, i)
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .join(' ');
  return { label, values };
}

/** "第二十条第（五）项 信息内容 行政许可" → "行政许可": item headings that a writer may print in the label cell. */
function stripItemHeading(label: string): string {
  return normalizeLabel(label)
    .replace(/第二十条第?（[一二三四五六七八九十]+）项/g, '')
    .replace(/^信息内容/, '');
}

/**
 * The printed values fitted to n columns. Space-separated text may split one number ("1 288"): when there
 * are a few tokens too many, merge neighbours so that the last column is the sum of the others, if exactly
 * one way does; otherwise keep the last n tokens (extra leading ones are more likely stray label digits).
 */
function fitValues(values: string[], n: number, explicit: boolean, summed: boolean): string[] {
  let v = values;
  if (explicit) while (v.length > n && v[0] === '') v = v.slice(1);
  if (v.length <= n) return v;
  if (!explicit && summed && v.length - n <= 3) {
    const merged = mergeBySum(v, n);
    if (merged) return merged;
  }
  return explicit ? v.slice(0, n) : v.slice(v.length - n);
}

function mergeBySum(tokens: string[], n: number): string[] | null {
  if (!tokens.every((t) => /^\d+$/.test(t))) return null;
  const solutions: string[][] = [];
  const walk = (at: number, acc: string[]): void => {
    if (solutions.length > 1) return;
    const left = n - acc.length;
    if (left === 0) {
      if (at === tokens.length) check(acc);
      return;
    }
    const maxTake = tokens.length - at - (left - 1);
    for (let take = 1; take <= maxTake && take <= 4; take++)
      walk(at + take, [...acc, tokens.slice(at, at + take).join('')]);
  };
  const check = (cells: string[]): void => {
    const nums = cells.map(Number);
    const total = nums[n - 1] as number;
    if (nums.slice(0, n - 1).reduce((a, b) => a + b, 0) === total && cells.every((c) => !/^0\d/.test(c))) {
      solutions.push(cells);
    }
  };
  walk(0, []);
  return solutions.length === 1 ? (solutions[0] as string[]) : null;
}
