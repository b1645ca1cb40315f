// The console's work lists: an agency's applications filtered by status, handler, receipt date and applicant kind;
// the handlers a case may be given to; and one handler's open deadlines (the calendar feed). Each function checks the
// policy on its first line and returns presenters' output, never rows.
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { listUserRows } from '../agencies/repository.ts';
import { beijingDate } from '../calendar/dates.ts';
import { loadWorkingCalendar } from '../calendar/repository.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { computeClock } from './clock.ts';
import type { PauseState } from './ledger.ts';
import { type ApplicantKind, type ApplicationStatus, OPEN_STATUSES } from './model.ts';
import { presentFor } from './queries.ts';
import { listEvents, toApplication } from './repository.ts';

export interface ApplicationFilter {
  status?: ApplicationStatus;
  handlerUserId?: number;
  applicantKind?: ApplicantKind;
  /** received_on >= receivedFrom */
  receivedFrom?: string;
  /** received_on <= receivedTo */
  receivedTo?: string;
}

/** At most this many rows in one answer of the JSON API: the filters narrow the rest. */
export const LIST_LIMIT = 200;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Rows on one page of the console's work list. */
export const PAGE_SIZE = 50;

/** The policy for each agency, the dates' format; the filtered query (no order, no limit). */
async function filtered(actor: Actor, ctx: Context, agencyIds: readonly number[], filter: ApplicationFilter) {
  for (const id of agencyIds) await authorize(actor, ctx, 'application.view', id);
  for (const key of ['receivedFrom', 'receivedTo'] as const) {
    const v = filter[key];
    if (v && !ISO.test(v)) throw errors.validation(key, '收到日期', '应为“YYYY-MM-DD”格式的日期，如 2025-09-29');
  }
  let q = ctx.db.kysely.selectFrom('applications').where('agency_id', 'in', [...agencyIds]);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.handlerUserId !== undefined) q = q.where('handler_user_id', '=', filter.handlerUserId);
  if (filter.applicantKind) q = q.where('applicant_kind', '=', filter.applicantKind);
  if (filter.receivedFrom) q = q.where('received_on', '>=', filter.receivedFrom);
  if (filter.receivedTo) q = q.where('received_on', '<=', filter.receivedTo);
  return q;
}

/** The applications of the given agencies (each checked against the policy), newest first, at most LIST_LIMIT. */
export async function listApplications(
  actor: Actor,
  ctx: Context,
  agencyIds: readonly number[],
  filter: ApplicationFilter = {},
) {
  const q = await filtered(actor, ctx, agencyIds, filter);
  if (agencyIds.length === 0) return [];
  const rows = await q.selectAll().orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(LIST_LIMIT).execute();
  return rows.map((r) => presentFor(actor, toApplication(r)));
}

export interface ApplicationPage<T> {
  rows: T[];
  /** All applications matching the filter. */
  total: number;
  /** 1-based; a page past the end shows the last one. */
  page: number;
  pages: number;
  pageSize: number;
}

/** One page of the filtered applications, newest first, with the total count. */
export async function listApplicationsPage(
  actor: Actor,
  ctx: Context,
  agencyIds: readonly number[],
  filter: ApplicationFilter = {},
  page = 1,
  pageSize = PAGE_SIZE,
): Promise<ApplicationPage<ReturnType<typeof presentFor>>> {
  const q = await filtered(actor, ctx, agencyIds, filter);
  if (agencyIds.length === 0) return { rows: [], total: 0, page: 1, pages: 1, pageSize };
  const counted = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const total = Number(counted.n); // PostgreSQL counts in int8, returned as a string
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await q
    .selectAll()
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((current - 1) * pageSize)
    .execute();
  return { rows: rows.map((r) => presentFor(actor, toApplication(r))), total, page: current, pages, pageSize };
}

export interface HandlerName {
  id: number;
  displayName: string;
  active: boolean;
}

/** The agency's handlers (active or not, so an old case still shows its handler's name). */
export async function listHandlers(actor: Actor, ctx: Context, agencyId: number): Promise<HandlerName[]> {
  await authorize(actor, ctx, 'application.view', agencyId);
  const users = await listUserRows(ctx.db.kysely, agencyId);
  return users
    .filter((u) => u.role === 'handler')
    .map((u) => ({ id: u.id, displayName: u.displayName, active: u.active }));
}

export interface Deadline {
  id: number;
  trackingNo: string;
  dueDate: string;
}

/**
 * The signed-in handler's open cases with a known deadline (a paused clock has none until it runs again): tracking
 * number and date only, nothing about the applicant.
 */
export async function myDeadlines(actor: Actor, ctx: Context): Promise<Deadline[]> {
  await authorize(actor, ctx, 'application.view', actor.agencyId);
  if (actor.id === null) return [];
  const rows = await ctx.db.kysely
    .selectFrom('applications')
    .select(['id', 'tracking_no', 'due_date'])
    .where('handler_user_id', '=', actor.id)
    .where('status', 'in', [...OPEN_STATUSES])
    .where('due_date', 'is not', null)
    .orderBy('due_date')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), trackingNo: r.tracking_no, dueDate: r.due_date as string }));
}

export interface PausedCase {
  id: number;
  trackingNo: string;
  pause: PauseState;
}

/**
 * The signed-in handler's paused cases (征求意见, 收费通知): they have no deadline while paused, but the date by which
 * the third party must answer or the applicant pay is one to watch. Tracking number and dates only.
 */
export async function myPauses(actor: Actor, ctx: Context): Promise<PausedCase[]> {
  await authorize(actor, ctx, 'application.view', actor.agencyId);
  if (actor.id === null) return [];
  const rows = await ctx.db.kysely
    .selectFrom('applications')
    .select(['id', 'tracking_no'])
    .where('handler_user_id', '=', actor.id)
    .where('status', '=', 'paused')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const calendar = await loadWorkingCalendar(ctx.db.kysely);
  const today = beijingDate(ctx.clock());
  const paused: PausedCase[] = [];
  for (const r of rows) {
    const id = Number(r.id);
    let pause: PauseState | null = null;
    try {
      pause = computeClock(await listEvents(ctx.db.kysely, id), calendar, { today }).pause;
    } catch {
      continue; // a ledger the clock refuses (or a year without its calendar) is shown on the case page, not here
    }
    if (pause) paused.push({ id, trackingNo: r.tracking_no, pause });
  }
  return paused;
}
