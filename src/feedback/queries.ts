// Reading feedback: the staff's lists and one message (own agency; inspectors their subtree — personal data shown
// in full only to the staff of the agency that holds the message), the sender's status lookup, the portal's list of
// public answers, the console's overdue count and the year's summary per agency for the annual report.

import { sql } from 'kysely';
import { authorize, permits } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { findAgency, listAgencyRows } from '../agencies/repository.ts';
import { subtreeIds } from '../agencies/service.ts';
import { NO_MATCH_HASH, queryCodeMatches } from '../applications/codes.ts';
import { beijingDate } from '../calendar/dates.ts';
import { loadWorkingCalendar } from '../calendar/repository.ts';
import type { Context } from '../context.ts';
import { DomainError, errors, isDomainError } from '../errors.ts';
import type { Page } from '../paging.ts';
import { recordFailure } from '../storage/transaction.ts';
import {
  ANSWER_MODE_LABELS,
  CLOSE_REASON_LABELS,
  KIND_LABELS,
  MESSAGE_NO_PATTERN,
  type Message,
  maskContact,
  maskName,
  STATUS_LABELS,
} from './model.ts';
import { findByMessageNo, findMessage, toMessage } from './repository.ts';

export const PAGE_SIZE = 20;
const today = (ctx: Context) => beijingDate(ctx.clock());

/** The same answer for an unknown 留言编号 and a wrong 查询码, so a guesser learns nothing. */
export const lookupFailed = () => new DomainError('notFound', '留言编号或查询码不正确，请核对后重新输入');

export const STATES = ['open', 'overdue', 'answered', 'closed', 'all'] as const;
export type State = (typeof STATES)[number];
export const STATE_LABELS: Record<State, string> = {
  open: '待答复',
  overdue: '已超期未答复',
  answered: '已答复',
  closed: '已关闭',
  all: '全部',
};

/** Whether the actor sees the sender's name and contact: staff of the agency holding the message, not inspectors. */
export const seesPersonalData = (actor: Actor, m: Pick<Message, 'agencyId'>) =>
  actor.agencyId === m.agencyId && actor.role !== 'inspector';

export interface StaffView {
  id: number;
  agencyId: number;
  agencyName: string;
  messageNo: string;
  itemId: number | null;
  itemTitle: string | null;
  kind: Message['kind'];
  kindLabel: string;
  subject: string;
  content: string;
  /** Masked (张*, 138****5678) for anyone but the holding agency's staff. */
  name: string | null;
  contact: string | null;
  personalDataMasked: boolean;
  publishConsent: boolean;
  status: Message['status'];
  statusLabel: string;
  receivedAt: string;
  receivedOn: string;
  deadlineDays: number;
  dueOn: string | null;
  /** Open past its due date. */
  overdue: boolean;
  /** Answered or closed after its due date. */
  late: boolean;
  /** Working days so far (open) or taken (handled); null when a year's holiday notice is missing. */
  daysTaken: number | null;
  answer: string | null;
  answerMode: Message['answerMode'];
  answerModeLabel: string | null;
  publicSubject: string | null;
  publicContent: string | null;
  closeReason: Message['closeReason'];
  closeReasonLabel: string | null;
  closeNote: string | null;
  handledAt: string | null;
  handledOn: string | null;
  handledBy: string | null;
}

interface Lookups {
  agencyNames: Map<number, string>;
  itemTitles: Map<number, string>;
  days: (m: Message) => number | null;
  today: string;
}

async function lookupsFor(ctx: Context, messages: readonly Message[]): Promise<Lookups> {
  const agencies = await listAgencyRows(ctx.db.kysely);
  const itemIds = [...new Set(messages.map((m) => m.itemId).filter((id): id is number => id !== null))];
  const items =
    itemIds.length === 0
      ? []
      : await ctx.db.kysely.selectFrom('catalog_items').select(['id', 'title']).where('id', 'in', itemIds).execute();
  const calendar = await loadWorkingCalendar(ctx.db.kysely);
  const now = today(ctx);
  return {
    agencyNames: new Map(agencies.map((a) => [a.id, a.name])),
    itemTitles: new Map(items.map((i) => [Number(i.id), i.title])),
    today: now,
    days: (m) => {
      if (m.workingDays !== null || m.status !== 'open') return m.workingDays;
      try {
        return calendar.workingDaysBetween(m.receivedOn, now);
      } catch (e) {
        if (isDomainError(e, 'calendarMissing')) return null;
        throw e;
      }
    },
  };
}

function present(actor: Actor, m: Message, l: Lookups): StaffView {
  const full = seesPersonalData(actor, m);
  return {
    id: m.id,
    agencyId: m.agencyId,
    agencyName: l.agencyNames.get(m.agencyId) ?? '',
    messageNo: m.messageNo,
    itemId: m.itemId,
    itemTitle: m.itemId === null ? null : (l.itemTitles.get(m.itemId) ?? null),
    kind: m.kind,
    kindLabel: KIND_LABELS[m.kind],
    subject: m.subject,
    content: m.content,
    name: full ? m.name : maskName(m.name),
    contact: full ? m.contact : maskContact(m.contact),
    personalDataMasked: !full,
    publishConsent: m.publishConsent,
    status: m.status,
    statusLabel: STATUS_LABELS[m.status],
    receivedAt: m.receivedAt,
    receivedOn: m.receivedOn,
    deadlineDays: m.deadlineDays,
    dueOn: m.dueOn,
    overdue: m.status === 'open' && m.dueOn !== null && m.dueOn < l.today,
    late: m.status !== 'open' && m.dueOn !== null && m.handledOn !== null && m.handledOn > m.dueOn,
    daysTaken: l.days(m),
    answer: m.answer,
    answerMode: m.answerMode,
    answerModeLabel: m.answerMode ? ANSWER_MODE_LABELS[m.answerMode] : null,
    publicSubject: m.publicSubject,
    publicContent: m.publicContent,
    closeReason: m.closeReason,
    closeReasonLabel: m.closeReason ? CLOSE_REASON_LABELS[m.closeReason] : null,
    closeNote: m.closeNote,
    handledAt: m.handledAt,
    handledOn: m.handledOn,
    handledBy: m.handledBy,
  };
}

/** The agencies whose messages the actor reads: their own, and an inspector's whole subtree. */
export async function scopeOf(actor: Actor, ctx: Context): Promise<number[]> {
  await authorize(actor, ctx, 'feedback.view', actor.agencyId, { type: 'feedback', id: null });
  const home = actor.agencyId as number;
  return actor.role === 'inspector' ? subtreeIds(ctx, home) : [home];
}

export interface StaffFilter {
  state?: State;
  page?: number;
  pageSize?: number;
}

export type { Page } from '../paging.ts';

/** The staff's list: overdue and open ones soonest due first, handled ones latest first. */
export async function listFeedback(actor: Actor, ctx: Context, filter: StaffFilter = {}): Promise<Page<StaffView>> {
  const agencyIds = await scopeOf(actor, ctx);
  const state = filter.state ?? 'all';
  const pageSize = Math.min(Math.max(filter.pageSize ?? PAGE_SIZE, 1), 100);
  const page = Math.max(filter.page ?? 1, 1);
  let q = ctx.db.kysely.selectFrom('feedback_messages').where('agency_id', 'in', agencyIds);
  if (state === 'overdue') q = q.where('status', '=', 'open').where('due_on', '<', today(ctx));
  else if (state !== 'all') q = q.where('status', '=', state);
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let ordered = q.selectAll();
  ordered =
    state === 'open' || state === 'overdue'
      ? ordered.orderBy(sql`case when due_on is null then 1 else 0 end`).orderBy('due_on').orderBy('id')
      : ordered.orderBy('received_at', 'desc').orderBy('id', 'desc');
  const rows = (
    await ordered
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute()
  ).map(toMessage);
  const l = await lookupsFor(ctx, rows);
  return { rows: rows.map((m) => present(actor, m, l)), total: Number(count.n), page, pageSize };
}

/** One message for the console. */
export async function getFeedback(actor: Actor, ctx: Context, id: number): Promise<StaffView> {
  const m = await findMessage(ctx.db.kysely, id);
  await authorize(actor, ctx, 'feedback.view', m?.agencyId ?? null, { type: 'feedback', id });
  if (!m) throw errors.notFound('留言', id);
  return present(actor, m, await lookupsFor(ctx, [m]));
}

/** How many messages in the actor's view are open past their due date; null when the actor may not read them. */
export async function overdueCount(actor: Actor, ctx: Context): Promise<number | null> {
  if (actor.agencyId === null || !(await permits(actor, ctx, 'feedback.view', actor.agencyId))) return null;
  const agencyIds = actor.role === 'inspector' ? await subtreeIds(ctx, actor.agencyId) : [actor.agencyId];
  const row = await ctx.db.kysely
    .selectFrom('feedback_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', 'in', agencyIds)
    .where('status', '=', 'open')
    .where('due_on', '<', today(ctx))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What the sender sees with their 留言编号 and 查询码: their words and the answer, never anything of others. */
export interface SenderStatus {
  messageNo: string;
  agencyName: string;
  kindLabel: string;
  subject: string;
  content: string;
  receivedOn: string;
  dueOn: string | null;
  status: Message['status'];
  statusLabel: string;
  answer: string | null;
  answerMode: Message['answerMode'];
  handledOn: string | null;
  closeReasonLabel: string | null;
  closeNote: string | null;
}

export async function statusForSender(
  ctx: Context,
  messageNo: string,
  queryCode: string,
  clientAddress: string | null = null,
): Promise<SenderStatus> {
  const number = String(messageNo ?? '')
    .trim()
    .toUpperCase();
  const found = await findByMessageNo(ctx.db.kysely, number);
  const matches = queryCodeMatches(String(queryCode ?? ''), found?.queryCodeHash ?? NO_MATCH_HASH);
  if (!found || !matches) {
    // A failed lookup is audited (who guesses which numbers); the code typed is never recorded.
    const error = lookupFailed();
    const actor = { id: null, name: '留言人（网上查询）', clientAddress };
    const intent = { action: 'feedback.lookup', objectType: 'feedback', objectId: found?.id ?? null };
    const shown = MESSAGE_NO_PATTERN.test(number) ? number : '（格式不符）';
    await recordFailure(ctx, actor, intent, error, { detail: `留言编号：${shown}` });
    throw error;
  }
  const agency = await findAgency(ctx.db.kysely, found.agencyId);
  return {
    messageNo: found.messageNo,
    agencyName: agency?.name ?? '',
    kindLabel: KIND_LABELS[found.kind],
    subject: found.subject,
    content: found.content,
    receivedOn: found.receivedOn,
    dueOn: found.dueOn,
    status: found.status,
    statusLabel: STATUS_LABELS[found.status],
    answer: found.answer,
    answerMode: found.answerMode,
    handledOn: found.handledOn,
    closeReasonLabel: found.closeReason ? CLOSE_REASON_LABELS[found.closeReason] : null,
    closeNote: found.closeNote,
  };
}

/** A public answer on the portal: the question as staff published it, never a name or a contact. */
export interface PublicAnswer {
  messageNo: string;
  agencyName: string;
  kindLabel: string;
  subject: string;
  content: string;
  receivedOn: string;
  answer: string;
  answeredOn: string;
  itemId: number | null;
}

/** Publicly answered messages, latest answer first (optionally of one agency's subtree). */
export async function listPublicAnswers(
  ctx: Context,
  filter: { agencyId?: number | null; page?: number } = {},
): Promise<Page<PublicAnswer>> {
  const page = Math.max(filter.page ?? 1, 1);
  let q = ctx.db.kysely
    .selectFrom('feedback_messages')
    .where('status', '=', 'answered')
    .where('answer_mode', '=', 'public');
  if (filter.agencyId) q = q.where('agency_id', 'in', await subtreeIds(ctx, filter.agencyId));
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'message_no',
      'agency_id',
      'kind',
      'public_subject',
      'public_content',
      'received_on',
      'answer',
      'handled_on',
      'item_id',
    ])
    .orderBy('handled_at', 'desc')
    .orderBy('id', 'desc')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  const names = new Map((await listAgencyRows(ctx.db.kysely)).map((a) => [a.id, a.name]));
  return {
    rows: rows.map((r) => ({
      messageNo: r.message_no,
      agencyName: names.get(Number(r.agency_id)) ?? '',
      kindLabel: KIND_LABELS[r.kind as Message['kind']],
      subject: r.public_subject ?? '',
      content: r.public_content ?? '',
      receivedOn: r.received_on,
      answer: r.answer ?? '',
      answeredOn: r.handled_on ?? '',
      itemId: r.item_id === null ? null : Number(r.item_id),
    })),
    total: Number(count.n),
    page,
    pageSize: PAGE_SIZE,
  };
}

export interface AgencyYearSummary {
  agencyId: number;
  agencyName: string;
  /** Messages received in the year (spam and duplicates included). */
  received: number;
  answered: number;
  publicAnswers: number;
  closed: number;
  /** Still open. */
  open: number;
  /** Average working days from receipt to answer, one decimal; null without answers. */
  averageWorkingDays: number | null;
  /** Answered after the due date, or open past it on `asOf`. */
  overdue: number;
}

/**
 * The year's feedback per agency (received in the year), for the annual report's narrative (“全年收到公众留言N件，
 * 已答复N件，平均用时N个工作日”). `asOf` decides which open messages are already overdue (default: today).
 */
export async function feedbackYearSummary(
  ctx: Context,
  year: number,
  options: { agencyIds?: readonly number[]; asOf?: string } = {},
): Promise<AgencyYearSummary[]> {
  const asOf = options.asOf ?? today(ctx);
  let q = ctx.db.kysely
    .selectFrom('feedback_messages')
    .where('received_on', '>=', `${year}-01-01`)
    .where('received_on', '<=', `${year}-12-31`);
  if (options.agencyIds) {
    if (options.agencyIds.length === 0) return [];
    q = q.where('agency_id', 'in', [...options.agencyIds]);
  }
  const rows = await q
    .select((eb) => [
      'agency_id',
      eb.fn.countAll<number>().as('received'),
      eb.fn.sum<number>(sql`case when status = 'answered' then 1 else 0 end`).as('answered'),
      eb.fn.sum<number>(sql`case when answer_mode = 'public' then 1 else 0 end`).as('public_answers'),
      eb.fn.sum<number>(sql`case when status = 'closed' then 1 else 0 end`).as('closed'),
      eb.fn.sum<number>(sql`case when status = 'open' then 1 else 0 end`).as('open'),
      eb.fn.sum<number>(sql`case when status = 'answered' then working_days else null end`).as('days'),
      eb.fn.sum<number>(sql`case when status = 'answered' and working_days is not null then 1 else 0 end`).as('timed'),
      eb.fn
        .sum<number>(
          sql`case when due_on is null then 0
                   when status = 'answered' and handled_on > due_on then 1
                   when status = 'open' and due_on < ${asOf} then 1 else 0 end`,
        )
        .as('overdue'),
    ])
    .groupBy('agency_id')
    .orderBy('agency_id')
    .execute();
  const names = new Map((await listAgencyRows(ctx.db.kysely)).map((a) => [a.id, a.name]));
  return rows.map((r) => {
    const timed = Number(r.timed ?? 0);
    return {
      agencyId: Number(r.agency_id),
      agencyName: names.get(Number(r.agency_id)) ?? '',
      received: Number(r.received),
      answered: Number(r.answered ?? 0),
      publicAnswers: Number(r.public_answers ?? 0),
      closed: Number(r.closed ?? 0),
      open: Number(r.open ?? 0),
      averageWorkingDays: timed > 0 ? Math.round((Number(r.days ?? 0) / timed) * 10) / 10 : null,
      overdue: Number(r.overdue ?? 0),
    };
  });
}

/** The year's summary over the actor's view (own agency; an inspector's subtree). */
export async function yearSummaryForStaff(actor: Actor, ctx: Context, year: number): Promise<AgencyYearSummary[]> {
  return feedbackYearSummary(ctx, year, { agencyIds: await scopeOf(actor, ctx) });
}
