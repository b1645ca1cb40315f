// The server's notification timers: the outbox sender every GONGKAI_MAIL_INTERVAL_SECONDS, and the daily reminder
// checked every ten minutes (it runs once per Beijing day, whichever process gets there first).
import type { Context } from '../context.ts';
import type { MailConfig } from './config.ts';
import { runDailyReminders } from './daily.ts';
import { sendDue, smtpMailer } from './sender.ts';

interface Logger {
  warn(obj: object, msg: string): void;
}

export function startNotificationTimers(ctx: Context, config: MailConfig, logger: Logger): () => void {
  const mailer = smtpMailer(config);
  let sending = false;
  const send = async () => {
    if (sending) return;
    sending = true;
    try {
      await sendDue({ db: ctx.db, clock: ctx.clock, mailer, maxAttempts: config.maxAttempts });
    } catch (err) {
      logger.warn({ err }, 'outbox send failed');
    } finally {
      sending = false;
    }
  };
  const daily = () => runDailyReminders(ctx).catch((err) => logger.warn({ err }, 'daily reminders failed'));
  const sender = setInterval(send, config.intervalSeconds * 1000);
  const reminder = setInterval(daily, 10 * 60_000);
  sender.unref();
  reminder.unref();
  void daily();
  return () => {
    clearInterval(sender);
    clearInterval(reminder);
    mailer?.close?.();
  };
}
