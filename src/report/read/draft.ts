// What every reader produces before the report exists: raw cell text by path plus the document's text.
// `finishDraft` turns it into an AnnualReport and the reading diagnostics (not-a-number, blank-cell,
// section-title), the same way for every format.
import { type Diagnostic, diagnostic, ReadError } from '../diagnostics.ts';
import { cellName } from '../labels.ts';
import {
  type AnnualReport,
  APPEAL_PATHS,
  APPLICANT_COLUMNS,
  CELL_PATHS,
  emptyReport,
  type FormatVersion,
  isDecimalCell,
  PROACTIVE_PATHS,
  REQUEST_ROWS,
  type RequestRow,
  setCell,
} from '../model.ts';
import { detectDocumentFacts } from './facts.ts';
import {
  detectEdition,
  PROACTIVE_2019,
  PROACTIVE_2019_MAPPED,
  PROACTIVE_2021,
  type ProactiveRow,
} from './labels-match.ts';
import { sectionDiagnostics, splitSections } from './sections.ts';

export interface ReportDraft {
  /** Raw text of each table cell found, by dotted path ("" for a cell printed empty). */
  cells: Map<string, string>;
  /** 2019-edition table 二 cells by "item/row/column" label. */
  legacy: Map<string, string>;
  /** （六）其他处理 was printed as one row. */
  otherSingleRow: boolean;
  /** Narrative paragraphs outside the tables, in document order (headings included). */
  paragraphs: string[];
  /** All text of the document in reading order, tables included (edition markers, title). */
  fullText: string;
  /** Facts the container states outside the body (HTML meta, DOCX properties). */
  title?: string | null;
  publishedOn?: string | null;
}

export function newDraft(): ReportDraft {
  return { cells: new Map(), legacy: new Map(), otherSingleRow: false, paragraphs: [], fullText: '' };
}

export function putRequestRow(draft: ReportDraft, row: RequestRow | 'otherSingleRow', values: string[]): void {
  const target: RequestRow = row === 'otherSingleRow' ? 'otherOther' : row;
  if (row === 'otherSingleRow') draft.otherSingleRow = true;
  APPLICANT_COLUMNS.forEach((col, i) => {
    draft.cells.set(`requests.${target}.${col}`, values[i] ?? '');
  });
}

/** Table 四 as printed: 15 cells, 复议 then 直接起诉 then 复议后起诉, each 维持/纠正/其他/未审结/总计. */
export function putAppeals(draft: ReportDraft, values: string[]): void {
  APPEAL_PATHS.forEach((path, i) => {
    draft.cells.set(path, values[i] ?? '');
  });
}

export function putProactiveRow(draft: ReportDraft, edition: FormatVersion, row: ProactiveRow, values: string[]): void {
  if (edition === '2021') {
    const paths = PROACTIVE_2021[row];
    if (paths) for (const [i, p] of paths.entries()) draft.cells.set(p, values[i] ?? '');
    return;
  }
  const layout = PROACTIVE_2019[row];
  layout.columns.forEach((col, i) => {
    draft.legacy.set(`${layout.item}/${layout.label}/${col}`, values[i] ?? '');
  });
  const mapped = PROACTIVE_2019_MAPPED[row];
  if (mapped) draft.cells.set(mapped, values[layout.columns.indexOf('处理决定数量')] ?? '');
}

const FULL_WIDTH = /[０-９．]/g;

/** The cell text as a number, or why it is not one. */
export function parseCell(raw: string, decimal: boolean): number | 'blank' | 'invalid' {
  const t = raw
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，\u00a0\u3000]/g, '');
  if (t === '') return 'blank';
  // A count beyond 2^53 is a typing error, not a number of applications.
  if (/^\d+$/.test(t)) return Number.isSafeInteger(Number(t)) ? Number(t) : 'invalid';
  if (decimal && /^\d+\.\d+$|^\d+\.$/.test(t)) return Number.isFinite(Number(t)) ? Number(t) : 'invalid';
  return 'invalid';
}

export interface ReadResult {
  report: AnnualReport;
  /** Diagnostics found while reading (not-a-number, blank-cell, section-title). */
  diagnostics: Diagnostic[];
}

export interface ReadOptions {
  year?: number;
  agency?: string;
}

function tableOf(path: string): string {
  if (path.startsWith('proactive.')) return '表二';
  if (path.startsWith('requests.')) return '表三';
  return '表四';
}

/** Row of a cell for grouping blank-cell warnings: "requests.granted" for "requests.granted.total". */
function rowOf(path: string): string {
  return path.startsWith('requests.') || path.startsWith('appeals.') ? path.split('.').slice(0, 2).join('.') : path;
}

export function finishDraft(draft: ReportDraft, options: ReadOptions = {}): ReadResult {
  if (draft.cells.size === 0 && draft.legacy.size === 0) {
    throw new ReadError('文件中没有找到政府信息公开工作年度报告的统计表格（主动公开、申请办理、复议诉讼情况）');
  }
  const edition = detectEdition(draft.fullText) ?? '2021';
  const facts = detectDocumentFacts(draft);
  const year = options.year ?? facts.year;
  if (year === null) {
    throw new ReadError('无法确定报告年度：文件中没有写明“XXXX年政府信息公开工作年度报告”等年度信息，请用 --year 指定');
  }
  const report = emptyReport(year, options.agency ?? facts.agency);
  report.formatVersion = edition;
  report.publishedOn = draft.publishedOn ?? facts.publishedOn;
  const diagnostics: Diagnostic[] = [];

  // A 2019-edition table 二 has no place for the 2021 cells; they stay 0 without a warning.
  const notExpected = new Set<string>(edition === '2019' ? PROACTIVE_PATHS : []);
  const blanks = new Map<string, string[]>();
  const optionalInSingleRow = new Set(
    draft.otherSingleRow
      ? APPLICANT_COLUMNS.flatMap((c) => [`requests.otherNoCorrection.${c}`, `requests.otherUnpaidFee.${c}`])
      : [],
  );
  for (const path of CELL_PATHS) {
    const raw = draft.cells.get(path);
    if (raw === undefined) {
      if (!notExpected.has(path) && !optionalInSingleRow.has(path)) pushTo(blanks, rowOf(path), path);
      continue;
    }
    const value = parseCell(raw, isDecimalCell(path));
    if (value === 'blank') pushTo(blanks, rowOf(path), path);
    else if (value === 'invalid') {
      const kind = isDecimalCell(path) ? '非负数' : '非负整数';
      diagnostics.push(
        diagnostic('not-a-number', `${tableOf(path)}“${cellName(path)}”填写为“${raw.trim()}”，不是${kind}，按0计`, [
          path,
        ]),
      );
    } else setCell(report, path, value);
  }
  for (const [row, paths] of blanks) {
    const names = paths.map(cellName);
    const what = paths.length === 1 ? `“${names[0]}”为空` : `${paths.length}个单元格为空（${names.join('、')}）`;
    diagnostics.push(diagnostic('blank-cell', `${tableOf(row)}${what}，按0计`, paths));
  }

  if (draft.otherSingleRow && edition === '2021') {
    diagnostics.push(
      diagnostic(
        'section-title',
        '表三“（六）其他处理”只有一行，2021年版格式应分为“1.申请人无正当理由逾期不补正……”“2.申请人逾期未按收费通知要求缴纳费用……”“3.其他”三行；该行数字已计入“3.其他”',
        APPLICANT_COLUMNS.map((c) => `requests.otherOther.${c}`),
      ),
    );
  }

  if (draft.legacy.size > 0) {
    report.legacy = {};
    for (const [key, raw] of draft.legacy) {
      const value = raw.replace(/\s/g, '');
      report.legacy[key] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    }
  }

  const sections = splitSections(draft.paragraphs);
  report.text = {
    overview: sections.overview,
    problems: sections.problems,
    other: withoutSignature(sections.other, report.agency),
  };
  diagnostics.push(...sectionDiagnostics(sections.headings));
  return { report, diagnostics };
}

/**
 * The signature closing a report (the agency's name and the date, e.g. "淮安市人民政府办公室\n2025年1月20日")
 * is not part of section 六; the date is kept as publishedOn.
 */
function withoutSignature(text: string, agency: string | null): string {
  const lines = text.split('\n');
  const isDate = (l: string) =>
    /^(\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$/.test(
      l.replace(/\s+/g, ''),
    );
  if (lines.length > 1 && isDate(lines.at(-1) ?? '')) {
    lines.pop();
    const last = (lines.at(-1) ?? '').replace(/\s+/g, '');
    if (lines.length > 1 && last.length <= 30 && (last === agency || /(人民政府|局|委员会|办公室|中心)$/.test(last)))
      lines.pop();
  }
  return lines.join('\n');
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Rows of table 三 a reader expects to find, in order (used by readers that walk rows). */
export const EXPECTED_REQUEST_ROWS: readonly RequestRow[] = REQUEST_ROWS;
