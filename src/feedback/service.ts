// Public feedback: receiving a message from the portal (public, so no policy: anti-abuse is the edge's job), answering
// it publicly or privately, closing it as spam or a duplicate, and an agency's deadline. Each staff function checks
// the policy on its first line and writes with its audit entry in one transaction; the audit entry never holds the
// sender's name, contact or text. Reads are in queries.ts.
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { findAgency } from '../agencies/repository.ts';
import { hashQueryCode, newQueryCode } from '../applications/codes.ts';
import type { AuditActor } from '../audit/log.ts';
import { beijingDate, chineseDate, yearOf } from '../calendar/dates.ts';
import { loadWorkingCalendar } from '../calendar/repository.ts';
import type { WorkingCalendar } from '../calendar/workdays.ts';
import type { Context } from '../context.ts';
import { errors, isDomainError } from '../errors.ts';
import { addNotices, staffOf } from '../notifications/notices.ts';
import { enqueueEmail } from '../notifications/outbox.ts';
import { guardFeedbackAnswer } from '../privacy/service.ts';
import { type Tx, transaction } from '../storage/transaction.ts';
import { parseInput } from '../validation.ts';
import { CLOSE_REASON_LABELS, formatMessageNo, isEmail, type Message, publicAnswer } from './model.ts';
import { deadlineDaysOf, findMessage, nextMessageSeq, toMessage } from './repository.ts';
import {
  type AnswerInput,
  answerInput,
  type CloseInput,
  closeInput,
  deadlineInput,
  FEEDBACK_FIELD_LABELS,
  type SubmitInput,
  submitInput,
} from './schema.ts';

/** The sender is not a user: the audit log names the channel. */
export const PUBLIC_ACTOR: AuditActor = { id: null, name: '留言人（网上提交）' };

export const feedbackLink = (id: number) => `/console/feedback/${id}`;

const field = (name: string, problem: string) => errors.validation(name, FEEDBACK_FIELD_LABELS[name] ?? name, problem);

/** What the audit log keeps of a message: never the sender's name, contact or words. */
export function auditOf(m: Message) {
  return {
    messageNo: m.messageNo,
    agencyId: m.agencyId,
    itemId: m.itemId,
    kind: m.kind,
    status: m.status,
    receivedOn: m.receivedOn,
    dueOn: m.dueOn,
    answerMode: m.answerMode,
    closeReason: m.closeReason,
    workingDays: m.workingDays,
  };
}

/** A calendar sum, or null when a year's holiday notice is missing (a deadline is never guessed). */
function orNull<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (isDomainError(e, 'calendarMissing')) return null;
    throw e;
  }
}

export function dueDate(calendar: WorkingCalendar, receivedOn: string, days: number): string | null {
  return orNull(() => calendar.addWorkingDays(receivedOn, days));
}

export interface Received {
  messageNo: string;
  /** Shown once to the sender; only its hash is stored. */
  queryCode: string;
  agencyName: string;
  dueOn: string | null;
}

/** The published item a message is about, and so its agency. */
async function itemAgency(tx: Tx, itemId: number): Promise<number> {
  const item = await tx.kysely
    .selectFrom('catalog_items')
    .select(['agency_id', 'status'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (item?.status !== 'published') throw field('itemId', `信息（${itemId}）不存在或未公开`);
  return Number(item.agency_id);
}

/** 网上留言 (public, so no policy): stored open, its deadline counted in working days from today (Beijing). */
export async function submitFeedback(
  ctx: Context,
  input: SubmitInput,
  clientAddress: string | null = null,
): Promise<Received> {
  const v = parseInput(submitInput, input, FEEDBACK_FIELD_LABELS);
  const actor = { ...PUBLIC_ACTOR, clientAddress };
  return transaction(ctx, actor, { action: 'feedback.submit', objectType: 'feedback' }, async (tx) => {
    const agencyId = v.itemId !== null ? await itemAgency(tx, v.itemId) : (v.agencyId as number);
    const agency = await findAgency(tx.kysely, agencyId);
    if (!agency) throw field('agencyId', `机关（${agencyId}）不存在`);
    const receivedOn = beijingDate(new Date(tx.now));
    const year = yearOf(receivedOn);
    const days = await deadlineDaysOf(tx.kysely, agencyId);
    const calendar = await loadWorkingCalendar(tx.kysely);
    const queryCode = newQueryCode();
    const row = await tx.kysely
      .insertInto('feedback_messages')
      .values({
        agency_id: agencyId,
        message_no: formatMessageNo(year, agencyId, await nextMessageSeq(tx.kysely, agencyId, year)),
        query_code_hash: hashQueryCode(queryCode),
        item_id: v.itemId,
        kind: v.kind,
        subject: v.subject,
        content: v.content,
        name: v.name,
        contact: v.contact,
        publish_consent: v.publishConsent,
        status: 'open',
        received_at: tx.now,
        received_on: receivedOn,
        deadline_days: days,
        due_on: dueDate(calendar, receivedOn, days),
        created_at: tx.now,
        updated_at: tx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const message = toMessage(row);
    const staff = [
      ...(await staffOf(tx.kysely, agencyId, 'handler')),
      ...(await staffOf(tx.kysely, agencyId, 'publisher')),
    ];
    const due = message.dueOn ? `，请于${chineseDate(message.dueOn)}前答复` : '';
    await addNotices(
      tx.kysely,
      staff,
      { text: `收到新的公众留言（留言编号${message.messageNo}）${due}。`, link: feedbackLink(message.id) },
      tx.now,
    );
    tx.note({ objectId: message.id, after: auditOf(message) });
    return { messageNo: message.messageNo, queryCode, agencyName: agency.name, dueOn: message.dueOn };
  });
}

async function loadOpen(actor: Actor, ctx: Context, id: number): Promise<Message> {
  const message = await findMessage(ctx.db.kysely, id);
  await authorize(actor, ctx, 'feedback.answer', message?.agencyId ?? null, { type: 'feedback', id });
  if (!message) throw errors.notFound('留言', id);
  if (message.status !== 'open') throw errors.invalidState('该留言已经答复或关闭，不能再次处理');
  return message;
}

/** Handled today (Beijing): the date, and the working days taken since receipt. */
async function handled(tx: Tx, actor: Actor, message: Message) {
  const handledOn = beijingDate(new Date(tx.now));
  const calendar = await loadWorkingCalendar(tx.kysely);
  return {
    handled_at: tx.now,
    handled_on: handledOn,
    handled_by: actor.name,
    handled_by_id: actor.id,
    working_days: orNull(() => calendar.workingDaysBetween(message.receivedOn, handledOn)),
    updated_at: tx.now,
  };
}

async function emailSender(tx: Tx, m: Message, subject: string, text: string) {
  if (!isEmail(m.contact)) return;
  const agency = await findAgency(tx.kysely, m.agencyId);
  await enqueueEmail(
    tx.kysely,
    {
      kind: 'feedback.answered',
      to: m.contact as string,
      subject: `${subject}（留言编号${m.messageNo}）`,
      body: `${m.name ?? '留言人'}：\n\n您向${agency?.name ?? ''}提交的留言“${m.subject}”（留言编号${m.messageNo}）${text}\n\n您也可以在本单位政府信息公开网站凭留言编号和查询码查看。本邮件由系统自动发送，请勿回复。`,
      objectType: 'feedback',
      objectId: m.id,
    },
    tx.now,
  );
}

/**
 * Answer a message. Public: the question (personal data taken out — staff may edit what is shown; by default phone
 * numbers, email addresses and ID numbers are blotted out) and the answer appear on the portal, never the sender's
 * name or contact; only when the sender agreed. Private: only the sender sees it (status lookup, and an email when
 * they left an address).
 */
export async function answerFeedback(actor: Actor, ctx: Context, id: number, input: AnswerInput): Promise<Message> {
  const before = await loadOpen(actor, ctx, id);
  const v = parseInput(answerInput, input, FEEDBACK_FIELD_LABELS);
  if (v.mode === 'public' && !before.publishConsent) throw field('mode', '留言人未同意公开，只能私下答复');
  return transaction(ctx, actor, { action: 'feedback.answer', objectType: 'feedback', objectId: id }, async (tx) => {
    const isPublic = v.mode === 'public';
    const shown = publicAnswer(before, v);
    // No personal data goes public unless the one answering said why it may (issue 8 point 5).
    if (isPublic) await guardFeedbackAnswer(tx, id, shown);
    const row = await tx.kysely
      .updateTable('feedback_messages')
      .set({
        status: 'answered',
        answer: v.answer,
        answer_mode: v.mode,
        public_subject: isPublic ? shown.subject : null,
        public_content: isPublic ? shown.content : null,
        ...(await handled(tx, actor, before)),
      })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .returningAll()
      .executeTakeFirst();
    if (!row) throw errors.invalidState('该留言已经答复或关闭，不能再次处理');
    const after = toMessage(row);
    await emailSender(
      tx,
      after,
      '留言已答复',
      `已于${chineseDate(after.handledOn as string)}答复${isPublic ? '，问题和答复已在网站“公众留言”栏目公开（不含您的姓名和联系方式）' : ''}。答复如下：\n\n${after.answer}`,
    );
    tx.note({ before: auditOf(before), after: auditOf(after) });
    return after;
  });
}

/** Close a message without an answer: spam, or a duplicate of another (named in the note). */
export async function closeFeedback(actor: Actor, ctx: Context, id: number, input: CloseInput): Promise<Message> {
  const before = await loadOpen(actor, ctx, id);
  const v = parseInput(closeInput, input, FEEDBACK_FIELD_LABELS);
  if (v.reason === 'duplicate' && v.note === null) throw field('note', '重复留言请注明与哪条留言重复');
  return transaction(ctx, actor, { action: 'feedback.close', objectType: 'feedback', objectId: id }, async (tx) => {
    const row = await tx.kysely
      .updateTable('feedback_messages')
      .set({ status: 'closed', close_reason: v.reason, close_note: v.note, ...(await handled(tx, actor, before)) })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .returningAll()
      .executeTakeFirst();
    if (!row) throw errors.invalidState('该留言已经答复或关闭，不能再次处理');
    const after = toMessage(row);
    tx.note({ before: auditOf(before), after: { ...auditOf(after), reason: CLOSE_REASON_LABELS[v.reason] } });
    return after;
  });
}

/** An agency's deadline for answering (working days from receipt); applies to messages received from now on. */
export async function setFeedbackDeadline(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  input: { deadlineDays: number },
): Promise<number> {
  await authorize(actor, ctx, 'agency.update', agencyId, { type: 'agency', id: agencyId });
  const v = parseInput(deadlineInput, input, FEEDBACK_FIELD_LABELS);
  const intent = { action: 'feedback.setDeadline', objectType: 'agency', objectId: agencyId };
  return transaction(ctx, actor, intent, async (tx) => {
    const before = await deadlineDaysOf(tx.kysely, agencyId);
    await tx.kysely
      .insertInto('feedback_settings')
      .values({ agency_id: agencyId, deadline_days: v.deadlineDays, updated_at: tx.now, updated_by: actor.name })
      .onConflict((oc) =>
        oc
          .column('agency_id')
          .doUpdateSet({ deadline_days: v.deadlineDays, updated_at: tx.now, updated_by: actor.name }),
      )
      .execute();
    tx.note({ before: { deadlineDays: before }, after: { deadlineDays: v.deadlineDays } });
    return v.deadlineDays;
  });
}
