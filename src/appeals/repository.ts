// Rows of appeal_cases and appeal_documents in and out. No policy here: service.ts and queries.ts decide who may
// call what.
import type { Kysely, Selectable } from 'kysely';
import type { AppealCaseTable, AppealDocumentTable, Schema } from '../storage/schema.ts';
import type { AppealCase, CaseDocument, Kind, Result, Role } from './model.ts';

type Db = Kysely<Schema>;
export type CaseRow = Selectable<AppealCaseTable>;

export function toCase(r: CaseRow): AppealCase {
  return {
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    kind: r.kind as Kind,
    role: r.role as Role,
    applicationId: r.application_id === null ? null : Number(r.application_id),
    earlierCaseId: r.earlier_case_id === null ? null : Number(r.earlier_case_id),
    bodyName: r.body_name,
    caseNo: r.case_no,
    appellantName: r.appellant_name,
    filedOn: r.filed_on,
    result: r.result as Result,
    resultOn: r.result_on,
    resultNote: r.result_note,
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export function toDocument(r: Omit<Selectable<AppealDocumentTable>, 'content'>): CaseDocument {
  return {
    id: Number(r.id),
    caseId: Number(r.case_id),
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export async function findCase(db: Db, id: number): Promise<AppealCase | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const row = await db.selectFrom('appeal_cases').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCase(row) : null;
}

const DOCUMENT_COLUMNS = [
  'id',
  'case_id',
  'file_name',
  'media_type',
  'size',
  'sha256',
  'created_at',
  'created_by',
] as const;

export async function documentsOf(db: Db, caseId: number): Promise<CaseDocument[]> {
  const rows = await db
    .selectFrom('appeal_documents')
    .select(DOCUMENT_COLUMNS)
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map(toDocument);
}

export async function findDocument(db: Db, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const row = await db.selectFrom('appeal_documents').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { document: toDocument(row), content: row.content } : null;
}
