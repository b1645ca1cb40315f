// Consolidation on every engine: a people's government and three departments whose 2024 and 2025 reports stand in
// different states (not started, draft, submitted, returned, approved, published — through the workflow and
// imported), with applications and yearly figures so that the tables are not zeros. The matrix names each
// agency's standing, lateness and errors per year; the summed tables equal the cell-wise sum of the agencies'
// reports (200 cells), fees exactly; only approved/published or all; who may see what.
import { beforeAll, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildAgencyInput, buildUser, CLI, type TestClock, testClock, testContext } from '../../test/platform.ts';
import type { Actor, Agency } from '../agencies/model.ts';
import { createAgency } from '../agencies/service.ts';
import { setReplyReview } from '../applications/review.ts';
import { decide } from '../applications/service.ts';
import type { Context } from '../context.ts';
import { isDomainError } from '../errors.ts';
import { saveFigures } from '../figures/service.ts';
import { type AnnualReport, CELL_PATHS, emptyReport, getCell, type OutcomeCode } from '../report/model.ts';
import { checkReport } from '../report/rules.ts';
import { renderJson } from '../report/write/json.ts';
import { consolidation, subtreeMatrix, summedReport } from './consolidate.ts';
import {
  approveReport,
  getReport,
  importReport,
  publishReport,
  reportView,
  returnReport,
  saveTexts,
  submitReport,
} from './service.ts';

const TEXTS = {
  overview: '本年度工作总体情况。',
  problems: '存在的问题及改进措施。',
  other: '本年度未收取信息处理费。',
};

/** B's 2024 report as published before the system: 5 received, 3 granted, 2 carried forward; 0.2万元 fees. */
function legacyReport(agency: string): AnnualReport {
  const r = emptyReport(2024, agency);
  r.requests.received.naturalPerson = r.requests.received.total = 5;
  r.requests.granted.naturalPerson = r.requests.granted.total = 3;
  r.requests.totalHandled.naturalPerson = r.requests.totalHandled.total = 3;
  r.requests.carriedForward.naturalPerson = r.requests.carriedForward.total = 2;
  r.proactive.feesTenThousandYuan = 0.2;
  r.text = { ...TEXTS };
  r.publishedOn = '2025-02-10';
  return r;
}

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let clock: TestClock;
  let gov: Agency;
  const dept: Agency[] = [];
  let office: Actor;
  let inspector: Actor;
  let outsider: Actor;
  const clerk = new Map<number, Actor>();

  async function applied(agencyId: number, receivedOn: string, outcome: OutcomeCode | null, on = receivedOn) {
    const { application } = await buildApplication(ctx, clerk.get(agencyId) as Actor, agencyId, { receivedOn });
    if (outcome) await decide(clerk.get(agencyId) as Actor, ctx, application.id, outcome, on);
    return application.id;
  }
  const warningsOf = async (agencyId: number, year: number) =>
    (await getReport(clerk.get(agencyId) as Actor, ctx, agencyId, year)).diagnostics
      .filter((d) => d.severity === 'warning')
      .map((d) => d.rule);
  async function submit(agencyId: number, year: number) {
    const who = clerk.get(agencyId) as Actor;
    await saveTexts(who, ctx, agencyId, year, TEXTS);
    await submitReport(who, ctx, agencyId, year, await warningsOf(agencyId, year));
  }
  async function figures(agencyId: number, year: number, fees: string) {
    const admin = (await buildUser(ctx, 'agencyAdmin', agencyId)).actor;
    await saveFigures(admin, ctx, agencyId, { year, licensing: 10, punishment: 2, coercion: 1, fees, source: '测试' });
  }

  beforeAll(async () => {
    clock = testClock('2025-01-20T02:00:00.000Z');
    ctx = testContext(getDb(), clock);
    gov = await createAgency(CLI, ctx, buildAgencyInput());
    for (const n of ['办公室', '市场监督管理局', '教育局'])
      dept.push(
        await createAgency(
          CLI,
          ctx,
          buildAgencyInput({ name: `${gov.name}${n}`, kind: 'department', parentId: gov.id }),
        ),
      );
    const other = await createAgency(CLI, ctx, buildAgencyInput({ name: `${gov.name}（无关）` }));
    office = (await buildUser(ctx, 'reviewer', gov.id)).actor;
    inspector = (await buildUser(ctx, 'inspector', gov.id)).actor;
    outsider = (await buildUser(ctx, 'reviewer', other.id)).actor;
    for (const a of [gov, ...dept]) {
      clerk.set(a.id, (await buildUser(ctx, 'handler', a.id)).actor);
      await setReplyReview(CLI, ctx, a.id, false);
    }
    const [a, b, c] = dept as [Agency, Agency, Agency];

    // 2024, seen on 2025-01-20: A publishes in time; C submits and is never decided; the government not started.
    await applied(gov.id, '2024-03-04', 'granted', '2024-03-11');
    await applied(a.id, '2024-04-01', 'granted', '2024-04-08');
    await applied(a.id, '2024-05-06', 'unableNotHeld', '2024-05-20');
    const carried = await applied(a.id, '2024-12-20', null);
    await applied(c.id, '2024-06-03', 'partlyGranted', '2024-06-17');
    await figures(a.id, 2024, '0.1');
    await figures(c.id, 2024, '0.7');
    await submit(a.id, 2024);
    await approveReport(office, ctx, a.id, 2024);
    await publishReport((await buildUser(ctx, 'publisher', a.id)).actor, ctx, a.id, 2024);
    await submit(c.id, 2024);
    // B's 2024 report, published on 10 February before the system: imported.
    clock.set('2025-02-20T02:00:00.000Z');
    const data = new TextEncoder().encode(renderJson(legacyReport(b.name)));
    await importReport(clerk.get(b.id) as Actor, ctx, b.id, { data, name: 'b-2024.json' });

    // 2025: A publishes on 28 January 2026; C is approved, the government's own is returned, B only drafted.
    clock.set('2026-01-28T02:00:00.000Z');
    await decide(clerk.get(a.id) as Actor, ctx, carried, 'granted', '2025-01-06');
    await applied(a.id, '2025-03-03', 'rejectedDuplicate', '2025-03-05');
    await applied(b.id, '2025-04-01', 'granted', '2025-04-09');
    await applied(b.id, '2025-12-29', null);
    await applied(c.id, '2025-05-06', 'withheldThirdPartyRights', '2025-05-20');
    await applied(gov.id, '2025-07-01', 'granted', '2025-07-08');
    await figures(gov.id, 2025, '18651.06');
    await figures(c.id, 2025, '0.35');
    await submit(a.id, 2025);
    await approveReport(office, ctx, a.id, 2025);
    await publishReport((await buildUser(ctx, 'publisher', a.id)).actor, ctx, a.id, 2025);
    clock.set('2026-02-15T02:00:00.000Z');
    await submit(c.id, 2025);
    await approveReport(office, ctx, c.id, 2025);
    await submit(gov.id, 2025);
    await returnReport(office, ctx, gov.id, 2025, '请补充第五部分。');
    await saveTexts(clerk.get(b.id) as Actor, ctx, b.id, 2025, { overview: '初稿' });
  });

  const rowsOf = async (year: number) =>
    (await subtreeMatrix(office, ctx, gov.id, year)).rows.map((r) => [
      r.agency.name,
      r.depth,
      r.standing,
      r.late,
      r.hasErrors,
    ]);

  it('shows each agency of the subtree with its standing, lateness and errors, per year', async () => {
    const [a, b, c] = dept as [Agency, Agency, Agency];
    expect(await rowsOf(2024)).toEqual([
      [gov.name, 0, 'notStarted', true, false],
      [a.name, 1, 'published', false, false],
      [b.name, 1, 'published', true, false],
      [c.name, 1, 'submitted', true, false],
    ]);
    // B's draft carries over 0 applications where its imported 2024 report carried 2 forward: an error.
    expect(await rowsOf(2025)).toEqual([
      [gov.name, 0, 'returned', false, false],
      [a.name, 1, 'published', false, false],
      [b.name, 1, 'draft', true, true],
      [c.name, 1, 'approved', true, false],
    ]);
    const m = await subtreeMatrix(inspector, ctx, gov.id, 2025);
    expect(m.counts).toEqual({
      notStarted: 0,
      draft: 1,
      submitted: 0,
      returned: 1,
      approved: 1,
      published: 1,
      late: 2,
      hasErrors: 1,
    });
    expect(m.rows.map((r) => r.due)).toEqual(['2026-03-31', '2026-01-31', '2026-01-31', '2026-01-31']);
    expect(m.rows[1]?.publishedOn).toBe('2026-01-28');
    expect(m.rows[3]?.submittedOn).toBe('2026-02-15');
    expect((await subtreeMatrix(office, ctx, gov.id, 2024)).counts).toMatchObject({ notStarted: 1, published: 2 });
  });

  it('sums every cell of the subtree exactly, valid by construction, and the years differ', async () => {
    const ids = [gov.id, ...dept.map((d) => d.id)];
    const sums: Record<number, AnnualReport> = {};
    for (const year of [2024, 2025]) {
      const reports = await Promise.all(ids.map(async (id) => (await reportView(ctx, id, year)).report));
      const { report, contributors, note } = await summedReport(office, ctx, gov.id, year, { include: 'all' });
      expect(contributors.map((x) => x.agency.id)).toEqual(ids);
      expect(note).toContain(dept[0]?.name);
      for (const path of CELL_PATHS) {
        const cents = reports.reduce((s, r) => s + Math.round(getCell(r, path) * 100), 0);
        expect([path, getCell(report, path)]).toEqual([path, cents / 100]);
      }
      expect(report).toMatchObject({ year, agency: gov.name, text: { overview: '', problems: '', other: '' } });
      expect(checkReport(report).filter((d) => d.severity === 'error')).toEqual([]);
      sums[year] = report;
    }
    const [y24, y25] = [sums[2024] as AnnualReport, sums[2025] as AnnualReport];
    expect(y24.requests.received.total).toBe(1 + 3 + 5 + 1);
    expect(y24.requests.carriedForward.total).toBe(1 + 2);
    expect(y24.proactive.feesTenThousandYuan).toBe(1); // 0.1 + 0.2 + 0.7, not 0.9999999999999999
    expect(y25.requests.received.total).toBe(5);
    expect(y25.requests.carriedOver.total).toBe(1);
    expect(y25.proactive.feesTenThousandYuan).toBe(18651.41);
    expect(y25.requests.rejectedDuplicate.total).toBe(1);
    expect(y24.requests.rejectedDuplicate.total).toBe(0);
  });

  it('sums only the approved and published reports when asked', async () => {
    const [a, b, c] = dept as [Agency, Agency, Agency];
    const y24 = await summedReport(office, ctx, gov.id, 2024, { include: 'approved' });
    expect(y24.contributors.map((x) => [x.agency.id, x.standing])).toEqual([
      [a.id, 'published'],
      [b.id, 'published'],
    ]);
    expect(y24.report.requests.received.total).toBe(3 + 5);
    expect(y24.report.proactive.feesTenThousandYuan).toBe(0.3);
    const { summed } = await consolidation(office, ctx, gov.id, 2025, { include: 'approved' });
    expect(summed.contributors.map((x) => x.agency.id)).toEqual([a.id, c.id]);
    expect(summed.report.requests.received.total).toBe(2);
    expect(summed.note).toContain('已审核通过');
    expect(checkReport(summed.report).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('shows a department its own row only, and refuses an unrelated agency', async () => {
    const a = dept[0] as Agency;
    const own = await subtreeMatrix(clerk.get(a.id) as Actor, ctx, a.id, 2025);
    expect(own.rows.map((r) => r.agency.id)).toEqual([a.id]);
    const refused = async (p: Promise<unknown>) =>
      expect(
        await p.then(
          () => null,
          (e: unknown) => (isDomainError(e) ? e.code : e),
        ),
      ).toBe('forbidden');
    await refused(subtreeMatrix(clerk.get(a.id) as Actor, ctx, gov.id, 2025));
    await refused(subtreeMatrix(outsider, ctx, gov.id, 2025));
    await refused(summedReport(outsider, ctx, gov.id, 2025));
  });
});
