// Property-like on every engine: pseudo-random applications (every applicant kind and outcome, some open across
// years) and 复议/诉讼 cases compile, year after year, into reports valid against the schema that pass every
// error-severity rule — carried-over against the previous year's compiled report included.
import { beforeAll, expect, it } from 'vitest';
import { buildCaseInput } from '../../../test/appeals.ts';
import { buildOnlineInput } from '../../../test/applications.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { buildHierarchy, buildUser, testContext } from '../../../test/platform.ts';
import type { Actor } from '../../agencies/model.ts';
import { recordCase } from '../../appeals/service.ts';
import { insertApplication, updateApplicationRow } from '../../applications/repository.ts';
import { addDays } from '../../calendar/dates.ts';
import type { Context } from '../../context.ts';
import { hasErrors } from '../diagnostics.ts';
import { type AnnualReport, APPEAL_GROUPS, APPLICANT_KINDS, OUTCOME_LEAVES } from '../model.ts';
import { checkReport } from '../rules.ts';
import { schemaErrors } from '../schema.ts';
import { compileReport } from './index.ts';

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let agencyId: number;
  let handler: Actor;
  beforeAll(async () => {
    ctx = testContext(getDb());
    agencyId = (await buildHierarchy(ctx)).department.id;
    handler = (await buildUser(ctx, 'handler', agencyId)).actor;
  });

  it('compiles sound reports from random records, each year carrying over the last', async () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const k = getDb().kysely;
    for (let i = 0; i < 150; i++) {
      const receivedOn = addDays('2023-03-01', rand(1000));
      const open = rand(6) === 0;
      const decidedOn = open ? null : addDays(receivedOn, rand(70));
      const input = {
        ...buildOnlineInput(agencyId),
        applicantKind: APPLICANT_KINDS[rand(APPLICANT_KINDS.length)],
        idType: null,
        idNumber: null,
        creditCode: null,
      };
      const app = await insertApplication(
        k,
        {
          agencyId,
          trackingNo: `RND-${agencyId}-${i}`,
          queryCodeHash: '0'.repeat(64),
          applicant: input as never,
          channel: 'inPerson',
          submittedAt: `${receivedOn}T01:00:00.000Z`,
          status: 'received',
        },
        '2026-01-01T00:00:00.000Z',
      );
      await updateApplicationRow(
        k,
        app.id,
        {
          receivedOn,
          decidedOn,
          dueDate: addDays(receivedOn, 30),
          outcome: open ? null : (OUTCOME_LEAVES[rand(OUTCOME_LEAVES.length)] ?? null),
          status: open ? 'received' : 'closed',
        },
        '2026-01-01T00:00:00.000Z',
      );
    }
    const results = ['pending', 'upheld', 'corrected', 'other'] as const;
    for (let i = 0; i < 12; i++) {
      const filedOn = addDays('2023-02-01', rand(1000));
      const result = results[rand(4)] ?? 'pending';
      await recordCase(
        handler,
        ctx,
        agencyId,
        buildCaseInput({
          kind: APPEAL_GROUPS[rand(3)],
          filedOn,
          result,
          resultOn: result === 'pending' ? null : addDays(filedOn, rand(200)),
        }),
      );
    }
    let previous: AnnualReport | null = null;
    let received = 0;
    let cases = 0;
    for (const year of [2023, 2024, 2025, 2026]) {
      const report = await compileReport(ctx, agencyId, year);
      expect(schemaErrors(JSON.parse(JSON.stringify(report))), String(year)).toEqual([]);
      const diagnostics = checkReport(report, { previous });
      expect(hasErrors(diagnostics), `${year}: ${JSON.stringify(diagnostics)}`).toBe(false);
      received += report.requests.received.total;
      cases += APPEAL_GROUPS.reduce((n, g) => n + report.appeals[g].total, 0);
      previous = report;
    }
    expect(received).toBe(150);
    expect(cases).toBe(12);
  });
});
