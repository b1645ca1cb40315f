// 审核 before the reply goes out (issue 4 point 5): where the agency requires it (agencies.reply_review, on by
// default), the handler proposes the reply — one outcome of report table 三 with its reason and legal basis — and a
// reviewer (审核人) of the agency approves it, which records the decision on the clock, or returns it with a comment.
// Nobody approves their own proposal. Each step is written with its audit entry in one transaction. With the
// setting off the handler decides directly (service.ts decide).
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { notifyProposal } from '../notifications/events.ts';
import { type Tx, transaction } from '../storage/transaction.ts';
import type { Application, OutcomeCode } from './model.ts';
import { findApplication } from './repository.ts';
import {
  insertProposal,
  listPendingRows,
  listProposalRows,
  type PendingProposal,
  type ReplyProposal,
  replyReviewRequired,
  reviewProposalRow,
  setReplyReviewRow,
} from './review-repository.ts';
import { dateInput, outcomeInput } from './schema.ts';
import { appendEvent } from './service.ts';

export { type PendingProposal, PROPOSAL_STATUS_LABELS, type ReplyProposal } from './review-repository.ts';

/** Outcomes the clock records by itself (条例第三十条; 国办函〔2020〕109号): no reply letter, so no review. */
const CLOCK_OUTCOMES = new Set<OutcomeCode>(['otherNoCorrection', 'otherUnpaidFee']);

export interface ProposalInput {
  outcome: string;
  /** The reason for the reply (for a withholding: what and why). */
  reason?: string | null;
  /** The legal basis, as the handler states it: “《条例》第三十六条第（二）项”. */
  basis: string;
}

const field = (name: string, label: string, problem: string) => errors.validation(name, label, problem);
const clean = (v: unknown, max: number, name: string, label: string): string | null => {
  const text = typeof v === 'string' ? v.trim() : '';
  if (text.length > max) throw field(name, label, `不得超过${max}个字符`);
  return text || null;
};
const intent = (action: string, id: number) => ({ action, objectType: 'application', objectId: id });

async function load(actor: Actor, ctx: Context, id: number, action: 'application.handle' | 'application.approve') {
  const app = await findApplication(ctx.db.kysely, id);
  await authorize(actor, ctx, action, app?.agencyId ?? null, { type: 'application', id });
  if (!app) throw errors.notFound('申请', id);
  return app;
}

function summary(p: ReplyProposal) {
  return {
    proposalId: p.id,
    outcome: p.outcome,
    status: p.status,
    proposedBy: p.proposedBy,
    reviewedBy: p.reviewedBy,
    decidedOn: p.decidedOn,
  };
}

/** The handler proposes the reply; the case shows 待审核 until a reviewer acts. */
export async function proposeReply(
  actor: Actor,
  ctx: Context,
  id: number,
  input: ProposalInput,
): Promise<ReplyProposal> {
  const app = await load(actor, ctx, id, 'application.handle');
  if (!outcomeInput.safeParse(input?.outcome).success)
    throw field('outcome', '办理结果', '应为年度报告表三的21项办理结果之一');
  const outcome = input.outcome as OutcomeCode;
  if (CLOCK_OUTCOMES.has(outcome))
    throw field('outcome', '办理结果', '逾期未补正、逾期未缴费由系统按办理记录办结，无需审核');
  const basis = clean(input.basis, 500, 'basis', '法律依据');
  if (!basis) throw field('basis', '法律依据', '不能为空');
  const reason = clean(input.reason, 2000, 'reason', '答复理由');
  if (app.status === 'submitted') throw errors.ledgerInvalid('尚未确认收到申请，请先确认收到之日');
  if (app.status === 'closed') throw errors.ledgerInvalid(`申请已于${app.decidedOn ?? ''}办结`);
  if (!(await replyReviewRequired(ctx.db.kysely, app.agencyId)))
    throw errors.ledgerInvalid('本机关的答复无需审核，请直接记录答复');
  return transaction(ctx, actor, intent('application.proposeReply', id), async (tx) => {
    const pending = (await listProposalRows(tx.kysely, id)).find((p) => p.status === 'pending');
    if (pending) throw errors.ledgerInvalid('已有待审核的拟答复意见，请等待审核人审核');
    const proposal = await insertProposal(
      tx.kysely,
      {
        applicationId: id,
        agencyId: app.agencyId,
        outcome,
        reason,
        basis,
        proposedBy: actor.name,
        proposedById: actor.id,
      },
      tx.now,
    );
    await notifyProposal(tx, app, actor.id);
    tx.note({ after: summary(proposal) });
    return proposal;
  });
}

/** Inside the transaction, so that a refusal (one's own proposal) is recorded in the audit log. */
async function pendingOf(tx: Tx, actor: Actor, app: Application) {
  const pending = (await listProposalRows(tx.kysely, app.id)).find((p) => p.status === 'pending');
  if (!pending) throw errors.ledgerInvalid('没有待审核的拟答复意见');
  // Separation of duties: whoever proposed the reply does not approve or return it.
  if (pending.proposedById !== null && pending.proposedById === actor.id)
    throw errors.forbidden('审核本人提出的拟答复意见');
  return pending;
}

/** The reviewer returns the proposal to the handler with a comment; the case goes back to the handler. */
export async function returnProposal(actor: Actor, ctx: Context, id: number, comment: string): Promise<ReplyProposal> {
  const app = await load(actor, ctx, id, 'application.approve');
  const text = clean(comment, 1000, 'comment', '退回意见');
  if (!text) throw field('comment', '退回意见', '不能为空');
  return transaction(ctx, actor, intent('application.returnProposal', id), async (tx) => {
    const pending = await pendingOf(tx, actor, app);
    const patch = { status: 'returned' as const, reviewedBy: actor.name, reviewedById: actor.id, reviewComment: text };
    const returned = await reviewProposalRow(tx.kysely, pending.id, { ...patch, decidedOn: null }, tx.now);
    if (!returned) throw errors.ledgerInvalid('该拟答复意见已被审核');
    tx.note({ before: summary(pending), after: summary(returned) });
    return returned;
  });
}

/** The reviewer approves: the proposal and the decision on the clock, in one transaction. */
export async function approveProposal(
  actor: Actor,
  ctx: Context,
  id: number,
  date: string,
): Promise<{ proposal: ReplyProposal; application: Application }> {
  const app = await load(actor, ctx, id, 'application.approve');
  if (!dateInput.safeParse(date).success) throw field('date', '答复日期', '应为“YYYY-MM-DD”格式的日期，如 2025-09-29');
  return transaction(ctx, actor, intent('application.approveReply', id), async (tx) => {
    const pending = await pendingOf(tx, actor, app);
    const patch = { status: 'approved' as const, reviewedBy: actor.name, reviewedById: actor.id, reviewComment: null };
    const approved = await reviewProposalRow(tx.kysely, pending.id, { ...patch, decidedOn: date }, tx.now);
    if (!approved) throw errors.ledgerInvalid('该拟答复意见已被审核');
    const application = await appendEvent(tx, actor, app, { type: 'decided', date, outcome: pending.outcome });
    // appendEvent noted the application's change; the entry names the proposal approved too.
    tx.note({ detail: `批准拟答复意见（${pending.id}）` });
    return { proposal: approved, application };
  });
}

/** The proposals of a case, oldest first (whoever may read the case). */
export async function listProposals(actor: Actor, ctx: Context, id: number): Promise<ReplyProposal[]> {
  const app = await findApplication(ctx.db.kysely, id);
  await authorize(actor, ctx, 'application.view', app?.agencyId ?? null, { type: 'application', id });
  if (!app) throw errors.notFound('申请', id);
  return listProposalRows(ctx.db.kysely, id);
}

/** The reviewer's work list: the agency's proposals awaiting approval (the agency's reviewers only). */
export async function listPendingProposals(
  actor: Actor,
  ctx: Context,
  agencyId: number | null,
): Promise<PendingProposal[]> {
  await authorize(actor, ctx, 'application.approve', agencyId);
  return agencyId === null ? [] : listPendingRows(ctx.db.kysely, agencyId);
}

export interface ReviewState {
  /** The agency requires a reviewer's approval before a reply goes out. */
  required: boolean;
  proposals: ReplyProposal[];
  pending: ReplyProposal | null;
  /** The last proposal, when it was returned (the handler sees the comment). */
  returned: ReplyProposal | null;
  approved: ReplyProposal | null;
}

/** What the case page shows of the review: the setting and the proposals. */
export async function reviewState(actor: Actor, ctx: Context, id: number, agencyId: number): Promise<ReviewState> {
  const proposals = await listProposals(actor, ctx, id);
  const last = proposals.at(-1) ?? null;
  return {
    required: await replyReviewRequired(ctx.db.kysely, agencyId),
    proposals,
    pending: proposals.find((p) => p.status === 'pending') ?? null,
    returned: last?.status === 'returned' ? last : null,
    approved: proposals.findLast((p) => p.status === 'approved') ?? null,
  };
}

/** Whether the agency's replies need review (whoever may see the agency). */
export async function getReplyReview(actor: Actor, ctx: Context, agencyId: number): Promise<boolean> {
  await authorize(actor, ctx, 'agency.view', agencyId);
  return replyReviewRequired(ctx.db.kysely, agencyId);
}

/** Whether the agency's replies need review: a setting of the agency (its administrators). */
export async function setReplyReview(actor: Actor, ctx: Context, agencyId: number, on: boolean): Promise<void> {
  await authorize(actor, ctx, 'agency.update', agencyId);
  const before = await replyReviewRequired(ctx.db.kysely, agencyId);
  await transaction(ctx, actor, { action: 'agency.replyReview', objectType: 'agency', objectId: agencyId }, (tx) => {
    tx.note({ before: { replyReview: before }, after: { replyReview: on } });
    return setReplyReviewRow(tx.kysely, agencyId, on, tx.now);
  });
}

export { replyReviewRequired };
