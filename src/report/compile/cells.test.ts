// The report's drill-down on every engine: for every cell of the compiled report (tables 二, 三 and 四, over three
// years so carry-overs, late results and repealed documents all show), the records listed behind the cell are
// exactly as many as the cell's number; and the right records are listed (spot checks by id).
import { beforeAll, expect, it } from 'vitest';
import { buildCaseInput } from '../../../test/appeals.ts';
import { buildApplication, buildOrgInput } from '../../../test/applications.ts';
import { buildPublishedItem } from '../../../test/catalog.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { buildHierarchy, buildUser, CLI, type TestClock, testClock, testContext } from '../../../test/platform.ts';
import type { Actor } from '../../agencies/model.ts';
import { recordCase } from '../../appeals/service.ts';
import { setReplyReview } from '../../applications/review.ts';
import { decide, registerByStaff } from '../../applications/service.ts';
import { changeValidity } from '../../catalog/service.ts';
import type { Context } from '../../context.ts';
import { saveFigures } from '../../figures/service.ts';
import { type ApplicantKind, CELL_PATHS, getCell, type OutcomeCode } from '../model.ts';
import { type CellRecords, cellRecords, cellSpec, liveValue } from './cells.ts';
import { compileReport } from './index.ts';

const ids = (r: CellRecords) => (r.source === 'figures' ? [] : r.rows.map((row) => row.id).sort((a, b) => a - b));

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let clock: TestClock;
  let agencyId: number;
  let handler: Actor;
  const app: Record<string, number> = {};
  const item: Record<string, number> = {};
  const appeal: Record<string, number> = {};

  async function apply(name: string, kind: ApplicantKind, receivedOn: string, outcome?: OutcomeCode, on?: string) {
    const created =
      kind === 'naturalPerson'
        ? (await buildApplication(ctx, handler, agencyId, { receivedOn })).application
        : (
            await registerByStaff(handler, ctx, {
              ...buildOrgInput(agencyId, { applicantKind: kind }),
              channel: 'inPerson',
              submittedOn: receivedOn,
            })
          ).application;
    if (outcome && on) await decide(handler, ctx, created.id, outcome, on);
    app[name] = created.id;
  }

  const records = (year: number, path: string) => {
    const spec = cellSpec(path);
    if (!spec) throw new Error(path);
    return cellRecords(getDb().kysely, agencyId, year, spec);
  };

  beforeAll(async () => {
    clock = testClock('2026-01-20T02:00:00.000Z');
    ctx = testContext(getDb(), clock);
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    handler = (await buildUser(ctx, 'handler', agencyId)).actor;
    const admin = (await buildUser(ctx, 'agencyAdmin', agencyId)).actor;
    const who = {
      publisher: (await buildUser(ctx, 'publisher', agencyId)).actor,
      reviewer: (await buildUser(ctx, 'reviewer', agencyId)).actor,
    };
    await setReplyReview(CLI, ctx, agencyId, false);

    await apply('old', 'naturalPerson', '2024-03-01', 'granted', '2024-03-10');
    await apply('carried', 'naturalPerson', '2024-12-20', 'granted', '2025-01-06');
    await apply('granted', 'naturalPerson', '2025-03-03', 'granted', '2025-03-10');
    await apply('grantedBiz', 'business', '2025-03-04', 'granted', '2025-03-12');
    await apply('notHeld', 'business', '2025-04-01', 'unableNotHeld', '2025-04-08');
    await apply('partly', 'research', '2025-05-06', 'partlyGranted', '2025-05-20');
    await apply('third', 'nonprofit', '2025-06-02', 'withheldThirdPartyRights', '2025-06-20');
    await apply('duplicate', 'legalService', '2025-07-01', 'rejectedDuplicate', '2025-07-03');
    await apply('lateDecided', 'otherOrg', '2025-12-22', 'otherOther', '2026-01-08');
    await apply('open', 'naturalPerson', '2025-12-29');
    await apply('new2026', 'research', '2026-01-05');

    const rule = await buildPublishedItem(ctx, agencyId, who, { kind: 'rule', formedOn: '2025-03-01' }, '2025-03-05');
    const oldDoc = await buildPublishedItem(ctx, agencyId, who, { formedOn: '2024-05-01' }, '2025-02-01');
    const repealed = await buildPublishedItem(ctx, agencyId, who, { formedOn: '2024-06-01' }, '2025-02-01');
    const expires = await buildPublishedItem(ctx, agencyId, who, { formedOn: '2025-02-01' }, '2025-02-03');
    await changeValidity(who.publisher, ctx, repealed.id, { validity: 'repealed', onDate: '2025-09-01', note: '' });
    await changeValidity(who.publisher, ctx, expires.id, { validity: 'expired', onDate: '2026-01-10', note: '' });
    Object.assign(item, { rule: rule.id, oldDoc: oldDoc.id, repealed: repealed.id, expires: expires.id });
    await saveFigures(admin, ctx, agencyId, {
      year: 2025,
      licensing: 120,
      punishment: 8,
      coercion: 2,
      fees: '12.5',
      source: '本机关行政审批系统导出',
    });

    const record = async (name: string, input: Parameters<typeof buildCaseInput>[0]) => {
      appeal[name] = (await recordCase(handler, ctx, agencyId, buildCaseInput(input))).id;
    };
    await record('upheld', { result: 'upheld', resultOn: '2025-05-01' });
    await record('pending', { filedOn: '2025-06-01' });
    await record('lateResult', {
      kind: 'litigationDirect',
      bodyName: '测试市人民法院',
      filedOn: '2025-11-03',
      result: 'corrected',
      resultOn: '2026-01-12',
    });
    await record('after', {
      kind: 'litigationAfterReconsideration',
      bodyName: '测试市人民法院',
      filedOn: '2025-08-01',
      result: 'other',
      resultOn: '2025-10-01',
    });
    await record('coDefendant', {
      kind: 'litigationAfterReconsideration',
      role: 'reviewBodyCoDefendant',
      bodyName: '测试市人民法院',
      filedOn: '2025-08-02',
    });
    await record('lastYear', { filedOn: '2024-10-01', result: 'upheld', resultOn: '2024-12-01' });
  });

  it('lists behind every cell of tables 二, 三 and 四 exactly as many records as the cell says', async () => {
    for (const year of [2024, 2025, 2026]) {
      const report = await compileReport(ctx, agencyId, year);
      for (const path of CELL_PATHS) {
        const spec = cellSpec(path);
        expect(spec, path).not.toBeNull();
        const listed = await records(year, path);
        expect(liveValue(listed), `${year} ${path}`).toBe(getCell(report, path));
        if (spec?.source !== 'figures') expect(ids(listed).length, `${year} ${path}`).toBe(getCell(report, path));
      }
    }
  });

  it('lists the right records: applications, catalogue items and cases', async () => {
    expect(ids(await records(2025, 'requests.granted.naturalPerson'))).toEqual([app.carried, app.granted]);
    expect(ids(await records(2025, 'requests.granted.total'))).toEqual([app.carried, app.granted, app.grantedBiz]);
    expect(ids(await records(2025, 'requests.carriedOver.total'))).toEqual([app.carried]);
    expect(ids(await records(2025, 'requests.carriedForward.total'))).toEqual([app.lateDecided, app.open]);
    expect(ids(await records(2026, 'requests.otherOther.otherOrg'))).toEqual([app.lateDecided]);
    expect(ids(await records(2025, 'requests.totalHandled.total'))).toHaveLength(7);
    const granted = await records(2025, 'requests.granted.business');
    expect(granted.source === 'applications' && granted.rows[0]).toMatchObject({
      id: app.grantedBiz,
      applicantKind: 'business',
      receivedOn: '2025-03-04',
      decidedOn: '2025-03-12',
      outcome: 'granted',
    });
    expect(JSON.stringify(granted)).not.toContain('13812345678');

    expect(ids(await records(2025, 'proactive.rules.issued'))).toEqual([item.rule]);
    expect(ids(await records(2025, 'proactive.normativeDocuments.repealed'))).toEqual([item.repealed]);
    expect(ids(await records(2025, 'proactive.normativeDocuments.inForce'))).toEqual([item.oldDoc, item.expires]);
    expect(ids(await records(2026, 'proactive.normativeDocuments.inForce'))).toEqual([item.oldDoc]);

    expect(ids(await records(2025, 'appeals.reconsideration.total'))).toEqual([appeal.upheld, appeal.pending]);
    expect(ids(await records(2025, 'appeals.litigationDirect.pending'))).toEqual([appeal.lateResult]);
    expect(ids(await records(2025, 'appeals.litigationAfterReconsideration.total'))).toEqual([appeal.after]);

    const fees = await records(2025, 'proactive.feesTenThousandYuan');
    expect(fees.source === 'figures' && fees.figures?.source).toBe('本机关行政审批系统导出');
    expect(liveValue(fees)).toBe(12.5);
    expect(liveValue(await records(2024, 'proactive.licensing'))).toBe(0);
  });

  it('knows the 200 cells and nothing else', () => {
    expect(CELL_PATHS.filter((p) => cellSpec(p)?.source === 'figures')).toHaveLength(4);
    for (const bad of ['requests.granted', 'requests.nope.total', 'proactive.rules', 'text.overview', 'x'])
      expect(cellSpec(bad)).toBeNull();
  });
});
