import { beforeAll, describe, expect, it } from 'vitest';
import { buildItemInput, buildPublishedItem, type Workflow } from '../../test/catalog.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, type TestClock, testClock, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { listAuditEntries } from '../audit/query.ts';
import { createItem } from '../catalog/service.ts';
import type { Context } from '../context.ts';
import { maskContact, maskName, scrubPersonalData } from './model.ts';
import {
  feedbackYearSummary,
  getFeedback,
  listFeedback,
  listPublicAnswers,
  overdueCount,
  statusForSender,
} from './queries.ts';
import { answerFeedback, closeFeedback, setFeedbackDeadline, submitFeedback } from './service.ts';

const base = { kind: 'inquiry' as const, subject: '关于老旧小区改造的咨询', content: '请问今年的改造清单何时公布？' };

describe('masking', () => {
  it('keeps the first character of a name and the ends of a number', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskContact('13812345678')).toBe('138****5678');
    expect(maskContact('zhang@example.com')).toBe('z***@example.com');
    expect(scrubPersonalData('我的电话13812345678，邮箱a.b@example.com')).toBe(
      '我的电话［电话已隐去］，邮箱［邮箱已隐去］',
    );
  });
});

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let clock: TestClock;
  let agencyId: number;
  let governmentId: number;
  let otherId: number;
  let handler: Actor;
  let publisher: Actor;
  let outsider: Actor;
  let inspector: Actor;
  let sysadmin: Actor;
  let who: Workflow;
  beforeAll(async () => {
    clock = testClock('2025-09-30T02:00:00.000Z'); // 10:00 in Beijing, the day before 国庆节
    ctx = testContext(getDb(), clock);
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    governmentId = tree.government.id;
    otherId = tree.other.id;
    handler = (await buildUser(ctx, 'handler', agencyId)).actor;
    publisher = (await buildUser(ctx, 'publisher', agencyId)).actor;
    outsider = (await buildUser(ctx, 'handler', otherId)).actor;
    inspector = (await buildUser(ctx, 'inspector', governmentId)).actor;
    sysadmin = (await buildUser(ctx, 'sysadmin', null)).actor;
    who = { publisher, reviewer: (await buildUser(ctx, 'reviewer', agencyId)).actor };
  });

  describe('receipt and deadline', () => {
    it('counts 5 working days over 国庆节 and the 调休 Saturday, and flags the message overdue after', async () => {
      clock.set('2025-09-30T02:00:00.000Z');
      const sent = await submitFeedback(ctx, {
        ...base,
        agencyId,
        name: '张三',
        contact: '13812345678',
        publishConsent: false,
      });
      expect(sent.messageNo).toMatch(new RegExp(`^LY2025-${agencyId}-\\d{6}$`));
      expect(sent.queryCode).toHaveLength(16);
      // 10-01…10-08 holidays; 10-09 (1), 10-10 (2), Saturday 10-11 worked (3), 10-13 (4), 10-14 (5).
      expect(sent.dueOn).toBe('2025-10-14');
      const row = await ctx.db.kysely
        .selectFrom('feedback_messages')
        .select(['id', 'query_code_hash'])
        .where('message_no', '=', sent.messageNo)
        .executeTakeFirstOrThrow();
      expect(row.query_code_hash).not.toContain(sent.queryCode);

      clock.set('2025-10-14T08:00:00.000Z');
      expect((await listFeedback(handler, ctx, { state: 'overdue' })).rows.map((r) => r.messageNo)).not.toContain(
        sent.messageNo,
      );
      clock.set('2025-10-15T02:00:00.000Z');
      const overdue = await listFeedback(handler, ctx, { state: 'overdue' });
      const mine = overdue.rows.find((r) => r.messageNo === sent.messageNo);
      expect(mine).toMatchObject({ overdue: true, dueOn: '2025-10-14', daysTaken: 6 });
      expect(await overdueCount(handler, ctx)).toBeGreaterThanOrEqual(1);
      expect(await overdueCount(inspector, ctx)).toBeGreaterThanOrEqual(1);
      expect(await overdueCount(outsider, ctx)).toBe(0);
      expect(await overdueCount(sysadmin, ctx)).toBeNull();

      // Answered late, privately: the working days taken are recorded; nothing is published.
      const answered = await answerFeedback(handler, ctx, Number(row.id), {
        mode: 'private',
        answer: '将于年底公布。',
      });
      expect(answered).toMatchObject({
        status: 'answered',
        answerMode: 'private',
        workingDays: 6,
        handledOn: '2025-10-15',
      });
      const view = await getFeedback(handler, ctx, Number(row.id));
      expect(view).toMatchObject({ late: true, overdue: false, daysTaken: 6 });
      expect((await listPublicAnswers(ctx)).rows.map((r) => r.messageNo)).not.toContain(sent.messageNo);
      const status = await statusForSender(ctx, sent.messageNo, sent.queryCode.toLowerCase());
      expect(status).toMatchObject({ status: 'answered', answer: '将于年底公布。', answerMode: 'private' });
      await expect(
        answerFeedback(handler, ctx, Number(row.id), { mode: 'private', answer: '再答' }),
      ).rejects.toMatchObject({ code: 'invalidState' });
    });

    it('uses the deadline the agency set, for messages received afterwards', async () => {
      clock.set('2025-11-03T02:00:00.000Z'); // a Monday
      const admin = (await buildUser(ctx, 'agencyAdmin', agencyId)).actor;
      await expect(setFeedbackDeadline(handler, ctx, agencyId, { deadlineDays: 3 })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(setFeedbackDeadline(admin, ctx, agencyId, { deadlineDays: 0 })).rejects.toMatchObject({
        field: 'deadlineDays',
      });
      await setFeedbackDeadline(admin, ctx, agencyId, { deadlineDays: 3 });
      const sent = await submitFeedback(ctx, { ...base, agencyId });
      expect(sent.dueOn).toBe('2025-11-06');
      await setFeedbackDeadline(admin, ctx, agencyId, { deadlineDays: 5 });
    });

    it('routes a message about a published item to its agency, and refuses an unpublished one', async () => {
      clock.set('2025-10-20T02:00:00.000Z');
      const item = await buildPublishedItem(ctx, agencyId, who);
      const sent = await submitFeedback(ctx, { ...base, kind: 'correction', itemId: item.id, agencyId: otherId });
      const { rows } = await listFeedback(handler, ctx, { state: 'open' });
      expect(rows.find((r) => r.messageNo === sent.messageNo)).toMatchObject({
        agencyId,
        itemId: item.id,
        itemTitle: item.title,
        kindLabel: '纠错（信息有误或链接失效）',
      });
      const { item: draft } = await createItem(publisher, ctx, agencyId, buildItemInput());
      await expect(submitFeedback(ctx, { ...base, itemId: draft.id })).rejects.toMatchObject({ field: 'itemId' });
    });

    it('names the field of bad input in Chinese', async () => {
      await expect(submitFeedback(ctx, { ...base, agencyId: null })).rejects.toMatchObject({
        field: 'agencyId',
        message: '受理机关：请选择',
      });
      await expect(submitFeedback(ctx, { ...base, agencyId, contact: '13812345678' })).rejects.toMatchObject({
        field: 'name',
      });
      await expect(submitFeedback(ctx, { ...base, agencyId, name: '李四', contact: '打电话' })).rejects.toMatchObject({
        field: 'contact',
        message: expect.stringContaining('联系方式'),
      });
      await expect(submitFeedback(ctx, { ...base, agencyId, subject: ' ' })).rejects.toMatchObject({
        field: 'subject',
        message: '标题：不能为空',
      });
      await expect(submitFeedback(ctx, { ...base, agencyId: 999999 })).rejects.toMatchObject({ field: 'agencyId' });
    });
  });

  describe('answers and personal data', () => {
    it('publishes a consented answer without name or contact, masks personal data outside the agency', async () => {
      clock.set('2025-10-20T02:00:00.000Z');
      const sent = await submitFeedback(ctx, {
        ...base,
        kind: 'suggestion',
        subject: '建议公开停车场收费标准',
        content: '建议公开，有问题请打13900001111联系我。',
        agencyId,
        name: '王小明',
        contact: 'wang@example.com',
        publishConsent: true,
      });
      const { rows } = await listFeedback(handler, ctx, { state: 'open' });
      const id = (rows.find((r) => r.messageNo === sent.messageNo) as { id: number }).id;
      expect(await getFeedback(handler, ctx, id)).toMatchObject({ name: '王小明', contact: 'wang@example.com' });
      expect(await getFeedback(inspector, ctx, id)).toMatchObject({
        name: '王**',
        contact: 'w***@example.com',
        personalDataMasked: true,
      });
      await expect(getFeedback(outsider, ctx, id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(answerFeedback(inspector, ctx, id, { mode: 'public', answer: '好' })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(answerFeedback(outsider, ctx, id, { mode: 'public', answer: '好' })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(answerFeedback(handler, ctx, id, { mode: 'public', answer: ' ' })).rejects.toMatchObject({
        field: 'answer',
      });

      clock.set('2025-10-21T02:00:00.000Z');
      await answerFeedback(publisher, ctx, id, { mode: 'public', answer: '收费标准已在目录中公开。' });
      const published = (await listPublicAnswers(ctx)).rows.find((r) => r.messageNo === sent.messageNo);
      expect(published).toMatchObject({
        subject: '建议公开停车场收费标准',
        content: '建议公开，有问题请打［电话已隐去］联系我。',
        answer: '收费标准已在目录中公开。',
        answeredOn: '2025-10-21',
      });
      expect(JSON.stringify(published)).not.toMatch(/王小明|wang@|13900001111/);

      // The sender left an email: the answer is queued for them.
      const mail = await ctx.db.kysely
        .selectFrom('outbox')
        .selectAll()
        .where('object_type', '=', 'feedback')
        .where('object_id', '=', String(id))
        .execute();
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ recipient: 'wang@example.com', kind: 'feedback.answered' });
      expect(mail[0]?.body).toContain('收费标准已在目录中公开。');

      // The audit log records both steps, but neither the sender's name, contact nor words.
      const { entries } = await listAuditEntries(sysadmin, ctx, { objectType: 'feedback', objectId: id });
      expect(entries.map((e) => `${e.action}:${e.outcome}`)).toEqual(
        expect.arrayContaining(['feedback.submit:success', 'feedback.answer:success']),
      );
      expect(JSON.stringify(entries)).not.toMatch(/王小明|wang@example|13900001111|停车场/);
    });

    it('refuses a public answer without consent, and emails nobody without an address', async () => {
      clock.set('2025-10-22T02:00:00.000Z');
      const sent = await submitFeedback(ctx, { ...base, agencyId, name: '赵六', contact: '0517-83606114' });
      const id = Number(
        (
          await ctx.db.kysely
            .selectFrom('feedback_messages')
            .select('id')
            .where('message_no', '=', sent.messageNo)
            .executeTakeFirstOrThrow()
        ).id,
      );
      await expect(answerFeedback(handler, ctx, id, { mode: 'public', answer: '答复' })).rejects.toMatchObject({
        field: 'mode',
        message: '答复方式：留言人未同意公开，只能私下答复',
      });
      await answerFeedback(handler, ctx, id, { mode: 'private', answer: '已电话联系。' });
      const mail = await ctx.db.kysely
        .selectFrom('outbox')
        .select('id')
        .where('object_type', '=', 'feedback')
        .where('object_id', '=', String(id))
        .execute();
      expect(mail).toHaveLength(0);
    });

    it('closes a duplicate with its reason, and a wrong code finds nothing (audited)', async () => {
      clock.set('2025-10-22T03:00:00.000Z');
      const sent = await submitFeedback(ctx, { ...base, agencyId });
      const { rows } = await listFeedback(handler, ctx, { state: 'open' });
      const id = (rows.find((r) => r.messageNo === sent.messageNo) as { id: number }).id;
      await expect(closeFeedback(handler, ctx, id, { reason: 'duplicate' })).rejects.toMatchObject({ field: 'note' });
      await closeFeedback(handler, ctx, id, { reason: 'duplicate', note: '与LY2025-1-000001重复' });
      await expect(closeFeedback(handler, ctx, id, { reason: 'spam' })).rejects.toMatchObject({ code: 'invalidState' });
      expect(await statusForSender(ctx, sent.messageNo, sent.queryCode)).toMatchObject({
        status: 'closed',
        closeReasonLabel: '重复留言',
        answer: null,
      });
      expect((await listFeedback(handler, ctx, { state: 'closed' })).rows.map((r) => r.id)).toContain(id);
      await expect(statusForSender(ctx, sent.messageNo, 'AAAABBBBCCCCDDDD', '203.0.113.9')).rejects.toMatchObject({
        code: 'notFound',
        message: '留言编号或查询码不正确，请核对后重新输入',
      });
      const { entries } = await listAuditEntries(sysadmin, ctx, { action: 'feedback.lookup' });
      expect(entries[0]).toMatchObject({ outcome: 'failure' });
    });
  });

  describe('the year in numbers', () => {
    it('counts received, answered, average working days and overdue per agency', async () => {
      const [summary] = await feedbackYearSummary(ctx, 2025, { agencyIds: [agencyId], asOf: '2025-12-31' });
      const { rows } = await listFeedback(handler, ctx, { pageSize: 100 });
      const answered = rows.filter((r) => r.status === 'answered');
      const days = answered.map((r) => r.daysTaken as number);
      expect(summary).toMatchObject({
        agencyId,
        received: rows.length,
        answered: answered.length,
        publicAnswers: 1,
        closed: 1,
        open: rows.filter((r) => r.status === 'open').length,
        averageWorkingDays: Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10,
      });
      // The late answer, plus every message still open at the end of the year.
      expect(summary?.overdue).toBe(1 + rows.filter((r) => r.status === 'open').length);
      expect(await feedbackYearSummary(ctx, 2024, { agencyIds: [agencyId] })).toEqual([]);
    });
  });
});
