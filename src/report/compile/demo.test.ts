// From the demo district's records (what `npm start` seeds: catalogue, last year's applications, appeals, figures),
// every agency's report for every year compiles valid against the schema and passes every error rule, the
// cross-year ones included (against the year before's published report where there is one).
import { expect, it } from 'vitest';
import { forEachEngine } from '../../../test/engines.ts';
import { testContext } from '../../../test/platform.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import { findReport } from '../../annual/repository.ts';
import { seedDemo } from '../../demo/seed.ts';
import { hasErrors } from '../diagnostics.ts';
import { checkReport } from '../rules.ts';
import { schemaErrors } from '../schema.ts';
import { compileReport } from './index.ts';

forEachEngine((_engine, getDb) => {
  it('compiles a sound report for each demo agency from its records', async () => {
    const ctx = testContext(getDb(), () => new Date('2026-03-02T02:00:00.000Z'));
    await seedDemo(ctx, { catalog: true });
    const agencies = await listAgencyRows(ctx.db.kysely);
    expect(agencies.length).toBe(4);
    let received = 0;
    for (const agency of agencies)
      for (const year of [2024, 2025, 2026]) {
        const report = await compileReport(ctx, agency.id, year);
        expect(schemaErrors(JSON.parse(JSON.stringify(report))), `${agency.name} ${year}`).toEqual([]);
        const previous = (await findReport(ctx.db.kysely, agency.id, year - 1))?.snapshot ?? null;
        const diagnostics = checkReport(report, { previous });
        expect(hasErrors(diagnostics), `${agency.name} ${year}: ${JSON.stringify(diagnostics)}`).toBe(false);
        if (year === 2025) received += report.requests.received.total;
      }
    // Last year's demo applications are in the compiled tables, not just zeros.
    expect(received).toBeGreaterThan(30);
  });
});
