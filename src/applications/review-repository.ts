// SQL for reply proposals (审核) and the agency's review setting. Takes any Kysely executor (the database or a
// transaction); maps rows to plain objects here and nowhere else.
import type { Kysely, Selectable } from 'kysely';
import type { ReplyProposalTable, Schema } from '../storage/schema.ts';
import type { OutcomeCode } from './model.ts';

type Db = Kysely<Schema>;

export const PROPOSAL_STATUSES = ['pending', 'returned', 'approved'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  pending: '待审核',
  returned: '已退回',
  approved: '已批准',
};

export interface ReplyProposal {
  id: number;
  applicationId: number;
  agencyId: number;
  outcome: OutcomeCode;
  reason: string | null;
  basis: string | null;
  status: ProposalStatus;
  proposedAt: string;
  proposedBy: string;
  proposedById: number | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewedById: number | null;
  reviewComment: string | null;
  decidedOn: string | null;
}

function toProposal(r: Selectable<ReplyProposalTable>): ReplyProposal {
  const id = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: Number(r.id),
    applicationId: Number(r.application_id),
    agencyId: Number(r.agency_id),
    outcome: r.outcome as OutcomeCode,
    reason: r.reason,
    basis: r.basis,
    status: r.status as ProposalStatus,
    proposedAt: r.proposed_at,
    proposedBy: r.proposed_by,
    proposedById: id(r.proposed_by_id),
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
    reviewedById: id(r.reviewed_by_id),
    reviewComment: r.review_comment,
    decidedOn: r.decided_on,
  };
}

/** Whether the agency's replies need a reviewer's approval (on unless the agency turned it off). */
export async function replyReviewRequired(db: Db, agencyId: number): Promise<boolean> {
  const row = await db.selectFrom('agencies').select('reply_review').where('id', '=', agencyId).executeTakeFirst();
  return row ? Boolean(row.reply_review) : true;
}

export async function setReplyReviewRow(db: Db, agencyId: number, on: boolean, now: string) {
  await db.updateTable('agencies').set({ reply_review: on, updated_at: now }).where('id', '=', agencyId).execute();
}

export interface NewProposal {
  applicationId: number;
  agencyId: number;
  outcome: OutcomeCode;
  reason: string | null;
  basis: string | null;
  proposedBy: string;
  proposedById: number | null;
}

export async function insertProposal(db: Db, p: NewProposal, now: string): Promise<ReplyProposal> {
  const row = await db
    .insertInto('reply_proposals')
    .values({
      application_id: p.applicationId,
      agency_id: p.agencyId,
      outcome: p.outcome,
      reason: p.reason,
      basis: p.basis,
      status: 'pending',
      proposed_at: now,
      proposed_by: p.proposedBy,
      proposed_by_id: p.proposedById,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProposal(row);
}

export interface ReviewPatch {
  status: 'returned' | 'approved';
  reviewedBy: string;
  reviewedById: number | null;
  reviewComment: string | null;
  decidedOn: string | null;
}

/** Close a pending proposal; undefined when it is no longer pending (someone else reviewed it first). */
export async function reviewProposalRow(db: Db, id: number, patch: ReviewPatch, now: string) {
  const row = await db
    .updateTable('reply_proposals')
    .set({
      status: patch.status,
      reviewed_at: now,
      reviewed_by: patch.reviewedBy,
      reviewed_by_id: patch.reviewedById,
      review_comment: patch.reviewComment,
      decided_on: patch.decidedOn,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  return row ? toProposal(row) : undefined;
}

/** An application's proposals, oldest first. */
export async function listProposalRows(db: Db, applicationId: number): Promise<ReplyProposal[]> {
  const rows = await db
    .selectFrom('reply_proposals')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
  return rows.map(toProposal);
}

/** A pending proposal with the case's 查询号, for the reviewer's work list. */
export interface PendingProposal extends ReplyProposal {
  trackingNo: string;
}

/** The agency's proposals awaiting a reviewer, oldest first (the longest waiting are answered first). */
export async function listPendingRows(db: Db, agencyId: number): Promise<PendingProposal[]> {
  const rows = await db
    .selectFrom('reply_proposals')
    .innerJoin('applications', 'applications.id', 'reply_proposals.application_id')
    .selectAll('reply_proposals')
    .select('applications.tracking_no')
    .where('reply_proposals.agency_id', '=', agencyId)
    .where('reply_proposals.status', '=', 'pending')
    .orderBy('reply_proposals.proposed_at')
    .orderBy('reply_proposals.id')
    .execute();
  return rows.map((r) => ({ ...toProposal(r), trackingNo: r.tracking_no }));
}
