// Recording 行政复议 and 行政诉讼 cases: register a case against an agency, correct it or record its result, and
// attach its documents (复议决定书, 判决书, 裁定书 …). Each function checks the policy on its first line (the
// agency's handlers record its cases: application.handle) and writes with its audit entry in one transaction; the
// audit entry never holds the applicant's or plaintiff's name. Reads are in queries.ts; table 四 in counts.ts.
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { findAgency } from '../agencies/repository.ts';
import { checkFiles, DEFAULT_ATTACHMENT_LIMITS, type IncomingFile } from '../attachments/model.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { type Tx, transaction } from '../storage/transaction.ts';
import { parseInput } from '../validation.ts';
import type { AppealCase, CaseDocument } from './model.ts';
import { documentsOf, findCase, findDocument, toCase, toDocument } from './repository.ts';
import { APPEAL_FIELD_LABELS, type CaseInput, type CaseValues, caseInput } from './schema.ts';

export const caseLink = (id: number) => `/console/appeals/${id}`;

const field = (name: string, problem: string) => errors.validation(name, APPEAL_FIELD_LABELS[name] ?? name, problem);

/** What the audit log keeps of a case: never the applicant's or plaintiff's name. */
export function auditOf(c: AppealCase) {
  return {
    agencyId: c.agencyId,
    kind: c.kind,
    role: c.role,
    applicationId: c.applicationId,
    earlierCaseId: c.earlierCaseId,
    bodyName: c.bodyName,
    caseNo: c.caseNo,
    filedOn: c.filedOn,
    result: c.result,
    resultOn: c.resultOn,
  };
}

/** The 查询号 and the earlier case, resolved within the agency. */
async function references(tx: Tx, agencyId: number, v: CaseValues, selfId: number | null) {
  let applicationId: number | null = null;
  if (v.trackingNo !== null) {
    const app = await tx.kysely
      .selectFrom('applications')
      .select(['id', 'agency_id'])
      .where('tracking_no', '=', v.trackingNo)
      .executeTakeFirst();
    if (!app || Number(app.agency_id) !== agencyId)
      throw field('trackingNo', `本机关没有查询号为 ${v.trackingNo} 的申请`);
    applicationId = Number(app.id);
  }
  if (v.earlierCaseId !== null) {
    const earlier = await findCase(tx.kysely, v.earlierCaseId);
    if (!earlier || earlier.agencyId !== agencyId || earlier.kind !== 'reconsideration' || earlier.id === selfId)
      throw field('earlierCaseId', `本机关没有编号为 ${v.earlierCaseId} 的行政复议案件`);
  }
  return applicationId;
}

function columns(v: CaseValues, applicationId: number | null) {
  return {
    kind: v.kind,
    role: v.role,
    application_id: applicationId,
    earlier_case_id: v.earlierCaseId,
    body_name: v.bodyName,
    case_no: v.caseNo,
    appellant_name: v.appellantName,
    filed_on: v.filedOn,
    result: v.result,
    result_on: v.resultOn,
    result_note: v.resultNote,
    note: v.note,
  };
}

/** Register a case brought against the agency (or in which it is the 复议机关 named as co-defendant). */
export async function recordCase(actor: Actor, ctx: Context, agencyId: number, input: CaseInput): Promise<AppealCase> {
  await authorize(actor, ctx, 'application.handle', agencyId, { type: 'appeal', id: null });
  const v = parseInput(caseInput, input, APPEAL_FIELD_LABELS);
  if (!(await findAgency(ctx.db.kysely, agencyId))) throw errors.notFound('机关', agencyId);
  return transaction(ctx, actor, { action: 'appeal.record', objectType: 'appeal' }, async (tx) => {
    const applicationId = await references(tx, agencyId, v, null);
    const row = await tx.kysely
      .insertInto('appeal_cases')
      .values({
        agency_id: agencyId,
        ...columns(v, applicationId),
        created_at: tx.now,
        created_by: actor.name,
        created_by_id: actor.id,
        updated_at: tx.now,
        updated_by: actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = toCase(row);
    tx.note({ objectId: created.id, after: auditOf(created) });
    return created;
  });
}

/** Correct a case or record its result: the whole form again. */
export async function updateCase(actor: Actor, ctx: Context, id: number, input: CaseInput): Promise<AppealCase> {
  const before = await findCase(ctx.db.kysely, id);
  await authorize(actor, ctx, 'application.handle', before?.agencyId ?? null, { type: 'appeal', id });
  if (!before) throw errors.notFound('复议诉讼案件', id);
  const v = parseInput(caseInput, input, APPEAL_FIELD_LABELS);
  return transaction(ctx, actor, { action: 'appeal.update', objectType: 'appeal', objectId: id }, async (tx) => {
    const applicationId = await references(tx, before.agencyId, v, id);
    const row = await tx.kysely
      .updateTable('appeal_cases')
      .set({ ...columns(v, applicationId), updated_at: tx.now, updated_by: actor.name })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toCase(row);
    tx.note({ before: auditOf(before), after: auditOf(after) });
    return after;
  });
}

/** Attach documents to a case; each file is checked (type from its bytes, size) as application attachments are. */
export async function addCaseDocuments(
  actor: Actor,
  ctx: Context,
  id: number,
  files: IncomingFile[],
): Promise<CaseDocument[]> {
  const found = await findCase(ctx.db.kysely, id);
  await authorize(actor, ctx, 'application.handle', found?.agencyId ?? null, { type: 'appeal', id });
  if (!found) throw errors.notFound('复议诉讼案件', id);
  const existing = await documentsOf(ctx.db.kysely, id);
  const already = { count: existing.length, bytes: existing.reduce((sum, d) => sum + d.size, 0) };
  const checked = checkFiles(files, DEFAULT_ATTACHMENT_LIMITS, already);
  if (checked.length === 0) throw field('documents', '请选择要上传的文件');
  const intent = { action: 'appeal.addDocuments', objectType: 'appeal', objectId: id };
  return transaction(ctx, actor, intent, async (tx) => {
    const added: CaseDocument[] = [];
    for (const f of checked) {
      const row = await tx.kysely
        .insertInto('appeal_documents')
        .values({
          case_id: id,
          file_name: f.fileName,
          media_type: f.mediaType,
          size: f.size,
          sha256: f.sha256,
          content: f.data,
          created_at: tx.now,
          created_by: actor.name,
        })
        .returning(['id', 'case_id', 'file_name', 'media_type', 'size', 'sha256', 'created_at', 'created_by'])
        .executeTakeFirstOrThrow();
      added.push(toDocument(row));
    }
    tx.note({ after: added.map((d) => ({ id: d.id, fileName: d.fileName, size: d.size, sha256: d.sha256 })) });
    return added;
  });
}

/** Remove a document attached by mistake. */
export async function removeCaseDocument(actor: Actor, ctx: Context, documentId: number): Promise<void> {
  const found = await findDocument(ctx.db.kysely, documentId);
  const owner = found ? await findCase(ctx.db.kysely, found.document.caseId) : null;
  await authorize(actor, ctx, 'application.handle', owner?.agencyId ?? null, {
    type: 'appealDocument',
    id: documentId,
  });
  if (!found || !owner) throw errors.notFound('文书', documentId);
  const intent = { action: 'appeal.removeDocument', objectType: 'appeal', objectId: owner.id };
  await transaction(ctx, actor, intent, async (tx) => {
    await tx.kysely.deleteFrom('appeal_documents').where('id', '=', documentId).execute();
    const d = found.document;
    tx.note({ before: { id: d.id, fileName: d.fileName, size: d.size, sha256: d.sha256 } });
  });
}
