// The compiler on every engine: an agency's records (applications decided with various outcomes, a fee notice
// paid, catalogue items, yearly figures, 复议/诉讼 cases) compile into a report valid against the schema with no
// error-severity diagnostic; changing ONE application's outcome moves exactly its old and new leaf, each in the
// applicant's column and the 总计 column — all 200 cells compared.
import { beforeAll, expect, it } from 'vitest';
import { buildCaseInput } from '../../../test/appeals.ts';
import { buildApplication, buildOrgInput } from '../../../test/applications.ts';
import { buildPublishedItem } from '../../../test/catalog.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { buildHierarchy, buildUser, CLI, type TestClock, testClock, testContext } from '../../../test/platform.ts';
import type { Actor } from '../../agencies/model.ts';
import { recordCase } from '../../appeals/service.ts';
import { updateApplicationRow } from '../../applications/repository.ts';
import { setReplyReview } from '../../applications/review.ts';
import { decide, recordEvent, registerByStaff } from '../../applications/service.ts';
import type { Context } from '../../context.ts';
import { saveFigures } from '../../figures/service.ts';
import { issueCaseLetter } from '../../letters/case-letters.ts';
import { hasErrors } from '../diagnostics.ts';
import { type AnnualReport, type ApplicantKind, CELL_PATHS, getCell, type OutcomeCode } from '../model.ts';
import { checkReport } from '../rules.ts';
import { schemaErrors } from '../schema.ts';
import { compileForActor, compileReport, DRAFT_NOTE } from './index.ts';

/** The cells that differ between two reports, with their values before and after. */
function movedCells(a: AnnualReport, b: AnnualReport) {
  return Object.fromEntries(
    CELL_PATHS.filter((p) => getCell(a, p) !== getCell(b, p)).map((p) => [p, [getCell(a, p), getCell(b, p)]]),
  );
}

function expectSound(report: AnnualReport, previous: AnnualReport | null = null) {
  expect(schemaErrors(JSON.parse(JSON.stringify(report)))).toEqual([]);
  const diagnostics = checkReport(report, { previous });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(hasErrors(diagnostics)).toBe(false);
}

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let clock: TestClock;
  let tree: Awaited<ReturnType<typeof buildHierarchy>>;
  let agencyId: number;
  let handler: Actor;
  let outsider: Actor;
  const decided: Record<string, number> = {};

  async function apply(kind: ApplicantKind, receivedOn: string) {
    if (kind === 'naturalPerson') return (await buildApplication(ctx, handler, agencyId, { receivedOn })).application;
    const input = { ...buildOrgInput(agencyId, { applicantKind: kind }), channel: 'inPerson' as const };
    return (await registerByStaff(handler, ctx, { ...input, submittedOn: receivedOn })).application;
  }
  async function applyAndDecide(
    name: string,
    kind: ApplicantKind,
    receivedOn: string,
    outcome: OutcomeCode,
    on: string,
  ) {
    const app = await apply(kind, receivedOn);
    await decide(handler, ctx, app.id, outcome, on);
    decided[name] = app.id;
  }

  beforeAll(async () => {
    clock = testClock('2026-01-20T02:00:00.000Z');
    ctx = testContext(getDb(), clock);
    tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    handler = (await buildUser(ctx, 'handler', agencyId)).actor;
    outsider = (await buildUser(ctx, 'handler', tree.other.id)).actor;
    const admin = (await buildUser(ctx, 'agencyAdmin', agencyId)).actor;
    const who = {
      publisher: (await buildUser(ctx, 'publisher', agencyId)).actor,
      reviewer: (await buildUser(ctx, 'reviewer', agencyId)).actor,
    };
    await setReplyReview(CLI, ctx, agencyId, false);

    await applyAndDecide('lastYear', 'naturalPerson', '2024-12-20', 'granted', '2025-01-06');
    await applyAndDecide('granted', 'naturalPerson', '2025-03-03', 'granted', '2025-03-10');
    await applyAndDecide('notHeld', 'business', '2025-04-01', 'unableNotHeld', '2025-04-08');
    await applyAndDecide('partly', 'research', '2025-05-06', 'partlyGranted', '2025-05-20');
    await applyAndDecide('third', 'nonprofit', '2025-06-02', 'withheldThirdPartyRights', '2025-06-20');
    await applyAndDecide('duplicate', 'legalService', '2025-07-01', 'rejectedDuplicate', '2025-07-03');
    await apply('otherOrg', '2025-12-29');
    // A fee notice of 100元 (按量 40页: 31–40页 each 10元), paid, then the information provided.
    const paying = await apply('naturalPerson', '2025-08-01');
    await recordEvent(handler, ctx, paying.id, { type: 'feeNoticeSent', date: '2025-08-05', payBy: '2025-08-20' });
    await issueCaseLetter(
      handler,
      ctx,
      paying.id,
      'feeNotice',
      { feeBasis: 'pages', quantity: 40, payBy: '2025-08-20', issuedOn: '2025-08-05' },
      100,
    );
    await recordEvent(handler, ctx, paying.id, { type: 'feePaid', date: '2025-08-10' });
    await decide(handler, ctx, paying.id, 'granted', '2025-08-15');

    await buildPublishedItem(ctx, agencyId, who, { kind: 'rule', formedOn: '2025-03-01' }, '2025-03-05');
    await buildPublishedItem(ctx, agencyId, who, { kind: 'normative', formedOn: '2024-05-01' }, '2025-02-01');
    await saveFigures(admin, ctx, agencyId, {
      year: 2025,
      licensing: 120,
      punishment: 8,
      coercion: 2,
      fees: '18651.06',
      source: '本机关行政审批系统导出',
    });
    await recordCase(handler, ctx, agencyId, buildCaseInput({ result: 'upheld', resultOn: '2025-05-01' }));
    await recordCase(handler, ctx, agencyId, buildCaseInput({ kind: 'litigationDirect', bodyName: '测试市人民法院' }));
  });

  it('compiles tables 二, 三 and 四 and section 六 from the records, sound by construction', async () => {
    const r = await compileReport(ctx, agencyId, 2025);
    expectSound(r);
    expect(r).toMatchObject({ formatVersion: '2021', year: 2025, agency: tree.department.name, publishedOn: null });
    expect(r.proactive).toEqual({
      rules: { issued: 1, repealed: 0, inForce: 1 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 1 },
      licensing: 120,
      punishment: 8,
      coercion: 2,
      feesTenThousandYuan: 18651.06,
    });
    const q = r.requests;
    expect(q.received).toEqual({
      naturalPerson: 2,
      business: 1,
      research: 1,
      nonprofit: 1,
      legalService: 1,
      otherOrg: 1,
      total: 7,
    });
    expect(q.carriedOver).toMatchObject({ naturalPerson: 1, total: 1 });
    expect(q.granted).toMatchObject({ naturalPerson: 3, total: 3 });
    expect(q.totalHandled.total).toBe(7);
    expect(q.carriedForward).toMatchObject({ otherOrg: 1, total: 1 });
    expect(r.appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(r.appeals.litigationDirect).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(r.text.other).toBe('本年度，本机关共发出收费通知1件，应收信息处理费100元，实收100元。');
    expect(r.text.overview.startsWith(DRAFT_NOTE)).toBe(true);
    expect(r.text.overview).toContain('新收政府信息公开申请7件，上年结转申请1件，本年度办结7件，结转下年度继续办理1件');
    expect(r.text.overview).toContain('规章1条、行政规范性文件1条');
    expect(r.text.problems.startsWith(DRAFT_NOTE)).toBe(true);
    // The whole report, narrative included, passes every rule: no warning either.
    expect(checkReport(r)).toEqual([]);
    // 2024 carries the open application into 2025, and says no fee was charged.
    const y2024 = await compileReport(ctx, agencyId, 2024);
    expectSound(y2024);
    expect(y2024.requests.carriedForward.naturalPerson).toBe(1);
    expect(y2024.text.other).toBe('本年度，本机关未收取信息处理费。');
    expectSound(r, y2024);
  });

  it('one changed outcome moves exactly its old and new leaf, in its column and 总计', async () => {
    const before = await compileReport(ctx, agencyId, 2025);
    await updateApplicationRow(
      getDb().kysely,
      decided.notHeld as number,
      { outcome: 'unableNeedsCreation' },
      clock().toISOString(),
    );
    const after = await compileReport(ctx, agencyId, 2025);
    expectSound(after);
    expect(movedCells(before, after)).toEqual({
      'requests.unableNotHeld.business': [1, 0],
      'requests.unableNotHeld.total': [1, 0],
      'requests.unableNeedsCreation.business': [0, 1],
      'requests.unableNeedsCreation.total': [0, 1],
    });
    await updateApplicationRow(
      getDb().kysely,
      decided.notHeld as number,
      { outcome: 'unableNotHeld' },
      clock().toISOString(),
    );
    expect(movedCells(before, await compileReport(ctx, agencyId, 2025))).toEqual({});
  });

  it('checks the policy for users; the plain compile refuses a bad year or agency', async () => {
    await expect(compileForActor(handler, ctx, agencyId, 2025)).resolves.toMatchObject({ year: 2025 });
    await expect(compileForActor(outsider, ctx, agencyId, 2025)).rejects.toThrow('无权查看该机构的依申请公开件');
    await expect(compileReport(ctx, agencyId, 1999)).rejects.toThrow('年度：应为四位年份');
    await expect(compileReport(ctx, 999_999, 2025)).rejects.toThrow('机构（999999）不存在');
    // An agency with no records compiles to a sound, all-zero report that still states the fee.
    const empty = await compileReport(ctx, tree.other.id, 2025);
    expectSound(empty);
    expect(CELL_PATHS.every((p) => getCell(empty, p) === 0)).toBe(true);
    expect(empty.text.other).toBe('本年度，本机关未收取信息处理费。');
  });
});
