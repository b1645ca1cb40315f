// The national form (国办公开办函〔2021〕30号) as grids of cells with their merges, shared by the HTML, DOCX and
// XLSX writers so that every output has the same rows, the same merged header cells and the same cell paths.
// Row order and merges follow the circulated blank Word template (template-2021-blank.docx). A report of the
// 2019 edition is printed in that edition's table 二 and one-row （六） (layout-2019.ts).

import {
  APPLICANT_LABELS,
  BALANCE_NOTE,
  CASE_LABELS,
  DOC_LABELS,
  GROUP_RESULTS,
  REPORT_TITLE_SUFFIX,
  REQUEST_ROW_LABELS,
  SECTION_TITLES,
} from '../labels.ts';
import {
  type AnnualReport,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  APPLICANT_KINDS,
  CASE_COLUMNS,
  DOC_COLUMNS,
  type RequestRow,
} from '../model.ts';
import {
  col,
  type FormCell,
  type FormRow,
  type FormTable,
  legacyCell,
  rowHead,
  valueCell as value,
} from './form-cells.ts';
import {
  legacyKeysInTable,
  printedRequestRows,
  proactive2019Table,
  SINGLE_OTHER_LABEL,
  singleOtherRow,
  uses2019Proactive,
} from './layout-2019.ts';

export type { FormCell, FormRow, FormTable } from './form-cells.ts';
export { formatValue } from './form-cells.ts';

export function reportTitle(report: AnnualReport): string {
  return `${report.agency ?? ''}${report.year}年${REPORT_TITLE_SUFFIX}`;
}

/** The title split where a printed title breaks its line: agency, then year and suffix. */
export function titleLines(report: AnnualReport): string[] {
  const rest = `${report.year}年${REPORT_TITLE_SUFFIX}`;
  return report.agency ? [report.agency, rest] : [rest];
}

/** Paragraphs of a narrative section: split on newlines, trimmed, blank lines dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** "2025-02-25" → "2025年2月25日"; anything else is printed as given. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

function proactiveTable(report: AnnualReport): FormTable {
  if (uses2019Proactive(report)) return proactive2019Table(report);
  const rows: FormRow[] = [];
  const single = (item: string, heading: string, entries: [string, string][]) => {
    rows.push({ cells: [{ kind: 'block', text: item, colSpan: 4 }] });
    rows.push({ cells: [col('信息内容'), col(heading, 3)] });
    for (const [label, path] of entries) rows.push({ cells: [rowHead(label), { ...value(report, path), colSpan: 3 }] });
  };
  rows.push({ cells: [{ kind: 'block', text: '第二十条第（一）项', colSpan: 4 }] });
  rows.push({ cells: [col('信息内容'), ...DOC_COLUMNS.map((c) => col(DOC_LABELS[c]))] });
  for (const [label, key] of [
    ['规章', 'rules'],
    ['行政规范性文件', 'normativeDocuments'],
  ] as const) {
    rows.push({ cells: [rowHead(label), ...DOC_COLUMNS.map((c) => value(report, `proactive.${key}.${c}`))] });
  }
  single('第二十条第（五）项', '本年处理决定数量', [['行政许可', 'proactive.licensing']]);
  single('第二十条第（六）项', '本年处理决定数量', [
    ['行政处罚', 'proactive.punishment'],
    ['行政强制', 'proactive.coercion'],
  ]);
  single('第二十条第（八）项', '本年收费金额（单位：万元）', [['行政事业性收费', 'proactive.feesTenThousandYuan']]);
  return { id: 'proactive', caption: `表二：${SECTION_TITLES[1].slice(2)}`, widths: [1, 1, 1, 1], headerRows: 0, rows };
}

/** Legacy cells that table 二 as printed has no place for (all of them when it is in the 2021 layout). */
export function appendixEntries(report: AnnualReport): [string, number | string][] {
  const inTable = legacyKeysInTable(report);
  return Object.entries(report.legacy ?? {}).filter(([key]) => !inTable.has(key));
}

/**
 * Cells of a 2019-edition table 二 that have no place in the printed table 二, one row each: the key verbatim
 * (e.g. "第二十条第（一）项/规章/本年新制作数量") and the value, so that a reader can restore `legacy` exactly.
 */
function legacyTable(report: AnnualReport): FormTable | null {
  const entries = appendixEntries(report);
  if (entries.length === 0) return null;
  const rows: FormRow[] = [{ cells: [col('栏目'), col('数值')] }];
  for (const [key, v] of entries) rows.push({ cells: [rowHead(key), legacyCell(key, v)] });
  return {
    id: 'legacy',
    caption: '附表：2019年版表二中无对应栏目的数据（原样保留）',
    widths: [3, 1],
    headerRows: 1,
    rows,
  };
}

/** Leaf rows of table 三 grouped as printed: （三）不予公开 8 rows, （四） 3, （五） 5, （六） 3 (unless one row). */
const SUB_GROUPS = new Map<RequestRow, number>([
  ['withheldStateSecret', 8],
  ['unableNotHeld', 3],
  ['rejectedPetition', 5],
  ['otherNoCorrection', 3],
]);

function requestsTable(report: AnnualReport): FormTable {
  const rows: FormRow[] = [
    { cells: [{ kind: 'note', text: BALANCE_NOTE, colSpan: 3, rowSpan: 3 }, col('申请人情况', 7)] },
    { cells: [col(APPLICANT_LABELS.naturalPerson, 1, 2), col('法人或其他组织', 5), col(APPLICANT_LABELS.total, 1, 2)] },
    { cells: APPLICANT_KINDS.slice(1).map((k) => col(APPLICANT_LABELS[k])) },
  ];
  const printed = printedRequestRows(report);
  const single = singleOtherRow(report);
  const resultRows = printed.indexOf('totalHandled') - printed.indexOf('granted') + 1;
  for (const row of printed) {
    const label = REQUEST_ROW_LABELS[row];
    const values = APPLICANT_COLUMNS.map((c) => value(report, `requests.${row}.${c}`));
    const cells: FormCell[] = [];
    if (row === 'granted') cells.push({ ...rowHead(GROUP_RESULTS, 1, resultRows), vertical: true });
    if (single && row === 'otherOther') cells.push(rowHead(SINGLE_OTHER_LABEL, 2));
    else if (label.group === null) cells.push(rowHead(label.label, 3));
    else if (label.group === GROUP_RESULTS) cells.push(rowHead(label.label, 2));
    else {
      const span = SUB_GROUPS.get(row);
      if (span) cells.push(rowHead(label.group, 1, span));
      cells.push(rowHead(label.label));
    }
    rows.push({ cells: [...cells, ...values] });
  }
  return {
    id: 'requests',
    caption: `表三：${SECTION_TITLES[2].slice(2)}`,
    widths: [0.55, 1.25, 4.2, 1, 1, 1, 1, 1, 1, 1],
    headerRows: 3,
    rows,
  };
}

function appealsTable(report: AnnualReport): FormTable {
  const caseCols = (rowSpan: number) => CASE_COLUMNS.map((c) => col(CASE_LABELS[c], 1, rowSpan));
  const rows: FormRow[] = [
    { cells: [col('行政复议', 5), col('行政诉讼', 10)] },
    { cells: [...caseCols(2), col('未经复议直接起诉', 5), col('复议后起诉', 5)] },
    { cells: [...caseCols(1), ...caseCols(1)] },
    { cells: APPEAL_GROUPS.flatMap((g) => CASE_COLUMNS.map((c) => value(report, `appeals.${g}.${c}`))) },
  ];
  return {
    id: 'appeals',
    caption: `表四：${SECTION_TITLES[3].slice(2)}`,
    widths: Array(15).fill(1),
    headerRows: 3,
    rows,
  };
}

/** A cell with its place in the grid: zero-based row and first grid column. */
export interface PlacedCell {
  cell: FormCell;
  row: number;
  col: number;
}

/** Places each cell of a table in the grid, skipping columns taken by cells merged down from rows above. */
export function placeCells(table: FormTable): PlacedCell[][] {
  const taken: number[] = table.widths.map(() => 0);
  return table.rows.map((row, r) => {
    let x = 0;
    const placed = row.cells.map((cell) => {
      while ((taken[x] ?? 0) > 0) x++;
      const at = { cell, row: r, col: x };
      for (let i = x; i < x + (cell.colSpan ?? 1); i++) taken[i] = cell.rowSpan ?? 1;
      x += cell.colSpan ?? 1;
      return at;
    });
    for (let i = 0; i < taken.length; i++) taken[i] = Math.max(0, (taken[i] ?? 0) - 1);
    return placed;
  });
}

/** The tables of the report, keyed by the section they follow. */
export function formTables(report: AnnualReport): {
  proactive: FormTable;
  legacy: FormTable | null;
  requests: FormTable;
  appeals: FormTable;
} {
  return {
    proactive: proactiveTable(report),
    legacy: legacyTable(report),
    requests: requestsTable(report),
    appeals: appealsTable(report),
  };
}

/**
 * The report as a sequence of blocks in printed order: the writers walk this and render each block their way.
 */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; table: FormTable };

export function reportBlocks(report: AnnualReport): Block[] {
  const t = formTables(report);
  const section = (i: number): Block => ({ type: 'heading', text: SECTION_TITLES[i] as string });
  const text = (s: string): Block[] => paragraphs(s).map((p) => ({ type: 'paragraph', text: p }));
  return [
    section(0),
    ...text(report.text.overview),
    section(1),
    { type: 'table', table: t.proactive },
    ...(t.legacy ? [{ type: 'table', table: t.legacy } as Block] : []),
    section(2),
    { type: 'table', table: t.requests },
    section(3),
    { type: 'table', table: t.appeals },
    section(4),
    ...text(report.text.problems),
    section(5),
    ...text(report.text.other),
  ];
}
