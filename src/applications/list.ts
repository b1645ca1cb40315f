// The console's work lists: an agency's applications filtered by status, handler, receipt date and applicant kind;
// the handlers a case may be given to; and one handler's open deadlines (the calendar feed). Each function checks the
// policy on its first line and returns presenters' output, never rows.
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { listUserRows } from '../agencies/repository.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { type ApplicantKind, type ApplicationStatus, OPEN_STATUSES } from './model.ts';
import { presentFor } from './queries.ts';
import { toApplication } from './repository.ts';

export interface ApplicationFilter {
  status?: ApplicationStatus;
  handlerUserId?: number;
  applicantKind?: ApplicantKind;
  /** received_on >= receivedFrom */
  receivedFrom?: string;
  /** received_on <= receivedTo */
  receivedTo?: string;
}

/** At most this many rows on one page: the filters narrow the rest. */
export const LIST_LIMIT = 200;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The applications of the given agencies (each checked against the policy), newest first. */
export async function listApplications(
  actor: Actor,
  ctx: Context,
  agencyIds: readonly number[],
  filter: ApplicationFilter = {},
) {
  for (const id of agencyIds) await authorize(actor, ctx, 'application.view', id);
  for (const key of ['receivedFrom', 'receivedTo'] as const) {
    const v = filter[key];
    if (v && !ISO.test(v)) throw errors.validation(key, '收到日期', '应为“YYYY-MM-DD”格式的日期，如 2025-09-29');
  }
  if (agencyIds.length === 0) return [];
  let q = ctx.db.kysely
    .selectFrom('applications')
    .selectAll()
    .where('agency_id', 'in', [...agencyIds]);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.handlerUserId !== undefined) q = q.where('handler_user_id', '=', filter.handlerUserId);
  if (filter.applicantKind) q = q.where('applicant_kind', '=', filter.applicantKind);
  if (filter.receivedFrom) q = q.where('received_on', '>=', filter.receivedFrom);
  if (filter.receivedTo) q = q.where('received_on', '<=', filter.receivedTo);
  const rows = await q.orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(LIST_LIMIT).execute();
  return rows.map((r) => presentFor(actor, toApplication(r)));
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
