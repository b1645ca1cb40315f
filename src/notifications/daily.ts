// The daily reminder (issue 4 point 10): once per Beijing day the server's timer looks for cases due within 3
// working days and cases overdue (applications/queries.ts listDueSoon, listOverdue) and gives the assigned
// handler — or, with none assigned, the agency's handlers — a notice in the console. Idempotent: a case gets one
// notice per deadline and state (the notice's dedupe key), and the day's run is recorded in the meta table so a
// second run that day (another process, a restart) does nothing.
import type { Actor } from '../agencies/model.ts';
import { listAgencyRows } from '../agencies/repository.ts';
import { listDueSoon, listOverdue } from '../applications/queries.ts';
import { beijingDate, chineseDate } from '../calendar/dates.ts';
import type { Context } from '../context.ts';
import { transaction } from '../storage/transaction.ts';
import { caseLink } from './events.ts';
import { addNotices, staffOf } from './notices.ts';

/** 3 working days ahead, today included. */
export const DUE_SOON_WORKING_DAYS = 3;
const META_KEY = 'notifications.dailyRemindersOn';
const SYSTEM = { id: null, name: '系统（到期提醒）' };

type Case = Awaited<ReturnType<typeof listOverdue>>[number];

export interface DailyResult {
  ran: boolean;
  day: string;
  dueSoon: number;
  overdue: number;
}

async function lastRun(ctx: Context): Promise<string | null> {
  const row = await ctx.db.kysely.selectFrom('meta').select('value').where('key', '=', META_KEY).executeTakeFirst();
  return row?.value ?? null;
}

/** Run the reminders unless today's run is already recorded. */
export async function runDailyReminders(ctx: Context): Promise<DailyResult> {
  const day = beijingDate(ctx.clock());
  if ((await lastRun(ctx)) === day) return { ran: false, day, dueSoon: 0, overdue: 0 };
  // Reads as an inspector of each top-level agency (the whole subtree), through the same queries as the console.
  const roots = (await listAgencyRows(ctx.db.kysely)).filter((a) => a.parentId === null);
  const soon: Case[] = [];
  const late: Case[] = [];
  for (const root of roots) {
    const reader: Actor = { ...SYSTEM, role: 'inspector', agencyId: root.id };
    soon.push(...(await listDueSoon(reader, ctx, root.id, DUE_SOON_WORKING_DAYS, { subtree: true })));
    late.push(...(await listOverdue(reader, ctx, root.id, { subtree: true })));
  }
  const intent = { action: 'notifications.dailyReminders', objectType: 'meta', objectId: META_KEY };
  await transaction(ctx, SYSTEM, intent, async (tx) => {
    const notify = async (c: Case, state: 'dueSoon' | 'overdue') => {
      const to = c.handlerUserId !== null ? [c.handlerUserId] : await staffOf(tx.kysely, c.agencyId, 'handler');
      const when = chineseDate(c.dueDate ?? day);
      const text =
        state === 'overdue'
          ? `申请（查询号${c.trackingNo}）已超过答复期限（${when}），请尽快答复。`
          : `申请（查询号${c.trackingNo}）的答复期限为${when}，请按时答复。`;
      const dedupeKey = `${state}:${c.id}:${c.dueDate ?? ''}`;
      await addNotices(tx.kysely, to, { text, link: caseLink(c.id), dedupeKey }, tx.now);
    };
    for (const c of soon) await notify(c, 'dueSoon');
    for (const c of late) await notify(c, 'overdue');
    await tx.kysely
      .insertInto('meta')
      .values({ key: META_KEY, value: day })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: day }))
      .execute();
    tx.note({ detail: `${day}：即将到期${soon.length}件，已逾期${late.length}件` });
  });
  return { ran: true, day, dueSoon: soon.length, overdue: late.length };
}
