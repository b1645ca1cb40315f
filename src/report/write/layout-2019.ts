// The 2019 edition of the national form (国办公开办函〔2019〕60号), for reports with formatVersion '2019', so that
// such a report is printed as it was published and reads back identically (spec §7):
// - table 二 has its own rows and columns; its cells come from `legacy`, keyed exactly as the readers store them
//   ("第二十条第（一）项/规章/本年新制作数量", see PROACTIVE_2019), except the 处理决定数量 of 行政许可, 行政处罚 and
//   行政强制, which are the 2021 cells proactive.licensing/punishment/coercion;
// - table 三 prints （六）其他处理 as one row holding otherOther (23 rows).
// Whatever this layout has no place for is never dropped: a report whose 2021-only table 二 cells (rules,
// normativeDocuments, feesTenThousandYuan) are not 0 keeps the 2021 table 二; one whose otherNoCorrection or
// otherUnpaidFee is not 0 keeps the three （六） rows; and a legacy cell that is not printed in the 2019 table 二
// (an unknown key, or a 处理决定数量 that differs from its 2021 cell) goes to the appendix table (layout.ts).
import { SECTION_TITLES } from '../labels.ts';
import { type AnnualReport, APPLICANT_COLUMNS, getCell, REQUEST_ROWS, type RequestRow } from '../model.ts';
import { PROACTIVE_2019, PROACTIVE_2019_MAPPED, type ProactiveRow } from '../read/labels-match.ts';
import {
  col,
  type FormCell,
  type FormRow,
  type FormTable,
  formatValue,
  legacyCell,
  rowHead,
  valueCell,
} from './form-cells.ts';

/** Rows of the 2019 table 二 in printed order; consecutive rows with the same item form one block. */
const ROWS_2019: ProactiveRow[] = [
  'rules',
  'normativeDocuments',
  'licensing',
  'otherServices',
  'punishment',
  'coercion',
  'fees',
  'procurement',
];
const MAPPED_COLUMN = '处理决定数量';
/** Grid columns: the label, then at most three values (a row with two stretches its last over two). */
const COLUMNS = 4;

export function legacyKey(row: ProactiveRow, column: string): string {
  const { item, label } = PROACTIVE_2019[row];
  return `${item}/${label}/${column}`;
}

/** The 2021 path a cell of the 2019 table 二 is printed from, if it maps (spec §7). */
function mappedPath(row: ProactiveRow, column: string): string | null {
  return column === MAPPED_COLUMN ? (PROACTIVE_2019_MAPPED[row] ?? null) : null;
}

/** Whether table 二 is printed in the 2019 layout: a 2019-edition report with nothing in the 2021-only cells. */
export function uses2019Proactive(report: AnnualReport): boolean {
  const p = report.proactive;
  const docs = [p.rules, p.normativeDocuments].flatMap((d) => [d.issued, d.repealed, d.inForce]);
  return report.formatVersion === '2019' && [...docs, p.feesTenThousandYuan].every((v) => v === 0);
}

/** Whether table 三 prints （六）其他处理 as one row: a 2019-edition report with 0 in the two rows it lacks. */
export function singleOtherRow(report: AnnualReport): boolean {
  if (report.formatVersion !== '2019') return false;
  const rows: RequestRow[] = ['otherNoCorrection', 'otherUnpaidFee'];
  return rows.every((r) => APPLICANT_COLUMNS.every((c) => report.requests[r][c] === 0));
}

/** Table 三 rows as printed for this report (the two first （六） rows dropped when （六） is one row). */
export function printedRequestRows(report: AnnualReport): RequestRow[] {
  if (!singleOtherRow(report)) return [...REQUEST_ROWS];
  return REQUEST_ROWS.filter((r) => r !== 'otherNoCorrection' && r !== 'otherUnpaidFee');
}

/** Label of （六） printed as one row. */
export const SINGLE_OTHER_LABEL = '（六）其他处理';

/**
 * Legacy keys printed in the 2019 table 二 of this report (empty when table 二 keeps the 2021 layout). A
 * 处理决定数量 key is printed there only when it holds the same figure as its 2021 cell; otherwise the 2021 cell
 * is printed in the table and the legacy figure in the appendix, so that both read back.
 */
export function legacyKeysInTable(report: AnnualReport): Set<string> {
  const keys = new Set<string>();
  if (!uses2019Proactive(report)) return keys;
  const legacy = report.legacy ?? {};
  for (const row of ROWS_2019) {
    for (const column of PROACTIVE_2019[row].columns) {
      const key = legacyKey(row, column);
      const path = mappedPath(row, column);
      const held = legacy[key];
      if (held === undefined) continue;
      if (path === null || formatValue(held) === formatValue(getCell(report, path))) keys.add(key);
    }
  }
  return keys;
}

/** Table 二 of the 2019 edition: five blocks (（一）（五）（六）（八）（九）), each its item, its header, its rows. */
export function proactive2019Table(report: AnnualReport): FormTable {
  const legacy = report.legacy ?? {};
  const rows: FormRow[] = [];
  const stretch = (cells: FormCell[]): FormCell[] => {
    const last = cells[cells.length - 1] as FormCell;
    cells[cells.length - 1] = { ...last, colSpan: COLUMNS - cells.length + 1 };
    return cells;
  };
  let item = '';
  for (const row of ROWS_2019) {
    const layout = PROACTIVE_2019[row];
    if (layout.item !== item) {
      item = layout.item;
      rows.push({ cells: [{ kind: 'block', text: item, colSpan: COLUMNS }] });
      rows.push({ cells: stretch([col('信息内容'), ...layout.columns.map((c) => col(c))]) });
    }
    const values = layout.columns.map((column) => {
      const path = mappedPath(row, column);
      return path ? valueCell(report, path) : legacyCell(legacyKey(row, column), legacy[legacyKey(row, column)]);
    });
    rows.push({ cells: stretch([rowHead(layout.label), ...values]) });
  }
  return {
    id: 'proactive',
    caption: `表二：${SECTION_TITLES[1].slice(2)}（2019年版）`,
    widths: [1.4, 1, 1, 1],
    headerRows: 0,
    rows,
  };
}
