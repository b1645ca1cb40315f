// Presenters of the API's case work (allow-lists, field by field): reply proposals, letters, deliveries,
// attachments, fees and calendar days. Nothing internal (storage keys, user ids of reviewers, file bytes) leaks.
import type { Fee } from '../../applications/fees.ts';
import { PROPOSAL_STATUS_LABELS, type ReplyProposal } from '../../applications/review.ts';
import type { Attachment } from '../../attachments/model.ts';
import { type CalendarDay, DAY_KIND_LABELS } from '../../calendar/workdays.ts';
import type { DeliveryRecord } from '../../letters/deliveries.ts';
import type { LetterSummary } from '../../letters/service.ts';
import { REQUEST_ROW_LABELS } from '../../report/labels.ts';

export function presentProposal(p: ReplyProposal) {
  return {
    id: p.id,
    applicationId: p.applicationId,
    outcome: p.outcome,
    outcomeLabel: REQUEST_ROW_LABELS[p.outcome].short,
    reason: p.reason,
    basis: p.basis,
    status: p.status,
    statusLabel: PROPOSAL_STATUS_LABELS[p.status],
    proposedAt: p.proposedAt,
    proposedBy: p.proposedBy,
    reviewedAt: p.reviewedAt,
    reviewedBy: p.reviewedBy,
    reviewComment: p.reviewComment,
    decidedOn: p.decidedOn,
  };
}

export function presentDelivery(d: DeliveryRecord) {
  return {
    id: d.id,
    letterId: d.letterId,
    method: d.method,
    deliveredOn: d.deliveredOn,
    proof: d.proof,
    createdAt: d.createdAt,
    createdBy: d.createdBy,
  };
}

export function presentLetter(l: LetterSummary, deliveries: readonly DeliveryRecord[] = []) {
  return {
    id: l.id,
    kind: l.kind,
    kindLabel: l.kindLabel,
    number: l.number,
    issuedOn: l.issuedOn,
    createdBy: l.createdBy,
    createdAt: l.createdAt,
    deliveries: deliveries.map(presentDelivery),
  };
}

export function presentAttachment(a: Attachment) {
  return {
    id: a.id,
    applicationId: a.applicationId,
    ownerKind: a.ownerKind,
    fileName: a.fileName,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    audience: a.audience,
    uploadedBy: a.uploadedBy,
    createdAt: a.createdAt,
  };
}

export function presentFee(f: Fee) {
  return {
    basis: f.basis,
    quantity: f.quantity,
    amount: f.amount,
    lines: f.lines.map((l) => ({
      from: l.from,
      to: l.to,
      count: l.count,
      unitPrice: l.unitPrice,
      amount: l.amount,
      text: l.text,
    })),
    text: [...f.text],
  };
}

export function presentDay(d: CalendarDay) {
  return { date: d.date, kind: d.kind, kindLabel: DAY_KIND_LABELS[d.kind], name: d.name };
}
