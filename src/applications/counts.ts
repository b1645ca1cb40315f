// The counts of report table 三 for one agency and year, from the applications themselves (spec §4). Pure.
//   received       (一) 本年新收: received_on in the year
//   carriedOver    (二) 上年结转: received before the year, not decided before it
//   outcomes       (三) 办理结果: decided in the year, by outcome code
//   carriedForward 四、结转下年度继续办理: received by 31 December, not decided by then
// An application is decided on or after the day it was received (the clock refuses anything else), so each one
// counted in a column leaves it exactly once and received + carriedOver = Σ outcomes + carriedForward holds by
// construction, column by column.
import { APPLICANT_KINDS, type ApplicantKind, OUTCOME_LEAVES, type OutcomeCode } from './model.ts';

export type KindCounts = Record<ApplicantKind | 'total', number>;

export interface YearCounts {
  year: number;
  received: KindCounts;
  carriedOver: KindCounts;
  outcomes: Record<OutcomeCode, KindCounts>;
  carriedForward: KindCounts;
}

export interface CountedApplication {
  applicantKind: ApplicantKind;
  receivedOn: string;
  decidedOn: string | null;
  outcome: OutcomeCode | null;
}

export function emptyKindCounts(): KindCounts {
  return Object.fromEntries([...APPLICANT_KINDS, 'total'].map((k) => [k, 0])) as KindCounts;
}

function add(counts: KindCounts, kind: ApplicantKind) {
  counts[kind] += 1;
  counts.total += 1;
}

export function countYear(rows: readonly CountedApplication[], year: number): YearCounts {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const result: YearCounts = {
    year,
    received: emptyKindCounts(),
    carriedOver: emptyKindCounts(),
    outcomes: Object.fromEntries(OUTCOME_LEAVES.map((o) => [o, emptyKindCounts()])) as YearCounts['outcomes'],
    carriedForward: emptyKindCounts(),
  };
  for (const r of rows) {
    if (r.receivedOn > end) continue;
    if (r.decidedOn !== null && r.decidedOn < start) continue;
    add(r.receivedOn < start ? result.carriedOver : result.received, r.applicantKind);
    const decidedInYear = r.decidedOn !== null && r.decidedOn <= end && r.outcome !== null;
    if (decidedInYear) add(result.outcomes[r.outcome as OutcomeCode], r.applicantKind);
    else add(result.carriedForward, r.applicantKind);
  }
  return result;
}
