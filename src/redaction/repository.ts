// Rows of redaction_plans (the boxes a handler is working on, one plan per file) and redactions (what was
// applied: original → redacted copy, with the boxes). Boxes are stored as JSON text and read back through
// parseBoxes, which keeps only the fields of a box: nothing else that might sit in the JSON reaches a page.
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.ts';
import { type BoxSource, REDACTION_REASON_CODES, type RedactionBox, type RedactionReason } from './model.ts';

type Db = Kysely<Schema>;

export interface RedactionPlan {
  attachmentId: number;
  applicationId: number;
  agencyId: number;
  boxes: RedactionBox[];
  updatedAt: string;
  updatedBy: string;
}

export interface AppliedRedaction {
  id: number;
  sourceAttachmentId: number;
  resultAttachmentId: number;
  applicationId: number;
  boxes: RedactionBox[];
  pagesRebuilt: number[];
  appliedAt: string;
  appliedBy: string;
}

const SOURCES: readonly BoxSource[] = ['manual', 'phrase', 'pattern'];

/** The boxes of a JSON text, field by field. */
export function parseBoxes(json: string): RedactionBox[] {
  const list = JSON.parse(json) as Record<string, unknown>[];
  return list.map((b) => {
    const box: RedactionBox = {
      page: Number(b.page),
      x: Number(b.x),
      y: Number(b.y),
      width: Number(b.width),
      height: Number(b.height),
      reason: (REDACTION_REASON_CODES as string[]).includes(String(b.reason))
        ? (b.reason as RedactionReason)
        : 'personalPrivacy',
      source: SOURCES.includes(b.source as BoxSource) ? (b.source as BoxSource) : 'manual',
    };
    if (typeof b.note === 'string' && b.note !== '') box.note = b.note;
    return box;
  });
}

export const boxesJson = (boxes: readonly RedactionBox[]) =>
  JSON.stringify(
    boxes.map((b) => ({
      page: b.page,
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      reason: b.reason,
      source: b.source,
      ...(b.note ? { note: b.note } : {}),
    })),
  );

export async function findPlan(db: Db, attachmentId: number): Promise<RedactionPlan | undefined> {
  const r = await db
    .selectFrom('redaction_plans')
    .selectAll()
    .where('attachment_id', '=', attachmentId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    attachmentId: Number(r.attachment_id),
    applicationId: Number(r.application_id),
    agencyId: Number(r.agency_id),
    boxes: parseBoxes(r.boxes_json),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export interface PlanOwner {
  attachmentId: number;
  applicationId: number;
  agencyId: number;
}

/** Create or replace the plan's boxes. */
export async function savePlan(
  db: Db,
  owner: PlanOwner,
  boxes: readonly RedactionBox[],
  who: { name: string; id: number | null },
  now: string,
) {
  const values = { boxes_json: boxesJson(boxes), updated_at: now, updated_by: who.name, updated_by_id: who.id };
  const updated = await db
    .updateTable('redaction_plans')
    .set(values)
    .where('attachment_id', '=', owner.attachmentId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('redaction_plans')
    .values({
      attachment_id: owner.attachmentId,
      application_id: owner.applicationId,
      agency_id: owner.agencyId,
      created_at: now,
      ...values,
    })
    .execute();
}

export interface NewRedaction {
  sourceAttachmentId: number;
  resultAttachmentId: number;
  applicationId: number;
  agencyId: number;
  boxes: readonly RedactionBox[];
  pagesRebuilt: readonly number[];
}

export async function insertRedaction(db: Db, r: NewRedaction, who: { name: string; id: number | null }, now: string) {
  const row = await db
    .insertInto('redactions')
    .values({
      source_attachment_id: r.sourceAttachmentId,
      result_attachment_id: r.resultAttachmentId,
      application_id: r.applicationId,
      agency_id: r.agencyId,
      boxes_json: boxesJson(r.boxes),
      pages_rebuilt_json: JSON.stringify(r.pagesRebuilt),
      applied_at: now,
      applied_by: who.name,
      applied_by_id: who.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Every redaction applied in a case, oldest first. */
export async function listRedactions(db: Db, applicationId: number): Promise<AppliedRedaction[]> {
  const rows = await db
    .selectFrom('redactions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    sourceAttachmentId: Number(r.source_attachment_id),
    resultAttachmentId: Number(r.result_attachment_id),
    applicationId: Number(r.application_id),
    boxes: parseBoxes(r.boxes_json),
    pagesRebuilt: (JSON.parse(r.pages_rebuilt_json) as unknown[]).map(Number),
    appliedAt: r.applied_at,
    appliedBy: r.applied_by,
  }));
}

/** A stored file's audience: the original of a redacted copy is never given to the applicant. */
export async function setAudience(db: Db, attachmentId: number, audience: 'staff' | 'applicant') {
  await db.updateTable('attachments').set({ audience }).where('id', '=', attachmentId).execute();
}
