// 主动公开: preparing, reviewing and publishing catalogue items (先审查、后公开, 条例第十七条). A 发布员 writes an item
// or a change of it as a revision; a 审核人 records the 保密审查 and approves or returns it; a 发布员 publishes what
// was approved. The item's row is what the public sees: it changes only on publication (and for validity and
// withdrawal), so a change under review never shows early. Each function checks the policy on its first line and
// writes with its audit entry in one transaction. Reads are in queries.ts.
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { checkFiles, DEFAULT_ATTACHMENT_LIMITS, type IncomingFile } from '../attachments/model.ts';
import { beijingDate, yearOf } from '../calendar/dates.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { guardCatalogItem } from '../privacy/service.ts';
import { type Tx, transaction } from '../storage/transaction.ts';
import { parseInput } from '../validation.ts';
import { renderBody } from './body.ts';
import { formatIndexNo, indexPatternProblem, nextIndexSeq } from './index-no.ts';
import {
  type CatalogAttachment,
  type CatalogItem,
  hasValidity,
  type ItemFields,
  KIND_LABELS,
  REVISION_STATUS_LABELS,
  type Revision,
} from './model.ts';
import { fieldColumns, findItem, lastRevisionNo, openRevision, toItem, toRevision } from './repository.ts';
import {
  CATALOG_FIELD_LABELS,
  type ItemInput,
  itemInput,
  type PublishInput,
  publishInput,
  type ReviewInput,
  reviewInput,
  type ValidityInput,
  validityInput,
  type WithdrawInput,
  withdrawInput,
} from './schema.ts';
import { reindexItem } from './search/indexer.ts';

const field = (name: string, problem: string) => errors.validation(name, CATALOG_FIELD_LABELS[name] ?? name, problem);

/** What the audit log keeps of an item. */
export function auditOf(item: CatalogItem) {
  return {
    indexNo: item.indexNo,
    agencyId: item.agencyId,
    status: item.status,
    kind: item.kind,
    title: item.title,
    docNo: item.docNo,
    publishedOn: item.publishedOn,
    validity: item.validity,
    publishedRevision: item.publishedRevision,
  };
}

const auditRevision = (r: Pick<Revision, 'no' | 'status'>) => ({ no: r.no, status: r.status });

async function loadItem(actor: Actor, ctx: Context, id: number, action: Parameters<typeof authorize>[2]) {
  const item = await findItem(ctx.db.kysely, id);
  await authorize(actor, ctx, action, item?.agencyId ?? null, { type: 'catalogItem', id });
  if (!item) throw errors.notFound('信息', id);
  return item;
}

async function agencyRow(tx: Tx, agencyId: number) {
  const row = await tx.kysely
    .selectFrom('agencies')
    .select(['id', 'name', 'credit_code', 'index_pattern'])
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (!row) throw field('agencyId', `机关（${agencyId}）不存在`);
  return row;
}

/** Check the input and the references it makes; fill in the issuer. */
async function checkFields(tx: Tx, agencyId: number, input: ItemInput, selfId?: number): Promise<ItemFields> {
  const v = parseInput(itemInput, input, CATALOG_FIELD_LABELS);
  if (v.interpretsId !== null) {
    if (v.interpretsId === selfId) throw field('interpretsId', '不能解读自身');
    const policy = await findItem(tx.kysely, v.interpretsId);
    if (!policy) throw field('interpretsId', `信息（${v.interpretsId}）不存在`);
    if (policy.kind === 'interpretation') throw field('interpretsId', '所解读的应为政策文件，不能是另一篇解读');
  }
  const agency = await agencyRow(tx, agencyId);
  return {
    kind: v.kind,
    title: v.title,
    docNo: v.docNo,
    issuer: v.issuer ?? agency.name,
    formedOn: v.formedOn,
    changedOn: v.changedOn,
    topic: v.topic,
    article20: v.article20 ?? (hasValidity(v.kind) ? '1' : null),
    standardArea: v.standardArea,
    disclosureMode: v.disclosureMode,
    withheldReason: v.disclosureMode === 'withheld' ? v.withheldReason : null,
    bodyFormat: v.bodyFormat,
    body: v.body,
    interpretsId: v.interpretsId,
  };
}

async function insertRevision(
  tx: Tx,
  actor: Actor,
  itemId: number,
  no: number,
  fields: ItemFields,
  note: string | null,
) {
  const row = await tx.kysely
    .insertInto('catalog_revisions')
    .values({
      item_id: itemId,
      no,
      status: 'draft',
      fields: JSON.stringify(fields),
      note,
      created_at: tx.now,
      created_by: actor.name,
      created_by_id: actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRevision(row);
}

/** A new item, as a draft revision 1 (not public until published). */
export async function createItem(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  input: ItemInput,
): Promise<{ item: CatalogItem; revision: Revision }> {
  await authorize(actor, ctx, 'catalog.edit', agencyId, { type: 'catalogItem', id: null });
  return transaction(ctx, actor, { action: 'catalog.create', objectType: 'catalogItem' }, async (tx) => {
    const fields = await checkFields(tx, agencyId, input);
    const body = renderBody(fields.bodyFormat, fields.body);
    const row = await tx.kysely
      .insertInto('catalog_items')
      .values({
        agency_id: agencyId,
        status: 'draft',
        ...fieldColumns(fields, body),
        created_at: tx.now,
        created_by: actor.name,
        updated_at: tx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const item = toItem(row);
    const note = parseInput(itemInput, input, CATALOG_FIELD_LABELS).note;
    const revision = await insertRevision(tx, actor, item.id, 1, fields, note);
    tx.note({ objectId: item.id, after: { ...auditOf(item), revision: auditRevision(revision) } });
    return { item, revision };
  });
}

/** The revision being prepared, opened from the published fields when there is none. */
async function workingRevision(tx: Tx, actor: Actor, item: CatalogItem): Promise<Revision> {
  const open = await openRevision(tx.kysely, item.id);
  if (open) return open;
  const no = (await lastRevisionNo(tx.kysely, item.id)) + 1;
  return insertRevision(tx, actor, item.id, no, fieldsOf(item), null);
}

export function fieldsOf(item: CatalogItem): ItemFields {
  return {
    kind: item.kind,
    title: item.title,
    docNo: item.docNo,
    issuer: item.issuer,
    formedOn: item.formedOn,
    changedOn: null,
    topic: item.topic,
    article20: item.article20,
    standardArea: item.standardArea,
    disclosureMode: item.disclosureMode,
    withheldReason: item.withheldReason,
    bodyFormat: item.bodyFormat,
    body: item.body,
    interpretsId: item.interpretsId,
  };
}

/**
 * Save the fields of the item's open revision (opening one for a published item). Editing what is under review or
 * already approved sends it back to draft: a changed text needs a new 审查.
 */
export async function saveItem(actor: Actor, ctx: Context, itemId: number, input: ItemInput): Promise<Revision> {
  const item = await loadItem(actor, ctx, itemId, 'catalog.edit');
  const intent = { action: 'catalog.edit', objectType: 'catalogItem', objectId: itemId };
  return transaction(ctx, actor, intent, async (tx) => {
    const fields = await checkFields(tx, item.agencyId, input, item.id);
    if (item.status !== 'draft' && fields.kind !== item.kind && (hasValidity(item.kind) || hasValidity(fields.kind)))
      throw field('kind', `已发布的${KIND_LABELS[item.kind]}不能改为${KIND_LABELS[fields.kind]}，请另行发布`);
    const revision = await workingRevision(tx, actor, item);
    const note = parseInput(itemInput, input, CATALOG_FIELD_LABELS).note;
    const row = await tx.kysely
      .updateTable('catalog_revisions')
      .set({
        fields: JSON.stringify(fields),
        note,
        status: 'draft',
        submitted_at: null,
        secrecy_checked: false,
        reviewed_at: null,
        reviewed_by: null,
        reviewed_by_id: null,
        review_comment: revision.status === 'draft' ? revision.reviewComment : null,
      })
      .where('id', '=', revision.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // An item never published shows its draft in the console lists.
    if (item.status === 'draft') {
      const body = renderBody(fields.bodyFormat, fields.body);
      await tx.kysely
        .updateTable('catalog_items')
        .set({ ...fieldColumns(fields, body), updated_at: tx.now })
        .where('id', '=', item.id)
        .execute();
    }
    const saved = toRevision(row);
    tx.note({ before: auditRevision(revision), after: { ...auditRevision(saved), title: fields.title } });
    return saved;
  });
}

async function requireOpen(tx: Tx, itemId: number, status: Revision['status'], problem: string): Promise<Revision> {
  const open = await openRevision(tx.kysely, itemId);
  if (!open) throw errors.invalidState('没有待处理的修改');
  if (open.status !== status)
    throw errors.invalidState(`${problem}（当前状态：${REVISION_STATUS_LABELS[open.status]}）`);
  return open;
}

/** 送审: the draft goes to a 审核人. */
export async function submitForReview(actor: Actor, ctx: Context, itemId: number): Promise<Revision> {
  await loadItem(actor, ctx, itemId, 'catalog.edit');
  const intent = { action: 'catalog.submit', objectType: 'catalogItem', objectId: itemId };
  return transaction(ctx, actor, intent, async (tx) => {
    const open = await requireOpen(tx, itemId, 'draft', '只有草稿可以送审');
    if (!open.fields.title.trim()) throw field('title', '不能为空');
    const row = await tx.kysely
      .updateTable('catalog_revisions')
      .set({ status: 'reviewing', submitted_at: tx.now })
      .where('id', '=', open.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const saved = toRevision(row);
    tx.note({ before: auditRevision(open), after: auditRevision(saved) });
    return saved;
  });
}

/** 审查: approve (with the 保密审查 confirmed) or return with a comment. Nobody reviews their own change. */
export async function reviewItem(actor: Actor, ctx: Context, itemId: number, input: ReviewInput): Promise<Revision> {
  await loadItem(actor, ctx, itemId, 'catalog.approve');
  const v = parseInput(reviewInput, input, CATALOG_FIELD_LABELS);
  if (v.approve && !v.secrecyChecked) throw field('secrecyChecked', '通过前须确认已进行保密审查，内容不涉及国家秘密');
  if (!v.approve && !v.comment) throw field('comment', '退回时须写明审查意见');
  const intent = {
    action: v.approve ? 'catalog.approve' : 'catalog.return',
    objectType: 'catalogItem',
    objectId: itemId,
  };
  return transaction(ctx, actor, intent, async (tx) => {
    const open = await requireOpen(tx, itemId, 'reviewing', '只有已送审的修改可以审查');
    const author = await tx.kysely
      .selectFrom('catalog_revisions')
      .select('created_by_id')
      .where('id', '=', open.id)
      .executeTakeFirstOrThrow();
    if (author.created_by_id !== null && Number(author.created_by_id) === actor.id)
      throw errors.invalidState('不能审查自己起草的修改，请由其他审核人审查');
    const row = await tx.kysely
      .updateTable('catalog_revisions')
      .set({
        status: v.approve ? 'approved' : 'draft',
        secrecy_checked: v.approve && v.secrecyChecked,
        reviewed_at: tx.now,
        reviewed_by: actor.name,
        reviewed_by_id: actor.id,
        review_comment: v.comment,
      })
      .where('id', '=', open.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const saved = toRevision(row);
    tx.note({ before: auditRevision(open), after: { ...auditRevision(saved), comment: v.comment } });
    return saved;
  });
}

/** 发布: what a 审核人 approved goes public; the first publication gives the item its 索引号. */
export async function publishItem(
  actor: Actor,
  ctx: Context,
  itemId: number,
  input: PublishInput = {},
): Promise<CatalogItem> {
  const item = await loadItem(actor, ctx, itemId, 'catalog.publish');
  const v = parseInput(publishInput, input, CATALOG_FIELD_LABELS);
  const intent = { action: 'catalog.publish', objectType: 'catalogItem', objectId: itemId };
  return transaction(ctx, actor, intent, async (tx) => {
    const open = await requireOpen(tx, itemId, 'approved', '未经审查通过的内容不能发布（先审查、后公开）');
    // No personal data goes public unless the publisher said why it may (issue 8 point 5).
    await guardCatalogItem(tx, itemId);
    const today = v.publishedOn ?? beijingDate(new Date(tx.now));
    const fields = open.fields;
    if (today < fields.formedOn) throw field('publishedOn', `发布日期不能早于成文日期（${fields.formedOn}）`);
    const first = item.publishedOn === null;
    let indexNo = item.indexNo;
    if (!indexNo) {
      const agency = await agencyRow(tx, item.agencyId);
      const year = yearOf(today);
      const seq = await nextIndexSeq(tx.kysely, item.agencyId, year);
      indexNo = formatIndexNo(
        { id: Number(agency.id), creditCode: agency.credit_code, indexPattern: agency.index_pattern },
        year,
        seq,
      );
    }
    const body = renderBody(fields.bodyFormat, fields.body);
    const validity = hasValidity(fields.kind) ? (item.validity ?? 'valid') : null;
    const row = await tx.kysely
      .updateTable('catalog_items')
      .set({
        ...fieldColumns(fields, body),
        index_no: indexNo,
        status: 'published',
        published_on: first ? today : item.publishedOn,
        changed_on: first ? null : (fields.changedOn ?? today),
        validity,
        validity_on: validity ? (item.validityOn ?? fields.formedOn) : null,
        published_revision: open.no,
        updated_at: tx.now,
      })
      .where('id', '=', itemId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.kysely
      .updateTable('catalog_revisions')
      .set({ status: 'published', published_at: tx.now, published_by: actor.name, published_by_id: actor.id })
      .where('id', '=', open.id)
      .execute();
    const published = toItem(row);
    await reindexItem(tx, published);
    tx.note({ before: auditOf(item), after: { ...auditOf(published), revision: open.no } });
    return published;
  });
}

/** Give up the open revision; an item never published stays an empty draft in the list until it is reused. */
export async function discardRevision(actor: Actor, ctx: Context, itemId: number): Promise<void> {
  await loadItem(actor, ctx, itemId, 'catalog.edit');
  const intent = { action: 'catalog.discard', objectType: 'catalogItem', objectId: itemId };
  await transaction(ctx, actor, intent, async (tx) => {
    const open = await openRevision(tx.kysely, itemId);
    if (!open) throw errors.invalidState('没有待处理的修改');
    await tx.kysely.updateTable('catalog_revisions').set({ status: 'discarded' }).where('id', '=', open.id).execute();
    await tx.kysely
      .updateTable('catalog_attachments')
      .set({ removed_in: open.no })
      .where('item_id', '=', itemId)
      .where('added_in', '=', open.no)
      .where('removed_in', 'is', null)
      .execute();
    tx.note({ before: auditRevision(open), after: { no: open.no, status: 'discarded' } });
  });
}

/** 废止, 失效, 已修改 (or 有效 again): a dated fact about a published 规章 or 行政规范性文件, shown on its page. */
export async function changeValidity(
  actor: Actor,
  ctx: Context,
  itemId: number,
  input: ValidityInput,
): Promise<CatalogItem> {
  const item = await loadItem(actor, ctx, itemId, 'catalog.publish');
  const v = parseInput(validityInput, input, CATALOG_FIELD_LABELS);
  if (!hasValidity(item.kind))
    throw field('validity', `${KIND_LABELS[item.kind]}没有效力状态，只有规章和行政规范性文件有`);
  if (item.status !== 'published') throw errors.invalidState('只有已发布的文件可以变更效力状态');
  if (v.onDate < item.formedOn) throw field('onDate', `不能早于成文日期（${item.formedOn}）`);
  const intent = { action: 'catalog.validity', objectType: 'catalogItem', objectId: itemId };
  return transaction(ctx, actor, intent, async (tx) => {
    if (v.replacedById !== null) {
      if (v.replacedById === itemId) throw field('replacedById', '不能由自身替代');
      const other = await findItem(tx.kysely, v.replacedById);
      if (!other) throw field('replacedById', `信息（${v.replacedById}）不存在`);
    }
    await tx.kysely
      .insertInto('catalog_validity_changes')
      .values({
        item_id: itemId,
        validity: v.validity,
        on_date: v.onDate,
        replaced_by_id: v.replacedById,
        note: v.note,
        created_at: tx.now,
        created_by: actor.name,
      })
      .execute();
    const row = await tx.kysely
      .updateTable('catalog_items')
      .set({ validity: v.validity, validity_on: v.onDate, replaced_by_id: v.replacedById, updated_at: tx.now })
      .where('id', '=', itemId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changed = toItem(row);
    await reindexItem(tx, changed);
    tx.note({ before: auditOf(item), after: { ...auditOf(changed), validityOn: v.onDate, note: v.note } });
    return changed;
  });
}

/** 撤回: take a published item off the portal (published in error); its 索引号 is never given to another. */
export async function withdrawItem(
  actor: Actor,
  ctx: Context,
  itemId: number,
  input: WithdrawInput,
): Promise<CatalogItem> {
  const item = await loadItem(actor, ctx, itemId, 'catalog.publish');
  const v = parseInput(withdrawInput, input, CATALOG_FIELD_LABELS);
  if (item.status !== 'published') throw errors.invalidState('只有已发布的信息可以撤回');
  const intent = { action: 'catalog.withdraw', objectType: 'catalogItem', objectId: itemId };
  return transaction(ctx, actor, intent, async (tx) => {
    const row = await tx.kysely
      .updateTable('catalog_items')
      .set({ status: 'withdrawn', updated_at: tx.now })
      .where('id', '=', itemId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const withdrawn = toItem(row);
    await reindexItem(tx, withdrawn);
    tx.note({ before: auditOf(item), after: { ...auditOf(withdrawn), reason: v.reason } });
    return withdrawn;
  });
}

/** A file for the item, part of the revision being prepared (public once that revision is published). */
export async function addItemAttachment(
  actor: Actor,
  ctx: Context,
  itemId: number,
  file: IncomingFile,
): Promise<CatalogAttachment> {
  const item = await loadItem(actor, ctx, itemId, 'catalog.edit');
  const [checked] = checkFiles([file], ctx.attachmentLimits ?? DEFAULT_ATTACHMENT_LIMITS);
  if (!checked) throw field('attachment', '请选择文件');
  const intent = { action: 'catalog.attach', objectType: 'catalogItem', objectId: itemId };
  return transaction(ctx, actor, intent, async (tx) => {
    const revision = await workingRevision(tx, actor, item);
    if (revision.status !== 'draft')
      await tx.kysely
        .updateTable('catalog_revisions')
        .set({ status: 'draft', submitted_at: null, secrecy_checked: false, reviewed_at: null, reviewed_by: null })
        .where('id', '=', revision.id)
        .execute();
    const row = await tx.kysely
      .insertInto('catalog_attachments')
      .values({
        item_id: itemId,
        file_name: checked.fileName,
        media_type: checked.mediaType,
        size: checked.size,
        sha256: checked.sha256,
        content: checked.data,
        added_in: revision.no,
        created_at: tx.now,
        created_by: actor.name,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    const attachment: CatalogAttachment = {
      id: Number(row.id),
      itemId,
      fileName: checked.fileName,
      mediaType: checked.mediaType,
      size: checked.size,
      sha256: checked.sha256,
      addedIn: revision.no,
      removedIn: null,
      createdAt: row.created_at,
    };
    const { id, fileName, mediaType, size, sha256 } = attachment;
    tx.note({ after: { attachment: { id, fileName, mediaType, size, sha256 }, revision: revision.no } });
    return attachment;
  });
}

/** Remove a file with the revision being prepared (it stays public until that revision is published). */
export async function removeItemAttachment(
  actor: Actor,
  ctx: Context,
  itemId: number,
  attachmentId: number,
): Promise<void> {
  const item = await loadItem(actor, ctx, itemId, 'catalog.edit');
  const intent = { action: 'catalog.detach', objectType: 'catalogItem', objectId: itemId };
  await transaction(ctx, actor, intent, async (tx) => {
    const file = await tx.kysely
      .selectFrom('catalog_attachments')
      .select(['id', 'file_name', 'removed_in'])
      .where('id', '=', attachmentId)
      .where('item_id', '=', itemId)
      .executeTakeFirst();
    if (!file || file.removed_in !== null) throw errors.notFound('附件', attachmentId);
    const revision = await workingRevision(tx, actor, item);
    await tx.kysely
      .updateTable('catalog_attachments')
      .set({ removed_in: revision.no })
      .where('id', '=', attachmentId)
      .execute();
    tx.note({ after: { removed: { id: attachmentId, fileName: file.file_name }, revision: revision.no } });
  });
}

/** The agency's 索引号 pattern (机构管理员). Numbers already given keep their form. */
export async function setIndexPattern(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  pattern: string | null,
): Promise<void> {
  await authorize(actor, ctx, 'agency.update', agencyId);
  const value = pattern?.trim() || null;
  const problem = value ? indexPatternProblem(value) : null;
  if (problem) throw errors.validation('indexPattern', '索引号规则', problem);
  const intent = { action: 'agency.indexPattern', objectType: 'agency', objectId: agencyId };
  await transaction(ctx, actor, intent, async (tx) => {
    const before = await agencyRow(tx, agencyId);
    await tx.kysely
      .updateTable('agencies')
      .set({ index_pattern: value, updated_at: tx.now })
      .where('id', '=', agencyId)
      .execute();
    tx.note({ before: { indexPattern: before.index_pattern }, after: { indexPattern: value } });
  });
}
