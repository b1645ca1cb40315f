// SQL of the catalogue's workflow tables. Takes any Kysely executor (the database or a transaction); maps rows to
// the model's types here and nowhere else.
import type { Kysely, Selectable } from 'kysely';
import type { CatalogItemTable, CatalogRevisionTable, Schema } from '../storage/schema.ts';
import {
  type BodyFormat,
  type CatalogAttachment,
  type CatalogItem,
  type DisclosureMode,
  type ItemFields,
  type ItemStatus,
  type Kind,
  OPEN_REVISION,
  type Revision,
  type RevisionStatus,
  type Validity,
  type ValidityChange,
} from './model.ts';

type Db = Kysely<Schema>;
const num = (v: number | null) => (v === null ? null : Number(v));

export function toItem(r: Selectable<CatalogItemTable>): CatalogItem {
  return {
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    indexNo: r.index_no,
    status: r.status as ItemStatus,
    kind: r.kind as Kind,
    title: r.title,
    docNo: r.doc_no,
    issuer: r.issuer,
    formedOn: r.formed_on,
    publishedOn: r.published_on,
    changedOn: r.changed_on,
    topic: r.topic,
    article20: r.article20,
    standardArea: r.standard_area,
    disclosureMode: r.disclosure_mode as DisclosureMode,
    withheldReason: r.withheld_reason,
    bodyFormat: r.body_format as BodyFormat,
    body: r.body,
    bodyHtml: r.body_html,
    bodyText: r.body_text,
    validity: r.validity as Validity | null,
    validityOn: r.validity_on,
    replacedById: num(r.replaced_by_id),
    interpretsId: num(r.interprets_id),
    publishedRevision: num(r.published_revision),
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

export function toRevision(r: Selectable<CatalogRevisionTable>): Revision {
  return {
    id: Number(r.id),
    itemId: Number(r.item_id),
    no: Number(r.no),
    status: r.status as RevisionStatus,
    fields: JSON.parse(r.fields) as ItemFields,
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by,
    submittedAt: r.submitted_at,
    secrecyChecked: Boolean(r.secrecy_checked),
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
    reviewComment: r.review_comment,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
  };
}

/** The columns an item's fields fill (its row mirrors the fields of the revision last published, or the draft). */
export function fieldColumns(fields: ItemFields, body: { html: string; text: string }) {
  return {
    kind: fields.kind,
    title: fields.title,
    doc_no: fields.docNo,
    issuer: fields.issuer,
    formed_on: fields.formedOn,
    topic: fields.topic,
    article20: fields.article20,
    standard_area: fields.standardArea,
    disclosure_mode: fields.disclosureMode,
    withheld_reason: fields.withheldReason,
    body_format: fields.bodyFormat,
    body: fields.body,
    body_html: body.html,
    body_text: body.text,
    interprets_id: fields.interpretsId,
  };
}

export async function findItem(db: Db, id: number): Promise<CatalogItem | undefined> {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = await db.selectFrom('catalog_items').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toItem(row) : undefined;
}

export async function findItemByIndexNo(db: Db, indexNo: string): Promise<CatalogItem | undefined> {
  const row = await db.selectFrom('catalog_items').selectAll().where('index_no', '=', indexNo).executeTakeFirst();
  return row ? toItem(row) : undefined;
}

export async function openRevision(db: Db, itemId: number): Promise<Revision | undefined> {
  const row = await db
    .selectFrom('catalog_revisions')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('status', 'in', [...OPEN_REVISION])
    .orderBy('no', 'desc')
    .executeTakeFirst();
  return row ? toRevision(row) : undefined;
}

export async function listRevisions(db: Db, itemId: number): Promise<Revision[]> {
  const rows = await db
    .selectFrom('catalog_revisions')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('no', 'desc')
    .execute();
  return rows.map(toRevision);
}

export async function lastRevisionNo(db: Db, itemId: number): Promise<number> {
  const row = await db
    .selectFrom('catalog_revisions')
    .select((eb) => eb.fn.max('no').as('no'))
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return Number(row?.no ?? 0);
}

export async function listValidityChanges(db: Db, itemId: number): Promise<ValidityChange[]> {
  const rows = await db
    .selectFrom('catalog_validity_changes')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    itemId: Number(r.item_id),
    validity: r.validity as Validity,
    onDate: r.on_date,
    replacedById: num(r.replaced_by_id),
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

const ATTACHMENT_COLUMNS = [
  'id',
  'item_id',
  'file_name',
  'media_type',
  'size',
  'sha256',
  'added_in',
  'removed_in',
  'created_at',
] as const;

/**
 * An item's files: those the public sees (added in a published revision, not removed by one), or with
 * `working` the files of the revision being prepared (everything not removed).
 */
export async function listItemAttachments(
  db: Db,
  item: Pick<CatalogItem, 'id' | 'publishedRevision'>,
  view: 'public' | 'working',
): Promise<CatalogAttachment[]> {
  let q = db.selectFrom('catalog_attachments').select(ATTACHMENT_COLUMNS).where('item_id', '=', item.id);
  if (view === 'public') {
    const published = item.publishedRevision ?? 0;
    q = q
      .where('added_in', '<=', published)
      .where((eb) => eb.or([eb('removed_in', 'is', null), eb('removed_in', '>', published)]));
  } else {
    q = q.where('removed_in', 'is', null);
  }
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    itemId: Number(r.item_id),
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
    addedIn: Number(r.added_in),
    removedIn: num(r.removed_in),
    createdAt: r.created_at,
  }));
}

export async function attachmentContent(db: Db, id: number): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('catalog_attachments').select('content').where('id', '=', id).executeTakeFirst();
  return row?.content;
}

/** The interpretations (政策解读) of a policy, published ones only unless all is asked. */
export async function interpretationsOf(db: Db, policyId: number, all = false): Promise<CatalogItem[]> {
  let q = db.selectFrom('catalog_items').selectAll().where('interprets_id', '=', policyId);
  if (!all) q = q.where('status', '=', 'published');
  const rows = await q.orderBy('published_on').orderBy('id').execute();
  return rows.map(toItem);
}
