// The cells of a form grid and the small builders shared by the 2021 (layout.ts) and 2019 (layout-2019.ts)
// layouts of the national form.
import { type AnnualReport, getCell } from '../model.ts';

/**
 * One cell of a form grid. `kind` says what it is: a column header, a row header, a heading over a block of
 * rows (table 二's "第二十条第（一）项"), the 勾稽关系 note, or a value (with its dotted path).
 */
export interface FormCell {
  kind: 'col' | 'row' | 'block' | 'note' | 'value';
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Dotted cell path (values of the 2021 form) or legacy key (values of a 2019-edition table 二). */
  path?: string;
  legacy?: boolean;
  value?: number | string;
  /** A narrow column whose label stacks one character per line (三、本年度办理结果). */
  vertical?: boolean;
}

export interface FormRow {
  cells: FormCell[];
}

export interface FormTable {
  id: 'proactive' | 'legacy' | 'requests' | 'appeals';
  caption: string;
  /** Relative widths of the grid columns (they are scaled to the page by each writer). */
  widths: number[];
  /** How many leading rows are the column header (repeated on each printed page). */
  headerRows: number;
  rows: FormRow[];
}

/** A value exactly as held: integers as digits, 万元 amounts with their decimals, never rounded. */
export function formatValue(value: number | string): string {
  if (typeof value === 'string') return value;
  return Number.isFinite(value) ? String(value) : '';
}

/** The value cell of a 2021 cell path. */
export const valueCell = (report: AnnualReport, path: string): FormCell => ({
  kind: 'value',
  text: formatValue(getCell(report, path)),
  path,
  value: getCell(report, path),
});

/** The value cell of a legacy key: empty when the report does not hold it. */
export function legacyCell(key: string, value: number | string | undefined): FormCell {
  const cell: FormCell = {
    kind: 'value',
    text: value === undefined ? '' : formatValue(value),
    path: key,
    legacy: true,
  };
  if (value !== undefined) cell.value = value;
  return cell;
}

export const col = (text: string, colSpan = 1, rowSpan = 1): FormCell => ({ kind: 'col', text, colSpan, rowSpan });
export const rowHead = (text: string, colSpan = 1, rowSpan = 1): FormCell => ({
  kind: 'row',
  text,
  colSpan,
  rowSpan,
});
