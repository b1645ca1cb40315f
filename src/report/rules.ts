// The consistency rules of spec §6 that look at the report itself (the reading rules — not-a-number,
// blank-cell, section-title — are found by the readers). Pure: a report in, diagnostics out.
import { type Diagnostic, diagnostic } from './diagnostics.ts';
import { APPLICANT_LABELS, cellName, REQUEST_ROW_LABELS } from './labels.ts';
import {
  type AnnualReport,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  APPLICANT_KINDS,
  CASE_COLUMNS,
  OUTCOME_LEAVES,
  REQUEST_ROWS,
} from './model.ts';
import { narrativeMismatches } from './rules-text.ts';

export interface CheckOptions {
  /** The same agency's report for the year before: enables the cross-year rules. */
  previous?: AnnualReport | null;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const plus = (values: number[]) => values.join('+');

function balance(r: AnnualReport): Diagnostic[] {
  const q = r.requests;
  return APPLICANT_COLUMNS.flatMap((c) => {
    const inflow = q.received[c] + q.carriedOver[c];
    const outflow = q.totalHandled[c] + q.carriedForward[c];
    if (inflow === outflow) return [];
    return [
      diagnostic(
        'balance',
        `表三“${APPLICANT_LABELS[c]}”列勾稽关系不成立：一、本年新收${q.received[c]}+二、上年结转${q.carriedOver[c]}=${inflow}，` +
          `但三（七）总计${q.totalHandled[c]}+四、结转下年度${q.carriedForward[c]}=${outflow}，两者应相等`,
        ['received', 'carriedOver', 'totalHandled', 'carriedForward'].map((row) => `requests.${row}.${c}`),
      ),
    ];
  });
}

function outcomeSum(r: AnnualReport): Diagnostic[] {
  return APPLICANT_COLUMNS.flatMap((c) => {
    const leaves = OUTCOME_LEAVES.map((o) => r.requests[o][c]);
    const total = r.requests.totalHandled[c];
    if (sum(leaves) === total) return [];
    return [
      diagnostic('outcome-sum', `（七）总计·${APPLICANT_LABELS[c]}为${total}，但各办理结果之和为${sum(leaves)}`, [
        `requests.totalHandled.${c}`,
        ...OUTCOME_LEAVES.map((o) => `requests.${o}.${c}`),
      ]),
    ];
  });
}

function rowTotal(r: AnnualReport): Diagnostic[] {
  return REQUEST_ROWS.flatMap((row) => {
    const parts = APPLICANT_KINDS.map((c) => r.requests[row][c]);
    const total = r.requests[row].total;
    if (sum(parts) === total) return [];
    return [
      diagnostic(
        'row-total',
        `表三“${REQUEST_ROW_LABELS[row].short}”一行：总计为${total}，但自然人和各类法人或其他组织之和为${sum(parts)}（${plus(parts)}）`,
        APPLICANT_COLUMNS.map((c) => `requests.${row}.${c}`),
      ),
    ];
  });
}

function appealTotal(r: AnnualReport): Diagnostic[] {
  return APPEAL_GROUPS.flatMap((g) => {
    const group = r.appeals[g];
    const parts = [group.upheld, group.corrected, group.other, group.pending];
    if (sum(parts) === group.total) return [];
    return [
      diagnostic(
        'appeal-total',
        `${cellName(`appeals.${g}.total`)}为${group.total}，但结果维持、结果纠正、其他结果、尚未审结之和为${sum(parts)}（${plus(parts)}）`,
        CASE_COLUMNS.map((c) => `appeals.${g}.${c}`),
      ),
    ];
  });
}

function outdatedEdition(r: AnnualReport): Diagnostic[] {
  if (r.formatVersion !== '2019' || r.year < 2021) return [];
  return [
    diagnostic(
      'outdated-edition',
      `${r.year}年度报告应使用国办公开办函〔2021〕30号规定的格式，本报告仍使用2019年版表格（如“本年新制作数量”“政府集中采购”）`,
    ),
  ];
}

function feeStatement(r: AnnualReport): Diagnostic[] {
  if (/处理费|收取.{0,6}费|收费/.test(r.text.other.replace(/\s+/g, ''))) return [];
  return [
    diagnostic(
      'fee-statement',
      '“六、其他需要报告的事项”未说明信息处理费收取情况；未收取的也应写明（如“本年度未收取信息处理费”）',
    ),
  ];
}

function carriedOver(r: AnnualReport, previous: AnnualReport): Diagnostic[] {
  return APPLICANT_COLUMNS.flatMap((c) => {
    const now = r.requests.carriedOver[c];
    const before = previous.requests.carriedForward[c];
    if (now === before) return [];
    return [
      diagnostic(
        'carried-over',
        `表三“二、上年结转申请数量·${APPLICANT_LABELS[c]}”为${now}，但${previous.year}年度报告“四、结转下年度继续办理·${APPLICANT_LABELS[c]}”为${before}，两者应相等`,
        [`requests.carriedOver.${c}`],
      ),
    ];
  });
}

function inForceContinuity(r: AnnualReport, previous: AnnualReport): Diagnostic[] {
  if (r.formatVersion !== '2021' || previous.formatVersion !== '2021') return [];
  return (['rules', 'normativeDocuments'] as const).flatMap((kind) => {
    const now = r.proactive[kind];
    const before = previous.proactive[kind].inForce;
    const expected = before + now.issued - now.repealed;
    if (now.inForce === expected) return [];
    const name = kind === 'rules' ? '规章' : '行政规范性文件';
    return [
      diagnostic(
        'in-force-continuity',
        `表二“${name}·现行有效件数”为${now.inForce}，按${previous.year}年度现行有效${before}+本年制发${now.issued}-本年废止${now.repealed}推算应为${expected}（推算值，请核实）`,
        [`proactive.${kind}.inForce`, `proactive.${kind}.issued`, `proactive.${kind}.repealed`],
      ),
    ];
  });
}

/** Word 8-grams over text with digits blanked, so "2023年" and "2024年" count as the same words. */
function shingles(text: string): Set<string> {
  const t = text.replace(/[\s\p{P}]/gu, '').replace(/\d+/g, '0');
  const out = new Set<string>();
  for (let i = 0; i + 8 <= t.length; i++) out.add(t.slice(i, i + 8));
  return out;
}

/** Share of this text's 8-character runs found in the other text. */
export function sharedShare(text: string, other: string): number {
  const a = shingles(text);
  if (a.size === 0) return 0;
  const b = shingles(other);
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / a.size;
}

export const REPEATED_TEXT_THRESHOLD = 0.6;

function repeatedText(r: AnnualReport, previous: AnnualReport): Diagnostic[] {
  const sections = [
    ['overview', '一、总体情况'],
    ['problems', '五、存在的主要问题及改进情况'],
  ] as const;
  return sections.flatMap(([key, title]) => {
    const share = sharedShare(r.text[key], previous.text[key]);
    if (share < REPEATED_TEXT_THRESHOLD) return [];
    return [
      diagnostic(
        'repeated-text',
        `“${title}”有${Math.round(share * 100)}%的文字与${previous.year}年度报告相同，内容雷同（国办公开办函〔2021〕30号要求避免）`,
      ),
    ];
  });
}

function latePublication(r: AnnualReport): Diagnostic[] {
  if (!r.publishedOn) return [];
  // 条例第四十九、五十条: departments by 31 January, people's governments by 31 March of the next year.
  const government = r.agency === null || /人民政府$/.test(r.agency);
  const deadline = `${r.year + 1}-${government ? '03-31' : '01-31'}`;
  if (r.publishedOn <= deadline) return [];
  const who = r.agency === null ? '（未能确定报告机关，按人民政府的期限计）' : '';
  return [
    diagnostic(
      'late-publication',
      `报告发布于${r.publishedOn}，晚于法定期限${deadline}${who}（《条例》第四十九、五十条：部门为次年1月31日前，人民政府为次年3月31日前）`,
    ),
  ];
}

/** Every report-level rule of spec §6; the cross-year rules run only with `previous`. */
export function checkReport(report: AnnualReport, options: CheckOptions = {}): Diagnostic[] {
  const out = [
    ...outdatedEdition(report),
    ...balance(report),
    ...outcomeSum(report),
    ...rowTotal(report),
    ...appealTotal(report),
    ...feeStatement(report),
    ...narrativeMismatches(report),
    ...latePublication(report),
  ];
  const previous = options.previous;
  if (previous)
    out.push(
      ...carriedOver(report, previous),
      ...inForceContinuity(report, previous),
      ...repeatedText(report, previous),
    );
  return out;
}
