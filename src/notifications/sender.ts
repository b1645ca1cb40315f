// Sending the outbox: each pass claims due messages (outbox.ts), hands each to the mailer, and records the result —
// sent, or failed with the error kept and a later retry (exponential backoff), or given up after the last attempt.
// SMTP goes through nodemailer; the mailer is injected so that tests and an unconfigured server need none.
import nodemailer from 'nodemailer';
import type { Database } from '../storage/db.ts';
import type { MailConfig } from './config.ts';
import { claimDue, markFailed, markSent, markUnconfigured, newClaimToken } from './outbox.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close?(): void;
}

/** An SMTP mailer for GONGKAI_SMTP_URL, or null when none is configured. */
export function smtpMailer(config: MailConfig): Mailer | null {
  if (!config.smtpUrl || !config.from) return null;
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const from = config.from;
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

/** Minutes to wait after the n-th failed attempt: 1, 2, 4 … up to 6 hours. */
export function backoffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360);
}

export interface SendOptions {
  db: Database;
  clock: () => Date;
  mailer: Mailer | null;
  maxAttempts: number;
  /** How long a claim lasts before another sender may take the message again. */
  leaseSeconds?: number;
  batch?: number;
  token?: string;
}

export interface SendResult {
  sent: number;
  failed: number;
  /** Set when nothing can be sent: 未配置邮件服务器. */
  waiting?: string;
}

/** One pass of the sender loop. */
export async function sendDue(options: SendOptions): Promise<SendResult> {
  const { db, clock, mailer } = options;
  if (!mailer) {
    await markUnconfigured(db);
    return { sent: 0, failed: 0, waiting: '未配置邮件服务器' };
  }
  const token = options.token ?? newClaimToken();
  const now = clock();
  const until = new Date(now.getTime() + (options.leaseSeconds ?? 300) * 1000).toISOString();
  const rows = await claimDue(db, token, now.toISOString(), until, options.batch ?? 20);
  const result: SendResult = { sent: 0, failed: 0 };
  for (const row of rows) {
    try {
      await mailer.send({ to: row.recipient, subject: row.subject, text: row.body });
      await markSent(db, row, token, clock().toISOString());
      result.sent += 1;
    } catch (e) {
      const at = clock();
      const error = e instanceof Error ? e.message : String(e);
      const retryAt =
        row.attempts >= options.maxAttempts
          ? null
          : new Date(at.getTime() + backoffMinutes(row.attempts) * 60_000).toISOString();
      await markFailed(db, row, token, at.toISOString(), error, retryAt);
      result.failed += 1;
    }
  }
  return result;
}
