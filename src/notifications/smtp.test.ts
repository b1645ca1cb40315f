// The SMTP path against a tiny fake SMTP server on 127.0.0.1 (node:net): enough of RFC 5321 for nodemailer to
// hand over a message, and a mode that refuses the recipient so the failure and its backoff can be seen.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { CLI, type TestClock, testClock, testContext } from '../../test/platform.ts';
import type { Context } from '../context.ts';
import { transaction } from '../storage/transaction.ts';
import { parseMailConfig } from './config.ts';
import { enqueueEmail } from './outbox.ts';
import { sendDue, smtpMailer } from './sender.ts';

interface FakeSmtp {
  port: number;
  /** Each accepted message: envelope recipients and the raw DATA. */
  received: { to: string[]; data: string }[];
  refuseRecipients: boolean;
  close(): Promise<void>;
}

async function startFakeSmtp(): Promise<FakeSmtp> {
  const sockets = new Set<Socket>();
  const fake: FakeSmtp = { port: 0, received: [], refuseRecipients: false, close: async () => {} };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = '';
    let inData = false;
    let to: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 fake.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (buffer.length > 1_000_000) return socket.destroy();
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          fake.received.push({ to, data: buffer.slice(0, end) });
          buffer = buffer.slice(end + 5);
          inData = false;
          reply('250 2.0.0 queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250-fake.test\r\n250 8BITMIME');
        else if (verb === 'HELO') reply('250 fake.test');
        else if (verb === 'MAIL') {
          to = [];
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          if (fake.refuseRecipients) reply('550 5.1.1 mailbox unavailable');
          else {
            to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
            reply('250 2.1.5 ok');
          }
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'RSET') reply('250 ok');
        else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 not implemented');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  fake.port = typeof address === 'object' && address ? address.port : 0;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return fake;
}

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let clock: TestClock;
  let fake: FakeSmtp;

  beforeAll(async () => {
    clock = testClock('2025-09-29T02:00:00.000Z');
    ctx = testContext(getDb(), clock);
    fake = await startFakeSmtp();
  });
  afterAll(async () => {
    await fake?.close();
  });

  const k = () => getDb().kysely;
  const enqueue = (to: string) =>
    transaction(ctx, CLI, { action: 'test.mail', objectType: 'meta' }, (tx) =>
      enqueueEmail(tx.kysely, { kind: 'test', to, subject: '申请已受理', body: '您的申请已受理。' }, tx.now),
    );
  const config = () =>
    parseMailConfig({
      GONGKAI_SMTP_URL: `smtp://127.0.0.1:${fake.port}`,
      GONGKAI_MAIL_FROM: 'gk@example.gov.cn',
      GONGKAI_MAIL_MAX_ATTEMPTS: '3',
    });

  it('sends through SMTP and records the message as sent', async () => {
    await k().deleteFrom('outbox').execute();
    fake.received.length = 0;
    fake.refuseRecipients = false;
    await enqueue('zhangsan@example.com');
    const mailer = smtpMailer(config());
    try {
      expect(await sendDue({ db: getDb(), clock, mailer, maxAttempts: 3 })).toEqual({ sent: 1, failed: 0 });
    } finally {
      mailer?.close?.();
    }
    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]?.to).toEqual(['zhangsan@example.com']);
    expect(fake.received[0]?.data).toMatch(/^From: gk@example\.gov\.cn/m);
    const row = await k().selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sent_at: '2025-09-29T02:00:00.000Z', attempts: 1, claimed_by: null });
  });

  it('keeps the error and backs off when the server refuses, then sends on a later pass', async () => {
    await k().deleteFrom('outbox').execute();
    fake.received.length = 0;
    fake.refuseRecipients = true;
    await enqueue('nobody@example.com');
    const mailer = smtpMailer(config());
    try {
      expect(await sendDue({ db: getDb(), clock, mailer, maxAttempts: 3 })).toEqual({ sent: 0, failed: 1 });
      const row = await k().selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
      expect(row.last_error).toContain('550');
      expect(row).toMatchObject({
        attempts: 1,
        sent_at: null,
        failed_at: null,
        send_after: '2025-09-29T02:01:00.000Z',
      });
      fake.refuseRecipients = false;
      clock.advance(1);
      expect(await sendDue({ db: getDb(), clock, mailer, maxAttempts: 3 })).toEqual({ sent: 1, failed: 0 });
    } finally {
      mailer?.close?.();
    }
    expect(fake.received.map((m) => m.to)).toEqual([['nobody@example.com']]);
  });

  it('needs a sender address with an SMTP server, and no SMTP server means no mailer', () => {
    expect(() => parseMailConfig({ GONGKAI_SMTP_URL: 'smtp://127.0.0.1:25' })).toThrow('GONGKAI_MAIL_FROM');
    expect(() => parseMailConfig({ GONGKAI_SMTP_URL: 'http://x' })).toThrow('GONGKAI_SMTP_URL');
    expect(smtpMailer(parseMailConfig({}))).toBeNull();
  });
});
