// Reading applications: one case, the due-soon and overdue lists, the applicant's status page and the year's
// counts for report table 三. Staff reads check the policy on their first line (own agency; inspectors their
// subtree) and return presenters' output, never rows.
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { findAgency } from '../agencies/repository.ts';
import { subtreeIds } from '../agencies/service.ts';
import { beijingDate } from '../calendar/dates.ts';
import { loadWorkingCalendar } from '../calendar/repository.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { recordFailure } from '../storage/transaction.ts';
import { computeClock } from './clock.ts';
import { NO_MATCH_HASH, queryCodeMatches } from './codes.ts';
import { countYear, type YearCounts } from './counts.ts';
import type { ClockState } from './ledger.ts';
import type { Application } from './model.ts';
import { type ApplicantStatus, presentForApplicant, presentForInspector, presentForStaff } from './presenters.ts';
import { findApplication, findByTrackingNo, listByDueDate, listEvents, listForYear } from './repository.ts';

const today = (ctx: Context) => beijingDate(ctx.clock());

/** Staff of the handling agency see the case in full; anyone else allowed to read it (inspectors) masked. */
export function presentFor(actor: Actor, a: Application) {
  const ownStaff = actor.agencyId === a.agencyId && actor.role !== 'inspector';
  return ownStaff ? presentForStaff(a) : presentForInspector(a);
}

async function clockOf(ctx: Context, a: Application): Promise<ClockState | null> {
  if (!a.receivedOn) return null;
  const [events, calendar] = await Promise.all([listEvents(ctx.db.kysely, a.id), loadWorkingCalendar(ctx.db.kysely)]);
  return computeClock(events, calendar, { today: today(ctx) });
}

/** One case with its clock (deadline, warnings, ledger lines) for the console. */
export async function getApplication(actor: Actor, ctx: Context, id: number) {
  const app = await findApplication(ctx.db.kysely, id);
  await authorize(actor, ctx, 'application.view', app?.agencyId ?? null, { type: 'application', id });
  if (!app) throw errors.notFound('申请', id);
  return { application: presentFor(actor, app), clock: await clockOf(ctx, app) };
}

export interface ListOptions {
  /** Only this handler's cases. */
  handlerUserId?: number;
  /** The agency and every agency below it (inspectors of a people's government). */
  subtree?: boolean;
}

async function agenciesFor(actor: Actor, ctx: Context, agencyId: number, options: ListOptions) {
  await authorize(actor, ctx, 'application.view', agencyId);
  if (!options.subtree) return [agencyId];
  const ids = await subtreeIds(ctx, agencyId);
  for (const id of ids.slice(1)) await authorize(actor, ctx, 'application.view', id);
  return ids;
}

/** Cases whose deadline falls within the next N working days (today included), soonest first. */
export async function listDueSoon(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  withinWorkingDays: number,
  options: ListOptions = {},
) {
  const agencyIds = await agenciesFor(actor, ctx, agencyId, options);
  if (!Number.isInteger(withinWorkingDays) || withinWorkingDays < 0)
    throw errors.validation('withinWorkingDays', '天数', '应为不小于0的整数');
  const from = today(ctx);
  const calendar = await loadWorkingCalendar(ctx.db.kysely);
  const to = calendar.addWorkingDays(from, withinWorkingDays);
  const rows = await listByDueDate(ctx.db.kysely, { agencyIds, from, to, ...pickHandler(options) });
  return rows.map((a) => presentFor(actor, a));
}

/** Cases past their deadline and not yet answered (条例第三十三条), oldest deadline first. */
export async function listOverdue(actor: Actor, ctx: Context, agencyId: number, options: ListOptions = {}) {
  const agencyIds = await agenciesFor(actor, ctx, agencyId, options);
  const rows = await listByDueDate(ctx.db.kysely, { agencyIds, before: today(ctx), ...pickHandler(options) });
  return rows.map((a) => presentFor(actor, a));
}

const pickHandler = (o: ListOptions) => (o.handlerUserId !== undefined ? { handlerUserId: o.handlerUserId } : {});

/**
 * The year's counts for report table 三 (received, carriedOver, outcomes by code, carriedForward; each by applicant
 * kind): an application received in year Y and not decided by 31 December is carried into Y+1.
 */
export async function yearCounts(actor: Actor, ctx: Context, agencyId: number, year: number): Promise<YearCounts> {
  await authorize(actor, ctx, 'application.view', agencyId);
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw errors.validation('year', '年度', '应为四位年份');
  return countYear(await listForYear(ctx.db.kysely, agencyId, year), year);
}

/**
 * The applicant's status page (public, so no policy: the 查询码 is the key). An unknown 查询号 and a wrong 查询码
 * give the same error after the same work — a constant-time comparison against a hash in both cases.
 */
export async function statusForApplicant(
  ctx: Context,
  trackingNo: string,
  queryCode: string,
  clientAddress: string | null = null,
): Promise<ApplicantStatus> {
  const number = String(trackingNo ?? '')
    .trim()
    .toUpperCase();
  const found = await findByTrackingNo(ctx.db.kysely, number);
  const matches = queryCodeMatches(String(queryCode ?? ''), found?.queryCodeHash ?? NO_MATCH_HASH);
  if (!found || !matches) {
    // A failed lookup is audited (who guesses which numbers); the code typed is never recorded.
    const error = errors.applicationLookupFailed();
    const actor = { id: null, name: '申请人（网上查询）', clientAddress };
    const intent = { action: 'application.lookup', objectType: 'application', objectId: found?.application.id ?? null };
    // Only a number of the right shape is kept: whatever else was typed (a code in the wrong box) is not.
    const shown = /^GK\d{4}-\d{1,9}-\d{6}$/.test(number) ? number : '（格式不符）';
    await recordFailure(ctx, actor, intent, error, { detail: `查询号：${shown}` });
    throw error;
  }
  const app = found.application;
  const agency = await findAgency(ctx.db.kysely, app.agencyId);
  return presentForApplicant(app, agency?.name ?? '', await clockOf(ctx, app));
}
