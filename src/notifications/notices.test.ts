import { beforeAll, expect, it } from 'vitest';
import { buildApplication, buildOnlineInput } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, type TestClock, testClock, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { approveProposal, proposeReply } from '../applications/review.ts';
import { assignHandler, confirmReceipt, submitOnline } from '../applications/service.ts';
import type { Context } from '../context.ts';
import { issueLetter } from '../letters/service.ts';
import { runDailyReminders } from './daily.ts';
import { countUnread, listMyNotices, markRead } from './notices.ts';
import { listOutboxFor } from './outbox.ts';

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let clock: TestClock;
  let agencyId: number;
  let handler: Actor;
  let handler2: Actor;
  let reviewer: Actor;
  let stranger: Actor;
  const at = (date: string) => clock.set(`${date}T02:00:00.000Z`);

  beforeAll(async () => {
    clock = testClock('2025-09-29T02:00:00.000Z');
    ctx = testContext(getDb(), clock);
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    handler = (await buildUser(ctx, 'handler', agencyId)).actor;
    handler2 = (await buildUser(ctx, 'handler', agencyId)).actor;
    reviewer = (await buildUser(ctx, 'reviewer', agencyId)).actor;
    stranger = (await buildUser(ctx, 'handler', tree.other.id)).actor;
  });

  const idOf = async (trackingNo: string) =>
    (
      await getDb()
        .kysely.selectFrom('applications')
        .select('id')
        .where('tracking_no', '=', trackingNo)
        .executeTakeFirstOrThrow()
    ).id;

  it('tells the agency’s handlers of a new online application, and nobody else', async () => {
    at('2025-09-29');
    const { trackingNo } = await submitOnline(ctx, buildOnlineInput(agencyId));
    const id = await idOf(trackingNo);
    for (const h of [handler, handler2]) {
      const [notice] = await listMyNotices(h, ctx);
      expect(notice).toMatchObject({
        text: `收到新的网上申请（查询号${trackingNo}），请及时确认收到。`,
        link: `/console/applications/${id}`,
        readAt: null,
      });
    }
    expect(await listMyNotices(reviewer, ctx)).toEqual([]);
    expect(await listMyNotices(stranger, ctx)).toEqual([]);
  });

  it('tells the reviewers of a reply to review, emails the applicant the 答复书, and marks notices read', async () => {
    at('2025-09-29');
    const { trackingNo } = await submitOnline(ctx, buildOnlineInput(agencyId));
    const id = await idOf(trackingNo);
    await confirmReceipt(handler, ctx, id, '2025-09-29');
    await proposeReply(handler, ctx, id, { outcome: 'granted', basis: '《条例》第三十六条第（二）项' });
    const [notice] = await listMyNotices(reviewer, ctx);
    expect(notice?.text).toBe(`申请（查询号${trackingNo}）有待审核的拟答复意见。`);
    expect((await listMyNotices(handler, ctx)).some((n) => n.text.includes('拟答复'))).toBe(false);

    await approveProposal(reviewer, ctx, id, '2025-09-29');
    const { letter } = await issueLetter(handler, ctx, id, 'reply');
    const mail = (await listOutboxFor(getDb().kysely, 'application', id)).map((r) => r.kind);
    expect(mail).toEqual(['application.received', 'application.replied']);
    const replied = (await listOutboxFor(getDb().kysely, 'application', id))[1];
    expect(replied?.body).toContain(`已作出答复（${letter.number}）`);

    // Marking read: one's own only; another user's notice is “not found” and stays unread.
    expect(await countUnread(reviewer, ctx)).toBe(1);
    await expect(markRead(handler, ctx, notice?.id ?? 0)).rejects.toThrow(/不存在/);
    expect(await countUnread(reviewer, ctx)).toBe(1);
    expect(await markRead(reviewer, ctx, notice?.id ?? 0)).toBe(1);
    expect(await countUnread(reviewer, ctx)).toBe(0);
    expect((await listMyNotices(reviewer, ctx))[0]?.readAt).toBe('2025-09-29T02:00:00.000Z');
    expect(await countUnread(handler, ctx)).toBeGreaterThan(0);
    await markRead(handler, ctx, null);
    expect(await countUnread(handler, ctx)).toBe(0);
  });

  it('reminds the assigned handler once of a case due within 3 working days, and once when overdue', async () => {
    at('2025-09-29');
    const { application } = await buildApplication(ctx, handler, agencyId, { receivedOn: '2025-09-29' });
    expect(application.dueDate).toBe('2025-11-03');
    await assignHandler(handler, ctx, application.id, handler2.id ?? 0);
    const mine = async (who: Actor) =>
      (await listMyNotices(who, ctx)).filter((n) => n.text.includes(application.trackingNo)).map((n) => n.text);

    at('2025-10-27'); // five working days before: not yet
    expect((await runDailyReminders(ctx)).ran).toBe(true);
    expect(await mine(handler2)).toEqual([]);

    at('2025-10-30');
    expect(await runDailyReminders(ctx)).toMatchObject({ ran: true, day: '2025-10-30' });
    const dueText = `申请（查询号${application.trackingNo}）的答复期限为2025年11月3日，请按时答复。`;
    expect(await mine(handler2)).toEqual([dueText]);
    expect(await mine(handler)).toEqual([]);
    // The same day again (the timer, another process): nothing; even a forced rerun adds nothing.
    expect((await runDailyReminders(ctx)).ran).toBe(false);
    await getDb().kysely.deleteFrom('meta').where('key', '=', 'notifications.dailyRemindersOn').execute();
    expect((await runDailyReminders(ctx)).ran).toBe(true);
    at('2025-10-31');
    await runDailyReminders(ctx);
    expect(await mine(handler2)).toEqual([dueText]);

    at('2025-11-04');
    await runDailyReminders(ctx);
    at('2025-11-05');
    await runDailyReminders(ctx);
    expect(await mine(handler2)).toEqual([
      `申请（查询号${application.trackingNo}）已超过答复期限（2025年11月3日），请尽快答复。`,
      dueText,
    ]);
  });
});
