// 区分处理 of a case's file (issue 8 points 1, 2 and 4; 《条例》第三十七条). A handler of the agency holding the case
// builds a plan of boxes over one file (plan.ts) — drawn by hand, found by a phrase, or found by a personal-data
// pattern — each with a reason from table 三's withheld categories, then applies it: the engine rebuilds the pages under the
// boxes so nothing survives, and the result is stored as a new file of the case for the applicant, linked to its
// original, which stays staff-only. Every change is written with its audit entry in one transaction; the audit
// entry holds counts, pages and reasons, never the text found (个人信息保护法 第五十一条).
import { createHash } from 'node:crypto';
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { findApplication } from '../applications/repository.ts';
import type { Attachment } from '../attachments/model.ts';
import { insertAttachment, listForApplication } from '../attachments/repository.ts';
import { auditOf } from '../attachments/service.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { transaction } from '../storage/transaction.ts';
import { ENGINE, loadFile, PAGE_SCALE, pdfOf, type RedactionEngine } from './files.ts';
import { type PageSize, type RedactionBox, redactedName } from './model.ts';
import { auditOfBoxes } from './plan.ts';
import { withheldReason } from './presenters.ts';
import {
  type AppliedRedaction,
  boxesJson,
  findPlan,
  insertRedaction,
  listRedactions,
  setAudience,
} from './repository.ts';

export interface Workspace {
  attachment: Attachment;
  /** Page sizes of the file as a PDF; null when it cannot be made one (conversionError says why). */
  pages: PageSize[] | null;
  conversionError: string | null;
  boxes: RedactionBox[];
  updatedAt: string | null;
  updatedBy: string | null;
  /** Redacted copies already made from this file. */
  copies: { redaction: AppliedRedaction; file: Attachment }[];
}

/** What the redaction page shows: the file, its pages, the plan, the copies made. */
export async function redactionWorkspace(
  actor: Actor,
  ctx: Context,
  attachmentId: number,
  engine: RedactionEngine = ENGINE,
): Promise<Workspace> {
  const attachment = await loadFile(actor, ctx, attachmentId, 'application.view');
  const db = ctx.db.kysely;
  let pages: PageSize[] | null = null;
  let conversionError: string | null = null;
  try {
    pages = await engine.pageSizes(await pdfOf(ctx, attachment, engine));
  } catch (e) {
    if (!(e instanceof Error && e.name === 'RedactionError')) throw e;
    conversionError = e.message;
  }
  const plan = await findPlan(db, attachmentId);
  const files = await listForApplication(db, attachment.applicationId);
  const copies = (await listRedactions(db, attachment.applicationId))
    .filter((r) => r.sourceAttachmentId === attachmentId)
    .flatMap((redaction) => {
      const file = files.find((f) => f.id === redaction.resultAttachmentId);
      return file ? [{ redaction, file }] : [];
    });
  return {
    attachment,
    pages,
    conversionError,
    boxes: plan?.boxes ?? [],
    updatedAt: plan?.updatedAt ?? null,
    updatedBy: plan?.updatedBy ?? null,
    copies,
  };
}

/** One page of the file as PNG, for the page viewer. */
export async function pageImage(
  actor: Actor,
  ctx: Context,
  attachmentId: number,
  page: number,
  engine: RedactionEngine = ENGINE,
): Promise<Uint8Array> {
  const attachment = await loadFile(actor, ctx, attachmentId, 'application.view');
  const pdf = await pdfOf(ctx, attachment, engine);
  const sizes = await engine.pageSizes(pdf);
  if (!Number.isInteger(page) || page < 1 || page > sizes.length) throw errors.notFound('页', page);
  return engine.renderPage(pdf, page, PAGE_SCALE);
}

/**
 * 应用区分处理: the engine rebuilds the pages under the boxes (outside the transaction: it is slow), then the copy
 * is stored for the applicant, linked to its original, which is kept staff-only, in one transaction with its
 * audit entry. If the plan changed meanwhile nothing is stored.
 */
export async function applyPlan(
  actor: Actor,
  ctx: Context,
  attachmentId: number,
  engine: RedactionEngine = ENGINE,
): Promise<{ file: Attachment; redactionId: number }> {
  const source = await loadFile(actor, ctx, attachmentId, 'application.handle');
  const plan = await findPlan(ctx.db.kysely, attachmentId);
  if (!plan || plan.boxes.length === 0)
    throw errors.validation('boxes', '遮盖框', '尚未添加任何遮盖框，请先标出不予公开的内容');
  const out = await engine.applyRedactions(await pdfOf(ctx, source, engine), plan.boxes, { title: source.fileName });
  const intent = { action: 'redaction.apply', objectType: 'attachment', objectId: attachmentId };
  return transaction(ctx, actor, intent, async (tx) => {
    const now = await findPlan(tx.kysely, attachmentId);
    if (!now || boxesJson(now.boxes) !== boxesJson(plan.boxes))
      throw errors.invalidState('遮盖框在处理期间已被修改，未予保存，请重新应用区分处理');
    const sha256 = createHash('sha256').update(out.pdf).digest('hex');
    const checked = {
      fileName: redactedName(source.fileName),
      mediaType: 'application/pdf' as const,
      size: out.pdf.length,
      sha256,
      data: out.pdf,
    };
    const owner = {
      ownerKind: 'decision' as const,
      ownerId: source.applicationId,
      applicationId: source.applicationId,
    };
    const file = await insertAttachment(
      tx.kysely,
      { ...owner, agencyId: source.agencyId, audience: 'applicant', uploadedBy: actor.name, uploadedById: actor.id },
      checked,
      tx.now,
    );
    // The original is never given to the applicant, whatever it was marked before; nor is an earlier copy of it:
    // applying again is how a handler corrects a redaction that missed something.
    if (source.audience !== 'staff') await setAudience(tx.kysely, source.id, 'staff');
    const superseded = (await listRedactions(tx.kysely, source.applicationId))
      .filter((r) => r.sourceAttachmentId === source.id)
      .map((r) => r.resultAttachmentId);
    for (const id of superseded) await setAudience(tx.kysely, id, 'staff');
    const redactionId = await insertRedaction(
      tx.kysely,
      {
        sourceAttachmentId: source.id,
        resultAttachmentId: file.id,
        applicationId: source.applicationId,
        agencyId: source.agencyId,
        boxes: plan.boxes,
        pagesRebuilt: out.pagesRebuilt,
      },
      { name: actor.name, id: actor.id },
      tx.now,
    );
    tx.note({
      after: {
        redactionId,
        source: { id: source.id, audience: 'staff' },
        copy: auditOf(file),
        superseded,
        ...auditOfBoxes(plan.boxes),
        pagesRebuilt: out.pagesRebuilt,
      },
    });
    return { file, redactionId };
  });
}

/** The redactions applied in a case (for its page, the decision's proposal and the 答复书). */
export async function caseRedactions(actor: Actor, ctx: Context, applicationId: number) {
  const app = await findApplication(ctx.db.kysely, applicationId);
  await authorize(actor, ctx, 'application.view', app?.agencyId ?? null, { type: 'application', id: applicationId });
  if (!app) throw errors.notFound('申请', applicationId);
  const db = ctx.db.kysely;
  const files = await listForApplication(db, applicationId);
  return (await listRedactions(db, applicationId)).map((r) => ({
    redaction: r,
    source: files.find((f) => f.id === r.sourceAttachmentId) as Attachment,
    copy: files.find((f) => f.id === r.resultAttachmentId) as Attachment,
  }));
}

/**
 * “不予公开部分的内容及理由” generated from the redactions applied in a case, '' when there are none. For callers
 * that have checked the case's policy already (the case page, the letters of the case).
 */
export async function withheldProposal(db: Context['db']['kysely'], applicationId: number): Promise<string> {
  const redactions = await listRedactions(db, applicationId);
  if (redactions.length === 0) return '';
  const files = await listForApplication(db, applicationId);
  return withheldReason(
    redactions.map((r) => ({
      copy: { fileName: files.find((f) => f.id === r.sourceAttachmentId)?.fileName ?? '' },
      boxes: r.boxes,
    })),
  );
}
