// Report table 四 (政府信息公开行政复议、行政诉讼情况) of an agency for a year, counted from its recorded cases.
//
// Counting rule:
// - A case counts for the agency it is brought against (the respondent / 被申请人 / 被告), in the year it was
//   filed: its 受理 (复议) or 立案 (诉讼) date `filed_on` falls in the year.
// - Its column is its result as of 31 December of that year: 维持 → upheld; 纠正 (撤销, 确认违法, 责令履行, 变更 …)
//   → corrected; 其他 (驳回起诉, 撤回, 终止 …) → other; not concluded by 31 December (still pending, or its result
//   dated in a later year) → pending. So a case filed 2025-11 and decided 2026-01 stays 尚未审结 in 2025's table,
//   and a report once compiled does not change when the case is later decided.
// - Groups: 行政复议 → reconsideration; 行政诉讼 未经复议直接起诉 → litigationDirect; 复议后起诉 →
//   litigationAfterReconsideration. total = upheld + corrected + other + pending (rule `appeal-total`).
// - 国办公开办函〔2016〕201号: where the agency is only the 复议机关 named as co-defendant (共同被告) of a suit after
//   reconsideration (role `reviewBodyCoDefendant`), the suit is recorded but not counted for it; only the
//   original agency counts it.
import type { Kysely } from 'kysely';
import { APPEAL_GROUPS, type AppealGroup, CASE_COLUMNS, type CaseColumn, type CaseResults } from '../report/model.ts';
import type { Schema } from '../storage/schema.ts';

/** What the count needs of a case. */
export interface CountedCase {
  kind: string;
  role: string;
  filed_on: string;
  result: string;
  result_on: string | null;
}

/** The column of table 四 a case falls in for `year`, or null when it does not count in that year's table. */
export function caseColumn(c: CountedCase, year: number): Exclude<CaseColumn, 'total'> | null {
  if (c.role !== 'original') return null;
  if (c.filed_on < `${year}-01-01` || c.filed_on > `${year}-12-31`) return null;
  if (c.result === 'pending' || !c.result_on || c.result_on > `${year}-12-31`) return 'pending';
  if (c.result === 'upheld' || c.result === 'corrected' || c.result === 'other') return c.result;
  return 'pending';
}

export function emptyAppealCounts(): Record<AppealGroup, CaseResults> {
  return Object.fromEntries(
    APPEAL_GROUPS.map((g) => [g, Object.fromEntries(CASE_COLUMNS.map((c) => [c, 0])) as CaseResults]),
  ) as Record<AppealGroup, CaseResults>;
}

/** The cell of table 四 a case counts in for `year` (group and column), or null when it does not count there. */
export function caseCell(
  c: CountedCase,
  year: number,
): { group: AppealGroup; column: Exclude<CaseColumn, 'total'> } | null {
  const column = caseColumn(c, year);
  if (!column || !(APPEAL_GROUPS as readonly string[]).includes(c.kind)) return null;
  return { group: c.kind as AppealGroup, column };
}

/** Table 四 from a list of cases (pure; the cases of other agencies must already be left out). */
export function tallyAppeals(cases: readonly CountedCase[], year: number): Record<AppealGroup, CaseResults> {
  const out = emptyAppealCounts();
  for (const c of cases) {
    const cell = caseCell(c, year);
    if (!cell) continue;
    const group = out[cell.group];
    group[cell.column] += 1;
    group.total += 1;
  }
  return out;
}

/** The cases that may count in the agency's table 四 for a year (the drill-down selects more columns of them). */
export function casesFiledIn(db: Kysely<Schema>, agencyId: number, year: number) {
  return db
    .selectFrom('appeal_cases')
    .where('agency_id', '=', agencyId)
    .where('role', '=', 'original')
    .where('filed_on', '>=', `${year}-01-01`)
    .where('filed_on', '<=', `${year}-12-31`);
}

/** Table 四 of an agency's report for a year (国办公开办函〔2016〕201号 counting rule applied). */
export async function appealCounts(
  db: Kysely<Schema>,
  agencyId: number,
  year: number,
): Promise<Record<AppealGroup, CaseResults>> {
  const rows = await casesFiledIn(db, agencyId, year)
    .select(['kind', 'role', 'filed_on', 'result', 'result_on'])
    .execute();
  return tallyAppeals(rows, year);
}
