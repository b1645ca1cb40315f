import { spawn } from 'node:child_process';
import { beforeAll, expect, it } from 'vitest';
import { buildOnlineInput, ID_NUMBER, PHONE } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, CLI, type TestClock, testClock, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { confirmReceipt, recordEvent, submitOnline } from '../applications/service.ts';
import type { Context } from '../context.ts';
import { transaction } from '../storage/transaction.ts';
import { enqueueEmail, listOutboxFor, NOT_CONFIGURED, outboxState } from './outbox.ts';
import { sendDue } from './sender.ts';

/** A sender loop in a process of its own (test/outbox-send-worker.ts); resolves with the recipients it sent to. */
function runSender(args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/outbox-send-worker.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill(), 25_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out.split('\n').filter(Boolean));
      else reject(new Error(`sender exited ${code}: ${err}`));
    });
  });
}

forEachEngine((_engine, getDb, getTest) => {
  let ctx: Context;
  let clock: TestClock;
  let agencyId: number;
  let handler: Actor;
  let reviewer: Actor;

  beforeAll(async () => {
    clock = testClock('2025-09-29T02:00:00.000Z');
    ctx = testContext(getDb(), clock);
    agencyId = (await buildHierarchy(ctx)).department.id;
    handler = (await buildUser(ctx, 'handler', agencyId)).actor;
    reviewer = (await buildUser(ctx, 'reviewer', agencyId)).actor;
  });

  const k = () => getDb().kysely;
  const clear = () => k().deleteFrom('outbox').execute();
  const draft = (n: number) => ({ kind: 'test', to: `a${n}@example.com`, subject: `主题${n}`, body: '正文' });

  it('enqueues nothing when the change is rolled back', async () => {
    await clear();
    const failing = transaction(ctx, CLI, { action: 'test.fail', objectType: 'meta' }, async (tx) => {
      await enqueueEmail(tx.kysely, draft(1), tx.now);
      throw new Error('rolled back');
    });
    await expect(failing).rejects.toThrow('rolled back');
    expect(await k().selectFrom('outbox').selectAll().execute()).toEqual([]);
  });

  it('emails the applicant on receipt, 补正 and extension — with the deadline, without ID or phone numbers', async () => {
    await clear();
    const { trackingNo } = await submitOnline(ctx, buildOnlineInput(agencyId));
    const app = await k()
      .selectFrom('applications')
      .select('id')
      .where('tracking_no', '=', trackingNo)
      .executeTakeFirstOrThrow();
    expect(await listOutboxFor(k(), 'application', app.id)).toEqual([]);
    await confirmReceipt(handler, ctx, app.id, '2025-09-29');
    clock.set('2025-10-01T02:00:00.000Z');
    await recordEvent(handler, ctx, app.id, { type: 'correctionRequested', date: '2025-09-30', replyBy: '2025-10-20' });
    await recordEvent(handler, ctx, app.id, { type: 'correctionReceived', date: '2025-10-01' });
    await recordEvent(reviewer, ctx, app.id, { type: 'extensionApproved', date: '2025-10-01', days: 10 });
    const rows = await listOutboxFor(k(), 'application', app.id);
    expect(rows.map((r) => [r.kind, r.recipient])).toEqual([
      ['application.received', 'zhangsan@example.com'],
      ['application.correctionRequested', 'zhangsan@example.com'],
      ['application.extensionApproved', 'zhangsan@example.com'],
    ]);
    expect(rows[0]?.body).toContain('答复期限为2025年11月3日');
    expect(rows[0]?.subject).toBe(`申请已受理（查询号${trackingNo}）`);
    expect(rows[1]?.body).toContain('请于2025年10月20日前提交补正材料');
    expect(rows[2]?.body).toContain('答复期限延长10个工作日');
    expect(rows[2]?.body).toMatch(/答复期限为2025年\d+月\d+日。/);
    for (const r of rows) {
      expect(`${r.subject}${r.body}`).not.toContain(ID_NUMBER);
      expect(`${r.subject}${r.body}`).not.toContain(PHONE);
    }
    // A refused event writes no email either.
    await expect(recordEvent(handler, ctx, app.id, { type: 'feePaid', date: '2025-10-01' })).rejects.toThrow();
    expect(await listOutboxFor(k(), 'application', app.id)).toHaveLength(3);
  });

  it('without SMTP leaves messages pending with the reason, and fails nothing', async () => {
    await clear();
    await transaction(ctx, CLI, { action: 'test.mail', objectType: 'meta' }, (tx) =>
      enqueueEmail(tx.kysely, draft(1), tx.now),
    );
    expect(await sendDue({ db: getDb(), clock, mailer: null, maxAttempts: 3 })).toEqual({
      sent: 0,
      failed: 0,
      waiting: NOT_CONFIGURED,
    });
    const row = await k().selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sent_at: null, failed_at: null, attempts: 0, last_error: NOT_CONFIGURED });
    expect(outboxState(row)).toBe('待发送：未配置邮件服务器');
  });

  it('retries with backoff and gives up after the last attempt, keeping the error', async () => {
    await clear();
    clock.set('2025-09-29T02:00:00.000Z');
    await transaction(ctx, CLI, { action: 'test.mail', objectType: 'meta' }, (tx) =>
      enqueueEmail(tx.kysely, draft(1), tx.now),
    );
    const mailer = {
      send: async () => {
        throw new Error('550 mailbox unavailable');
      },
    };
    const options = { db: getDb(), clock, mailer, maxAttempts: 2 };
    expect(await sendDue(options)).toEqual({ sent: 0, failed: 1 });
    let row = await k().selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 1, send_after: '2025-09-29T02:01:00.000Z', failed_at: null });
    expect(outboxState(row)).toBe('待重试（已尝试1次）：550 mailbox unavailable');
    expect(await sendDue(options)).toEqual({ sent: 0, failed: 0 }); // not due yet
    clock.advance(2);
    expect(await sendDue(options)).toEqual({ sent: 0, failed: 1 });
    row = await k().selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 2, failed_at: '2025-09-29T02:02:00.000Z', sent_at: null });
    expect(outboxState(row)).toBe('发送失败，已停止重试：550 mailbox unavailable');
    clock.advance(600);
    expect(await sendDue(options)).toEqual({ sent: 0, failed: 0 });
  });

  it('sends each message once with two sender processes on the same database', async () => {
    await clear();
    await transaction(ctx, CLI, { action: 'test.mail', objectType: 'meta' }, async (tx) => {
      for (let n = 0; n < 40; n++) await enqueueEmail(tx.kysely, draft(n), tx.now);
    });
    const config = JSON.stringify(getTest().config);
    const startAt = String(Date.now() + 1500);
    const [a, b] = await Promise.all([runSender([config, startAt]), runSender([config, startAt])]);
    expect(a.length + b.length).toBe(40);
    expect(new Set([...a, ...b]).size).toBe(40);
    const unsent = await k().selectFrom('outbox').select('id').where('sent_at', 'is', null).execute();
    expect(unsent).toEqual([]);
  }, 30_000);
});
