// The statistics of 依申请公开 on every engine: applications received and decided across the year boundary, with
// and without a due date, in two agencies — exact monthly counts, outcome groups, applicant kinds, on-time rate and
// median calendar days, for one agency and for both summed. One application goes through the real service (staff
// registration and decision), the others are written row by row so their due dates are exactly known.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApplication, buildOnlineInput, buildOrgInput } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, CLI, testClock, testContext } from '../../test/platform.ts';
import { insertApplication, updateApplicationRow } from '../applications/repository.ts';
import { setReplyReview } from '../applications/review.ts';
import { decide } from '../applications/service.ts';
import type { Context } from '../context.ts';
import type { ApplicantKind, OutcomeCode } from '../report/model.ts';
import { median, OUTCOME_GROUPS, outcomeGroup, summarize, yearStatistics } from './queries.ts';

describe('outcome groups and median', () => {
  it('groups the 21 codes as table 三 and takes the middle of an even list', () => {
    expect(outcomeGroup('withheldQueryMatter')).toBe('withheld');
    expect(outcomeGroup('unableStillUnclear')).toBe('unable');
    expect(outcomeGroup('rejectedConfirmation')).toBe('rejected');
    expect(outcomeGroup('otherUnpaidFee')).toBe('other');
    expect(outcomeGroup('partlyGranted')).toBe('partlyGranted');
    expect(OUTCOME_GROUPS).toHaveLength(6);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([10, 0, 17, 5])).toBe(7.5);
    expect(median([])).toBeNull();
  });

  it('counts nothing for a year without applications', () => {
    const s = summarize([], 2025);
    expect(s.monthly).toEqual(Array(12).fill(0));
    expect(s.onTimeRate).toBeNull();
    expect(s.medianDays).toBeNull();
  });
});

type Row = [ApplicantKind, string, string | null, string | null, OutcomeCode | null];

/** kind, received, decided, due, outcome */
const DEPARTMENT: Row[] = [
  ['naturalPerson', '2024-12-20', '2025-01-06', '2025-01-20', 'granted'], // carried over: decided, not received
  ['naturalPerson', '2025-01-05', '2025-01-15', '2025-02-10', 'granted'],
  ['business', '2025-01-20', '2025-03-01', '2025-02-25', 'partlyGranted'], // late
  ['research', '2025-03-03', '2025-03-03', '2025-03-31', 'withheldStateSecret'],
  ['naturalPerson', '2025-03-10', '2025-04-08', '2025-04-08', 'unableNotHeld'], // on the due date: on time
  ['naturalPerson', '2025-03-15', '2025-03-20', null, 'rejectedDuplicate'], // no due date: not timed
  ['legalService', '2025-07-01', '2025-08-15', '2025-07-29', 'otherNoCorrection'], // late
  ['business', '2025-12-30', null, '2026-01-28', null], // still open
  ['naturalPerson', '2025-11-11', '2026-01-05', '2025-12-09', 'granted'], // decided next year
  ['otherOrg', '2024-05-05', '2024-06-01', '2024-06-02', 'granted'], // another year entirely
];
const OTHER: Row[] = [
  ['naturalPerson', '2025-02-10', '2025-02-20', '2025-03-10', 'granted'],
  ['nonprofit', '2025-02-11', null, '2025-03-11', null],
];

let seq = 0;
async function writeRow(ctx: Context, agencyId: number, [kind, receivedOn, decidedOn, dueDate, outcome]: Row) {
  seq += 1;
  const input =
    kind === 'naturalPerson' ? buildOnlineInput(agencyId) : buildOrgInput(agencyId, { applicantKind: kind });
  const k = ctx.db.kysely;
  const now = '2026-01-20T00:00:00.000Z';
  const app = await insertApplication(
    k,
    {
      agencyId,
      trackingNo: `STAT-${agencyId}-${seq}`,
      queryCodeHash: '0'.repeat(64),
      applicant: { contactPerson: null, idType: null, idNumber: null, creditCode: null, ...input } as never,
      channel: 'inPerson',
      submittedAt: `${receivedOn}T01:00:00.000Z`,
      status: 'received',
    },
    now,
  );
  await updateApplicationRow(
    k,
    app.id,
    { receivedOn, decidedOn, dueDate, outcome, status: outcome ? 'closed' : 'received' },
    now,
  );
}

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let tree: Awaited<ReturnType<typeof buildHierarchy>>;

  beforeAll(async () => {
    ctx = testContext(getDb(), testClock('2026-01-20T02:00:00.000Z'));
    tree = await buildHierarchy(ctx);
    for (const row of DEPARTMENT) await writeRow(ctx, tree.department.id, row);
    for (const row of OTHER) await writeRow(ctx, tree.other.id, row);
    // One through the service: registered at the counter on 2 June, granted a week later (well within its deadline).
    const handler = (await buildUser(ctx, 'handler', tree.department.id)).actor;
    await setReplyReview(CLI, ctx, tree.department.id, false);
    const { application } = await buildApplication(ctx, handler, tree.department.id, { receivedOn: '2025-06-02' });
    await decide(handler, ctx, application.id, 'granted', '2025-06-09');
  });

  it("counts one agency's year: months, outcome groups, kinds, on-time rate and median days", async () => {
    const { total: s, perAgency } = await yearStatistics(ctx.db.kysely, [tree.department.id], 2025);
    expect(perAgency).toEqual([{ agencyId: tree.department.id, stats: s }]);
    expect(s.monthly).toEqual([2, 0, 3, 0, 0, 1, 1, 0, 0, 0, 1, 1]);
    expect(s.received).toBe(9);
    expect(s.byKind).toEqual({
      naturalPerson: 5,
      business: 2,
      research: 1,
      nonprofit: 0,
      legalService: 1,
      otherOrg: 0,
    });
    expect(s.decided).toBe(8);
    expect(s.outcomes).toEqual({ granted: 3, partlyGranted: 1, withheld: 1, unable: 1, rejected: 1, other: 1 });
    expect([s.timed, s.onTime]).toEqual([7, 5]);
    expect(s.onTimeRate).toBeCloseTo(5 / 7, 10);
    // 0, 5, 7, 10, 17, 29, 40, 45 days → (10 + 17) / 2
    expect(s.medianDays).toBe(13.5);
  });

  it('sums several agencies and keeps each one apart for the comparison', async () => {
    const ids = [tree.department.id, tree.other.id, tree.government.id];
    const { total, perAgency } = await yearStatistics(ctx.db.kysely, ids, 2025);
    expect(total.monthly).toEqual([2, 2, 3, 0, 0, 1, 1, 0, 0, 0, 1, 1]);
    expect([total.received, total.decided, total.timed, total.onTime]).toEqual([11, 9, 8, 6]);
    expect(total.byKind.nonprofit).toBe(1);
    expect(total.outcomes.granted).toBe(4);
    expect(total.medianDays).toBe(10);
    expect(perAgency.map((p) => [p.agencyId, p.stats.received, p.stats.decided])).toEqual([
      [tree.department.id, 9, 8],
      [tree.other.id, 2, 1],
      [tree.government.id, 0, 0],
    ]);
    const y2024 = (await yearStatistics(ctx.db.kysely, ids, 2024)).total;
    expect([y2024.received, y2024.decided, y2024.monthly[4], y2024.monthly[11]]).toEqual([2, 1, 1, 1]);
  });
});
