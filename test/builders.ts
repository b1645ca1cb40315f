// Named builders for test data: reports that satisfy every arithmetic rule, and fast-check arbitraries
// of them for property tests.
import fc from 'fast-check';
import {
  type AnnualReport,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  APPLICANT_KINDS,
  CASE_COLUMNS,
  emptyReport,
  OUTCOME_LEAVES,
  type OutcomeCode,
} from '../src/report/model.ts';
import { PROACTIVE_2019, PROACTIVE_2019_MAPPED, type ProactiveRow } from '../src/report/read/labels-match.ts';

export interface ReportFigures {
  year?: number;
  agency?: string | null;
  /** outcomes[leaf][kindIndex] */
  outcome?: (leaf: OutcomeCode, kind: number) => number;
  carriedOver?: (kind: number) => number;
  carriedForward?: (kind: number) => number;
  appeal?: (group: number, column: number) => number;
}

/** Fill the derived cells (totals, received) so that balance, outcome-sum, row-total and appeal-total hold. */
export function completeTotals(r: AnnualReport): AnnualReport {
  const q = r.requests;
  for (const kind of APPLICANT_KINDS) {
    q.totalHandled[kind] = OUTCOME_LEAVES.reduce((s, o) => s + q[o][kind], 0);
    q.received[kind] = q.totalHandled[kind] + q.carriedForward[kind] - q.carriedOver[kind];
    if (q.received[kind] < 0) {
      q.carriedOver[kind] += q.received[kind];
      q.received[kind] = 0;
    }
  }
  for (const row of Object.keys(q) as (keyof typeof q)[]) {
    q[row].total = APPLICANT_KINDS.reduce((s, k) => s + q[row][k], 0);
  }
  for (const g of APPEAL_GROUPS) {
    const a = r.appeals[g];
    a.total = a.upheld + a.corrected + a.other + a.pending;
  }
  return r;
}

/** A consistent report with distinct, non-zero figures by default, so misplaced cells are caught. */
export function buildReport(figures: ReportFigures = {}): AnnualReport {
  const r = emptyReport(figures.year ?? 2024, figures.agency === undefined ? '示例区教育局' : figures.agency);
  const outcome = figures.outcome ?? ((leaf, kind) => ((OUTCOME_LEAVES.indexOf(leaf) * 7 + kind * 3) % 11) + 1);
  APPLICANT_KINDS.forEach((kind, k) => {
    for (const leaf of OUTCOME_LEAVES) r.requests[leaf][kind] = outcome(leaf, k);
    r.requests.carriedOver[kind] = figures.carriedOver?.(k) ?? k + 1;
    r.requests.carriedForward[kind] = figures.carriedForward?.(k) ?? k + 2;
  });
  APPEAL_GROUPS.forEach((g, gi) => {
    CASE_COLUMNS.slice(0, 4).forEach((c, ci) => {
      r.appeals[g][c] = figures.appeal?.(gi, ci) ?? gi * 4 + ci + 1;
    });
  });
  r.proactive = {
    rules: { issued: 1, repealed: 2, inForce: 11 },
    normativeDocuments: { issued: 8, repealed: 26, inForce: 66 },
    licensing: 447228,
    punishment: 3985758,
    coercion: 88283,
    feesTenThousandYuan: 18651.06,
  };
  r.text = {
    overview:
      '2024年，本局认真贯彻《中华人民共和国政府信息公开条例》。\n（一）主动公开情况。全年主动公开政府信息120条。',
    problems: '存在的问题：政策解读形式较为单一。\n改进措施：丰富解读形式。',
    other: '本年度未收取信息处理费。',
  };
  return completeTotals(r);
}

const PHRASES = [
  '本局坚持以人民为中心',
  '深化政务公开',
  '不断完善政府信息公开制度',
  '规范依申请公开办理流程',
  '加强政策解读',
  '及时回应社会关切',
  '政府网站平台建设持续加强',
  '信息发布审核“三审三校”',
  '全年召开新闻发布会',
  '严格落实保密审查',
];

/** Narrative text: paragraphs of ordinary sentences (never a heading or a table row). */
export const paragraphArb = fc
  .array(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 4 })
  .chain((parts) => fc.nat(999).map((n) => `${parts.join('，')}，共${n}条（项）。`));
export const sectionTextArb = fc.array(paragraphArb, { minLength: 0, maxLength: 3 }).map((ps) => ps.join('\n'));

const count = fc.nat({ max: 5000 });

/** Random valid reports of the 2021 edition that pass every arithmetic rule. */
export const reportArb: fc.Arbitrary<AnnualReport> = fc
  .record({
    year: fc.integer({ min: 2021, max: 2030 }),
    agency: fc.option(
      fc.constantFrom('淮安市人民政府', '示例区教育局', '某某县自然资源和规划局', '示例区人民政府办公室'),
      {
        nil: null,
      },
    ),
    leaves: fc.array(count, { minLength: 21 * 6, maxLength: 21 * 6 }),
    forward: fc.array(count, { minLength: 6, maxLength: 6 }),
    over: fc.array(count, { minLength: 6, maxLength: 6 }),
    appeals: fc.array(count, { minLength: 12, maxLength: 12 }),
    docs: fc.array(count, { minLength: 6, maxLength: 6 }),
    decisions: fc.array(fc.nat({ max: 5_000_000 }), { minLength: 3, maxLength: 3 }),
    feeCents: fc.nat({ max: 100_000_000 }),
    overview: sectionTextArb,
    problems: sectionTextArb,
    other: sectionTextArb,
  })
  .map((v) => {
    const r = emptyReport(v.year, v.agency);
    APPLICANT_KINDS.forEach((kind, k) => {
      OUTCOME_LEAVES.forEach((leaf, i) => {
        r.requests[leaf][kind] = v.leaves[i * 6 + k] as number;
      });
      r.requests.carriedForward[kind] = v.forward[k] as number;
      r.requests.carriedOver[kind] = v.over[k] as number;
    });
    APPEAL_GROUPS.forEach((g, gi) => {
      CASE_COLUMNS.slice(0, 4).forEach((c, ci) => {
        r.appeals[g][c] = v.appeals[gi * 4 + ci] as number;
      });
    });
    const [a, b, c, d, e, f] = v.docs as [number, number, number, number, number, number];
    r.proactive.rules = { issued: a, repealed: b, inForce: c };
    r.proactive.normativeDocuments = { issued: d, repealed: e, inForce: f };
    [r.proactive.licensing, r.proactive.punishment, r.proactive.coercion] = v.decisions as [number, number, number];
    r.proactive.feesTenThousandYuan = v.feeCents / 100;
    r.text = { overview: v.overview, problems: v.problems, other: v.other };
    return completeTotals(r);
  });

/** Keys of the 22 cells of a 2019-edition table 二, as the readers store them in `legacy`. */
export const LEGACY_2019_KEYS: { row: ProactiveRow; column: string; key: string }[] = Object.entries(
  PROACTIVE_2019,
).flatMap(([row, { item, label, columns }]) =>
  columns.map((column) => ({ row: row as ProactiveRow, column, key: `${item}/${label}/${column}` })),
);

/**
 * Random valid reports of the 2019 edition (国办公开办函〔2019〕60号) as the readers produce them (spec §7): the
 * 2021-only cells of table 二 and the two first （六） rows are 0; `legacy` holds all 22 table 二 cells, the
 * 处理决定数量 of 行政许可/行政处罚/行政强制 with the same figure as proactive.licensing/punishment/coercion
 * (putProactiveRow keeps both); 本年增/减 may be negative, 采购总金额 has up to two decimals.
 */
export const report2019Arb: fc.Arbitrary<AnnualReport> = fc
  .record({
    base: reportArb,
    year: fc.integer({ min: 2008, max: 2020 }),
    counts: fc.array(count, { minLength: LEGACY_2019_KEYS.length, maxLength: LEGACY_2019_KEYS.length }),
    deltas: fc.array(fc.integer({ min: -300, max: 300 }), {
      minLength: LEGACY_2019_KEYS.length,
      maxLength: LEGACY_2019_KEYS.length,
    }),
    procurementCents: fc.nat({ max: 100_000_000 }),
  })
  .map(({ base: r, year, counts, deltas, procurementCents }) => {
    r.year = year;
    r.formatVersion = '2019';
    r.proactive.rules = { issued: 0, repealed: 0, inForce: 0 };
    r.proactive.normativeDocuments = { issued: 0, repealed: 0, inForce: 0 };
    r.proactive.feesTenThousandYuan = 0;
    for (const kind of APPLICANT_KINDS) {
      r.requests.otherNoCorrection[kind] = 0;
      r.requests.otherUnpaidFee[kind] = 0;
    }
    r.legacy = {};
    LEGACY_2019_KEYS.forEach(({ row, column, key }, i) => {
      const mapped = column === '处理决定数量' ? PROACTIVE_2019_MAPPED[row] : undefined;
      let value: number = counts[i] as number;
      if (mapped) value = r.proactive[mapped.split('.')[1] as 'licensing' | 'punishment' | 'coercion'];
      else if (column === '本年增/减')
        value = (deltas[i] as number) || 0; // never -0, which prints as "0"
      else if (column === '采购总金额') value = procurementCents / 100;
      (r.legacy as Record<string, number>)[key] = value;
    });
    return completeTotals(r);
  });

export const ALL_COLUMNS = APPLICANT_COLUMNS;
