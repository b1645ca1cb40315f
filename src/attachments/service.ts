// Attachments of a case: the applicant's files (stored in the same transaction as the application, so a refused
// file stores nothing), the information disclosed with a reply, and their downloads. Staff of the agency holding
// the case see every file; the applicant, with the 查询号 and 查询码, sees only files whose audience is 'applicant'
// (originals stay staff-only; issue 8's redaction adds the redacted copies as 'applicant').
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { statusForApplicant } from '../applications/queries.ts';
import { findApplication, findByTrackingNo } from '../applications/repository.ts';
import type { AuditActor } from '../audit/log.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { type Tx, transaction } from '../storage/transaction.ts';
import {
  type Attachment,
  type AttachmentLimits,
  AUDIENCES,
  type Audience,
  type CheckedFile,
  checkFiles,
  DEFAULT_ATTACHMENT_LIMITS,
  FIELD,
  type IncomingFile,
} from './model.ts';
import { attachmentContent, findAttachment, insertAttachment, listForApplication, usage } from './repository.ts';

export const limitsOf = (ctx: Context): AttachmentLimits => ctx.attachmentLimits ?? DEFAULT_ATTACHMENT_LIMITS;

/** What the audit log keeps of a file: never its content. */
export const auditOf = (a: Attachment) => ({
  id: a.id,
  fileName: a.fileName,
  mediaType: a.mediaType,
  size: a.size,
  sha256: a.sha256,
  audience: a.audience,
});

/** Check the applicant's files before any transaction: a refusal names the file and the reason. */
export function checkApplicantFiles(ctx: Context, files: IncomingFile[]): CheckedFile[] {
  return checkFiles(files, limitsOf(ctx));
}

/**
 * Store the applicant's checked files with their application, inside the transaction that creates it (online form,
 * staff registration): the caller has checked the policy. Audience 'staff': what an applicant sent is an original.
 */
export async function addApplicantAttachments(
  tx: Tx,
  actor: AuditActor,
  application: { id: number; agencyId: number },
  files: CheckedFile[],
): Promise<Attachment[]> {
  const stored: Attachment[] = [];
  for (const file of files) {
    const owner = { ownerKind: 'application' as const, ownerId: application.id, applicationId: application.id };
    const row = { ...owner, agencyId: application.agencyId, audience: 'staff' as const };
    const who = { uploadedBy: actor.name, uploadedById: actor.id };
    stored.push(await insertAttachment(tx.kysely, { ...row, ...who }, file, tx.now));
  }
  return stored;
}

async function loadCase(actor: Actor, ctx: Context, id: number, action: 'application.view' | 'application.handle') {
  const app = await findApplication(ctx.db.kysely, id);
  await authorize(actor, ctx, action, app?.agencyId ?? null, { type: 'application', id });
  if (!app) throw errors.notFound('申请', id);
  return app;
}

/** 答复 with the disclosed information (issue 4 point 5): a file for the case, staff-only or for the applicant. */
export async function addDecisionAttachment(
  actor: Actor,
  ctx: Context,
  applicationId: number,
  file: IncomingFile,
  audience: string,
): Promise<Attachment> {
  const app = await loadCase(actor, ctx, applicationId, 'application.handle');
  if (!(AUDIENCES as readonly string[]).includes(audience))
    throw errors.validation('audience', '提供对象', '请选择“仅工作人员”或“可提供给申请人”');
  if (!file.name && file.data.length === 0) throw errors.validation(FIELD, '附件', '请选择要上传的文件');
  const intent = { action: 'attachment.add', objectType: 'application', objectId: applicationId };
  return transaction(ctx, actor, intent, async (tx) => {
    const [checked] = checkFiles([file], limitsOf(ctx), await usage(tx.kysely, applicationId, 'decision'));
    if (!checked) throw errors.validation(FIELD, '附件', '请选择要上传的文件');
    const stored = await insertAttachment(
      tx.kysely,
      {
        ownerKind: 'decision',
        ownerId: applicationId,
        applicationId,
        agencyId: app.agencyId,
        audience: audience as Audience,
        uploadedBy: actor.name,
        uploadedById: actor.id,
      },
      checked,
      tx.now,
    );
    tx.note({ after: { trackingNo: app.trackingNo, attachment: auditOf(stored) } });
    return stored;
  });
}

/** Every file of a case, for staff of the agency that holds it. */
export async function listAttachments(actor: Actor, ctx: Context, applicationId: number): Promise<Attachment[]> {
  await loadCase(actor, ctx, applicationId, 'application.view');
  return listForApplication(ctx.db.kysely, applicationId);
}

export interface AttachmentFile {
  attachment: Attachment;
  data: Uint8Array;
}

/** One file with its bytes, for staff of the agency that holds the case. */
export async function attachmentFile(actor: Actor, ctx: Context, id: number): Promise<AttachmentFile> {
  const found = await findAttachment(ctx.db.kysely, id);
  await authorize(actor, ctx, 'application.view', found?.agencyId ?? null, { type: 'attachment', id });
  if (!found) throw errors.notFound('附件', id);
  return { attachment: found, data: await attachmentContent(ctx.db.kysely, id) };
}

/** The applicant's view: only files meant for the applicant; the code is checked (and a wrong one audited) by
 * statusForApplicant, the same check as the status page. */
export async function attachmentsForApplicant(
  ctx: Context,
  trackingNo: string,
  queryCode: string,
  clientAddress: string | null = null,
): Promise<Attachment[]> {
  const status = await statusForApplicant(ctx, trackingNo, queryCode, clientAddress);
  const found = await findByTrackingNo(ctx.db.kysely, status.trackingNo);
  if (!found) throw errors.applicationLookupFailed();
  return listForApplication(ctx.db.kysely, found.application.id, 'applicant');
}

/** One file for the applicant: only one of theirs, and only if meant for them. */
export async function applicantAttachmentFile(
  ctx: Context,
  trackingNo: string,
  queryCode: string,
  id: number,
  clientAddress: string | null = null,
): Promise<AttachmentFile> {
  const files = await attachmentsForApplicant(ctx, trackingNo, queryCode, clientAddress);
  const attachment = files.find((f) => f.id === id);
  if (!attachment) throw errors.notFound('附件', id);
  return { attachment, data: await attachmentContent(ctx.db.kysely, id) };
}
