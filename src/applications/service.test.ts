import { beforeAll, expect, it } from 'vitest';
import { buildApplication, buildOnlineInput, buildOrgInput, ID_NUMBER, PHONE } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, CLI, type TestClock, testClock, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import type { Context } from '../context.ts';
import { getApplication, statusForApplicant } from './queries.ts';
import { setReplyReview } from './review.ts';
import { confirmReceipt, decide, recordEvent, submitOnline } from './service.ts';

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let clock: TestClock;
  let agencyId: number;
  let handler: Actor;
  let reviewer: Actor;
  const at = (date: string) => clock.set(`${date}T02:00:00.000Z`);

  beforeAll(async () => {
    clock = testClock('2025-09-29T02:00:00.000Z');
    ctx = testContext(getDb(), clock);
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    const h = await buildUser(ctx, 'handler', agencyId);
    handler = h.actor;
    reviewer = (await buildUser(ctx, 'reviewer', agencyId)).actor;
    // Direct decisions here; review before the reply is tested in review.test.ts.
    await setReplyReview(CLI, ctx, agencyId, false);
  });

  const k = () => getDb().kysely;
  const count = async (table: 'applications' | 'application_events') =>
    Number(
      (
        await k()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const lastAudit = () =>
    k().selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

  it('registers a counter application: received Monday 2025-09-29 → due 2025-11-03, then decided', async () => {
    at('2025-09-29');
    const { application, trackingNo, queryCode } = await buildApplication(ctx, handler, agencyId);
    expect(trackingNo).toMatch(new RegExp(`^GK2025-${agencyId}-\\d{6}$`));
    expect(queryCode).toMatch(/^[A-Z2-9]{16}$/);
    expect(application).toMatchObject({ status: 'received', receivedOn: '2025-09-29', dueDate: '2025-11-03' });
    const row = await k()
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', application.id)
      .executeTakeFirstOrThrow();
    expect(row.query_code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(queryCode);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'application.register', object_id: String(application.id) });
    expect(audit.summary).not.toContain(ID_NUMBER);
    expect(audit.summary).not.toContain(PHONE);

    at('2025-10-20');
    const decided = await decide(handler, ctx, application.id, 'granted', '2025-10-20');
    expect(decided).toMatchObject({
      status: 'closed',
      outcome: 'granted',
      decidedOn: '2025-10-20',
      dueDate: '2025-11-03',
    });
    const status = await statusForApplicant(ctx, trackingNo, queryCode);
    expect(status.ledger.map((l) => l.text)).toEqual([
      '2025-09-29 收到申请，依据《条例》第三十三条第二款，应于20个工作日内答复，答复期限为2025-11-03',
      '2025-10-20 作出答复，依据《条例》第三十三条，在答复期限2025-11-03内',
    ]);
    expect(status).toMatchObject({ status: '已办结', outcome: '（一）予以公开', dueDate: null });
  });

  it('an online application has no receipt date until staff confirm it (条例第三十一条（三）)', async () => {
    at('2025-09-28');
    const { trackingNo, queryCode } = await submitOnline(ctx, buildOnlineInput(agencyId));
    const before = await statusForApplicant(ctx, trackingNo, queryCode.toLowerCase());
    expect(before).toMatchObject({ status: '已提交，待确认收到', receivedOn: null, dueDate: null, ledger: [] });
    at('2025-09-29');
    const row = await k()
      .selectFrom('applications')
      .select('id')
      .where('tracking_no', '=', trackingNo)
      .executeTakeFirstOrThrow();
    const confirmed = await confirmReceipt(handler, ctx, Number(row.id), '2025-09-29');
    expect(confirmed).toMatchObject({ status: 'received', receivedOn: '2025-09-29', dueDate: '2025-11-03' });
    await expect(confirmReceipt(handler, ctx, Number(row.id), '2025-09-29')).rejects.toThrow(
      '办理记录有误：该申请已于2025-09-29确认收到，不能重复确认',
    );
  });

  it('refuses an invalid online form naming the field', async () => {
    await expect(submitOnline(ctx, buildOnlineInput(agencyId, { idNumber: '320102199001011234' }))).rejects.toThrow(
      '证件号码：校验位不符（第18位应为“2”），请核对',
    );
    await expect(submitOnline(ctx, buildOrgInput(agencyId, { creditCode: '91320800MA1XXXXXX0' }))).rejects.toThrow(
      /^统一社会信用代码：/,
    );
    await expect(submitOnline(ctx, buildOnlineInput(agencyId, { description: ' ' }))).rejects.toThrow(
      '所需政府信息的名称、文号或其他特征描述：不能为空',
    );
  });

  it('a 补正 restarts the 20 days from the corrected application (条例第三十条)', async () => {
    at('2025-09-29');
    const { application } = await buildApplication(ctx, handler, agencyId);
    at('2025-10-09');
    const waiting = await recordEvent(handler, ctx, application.id, {
      type: 'correctionRequested',
      date: '2025-09-30',
      replyBy: '2025-10-20',
    });
    expect(waiting).toMatchObject({ status: 'awaitingCorrection', dueDate: null });
    const corrected = await recordEvent(handler, ctx, application.id, {
      type: 'correctionReceived',
      date: '2025-10-09',
    });
    expect(corrected).toMatchObject({ status: 'received', dueDate: '2025-11-05' });
  });

  it('a consultation pauses the clock (条例第三十三条第三款)', async () => {
    at('2025-10-13');
    const { application } = await buildApplication(ctx, handler, agencyId);
    const paused = await recordEvent(handler, ctx, application.id, {
      type: 'consultationStarted',
      date: '2025-10-09',
      party: 'thirdParty',
      name: '某公司',
    });
    expect(paused).toMatchObject({ status: 'paused', dueDate: null });
    // 10-09, 10-10, 10-11 (调休) and 10-13 are left out: 24 working days after receipt.
    const resumed = await recordEvent(handler, ctx, application.id, { type: 'consultationEnded', date: '2025-10-13' });
    expect(resumed).toMatchObject({ status: 'received', dueDate: '2025-11-07' });
  });

  it('an extension is approved by a reviewer, refused for a handler (条例第三十三条第二款)', async () => {
    at('2025-10-20');
    const { application } = await buildApplication(ctx, handler, agencyId);
    const extension = { type: 'extensionApproved', date: '2025-10-20', days: 20 } as const;
    await expect(recordEvent(handler, ctx, application.id, extension)).rejects.toThrow('无权审核该机构的延期、答复');
    const extended = await recordEvent(reviewer, ctx, application.id, extension);
    expect(extended.dueDate).toBe('2025-12-01');
    const { clock: state } = await getApplication(handler, ctx, application.id);
    expect(state?.ledger.at(-1)?.text).toContain(`经${reviewer.name}批准延长答复期限20个工作日`);
    await expect(recordEvent(reviewer, ctx, application.id, extension)).rejects.toThrow('答复期限只能延长一次');
  });

  it('an invalid event is refused with its reason and nothing is written', async () => {
    at('2025-10-20');
    const { application } = await buildApplication(ctx, handler, agencyId);
    const before = { apps: await count('applications'), events: await count('application_events') };
    const row = () =>
      k().selectFrom('applications').selectAll().where('id', '=', application.id).executeTakeFirstOrThrow();
    const rowBefore = await row();
    await expect(
      recordEvent(handler, ctx, application.id, { type: 'consultationEnded', date: '2025-10-20' }),
    ).rejects.toThrow('办理记录有误：第2条记录（征求意见结束）：没有正在进行的征求意见');
    await expect(decide(handler, ctx, application.id, 'otherNoCorrection', '2025-10-20')).rejects.toThrow(
      '此前没有待补正的告知',
    );
    await expect(decide(handler, ctx, application.id, 'otherUnpaidFee', '2025-10-20')).rejects.toThrow(
      '没有逾期未缴费的收费通知',
    );
    expect({ apps: await count('applications'), events: await count('application_events') }).toEqual(before);
    expect(await row()).toEqual(rowBefore);
    expect(await lastAudit()).toMatchObject({ action: 'application.decide', outcome: 'failure' });
  });

  it('closes as otherNoCorrection only while a correction is awaited', async () => {
    at('2025-10-20');
    const { application } = await buildApplication(ctx, handler, agencyId, { receivedOn: '2025-10-09' });
    await recordEvent(handler, ctx, application.id, { type: 'correctionRequested', date: '2025-10-10' });
    const closed = await decide(handler, ctx, application.id, 'otherNoCorrection', '2025-10-20');
    expect(closed).toMatchObject({ status: 'closed', outcome: 'otherNoCorrection', decidedOn: '2025-10-20' });
  });

  it('closes as otherUnpaidFee once the fee notice has lapsed unpaid (国办函〔2020〕109号)', async () => {
    at('2025-10-20');
    const { application } = await buildApplication(ctx, handler, agencyId);
    const fee = { type: 'feeNoticeSent', date: '2025-10-09', payBy: '2025-10-17' } as const;
    expect(await recordEvent(handler, ctx, application.id, fee)).toMatchObject({ status: 'closed' });
    const closed = await decide(handler, ctx, application.id, 'otherUnpaidFee', '2025-10-20');
    expect(closed).toMatchObject({ status: 'closed', outcome: 'otherUnpaidFee', decidedOn: '2025-10-17' });
  });
});
