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

/** Where one application counts in table 三 of a year: the row it enters the column by and the row it leaves by. */
export interface Placement {
  entry: 'received' | 'carriedOver';
  exit: OutcomeCode | 'carriedForward';
}

/**
 * The rows of table 三 an application counts in for `year` (each counted application exactly once on each side),
 * or null when it does not count in that year's table. countYear and the report's drill-down both use this.
 */
export function placeApplication(r: CountedApplication, year: number): Placement | null {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (r.receivedOn > end) return null;
  if (r.decidedOn !== null && r.decidedOn < start) return null;
  const entry = r.receivedOn < start ? 'carriedOver' : 'received';
  const decidedInYear = r.decidedOn !== null && r.decidedOn <= end && r.outcome !== null;
  return { entry, exit: decidedInYear ? (r.outcome as OutcomeCode) : 'carriedForward' };
}

export function countYear(rows: readonly CountedApplication[], year: number): YearCounts {
  const result: YearCounts = {
    year,
    received: emptyKindCounts(),
    carriedOver: emptyKindCounts(),
    outcomes: Object.fromEntries(OUTCOME_LEAVES.map((o) => [o, emptyKindCounts()])) as YearCounts['outcomes'],
    carriedForward: emptyKindCounts(),
  };
  for (const r of rows) {
    const place = placeApplication(r, year);
    if (!place) continue;
    add(result[place.entry], r.applicantKind);
    add(place.exit === 'carriedForward' ? result.carriedForward : result.outcomes[place.exit], r.applicantKind);
  }
  return result;
}
