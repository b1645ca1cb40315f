// The annual report's workflow on every engine: the clerk drafts and submits (errors block, warnings must be
// acknowledged, the 【初稿】 marks must go), the supervising office returns with a comment or approves, the agency
// publishes; the frozen report no longer follows the records; a pre-system report is imported; who may do what.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, CLI, type TestClock, testClock, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { listAuditEntries } from '../audit/query.ts';
import type { Context } from '../context.ts';
import { isDomainError } from '../errors.ts';
import { DRAFT_NOTE } from '../report/compile/index.ts';
import { dueDate, isLate } from './model.ts';
import {
  approveReport,
  getReport,
  importReport,
  publishReport,
  returnReport,
  saveTexts,
  submitReport,
  withdrawReport,
} from './service.ts';

const SEED = new URL('../../../shared/seed/000_c1efcce95eb0748a.txt', import.meta.url);

describe('deadlines', () => {
  it('gives departments 31 January and governments 31 March', () => {
    expect(dueDate('department', 2025)).toBe('2026-01-31');
    expect(dueDate('government', 2025)).toBe('2026-03-31');
    expect(isLate('department', 2025, 'draft', null, '2026-02-01')).toBe(true);
    expect(isLate('department', 2025, 'published', '2026-01-31', '2026-05-01')).toBe(false);
    expect(isLate('department', 2025, 'published', '2026-02-01', '2026-05-01')).toBe(true);
    expect(isLate('government', 2025, null, null, '2026-03-31')).toBe(false);
  });
});

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let clock: TestClock;
  let dept: number;
  let gov: number;
  let clerk: Actor;
  let deptReviewer: Actor;
  let office: Actor;
  let publisher: Actor;
  let outsider: Actor;
  beforeAll(async () => {
    clock = testClock('2026-01-10T02:00:00.000Z');
    ctx = testContext(getDb(), clock);
    const tree = await buildHierarchy(ctx);
    dept = tree.department.id;
    gov = tree.government.id;
    clerk = (await buildUser(ctx, 'handler', dept)).actor;
    deptReviewer = (await buildUser(ctx, 'reviewer', dept)).actor;
    office = (await buildUser(ctx, 'reviewer', gov)).actor;
    publisher = (await buildUser(ctx, 'publisher', dept)).actor;
    outsider = (await buildUser(ctx, 'reviewer', tree.other.id)).actor;
  });

  const refused = async (p: Promise<unknown>, code: string) => {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(isDomainError(e) ? e.code : e).toBe(code);
    return e as Error;
  };

  it('runs draft → submit → return → resubmit → approve → publish', async () => {
    let view = await getReport(clerk, ctx, dept, 2025);
    expect(view.record).toBeNull();
    expect(view.report.text.overview).toContain(DRAFT_NOTE);
    expect(view.due).toBe('2026-01-31');
    // The 【初稿】 mark blocks submission.
    const blocked = await refused(submitReport(clerk, ctx, dept, 2025), 'invalidState');
    expect(blocked.message).toContain('仍是系统生成的初稿');
    await saveTexts(clerk, ctx, dept, 2025, { overview: '2025年，本局认真贯彻《条例》。', problems: '问题与改进。' });
    view = await getReport(clerk, ctx, dept, 2025);
    expect(view.record?.status).toBe('draft');
    expect(view.report.text.overview).toBe('2025年，本局认真贯彻《条例》。');
    const warnings = view.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.rule);
    if (warnings.length > 0) {
      const e = await refused(submitReport(clerk, ctx, dept, 2025), 'invalidState');
      expect(e.message).toContain('警告须逐项确认');
    }
    await refused(approveReport(office, ctx, dept, 2025), 'invalidState');
    await submitReport(clerk, ctx, dept, 2025, warnings);
    await refused(saveTexts(clerk, ctx, dept, 2025, { overview: 'x' }), 'invalidState');
    // The department's own reviewer is not the supervising office; an unrelated agency's is not either.
    await refused(approveReport(deptReviewer, ctx, dept, 2025), 'forbidden');
    await refused(approveReport(outsider, ctx, dept, 2025), 'forbidden');
    await refused(returnReport(office, ctx, dept, 2025, '  '), 'validation');
    clock.advance(60);
    await returnReport(office, ctx, dept, 2025, '第五部分请写明改进措施。');
    view = await getReport(clerk, ctx, dept, 2025);
    expect(view.record?.status).toBe('returned');
    expect(view.record?.comment).toBe('第五部分请写明改进措施。');
    await saveTexts(clerk, ctx, dept, 2025, { problems: '问题与改进：下一步将完善制度。' });
    await submitReport(clerk, ctx, dept, 2025, warnings);
    await refused(publishReport(publisher, ctx, dept, 2025), 'invalidState');
    await approveReport(office, ctx, dept, 2025);
    const published = await publishReport(publisher, ctx, dept, 2025);
    expect(published.status).toBe('published');
    expect(published.publishedOn).toBe('2026-01-10');
    expect(published.snapshot?.publishedOn).toBe('2026-01-10');
    expect(published.snapshot?.text.problems).toBe('问题与改进：下一步将完善制度。');
    view = await getReport(office, ctx, dept, 2025);
    expect(view.late).toBe(false);
    expect(view.events.map((e) => e.kind)).toEqual([
      'saved',
      'submitted',
      'returned',
      'saved',
      'submitted',
      'approved',
      'published',
    ]);
    expect(view.events[2]?.comment).toBe('第五部分请写明改进措施。');
    const audit = await listAuditEntries(CLI, ctx, { objectType: 'annualReport' });
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'report.save',
        'report.submit',
        'report.returned',
        'report.approved',
        'report.published',
      ]),
    );
    await refused(getReport(outsider, ctx, dept, 2025), 'forbidden');
  });

  it('lets the clerk withdraw an undecided submission', async () => {
    await saveTexts(clerk, ctx, dept, 2023, { overview: '概述', problems: '问题' });
    const view = await getReport(clerk, ctx, dept, 2023);
    await submitReport(
      clerk,
      ctx,
      dept,
      2023,
      view.diagnostics.map((d) => d.rule),
    );
    const back = await withdrawReport(clerk, ctx, dept, 2023);
    expect(back.status).toBe('draft');
    expect(back.snapshot).toBeNull();
    await refused(withdrawReport(clerk, ctx, dept, 2023), 'invalidState');
  });

  it('lets the top agency approve its own report', async () => {
    const govClerk = (await buildUser(ctx, 'handler', gov)).actor;
    await saveTexts(govClerk, ctx, gov, 2025, { overview: '概述', problems: '问题' });
    const view = await getReport(govClerk, ctx, gov, 2025);
    expect(view.due).toBe('2026-03-31');
    await submitReport(
      govClerk,
      ctx,
      gov,
      2025,
      view.diagnostics.map((d) => d.rule),
    );
    expect((await approveReport(office, ctx, gov, 2025)).status).toBe('approved');
  });

  it('imports a report published before the system, and uses it for the cross-year rules', async () => {
    const data = new Uint8Array(await readFile(SEED));
    await refused(importReport(clerk, ctx, dept, { data, name: 'seed.txt' }), 'validation');
    const { record, diagnostics } = await importReport(clerk, ctx, dept, {
      data,
      name: 'seed.txt',
      publishedOn: '2025-01-20',
    });
    expect(record.year).toBe(2024);
    expect(record.origin).toBe('imported');
    expect(record.status).toBe('published');
    expect(diagnostics.map((d) => d.rule)).toContain('section-title');
    // 2025's report (published above) now has a previous year to compare with.
    expect((await getReport(clerk, ctx, dept, 2025)).previous?.year).toBe(2024);
    await refused(importReport(outsider, ctx, dept, { data, name: 'x.txt', publishedOn: '2025-01-20' }), 'forbidden');
    const kept = await refused(
      importReport(clerk, ctx, dept, { data, name: 'seed.txt', year: 2025, publishedOn: '2025-01-20' }),
      'invalidState',
    );
    expect(kept.message).toContain('已在本系统中编制');
    await refused(
      importReport(clerk, ctx, dept, { data, name: 'seed.txt', year: 2026, publishedOn: '2026-01-20' }),
      'validation',
    );
  });
});
