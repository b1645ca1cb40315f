import { beforeAll, expect, it } from 'vitest';
import { ADDRESS, buildApplication, ID_NUMBER, PHONE } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, CLI, type TestClock, testClock, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { enterCalendarYear, listDays } from '../calendar/service.ts';
import type { Context } from '../context.ts';
import { getApplication, listDueSoon, listOverdue, statusForApplicant } from './queries.ts';
import { assignHandler } from './service.ts';

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let clock: TestClock;
  let agencyId: number;
  let handler: Actor;
  let handlerId: number;
  let inspector: Actor;
  let outsider: Actor;
  const at = (date: string) => clock.set(`${date}T02:00:00.000Z`);

  beforeAll(async () => {
    clock = testClock('2025-09-29T02:00:00.000Z');
    ctx = testContext(getDb(), clock);
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    const h = await buildUser(ctx, 'handler', agencyId);
    handler = h.actor;
    handlerId = h.user.id;
    inspector = (await buildUser(ctx, 'inspector', tree.government.id)).actor;
    outsider = (await buildUser(ctx, 'handler', tree.other.id)).actor;
  });

  const k = () => getDb().kysely;
  const lastAudit = () =>
    k().selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

  it('an unknown 查询号 and a wrong 查询码 give the same answer; the public view has no id number or phone', async () => {
    at('2025-10-20');
    const { trackingNo, queryCode } = await buildApplication(ctx, handler, agencyId);
    const unknown = await statusForApplicant(ctx, 'GK2025-999-000001', queryCode).catch((e) => e);
    const wrong = await statusForApplicant(ctx, trackingNo, 'ABCDEFGHJKMNPQRS').catch((e) => e);
    expect([unknown.code, unknown.message]).toEqual(['notFound', '查询号或查询码不正确，请核对后重新输入']);
    expect([wrong.code, wrong.message]).toEqual([unknown.code, unknown.message]);
    const text = JSON.stringify(await statusForApplicant(ctx, trackingNo, queryCode));
    for (const secret of [ID_NUMBER, PHONE, ADDRESS, 'zhangsan@example.com', '223001'])
      expect(text).not.toContain(secret);
  });

  it('lists cases due soon and overdue; inspectors see their subtree masked; others are refused', async () => {
    at('2025-09-29');
    const { application } = await buildApplication(ctx, handler, agencyId);
    await assignHandler(handler, ctx, application.id, handlerId);
    at('2025-10-30');
    const soon = await listDueSoon(handler, ctx, agencyId, 2, { handlerUserId: handlerId });
    expect(soon.map((a) => a.trackingNo)).toContain(application.trackingNo);
    expect(soon.find((a) => a.id === application.id)).toMatchObject({ idNumber: ID_NUMBER, phone: PHONE });
    expect(await listDueSoon(handler, ctx, agencyId, 1, { handlerUserId: handlerId })).toEqual([]);
    at('2025-11-04');
    const overdue = await listOverdue(inspector, ctx, inspector.agencyId as number, { subtree: true });
    const seen = overdue.find((a) => a.id === application.id);
    expect(seen).toMatchObject({
      idNumber: '3201**********1232',
      phone: '138****5678',
      address: '江苏省淮安市清江浦区',
    });
    await expect(listOverdue(outsider, ctx, agencyId)).rejects.toThrow('无权查看该机构的依申请公开件');
    await expect(listOverdue(handler, ctx, inspector.agencyId as number, { subtree: true })).rejects.toThrow(
      '无权查看该机构的依申请公开件',
    );
  });

  it('a calendar change recomputes every open due date in the same transaction', async () => {
    at('2025-10-20');
    const { application } = await buildApplication(ctx, handler, agencyId);
    expect(application.dueDate).toBe('2025-11-03');
    const days = await listDays(ctx, 2025);
    const input = (extra: typeof days) => ({ year: 2025, days: [...days, ...extra], source: '测试', complete: true });
    await enterCalendarYear(CLI, ctx, input([{ date: '2025-10-31', kind: 'holiday', name: '测试假日' }]));
    const moved = await getApplication(handler, ctx, application.id);
    expect(moved.application.dueDate).toBe('2025-11-04');
    expect(JSON.parse((await lastAudit()).summary).detail).toMatch(/^重新计算\d+件办理中申请的答复期限/);
    await enterCalendarYear(CLI, ctx, input([]));
    expect((await getApplication(handler, ctx, application.id)).application.dueDate).toBe('2025-11-03');
  });
});
