// 依申请公开: receiving, registering and handling applications. Each function checks the policy on its first line
// (the public ones say why they have none) and writes with its audit entry in one transaction. Every event goes
// through the statutory clock (clock.ts) before it is stored: an impossible ledger is refused with its reason and
// nothing is written. Reads are in queries.ts.
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { findAgency, findUser } from '../agencies/repository.ts';
import type { IncomingFile } from '../attachments/model.ts';
import { addApplicantAttachments, auditOf, checkApplicantFiles } from '../attachments/service.ts';
import type { AuditActor } from '../audit/log.ts';
import { beijingDate, yearOf } from '../calendar/dates.ts';
import { loadWorkingCalendar } from '../calendar/repository.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { notifyClockEvent, notifyOnlineSubmitted } from '../notifications/events.ts';
import { type Tx, transaction } from '../storage/transaction.ts';
import { parseInput } from '../validation.ts';
import { computeClock } from './clock.ts';
import { formatTrackingNo, hashQueryCode, newQueryCode } from './codes.ts';
import type { ClockEvent } from './ledger.ts';
import type { Application, Channel, OutcomeCode } from './model.ts';
import { receiptDate } from './receipt.ts';
import { applyLedger, registerApplicationHooks } from './recompute.ts';
import {
  findApplication,
  insertApplication,
  insertEvent,
  listEvents,
  nextTrackingSeq,
  updateApplicationRow,
} from './repository.ts';
import { replyReviewRequired } from './review-repository.ts';
import {
  APPLICATION_FIELD_LABELS,
  type ApplicantData,
  dateInput,
  type OnlineInput,
  onlineInput,
  outcomeInput,
  type StaffInput,
  staffInput,
} from './schema.ts';

registerApplicationHooks();

/** The applicant submitting online is not a user: the audit log names the channel. */
export const PUBLIC_ACTOR: AuditActor = { id: null, name: '申请人（网上提交）' };

/** What the audit log keeps of an application: never identity or contact details. */
export function auditSummary(a: Application) {
  return {
    trackingNo: a.trackingNo,
    agencyId: a.agencyId,
    applicantKind: a.applicantKind,
    channel: a.channel,
    status: a.status,
    receivedOn: a.receivedOn,
    dueDate: a.dueDate,
    handlerUserId: a.handlerUserId,
    outcome: a.outcome,
    decidedOn: a.decidedOn,
  };
}

const field = (name: string, problem: string) =>
  errors.validation(name, APPLICATION_FIELD_LABELS[name] ?? name, problem);

export interface Submitted {
  trackingNo: string;
  /** Shown once to the applicant; only its hash is stored. */
  queryCode: string;
}

async function create(tx: Tx, applicant: ApplicantData, channel: Channel) {
  if (!(await findAgency(tx.kysely, applicant.agencyId)))
    throw field('agencyId', `机关（${applicant.agencyId}）不存在`);
  const year = yearOf(beijingDate(new Date(tx.now)));
  const seq = await nextTrackingSeq(tx.kysely, applicant.agencyId, year);
  const queryCode = newQueryCode();
  const application = await insertApplication(
    tx.kysely,
    {
      agencyId: applicant.agencyId,
      trackingNo: formatTrackingNo(year, applicant.agencyId, seq),
      queryCodeHash: hashQueryCode(queryCode),
      applicant,
      channel,
      submittedAt: tx.now,
      status: 'submitted',
    },
    tx.now,
  );
  return { application, queryCode };
}

/** Record an event and store the clock's new state; the clock validates the whole ledger first. */
export async function appendEvent(tx: Tx, actor: Actor, app: Application, event: ClockEvent) {
  const events = [...(await listEvents(tx.kysely, app.id)), event];
  const calendar = await loadWorkingCalendar(tx.kysely);
  const result = await applyLedger(tx.kysely, app, events, calendar, tx.now);
  await insertEvent(tx.kysely, app.id, event, actor.name, tx.now);
  await notifyClockEvent(tx, result.application, event);
  tx.note({ objectId: app.id, before: auditSummary(app), after: { ...auditSummary(result.application), event } });
  return result.application;
}

/** 网上申请 (public, so no policy): status submitted, no receipt date until staff confirm it (条例第三十一条（三）). */
export async function submitOnline(
  ctx: Context,
  input: OnlineInput,
  clientAddress: string | null = null,
  files: IncomingFile[] = [],
): Promise<Submitted> {
  const applicant = parseInput(onlineInput, input, APPLICATION_FIELD_LABELS);
  const checked = checkApplicantFiles(ctx, files);
  const actor = { ...PUBLIC_ACTOR, clientAddress };
  return transaction(ctx, actor, { action: 'application.submit', objectType: 'application' }, async (tx) => {
    const { application, queryCode } = await create(tx, applicant, 'online');
    await notifyOnlineSubmitted(tx, application);
    const attachments = (await addApplicantAttachments(tx, actor, application, checked)).map(auditOf);
    tx.note({ objectId: application.id, after: { ...auditSummary(application), attachments } });
    return { trackingNo: application.trackingNo, queryCode };
  });
}

/** A letter, fax, visit or oral application entered by staff, received on its channel's date (条例第三十一条). */
export async function registerByStaff(
  actor: Actor,
  ctx: Context,
  input: StaffInput,
  files: IncomingFile[] = [],
): Promise<Submitted & { application: Application }> {
  await authorize(actor, ctx, 'application.handle', typeof input.agencyId === 'number' ? input.agencyId : null);
  const fields = parseInput(staffInput, input, APPLICATION_FIELD_LABELS);
  const checked = checkApplicantFiles(ctx, files);
  const receivedOn = receiptDate(fields.channel, fields);
  const intent = { action: 'application.register', objectType: 'application' };
  return transaction(ctx, actor, intent, async (tx) => {
    const { application, queryCode } = await create(tx, fields, fields.channel);
    const attached = (await addApplicantAttachments(tx, actor, application, checked)).map(auditOf);
    const stored = await appendEvent(tx, actor, application, { type: 'received', date: receivedOn });
    if (attached.length > 0) tx.note({ detail: `附件：${JSON.stringify(attached)}` });
    return { application: stored, trackingNo: stored.trackingNo, queryCode };
  });
}

/** Load an application and check the policy on its agency: the first line of every function on one application. */
async function load(actor: Actor, ctx: Context, id: number, action: Parameters<typeof authorize>[2]) {
  const app = await findApplication(ctx.db.kysely, id);
  await authorize(actor, ctx, action, app?.agencyId ?? null, { type: 'application', id });
  if (!app) throw errors.notFound('申请', id);
  return app;
}

const openIntent = (action: string, id: number) => ({ action, objectType: 'application', objectId: id });

/** Both sides confirm an online application: its receipt date, and the clock starts (条例第三十一条（三）). */
export async function confirmReceipt(actor: Actor, ctx: Context, id: number, date: string): Promise<Application> {
  const app = await load(actor, ctx, id, 'application.handle');
  const confirmedOn = receiptDate(app.channel, { confirmedOn: date });
  if (app.status !== 'submitted') throw errors.ledgerInvalid(`该申请已于${app.receivedOn}确认收到，不能重复确认`);
  return transaction(ctx, actor, openIntent('application.confirmReceipt', id), (tx) =>
    appendEvent(tx, actor, app, { type: 'received', date: confirmedOn }),
  );
}

/** The events staff record between receipt and reply (spec §3). */
export type EventInput =
  | { type: 'correctionRequested'; date: string; replyBy?: string }
  | { type: 'correctionReceived'; date: string }
  | { type: 'correctionExpired'; date: string }
  | { type: 'consultationStarted'; date: string; party: 'thirdParty' | 'agency'; name?: string }
  | { type: 'consultationEnded'; date: string }
  | { type: 'extensionApproved'; date: string; days: number }
  | { type: 'feeNoticeSent'; date: string; payBy?: string }
  | { type: 'feePaid'; date: string };

const EVENT_TYPES = new Set<string>([
  'correctionRequested',
  'correctionReceived',
  'correctionExpired',
  'consultationStarted',
  'consultationEnded',
  'extensionApproved',
  'feeNoticeSent',
  'feePaid',
]);

function toClockEvent(input: EventInput, actor: Actor): ClockEvent {
  if (!EVENT_TYPES.has(input?.type)) throw field('type', '不是可记录的办理事项');
  if (!dateInput.safeParse(input.date).success) throw field('date', '应为“YYYY-MM-DD”格式的日期，如 2025-09-29');
  switch (input.type) {
    case 'extensionApproved':
      // 条例第三十三条第二款: approved by the head of the disclosure office — the reviewer recording it.
      return { type: input.type, date: input.date, days: input.days, approvedBy: actor.name };
    case 'consultationStarted':
      if (input.party !== 'thirdParty' && input.party !== 'agency') throw field('party', '应为第三方或其他机关');
      return { ...input };
    default:
      return { ...input };
  }
}

/** Record a 补正, consultation, extension or fee event. An extension needs a reviewer (application.approve). */
export async function recordEvent(actor: Actor, ctx: Context, id: number, input: EventInput): Promise<Application> {
  const action = input?.type === 'extensionApproved' ? 'application.approve' : 'application.handle';
  const app = await load(actor, ctx, id, action);
  const event = toClockEvent(input, actor);
  if (app.status === 'submitted') throw errors.ledgerInvalid('尚未确认收到申请，请先确认收到之日');
  return transaction(ctx, actor, openIntent(`application.${event.type}`, id), (tx) =>
    appendEvent(tx, actor, app, event),
  );
}

/**
 * Close the case with exactly one outcome (spec §4). otherNoCorrection records that the correction period lapsed
 * (条例第三十条), so the ledger must be awaiting a correction; otherUnpaidFee needs a fee notice whose period has
 * passed unpaid (国办函〔2020〕109号) — the clock decides both.
 */
export async function decide(
  actor: Actor,
  ctx: Context,
  id: number,
  outcome: OutcomeCode,
  date: string,
): Promise<Application> {
  const app = await load(actor, ctx, id, 'application.handle');
  if (!outcomeInput.safeParse(outcome).success) throw field('outcome', '应为年度报告表三的21项办理结果之一');
  if (!dateInput.safeParse(date).success) throw field('date', '应为“YYYY-MM-DD”格式的日期，如 2025-09-29');
  const code = outcome;
  const on = date;
  if (app.status === 'submitted') throw errors.ledgerInvalid('尚未确认收到申请，请先确认收到之日');
  // Where the agency requires it, a reply goes out only once a reviewer approves it (applications/review.ts).
  if (
    code !== 'otherNoCorrection' &&
    code !== 'otherUnpaidFee' &&
    (await replyReviewRequired(ctx.db.kysely, app.agencyId))
  )
    throw errors.ledgerInvalid('本机关的答复须经审核人审核：请提交拟答复意见，审核人批准后办结');
  return transaction(ctx, actor, openIntent('application.decide', id), async (tx) => {
    if (code === 'otherNoCorrection') return appendEvent(tx, actor, app, { type: 'correctionExpired', date: on });
    if (code !== 'otherUnpaidFee') return appendEvent(tx, actor, app, { type: 'decided', date: on, outcome: code });
    const events = await listEvents(tx.kysely, app.id);
    const calendar = await loadWorkingCalendar(tx.kysely);
    if (on > beijingDate(new Date(tx.now))) throw field('date', `不能晚于今天（${beijingDate(new Date(tx.now))}）`);
    const state = computeClock(events, calendar, { today: on });
    if (state.outcome !== 'otherUnpaidFee')
      throw errors.ledgerInvalid(`截至${on}没有逾期未缴费的收费通知，不能以“逾期未缴费”办结`);
    const { application } = await applyLedger(tx.kysely, app, events, calendar, tx.now);
    tx.note({ before: auditSummary(app), after: auditSummary(application) });
    return application;
  });
}

/** Give the case to a handler of the same agency. */
export async function assignHandler(actor: Actor, ctx: Context, id: number, userId: number): Promise<Application> {
  const app = await load(actor, ctx, id, 'application.handle');
  return transaction(ctx, actor, openIntent('application.assign', id), async (tx) => {
    const user = await findUser(tx.kysely, userId);
    if (!user?.active || user.agencyId !== app.agencyId || user.role !== 'handler')
      throw field('handlerUserId', '应为本机关在职的承办人');
    const updated = await updateApplicationRow(tx.kysely, id, { handlerUserId: userId }, tx.now);
    tx.note({ before: auditSummary(app), after: auditSummary(updated) });
    return updated;
  });
}
