// Statistics of 依申请公开 for an agency (or several, summed) and a year, for the charts of the portal and the console
// (issue 6 point 7): applications received per month, outcomes decided in the year in the six groups of report
// table 三, the on-time rate (decided by the due date, as the compiler's `timeliness`), the median of calendar days
// (自然日) from receipt to decision, and applications received by applicant kind. One plain query per call selects
// the few columns needed; the arithmetic is in TypeScript (`summarize`, pure), so both engines run the same SQL.
// No policy here: the portal shows only these counts (no personal data); the console authorizes before calling.
import type { Kysely } from 'kysely';
import { APPLICANT_KINDS, type ApplicantKind, type OutcomeCode } from '../report/model.ts';
import type { Schema } from '../storage/schema.ts';

type Db = Kysely<Schema>;

/** The groups of table 三's outcome rows, in printed order. */
export const OUTCOME_GROUPS = ['granted', 'partlyGranted', 'withheld', 'unable', 'rejected', 'other'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];
export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  granted: '予以公开',
  partlyGranted: '部分公开',
  withheld: '不予公开',
  unable: '无法提供',
  rejected: '不予处理',
  other: '其他处理',
};

/** The group of one of the 21 outcome codes (withheld…, unable…, rejected…, other… as table 三 groups them). */
export function outcomeGroup(code: OutcomeCode): OutcomeGroup {
  if (code === 'granted' || code === 'partlyGranted') return code;
  if (code.startsWith('withheld')) return 'withheld';
  if (code.startsWith('unable')) return 'unable';
  if (code.startsWith('rejected')) return 'rejected';
  return 'other';
}

/** The columns the statistics read, one application per row. */
export interface StatRow {
  agencyId: number;
  applicantKind: ApplicantKind;
  receivedOn: string | null;
  decidedOn: string | null;
  dueDate: string | null;
  outcome: OutcomeCode | null;
}

export interface YearStats {
  year: number;
  /** Received in the year, January to December (12 values). */
  monthly: number[];
  received: number;
  /** Received in the year, by applicant kind. */
  byKind: Record<ApplicantKind, number>;
  /** Decided in the year (an outcome recorded), whenever received. */
  decided: number;
  outcomes: Record<OutcomeGroup, number>;
  /** Decided in the year with a due date, and of those decided on or before it. */
  timed: number;
  onTime: number;
  /** onTime / timed, 0..1; null when nothing was timed. */
  onTimeRate: number | null;
  /** Median of calendar days from received_on to decided_on over the decided; null when none. */
  medianDays: number | null;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The year's statistics of the given rows (any agencies: they are summed). */
export function summarize(rows: readonly StatRow[], year: number): YearStats {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const monthly = Array.from({ length: 12 }, () => 0);
  const byKind = Object.fromEntries(APPLICANT_KINDS.map((k) => [k, 0])) as Record<ApplicantKind, number>;
  const outcomes = Object.fromEntries(OUTCOME_GROUPS.map((g) => [g, 0])) as Record<OutcomeGroup, number>;
  const spans: number[] = [];
  let received = 0;
  let timed = 0;
  let onTime = 0;
  for (const r of rows) {
    if (r.receivedOn !== null && r.receivedOn >= start && r.receivedOn <= end) {
      received += 1;
      const m = Number(r.receivedOn.slice(5, 7)) - 1;
      monthly[m] = (monthly[m] ?? 0) + 1;
      byKind[r.applicantKind] += 1;
    }
    if (r.outcome === null || r.decidedOn === null || r.decidedOn < start || r.decidedOn > end) continue;
    outcomes[outcomeGroup(r.outcome)] += 1;
    if (r.dueDate !== null) {
      timed += 1;
      if (r.decidedOn <= r.dueDate) onTime += 1;
    }
    if (r.receivedOn !== null) spans.push(days(r.receivedOn, r.decidedOn));
  }
  const decided = OUTCOME_GROUPS.reduce((n, g) => n + outcomes[g], 0);
  return {
    year,
    monthly,
    received,
    byKind,
    decided,
    outcomes,
    timed,
    onTime,
    onTimeRate: timed === 0 ? null : onTime / timed,
    medianDays: median(spans),
  };
}

/** Every application of the agencies received or decided in the year (the columns above only). */
export async function statRows(db: Db, agencyIds: readonly number[], year: number): Promise<StatRow[]> {
  if (agencyIds.length === 0) return [];
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows = await db
    .selectFrom('applications')
    .select(['agency_id', 'applicant_kind', 'received_on', 'decided_on', 'due_date', 'outcome'])
    .where('agency_id', 'in', [...agencyIds])
    .where((eb) =>
      eb.or([
        eb.and([eb('received_on', '>=', start), eb('received_on', '<=', end)]),
        eb.and([eb('decided_on', '>=', start), eb('decided_on', '<=', end)]),
      ]),
    )
    .execute();
  return rows.map((r) => ({
    agencyId: Number(r.agency_id),
    applicantKind: r.applicant_kind as ApplicantKind,
    receivedOn: r.received_on,
    decidedOn: r.decided_on,
    dueDate: r.due_date,
    outcome: r.outcome as OutcomeCode | null,
  }));
}

/** The agencies' statistics summed, and each agency's own in the order given (for the comparison table). */
export async function yearStatistics(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<{ total: YearStats; perAgency: { agencyId: number; stats: YearStats }[] }> {
  const rows = await statRows(db, agencyIds, year);
  const perAgency = agencyIds.map((agencyId) => ({
    agencyId,
    stats: summarize(
      rows.filter((r) => r.agencyId === agencyId),
      year,
    ),
  }));
  return { total: summarize(rows, year), perAgency };
}

/** The years with any received application, newest first, always including `current` and the year before. */
export async function statisticsYears(db: Db, current: number): Promise<number[]> {
  const row = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.min('received_on').as('first'))
    .executeTakeFirst();
  const first = row?.first ? Math.max(Number(String(row.first).slice(0, 4)), current - 30) : current - 1;
  const years: number[] = [];
  for (let y = current; y >= Math.min(first, current - 1); y--) years.push(y);
  return years;
}
