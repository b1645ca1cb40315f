// Reading the catalogue: the public's view (published items only, their public files and interpretations) and the
// staff's (drafts, revisions under review, history), each staff read behind the policy.

import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { subtreeIds } from '../agencies/service.ts';
import { beijingDate } from '../calendar/dates.ts';
import { loadWorkingCalendar } from '../calendar/repository.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import type { Page } from '../paging.ts';
import type {
  CatalogAttachment,
  CatalogItem,
  Kind,
  Revision,
  RevisionStatus,
  Validity,
  ValidityChange,
} from './model.ts';
import {
  findItem,
  interpretationsOf,
  listItemAttachments,
  listRevisions,
  listValidityChanges,
  openRevision,
  toItem,
} from './repository.ts';

export const PAGE_SIZE = 20;

export interface PublicFilters {
  agencyId?: number | null;
  kind?: Kind | null;
  topic?: string | null;
  year?: number | null;
  validity?: Validity | null;
  page?: number;
  pageSize?: number;
}

export type { Page } from '../paging.ts';

/** The published catalogue, newest first, filtered as the portal's browse page asks. */
export async function listPublished(ctx: Context, filters: PublicFilters = {}): Promise<Page<CatalogItem>> {
  const pageSize = Math.min(Math.max(filters.pageSize ?? PAGE_SIZE, 1), 100);
  const page = Math.max(filters.page ?? 1, 1);
  let q = ctx.db.kysely.selectFrom('catalog_items').where('status', '=', 'published');
  if (filters.agencyId) q = q.where('agency_id', 'in', await subtreeIds(ctx, filters.agencyId));
  if (filters.kind) q = q.where('kind', '=', filters.kind);
  if (filters.topic) q = q.where('topic', '=', filters.topic);
  if (filters.validity) q = q.where('validity', '=', filters.validity);
  if (filters.year)
    q = q.where('published_on', '>=', `${filters.year}-01-01`).where('published_on', '<=', `${filters.year}-12-31`);
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: rows.map(toItem), total: Number(count.n), page, pageSize };
}

/**
 * The topics and years present in the published catalogue (the browse page's filters). Both read only the indexes:
 * topics by an index-only group-by, years by one index seek per year (a skip scan), so a catalogue of 100,000
 * items answers in milliseconds.
 */
export async function publishedFacets(ctx: Context) {
  const db = ctx.db.kysely;
  const topics = await db
    .selectFrom('catalog_items')
    .select(['topic', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'published')
    .where('topic', 'is not', null)
    .groupBy('topic')
    .orderBy('topic')
    .execute();
  const years: number[] = [];
  let before = '9999-12-31';
  for (;;) {
    const row = await db
      .selectFrom('catalog_items')
      .select((eb) => eb.fn.max('published_on').as('last'))
      .where('status', '=', 'published')
      .where('published_on', '<', before)
      .executeTakeFirst();
    const last = row?.last;
    if (!last) break;
    const year = Number(String(last).slice(0, 4));
    years.push(year);
    before = `${year}-01-01`;
  }
  return {
    topics: topics.map((t) => ({ topic: t.topic as string, count: Number(t.n) })),
    years,
  };
}

export interface PublicItem {
  item: CatalogItem;
  attachments: CatalogAttachment[];
  /** The 政策解读 of this policy. */
  interpretations: CatalogItem[];
  /** The policy this interpretation explains. */
  interprets: CatalogItem | null;
  replacedBy: CatalogItem | null;
  validityChanges: ValidityChange[];
}

const published = (item: CatalogItem | undefined) => (item && item.status === 'published' ? item : null);

/** One published item for its portal page; undefined when not public (never published or withdrawn). */
export async function publicItem(ctx: Context, id: number): Promise<PublicItem | undefined> {
  const db = ctx.db.kysely;
  const item = published(await findItem(db, id));
  if (!item) return undefined;
  return {
    item,
    attachments: await listItemAttachments(db, item, 'public'),
    interpretations: await interpretationsOf(db, item.id),
    interprets: item.interpretsId ? published(await findItem(db, item.interpretsId)) : null,
    replacedBy: item.replacedById ? published(await findItem(db, item.replacedById)) : null,
    validityChanges: await listValidityChanges(db, item.id),
  };
}

/** A public file of a published item, with its bytes. */
export async function publicAttachment(ctx: Context, itemId: number, attachmentId: number) {
  const db = ctx.db.kysely;
  const item = published(await findItem(db, itemId));
  if (!item) return undefined;
  const file = (await listItemAttachments(db, item, 'public')).find((a) => a.id === attachmentId);
  if (!file) return undefined;
  const row = await db.selectFrom('catalog_attachments').select('content').where('id', '=', file.id).executeTakeFirst();
  return row ? { ...file, content: row.content } : undefined;
}

export interface StaffRow {
  item: CatalogItem;
  /** The status of the change being prepared, if any. */
  openStatus: RevisionStatus | null;
}

export interface StaffFilters {
  status?: 'draft' | 'reviewing' | 'approved' | 'published' | 'withdrawn' | null;
  kind?: Kind | null;
  q?: string | null;
  page?: number;
}

/** The console's list of an agency's items, with where each open change stands. */
export async function listForStaff(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  filters: StaffFilters = {},
): Promise<Page<StaffRow>> {
  await authorize(actor, ctx, 'catalog.view', agencyId);
  const db = ctx.db.kysely;
  const pageSize = 50;
  const page = Math.max(filters.page ?? 1, 1);
  let q = db
    .selectFrom('catalog_items as i')
    .leftJoin('catalog_revisions as r', (join) =>
      join.onRef('r.item_id', '=', 'i.id').on('r.status', 'in', ['draft', 'reviewing', 'approved']),
    )
    .where('i.agency_id', '=', agencyId);
  if (filters.status === 'published' || filters.status === 'withdrawn') q = q.where('i.status', '=', filters.status);
  else if (filters.status) q = q.where('r.status', '=', filters.status);
  if (filters.kind) q = q.where('i.kind', '=', filters.kind);
  if (filters.q) q = q.where('i.title', 'like', `%${filters.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('i')
    .select('r.status as open_status')
    .orderBy('i.updated_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    rows: rows.map((r) => ({ item: toItem(r), openStatus: (r.open_status as RevisionStatus | null) ?? null })),
    total: Number(count.n),
    page,
    pageSize,
  };
}

export interface StaffItem extends PublicItem {
  open: Revision | null;
  revisions: Revision[];
  /** Files of the change being prepared. */
  workingAttachments: CatalogAttachment[];
}

export async function itemForStaff(actor: Actor, ctx: Context, id: number): Promise<StaffItem> {
  const db = ctx.db.kysely;
  const item = await findItem(db, id);
  await authorize(actor, ctx, 'catalog.view', item?.agencyId ?? null, { type: 'catalogItem', id });
  if (!item) throw errors.notFound('信息', id);
  return {
    item,
    attachments: await listItemAttachments(db, item, 'public'),
    workingAttachments: await listItemAttachments(db, item, 'working'),
    interpretations: await interpretationsOf(db, item.id, true),
    interprets: item.interpretsId ? ((await findItem(db, item.interpretsId)) ?? null) : null,
    replacedBy: item.replacedById ? ((await findItem(db, item.replacedById)) ?? null) : null,
    validityChanges: await listValidityChanges(db, item.id),
    open: (await openRevision(db, item.id)) ?? null,
    revisions: await listRevisions(db, item.id),
  };
}

/** Any file of an item for staff of its agency (drafts' files included). */
export async function staffAttachment(actor: Actor, ctx: Context, itemId: number, attachmentId: number) {
  const db = ctx.db.kysely;
  const item = await findItem(db, itemId);
  await authorize(actor, ctx, 'catalog.view', item?.agencyId ?? null, { type: 'catalogItem', id: itemId });
  const row = await db
    .selectFrom('catalog_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  if (!item || !row) throw errors.notFound('附件', attachmentId);
  return { fileName: row.file_name, mediaType: row.media_type, content: row.content };
}

export interface LatePublication {
  item: CatalogItem;
  revisionNo: number;
  /** 成文日期 for the first publication, the 变更日期 for a change. */
  from: string;
  publishedOn: string;
  workingDays: number;
}

/**
 * 第二十六条: information is published within 20 working days of being formed or changed. Every publication of the
 * agency's items in the year that took longer, with the working days it took.
 */
export async function latePublications(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  year: number,
  limit = 20,
): Promise<LatePublication[]> {
  await authorize(actor, ctx, 'catalog.view', agencyId);
  const db = ctx.db.kysely;
  const rows = await db
    .selectFrom('catalog_revisions as r')
    .innerJoin('catalog_items as i', 'i.id', 'r.item_id')
    .selectAll('i')
    .select(['r.no as revision_no', 'r.fields as revision_fields', 'r.published_at as revision_published_at'])
    .where('i.agency_id', '=', agencyId)
    .where('r.status', '=', 'published')
    .where('r.published_at', '>=', `${year - 1}-12-31`)
    .where('r.published_at', '<', `${year + 1}-01-02`)
    .orderBy('r.published_at')
    .execute();
  const calendar = await loadWorkingCalendar(db);
  const firsts = await firstPublishedRevisions(ctx, [...new Set(rows.map((r) => Number(r.id)))]);
  const late: LatePublication[] = [];
  for (const r of rows) {
    const item = toItem(r);
    const fields = JSON.parse(r.revision_fields) as { formedOn: string; changedOn: string | null };
    const first = Number(r.revision_no) === firsts.get(item.id);
    const publishedOn = first ? (item.publishedOn ?? '') : beijingDate(new Date(r.revision_published_at ?? ''));
    if (!publishedOn.startsWith(String(year))) continue;
    const from = first ? fields.formedOn : (fields.changedOn ?? fields.formedOn);
    if (!calendar.covers(Number(from.slice(0, 4))) || !calendar.covers(Number(publishedOn.slice(0, 4)))) continue;
    const days = from < publishedOn ? calendar.workingDaysBetween(from, publishedOn) : 0;
    if (days > limit) late.push({ item, revisionNo: Number(r.revision_no), from, publishedOn, workingDays: days });
  }
  return late;
}

/** The revision that first published each item. */
async function firstPublishedRevisions(ctx: Context, itemIds: number[]): Promise<Map<number, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await ctx.db.kysely
    .selectFrom('catalog_revisions')
    .select(['item_id', (eb) => eb.fn.min('no').as('no')])
    .where('item_id', 'in', itemIds)
    .where('status', '=', 'published')
    .groupBy('item_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.item_id), Number(r.no)]));
}

/** Items waiting for a 审核人 of the agency. */
export async function reviewQueue(actor: Actor, ctx: Context, agencyId: number): Promise<StaffRow[]> {
  const page = await listForStaff(actor, ctx, agencyId, { status: 'reviewing' });
  return page.rows;
}

/** Every published item's id and dates, newest first (the portal's sitemap.xml). */
export async function publishedIndex(
  ctx: Context,
  limit = 50_000,
): Promise<{ id: number; publishedOn: string | null; updatedAt: string }[]> {
  const rows = await ctx.db.kysely
    .selectFrom('catalog_items')
    .select(['id', 'published_on', 'updated_at'])
    .where('status', '=', 'published')
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), publishedOn: r.published_on, updatedAt: r.updated_at }));
}

/** Published items whose title contains the text, newest first (the portal's 年度报告 page). */
export async function publishedWithTitle(ctx: Context, text: string, limit = 500): Promise<CatalogItem[]> {
  const rows = await ctx.db.kysely
    .selectFrom('catalog_items')
    .selectAll()
    .where('status', '=', 'published')
    .where('title', 'like', `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toItem);
}
