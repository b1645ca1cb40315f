import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnlineInput } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { addDays } from '../calendar/dates.ts';
import type { Context } from '../context.ts';
import { countYear, type YearCounts } from './counts.ts';
import { APPLICANT_KINDS, OUTCOME_LEAVES } from './model.ts';
import { yearCounts } from './queries.ts';
import { insertApplication, updateApplicationRow } from './repository.ts';

/** received + carriedOver = Σ outcomes + carriedForward, per column (the note printed on table 三). */
function expectBalanced(c: YearCounts) {
  for (const col of [...APPLICANT_KINDS, 'total'] as const) {
    const decided = OUTCOME_LEAVES.reduce((n, o) => n + c.outcomes[o][col], 0);
    expect(c.received[col] + c.carriedOver[col], `${c.year} ${col}`).toBe(decided + c.carriedForward[col]);
  }
}

describe('countYear', () => {
  it('carries an application open on 31 December into the next year', () => {
    const rows = [
      { applicantKind: 'naturalPerson', receivedOn: '2024-12-20', decidedOn: '2025-01-10', outcome: 'granted' },
      { applicantKind: 'business', receivedOn: '2025-03-01', decidedOn: '2025-03-20', outcome: 'unableNotHeld' },
      { applicantKind: 'business', receivedOn: '2025-12-30', decidedOn: null, outcome: null },
    ] as const;
    const y2024 = countYear(rows, 2024);
    const y2025 = countYear(rows, 2025);
    expect(y2024.carriedForward.naturalPerson).toBe(1);
    expect(y2025.carriedOver.naturalPerson).toBe(1);
    expect(y2025.received).toMatchObject({ business: 2, total: 2 });
    expect(y2025.outcomes.granted.naturalPerson).toBe(1);
    expect(y2025.outcomes.unableNotHeld.business).toBe(1);
    expect(y2025.carriedForward).toMatchObject({ business: 1, total: 1 });
    for (const c of [y2024, y2025]) expectBalanced(c);
  });
});

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let agencyId: number;
  let inspector: Actor;
  beforeAll(async () => {
    ctx = testContext(getDb());
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    inspector = (await buildUser(ctx, 'inspector', tree.government.id)).actor;
  });

  it('balances table 三 on generated applications, and each carriedForward is the next carriedOver', async () => {
    // A fixed pseudo-random sequence: the same data every run.
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const k = getDb().kysely;
    for (let i = 0; i < 120; i++) {
      const kind = APPLICANT_KINDS[rand(APPLICANT_KINDS.length)] as (typeof APPLICANT_KINDS)[number];
      const receivedOn = addDays('2023-06-01', rand(900));
      const open = rand(5) === 0;
      const decidedOn = open ? null : addDays(receivedOn, rand(60));
      const outcome = open ? null : OUTCOME_LEAVES[rand(OUTCOME_LEAVES.length)];
      const input = {
        ...buildOnlineInput(agencyId),
        applicantKind: kind,
        idType: null,
        idNumber: null,
        creditCode: null,
      };
      const app = await insertApplication(
        k,
        {
          agencyId,
          trackingNo: `GEN-${agencyId}-${i}`,
          queryCodeHash: '0'.repeat(64),
          applicant: input as never,
          channel: 'inPerson',
          submittedAt: `${receivedOn}T01:00:00.000Z`,
          status: 'received',
        },
        '2025-01-01T00:00:00.000Z',
      );
      await updateApplicationRow(
        k,
        app.id,
        { receivedOn, decidedOn, outcome: outcome ?? null, status: open ? 'received' : 'closed' },
        '2025-01-01T00:00:00.000Z',
      );
    }
    const years = [2023, 2024, 2025, 2026];
    const counts = await Promise.all(years.map((y) => yearCounts(inspector, ctx, agencyId, y)));
    expect(counts.reduce((n, c) => n + c.received.total, 0)).toBe(120);
    for (const c of counts) expectBalanced(c);
    for (let i = 1; i < counts.length; i++) expect(counts[i]?.carriedOver).toEqual(counts[i - 1]?.carriedForward);
  });
});
