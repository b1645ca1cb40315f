import { beforeAll, expect, it } from 'vitest';
import { buildApplication, buildOrgInput, ID_NUMBER } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, CLI, testClock, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import type { Context } from '../context.ts';
import { setReplyReview } from './review.ts';
import { decide } from './service.ts';
import { similarApplications } from './similar.ts';

const PENALTIES = '申请公开2024年度区市场监督管理局作出的行政处罚决定书';
const REPHRASED = '请提供区市场监管局2024年作出的全部行政处罚决定书';

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let agencyId: number;
  let otherAgencyId: number;
  let handler: Actor;
  let otherHandler: Actor;
  let inspector: Actor;

  beforeAll(async () => {
    ctx = testContext(getDb(), testClock('2025-10-20T02:00:00.000Z'));
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    otherAgencyId = tree.other.id;
    handler = (await buildUser(ctx, 'handler', agencyId)).actor;
    otherHandler = (await buildUser(ctx, 'handler', otherAgencyId)).actor;
    inspector = (await buildUser(ctx, 'inspector', tree.government.id)).actor;
    await setReplyReview(CLI, ctx, agencyId, false);
  });

  const register = (receivedOn: string, description: string, extra = {}) =>
    buildApplication(ctx, handler, agencyId, { receivedOn, description, documentRef: null, ...extra });

  it("lists the same applicant's rephrased earlier request with its score and outcome, and nothing else", async () => {
    const first = await register('2025-03-03', PENALTIES);
    await decide(handler, ctx, first.application.id, 'granted', '2025-03-20');
    const old = await register('2024-09-02', PENALTIES); // more than twelve months before the second
    await register('2025-05-06', '2024年度本区老旧小区改造项目清单及资金安排'); // unrelated
    await register('2025-06-03', PENALTIES, buildOrgInput(agencyId)); // another applicant
    await buildApplication(ctx, otherHandler, otherAgencyId, { receivedOn: '2025-06-04', description: PENALTIES });
    const second = await register('2025-10-09', REPHRASED);

    const found = await similarApplications(handler, ctx, second.application.id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: first.application.id,
      trackingNo: first.application.trackingNo,
      date: '2025-03-03',
      statusLabel: '已办结',
      outcomeLabel: expect.any(String),
      summary: PENALTIES,
    });
    expect(found[0]?.score).toBeGreaterThanOrEqual(0.8);
    expect(JSON.stringify(found)).not.toContain(ID_NUMBER);
    // The inspector above the agency sees the same list; the first case's twelve months hold the old one only.
    expect(await similarApplications(inspector, ctx, second.application.id)).toEqual(found);
    const before = await similarApplications(handler, ctx, first.application.id);
    expect(before.map((x) => [x.trackingNo, x.score])).toEqual([[old.application.trackingNo, 1]]);
  });

  it("refuses another agency's staff", async () => {
    const { application } = await register('2025-10-10', PENALTIES);
    await expect(similarApplications(otherHandler, ctx, application.id)).rejects.toThrow(
      '无权查看该机构的依申请公开件',
    );
  });
});
