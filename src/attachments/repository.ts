// Rows of the attachments table. The bytes are read only by attachmentContent; lists never load them.
import type { Kysely, Selectable } from 'kysely';
import type { AttachmentTable, Schema } from '../storage/schema.ts';
import type { Attachment, Audience, CheckedFile, OwnerKind } from './model.ts';

type Db = Kysely<Schema>;

const COLUMNS = [
  'id',
  'owner_kind',
  'owner_id',
  'application_id',
  'agency_id',
  'file_name',
  'media_type',
  'size',
  'sha256',
  'audience',
  'uploaded_by',
  'created_at',
] as const;

type Row = Pick<Selectable<AttachmentTable>, (typeof COLUMNS)[number]>;

function toAttachment(r: Row): Attachment {
  return {
    id: Number(r.id),
    ownerKind: r.owner_kind as OwnerKind,
    ownerId: Number(r.owner_id),
    applicationId: Number(r.application_id),
    agencyId: Number(r.agency_id),
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
    audience: r.audience as Audience,
    uploadedBy: r.uploaded_by,
    createdAt: r.created_at,
  };
}

export interface NewAttachment {
  ownerKind: OwnerKind;
  ownerId: number;
  applicationId: number;
  agencyId: number;
  audience: Audience;
  uploadedBy: string;
  uploadedById: number | null;
}

export async function insertAttachment(db: Db, a: NewAttachment, file: CheckedFile, now: string) {
  const row = await db
    .insertInto('attachments')
    .values({
      owner_kind: a.ownerKind,
      owner_id: a.ownerId,
      application_id: a.applicationId,
      agency_id: a.agencyId,
      file_name: file.fileName,
      media_type: file.mediaType,
      size: file.size,
      sha256: file.sha256,
      // A Buffer: what both drivers bind as bytes.
      content: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength),
      audience: a.audience,
      uploaded_by: a.uploadedBy,
      uploaded_by_id: a.uploadedById,
      created_at: now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toAttachment(row);
}

export async function listForApplication(db: Db, applicationId: number, audience?: Audience) {
  let q = db.selectFrom('attachments').select(COLUMNS).where('application_id', '=', applicationId);
  if (audience) q = q.where('audience', '=', audience);
  return (await q.orderBy('id').execute()).map(toAttachment);
}

/** How many files of an owner kind an application has, and their bytes (for the limits). */
export async function usage(db: Db, applicationId: number, ownerKind: OwnerKind) {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.coalesce(eb.fn.sum('size'), eb.lit(0)).as('bytes')])
    .where('application_id', '=', applicationId)
    .where('owner_kind', '=', ownerKind)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), bytes: Number(row.bytes) };
}

export async function findAttachment(db: Db, id: number): Promise<Attachment | undefined> {
  const row = await db.selectFrom('attachments').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toAttachment(row) : undefined;
}

export async function attachmentContent(db: Db, id: number): Promise<Uint8Array> {
  const row = await db.selectFrom('attachments').select('content').where('id', '=', id).executeTakeFirstOrThrow();
  const c = row.content as Uint8Array;
  return new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
}
