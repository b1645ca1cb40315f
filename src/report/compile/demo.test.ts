// From the demo district's records (what `npm start` seeds), every agency's report for every year with records
// compiles valid against the schema, with no error-severity diagnostic.
import { expect, it } from 'vitest';
import { forEachEngine } from '../../../test/engines.ts';
import { testContext } from '../../../test/platform.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import { seedDemo } from '../../demo/seed.ts';
import { hasErrors } from '../diagnostics.ts';
import { checkReport } from '../rules.ts';
import { schemaErrors } from '../schema.ts';
import { compileReport } from './index.ts';

forEachEngine((_engine, getDb) => {
  it('compiles a sound report for each demo agency', async () => {
    const ctx = testContext(getDb(), () => new Date('2026-03-02T02:00:00.000Z'));
    await seedDemo(ctx);
    const agencies = await listAgencyRows(ctx.db.kysely);
    expect(agencies.length).toBeGreaterThan(0);
    for (const agency of agencies)
      for (const year of [2024, 2025, 2026]) {
        const report = await compileReport(ctx, agency.id, year);
        expect(schemaErrors(JSON.parse(JSON.stringify(report))), `${agency.name} ${year}`).toEqual([]);
        const diagnostics = checkReport(report);
        expect(hasErrors(diagnostics), `${agency.name} ${year}: ${JSON.stringify(diagnostics)}`).toBe(false);
      }
  });
});
