// 主动公开 for staff (session cookie; X-CSRF-Token on POST): the agency's catalogue items and the workflow — create,
// save, 送审, 审查 (with the 保密审查), 发布, 放弃修改, 变更效力, 撤回, attachments — and the 第二十六条 list. Thin
// wrappers: the catalogue's services check the policy (catalog.view/edit/approve/publish on the item's agency)
// and write with their audit entry. Presenters below are allow-lists: no file bytes, no user ids.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../../agencies/authorize.ts';
import {
  type CatalogAttachment,
  type CatalogItem,
  ITEM_STATUS_LABELS,
  KIND_LABELS,
  KINDS,
  REVISION_STATUS_LABELS,
  type Revision,
  VALIDITY_LABELS,
} from '../../catalog/model.ts';
import { itemForStaff, latePublications, listForStaff, type StaffFilters } from '../../catalog/queries.ts';
// The services parse the bodies with these schemas (naming the failing field); the casts only say which shape.
import {
  CATALOG_FIELD_LABELS,
  type ItemInput,
  itemInput,
  publishInput,
  type ReviewInput,
  reviewInput,
  type ValidityInput,
  validityInput,
  type WithdrawInput,
  withdrawInput,
} from '../../catalog/schema.ts';
import {
  addItemAttachment,
  changeValidity,
  createItem,
  discardRevision,
  publishItem,
  reviewItem,
  saveItem,
  submitForReview,
  withdrawItem,
} from '../../catalog/service.ts';
import { errors } from '../../errors.ts';
import { PERSONAL_DATA_KINDS } from '../../privacy/detect.ts';
import type { ReviewedHit } from '../../privacy/review.ts';
import { HIT_LABELS } from '../../privacy/scan.ts';
import { acknowledgeCatalogHit, reviewCatalogItem } from '../../privacy/service.ts';
import type { AppEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import type { Operation } from './operation.ts';
import { jsonBody, parse } from './respond.ts';

type C = Context<AppEnv>;

export const STAFF_CATALOG_BASE = '/staff/catalog';
const ITEMS = `${STAFF_CATALOG_BASE}/items`;
/** Where an item's file is posted: the API's body limit lets a file through there (routes.ts). */
export const CATALOG_API_UPLOAD_PATH = /^\/api\/v1\/staff\/catalog\/items\/\d{1,12}\/attachments$/;

const LABELS: Record<string, string> = {
  ...CATALOG_FIELD_LABELS,
  id: '信息编号',
  agency: '机关',
  status: '状态',
  q: '标题包含',
  page: '页码',
  year: '年度',
  approve: '审查结论',
  attachment: '附件',
};

const STAGES = ['draft', 'reviewing', 'approved', 'published', 'withdrawn'] as const;
const positive = (what: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,11}$/, `应为${what}`)
    .transform(Number);

export const idParams = z.object({ id: positive('信息编号').describe('信息编号') });
export const listQuery = z.object({
  agency: positive('机关编号').optional().describe('机关编号，默认本机关（督查员可查看下级机关）'),
  status: z
    .enum(STAGES, { error: `应为${STAGES.join('、')}之一` })
    .optional()
    .describe('draft 草稿、reviewing 待审查、approved 已审查待发布、published 已发布、withdrawn 已撤回'),
  kind: z
    .enum(KINDS, { error: `应为${KINDS.join('、')}之一` })
    .optional()
    .describe('信息类别'),
  q: z.string().max(100, '不得超过100个字符').optional().describe('标题包含的文字'),
  page: positive('页码').optional().describe('页码，从1开始'),
});
export const lateQuery = z.object({
  agency: positive('机关编号').optional().describe('机关编号，默认本机关'),
  year: z
    .string()
    .regex(/^\d{4}$/, '应为四位年份')
    .transform(Number)
    .describe('年度'),
});
export const createBody = z.intersection(
  itemInput,
  z.object({ agencyId: z.number().int().positive().optional().describe('机关编号，默认本机关') }),
);
export const attachmentForm = z.object({
  attachment: z.file({ error: '请选择要上传的文件' }).describe('一个文件（PDF、Word、图片等）'),
});

// ---- presenters and their shapes ----

const text = z.string();
const maybe = z.string().nullable();
const int = z.number().int();

export const itemShape = z
  .object({
    id: int,
    agencyId: int,
    indexNo: maybe.describe('索引号（首次发布时生成）'),
    status: text.describe('draft 未发布、published 已发布、withdrawn 已撤回'),
    statusLabel: text,
    kind: text,
    kindLabel: text,
    title: text,
    docNo: maybe,
    issuer: text,
    formedOn: text,
    publishedOn: maybe,
    changedOn: maybe,
    topic: maybe,
    article20: maybe,
    standardArea: maybe,
    disclosureMode: text,
    withheldReason: maybe,
    bodyFormat: text,
    body: text,
    validity: maybe,
    validityLabel: maybe,
    validityOn: maybe,
    replacedById: int.nullable(),
    interpretsId: int.nullable(),
    publishedRevision: int.nullable(),
    updatedAt: text,
  })
  .describe('主动公开的信息（已发布的内容；未发布的为草稿内容）');

export const revisionShape = z
  .object({
    id: int,
    itemId: int,
    no: int.describe('第几稿'),
    status: text.describe('draft 草稿、reviewing 待审查、approved 已审查待发布、published 已发布、discarded 已放弃'),
    statusLabel: text,
    fields: z.record(z.string(), z.unknown()).describe('本稿的各项内容'),
    note: maybe,
    createdAt: text,
    createdBy: text,
    submittedAt: maybe,
    secrecyChecked: z.boolean().describe('已进行保密审查'),
    reviewedAt: maybe,
    reviewedBy: maybe,
    reviewComment: maybe,
    publishedAt: maybe,
    publishedBy: maybe,
  })
  .describe('一次修改（修改稿）');

export const attachmentShape = z.object({
  id: int,
  itemId: int,
  fileName: text,
  mediaType: text,
  size: int,
  sha256: text,
  addedIn: int.describe('加入的修改稿'),
  removedIn: int.nullable().describe('删除的修改稿'),
  createdAt: text,
});

export function presentItem(i: CatalogItem) {
  return {
    id: i.id,
    agencyId: i.agencyId,
    indexNo: i.indexNo,
    status: i.status,
    statusLabel: ITEM_STATUS_LABELS[i.status],
    kind: i.kind,
    kindLabel: KIND_LABELS[i.kind],
    title: i.title,
    docNo: i.docNo,
    issuer: i.issuer,
    formedOn: i.formedOn,
    publishedOn: i.publishedOn,
    changedOn: i.changedOn,
    topic: i.topic,
    article20: i.article20,
    standardArea: i.standardArea,
    disclosureMode: i.disclosureMode,
    withheldReason: i.withheldReason,
    bodyFormat: i.bodyFormat,
    body: i.body,
    validity: i.validity,
    validityLabel: i.validity ? VALIDITY_LABELS[i.validity] : null,
    validityOn: i.validityOn,
    replacedById: i.replacedById,
    interpretsId: i.interpretsId,
    publishedRevision: i.publishedRevision,
    updatedAt: i.updatedAt,
  };
}

export function presentRevision(r: Revision) {
  return {
    id: r.id,
    itemId: r.itemId,
    no: r.no,
    status: r.status,
    statusLabel: REVISION_STATUS_LABELS[r.status],
    fields: { ...r.fields },
    note: r.note,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    submittedAt: r.submittedAt,
    secrecyChecked: r.secrecyChecked,
    reviewedAt: r.reviewedAt,
    reviewedBy: r.reviewedBy,
    reviewComment: r.reviewComment,
    publishedAt: r.publishedAt,
    publishedBy: r.publishedBy,
  };
}

const presentAttachment = (a: CatalogAttachment) => ({ ...a });

const listRow = z.object({ item: itemShape, openStatus: maybe.describe('待处理修改的状态') });
const detailShape = z.object({
  item: itemShape,
  open: revisionShape.nullable(),
  revisions: z.array(revisionShape),
  attachments: z.array(attachmentShape).describe('已公开的附件'),
  workingAttachments: z.array(attachmentShape).describe('修改稿的附件'),
  interpretations: z.array(itemShape),
  validityChanges: z.array(
    z.object({
      id: int,
      validity: text,
      onDate: text,
      replacedById: int.nullable(),
      note: maybe,
      createdAt: text,
      createdBy: text,
    }),
  ),
});
const lateShape = z.object({
  item: itemShape,
  revisionNo: int,
  from: text.describe('成文日期或变更日期'),
  publishedOn: text,
  workingDays: int.describe('用时（工作日）'),
});

// ---- routes ----

/** The agency asked for, else the actor's own (the policy refuses an actor without one). */
async function agencyOf(c: C, asked: number | undefined): Promise<number> {
  const actor = actorOf(c);
  if (asked !== undefined) return asked;
  if (actor.agencyId === null) await authorize(actor, c.get('ctx'), 'catalog.view', null);
  return actor.agencyId as number;
}

/** A multipart body, or a validation error saying the request is not one. */
async function multipartBody(c: C) {
  if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? ''))
    throw errors.validation('body', '请求体', '应为 multipart/form-data（上传文件）');
  return c.req.parseBody();
}

const idOf = (c: C) => parse(idParams, c.req.param(), LABELS).id;

export const staffCatalogRoutes = new Hono<AppEnv>();

staffCatalogRoutes.get(ITEMS, async (c) => {
  const q = parse(listQuery, c.req.query(), LABELS);
  const filters: StaffFilters = { page: q.page ?? 1 };
  if (q.status) filters.status = q.status;
  if (q.kind) filters.kind = q.kind;
  if (q.q) filters.q = q.q;
  const page = await listForStaff(actorOf(c), c.get('ctx'), await agencyOf(c, q.agency), filters);
  return c.json({
    items: page.rows.map((r) => ({ item: presentItem(r.item), openStatus: r.openStatus })),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
  });
});

staffCatalogRoutes.get(`${STAFF_CATALOG_BASE}/late`, async (c) => {
  const q = parse(lateQuery, c.req.query(), LABELS);
  const late = await latePublications(actorOf(c), c.get('ctx'), await agencyOf(c, q.agency), q.year);
  return c.json({ late: late.map((l) => ({ ...l, item: presentItem(l.item) })) });
});

staffCatalogRoutes.get(`${ITEMS}/:id{[0-9]+}`, async (c) => {
  const s = await itemForStaff(actorOf(c), c.get('ctx'), idOf(c));
  return c.json({
    item: presentItem(s.item),
    open: s.open ? presentRevision(s.open) : null,
    revisions: s.revisions.map(presentRevision),
    attachments: s.attachments.map(presentAttachment),
    workingAttachments: s.workingAttachments.map(presentAttachment),
    interpretations: s.interpretations.map(presentItem),
    validityChanges: s.validityChanges.map(({ itemId: _i, ...v }) => v),
  });
});

staffCatalogRoutes.post(ITEMS, async (c) => {
  const body = await jsonBody(c);
  const { agencyId, ...input } = body as { agencyId?: unknown };
  if (agencyId !== undefined && !(typeof agencyId === 'number' && Number.isSafeInteger(agencyId) && agencyId > 0))
    throw errors.validation('agencyId', '机关编号', '应为正整数');
  const target = await agencyOf(c, agencyId as number | undefined);
  const { item, revision } = await createItem(actorOf(c), c.get('ctx'), target, input as ItemInput);
  return c.json({ item: presentItem(item), revision: presentRevision(revision) }, 201);
});

staffCatalogRoutes.post(`${ITEMS}/:id{[0-9]+}`, async (c) => {
  const revision = await saveItem(actorOf(c), c.get('ctx'), idOf(c), (await jsonBody(c)) as ItemInput);
  return c.json({ revision: presentRevision(revision) });
});

staffCatalogRoutes.post(`${ITEMS}/:id{[0-9]+}/submit`, async (c) => {
  const revision = await submitForReview(actorOf(c), c.get('ctx'), idOf(c));
  return c.json({ revision: presentRevision(revision) });
});

staffCatalogRoutes.post(`${ITEMS}/:id{[0-9]+}/review`, async (c) => {
  const id = idOf(c);
  const revision = await reviewItem(actorOf(c), c.get('ctx'), id, (await jsonBody(c)) as ReviewInput);
  return c.json({ revision: presentRevision(revision) });
});

staffCatalogRoutes.post(`${ITEMS}/:id{[0-9]+}/publish`, async (c) => {
  const id = idOf(c);
  const body = c.req.header('content-type') ? await jsonBody(c) : {};
  const item = await publishItem(actorOf(c), c.get('ctx'), id, body);
  return c.json({ item: presentItem(item) });
});

staffCatalogRoutes.post(`${ITEMS}/:id{[0-9]+}/discard`, async (c) => {
  await discardRevision(actorOf(c), c.get('ctx'), idOf(c));
  return c.json({ discarded: true });
});

staffCatalogRoutes.post(`${ITEMS}/:id{[0-9]+}/validity`, async (c) => {
  const id = idOf(c);
  const item = await changeValidity(actorOf(c), c.get('ctx'), id, (await jsonBody(c)) as ValidityInput);
  return c.json({ item: presentItem(item) });
});

staffCatalogRoutes.post(`${ITEMS}/:id{[0-9]+}/withdraw`, async (c) => {
  const id = idOf(c);
  const item = await withdrawItem(actorOf(c), c.get('ctx'), id, (await jsonBody(c)) as WithdrawInput);
  return c.json({ item: presentItem(item) });
});

staffCatalogRoutes.post(`${ITEMS}/:id{[0-9]+}/attachments`, async (c) => {
  const id = idOf(c);
  const form = parse(attachmentForm, await multipartBody(c), LABELS);
  const file = { name: form.attachment.name, data: new Uint8Array(await form.attachment.arrayBuffer()) };
  const stored = await addItemAttachment(actorOf(c), c.get('ctx'), id, file);
  return c.json({ attachment: presentAttachment(stored) }, 201);
});

// ---- the personal-data guard: what the open revision would publish, and the reasons hits may stand ----

const acknowledgementShape = z.object({ reason: text, createdBy: text, createdAt: text });
const hitShape = z.object({
  fingerprint: text.describe('该处个人信息的标识（不含个人信息本身），说明理由时引用'),
  kind: z.enum([...PERSONAL_DATA_KINDS, 'unreadable']).describe('unreadable：无法自动读取文字、需人工核对的附件'),
  kindLabel: text,
  masked: text.describe('遮盖后的内容'),
  places: z.array(text).describe('所在位置：标题、正文、附件及页码'),
  acknowledgement: acknowledgementShape.nullable(),
});
export const privacyShape = z.object({
  hits: z.array(hitShape),
});
const acknowledgeBody = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, '应为检查结果中的标识'),
  reason: z.string().describe('可以公开的理由，必填，如“系本机关公开的办公电话”“当事人同意公开”'),
});

export const presentHit = (h: ReviewedHit) => ({
  fingerprint: h.fingerprint,
  kind: h.kind,
  kindLabel: HIT_LABELS[h.kind],
  masked: h.masked,
  places: h.places,
  acknowledgement: h.acknowledgement
    ? {
        reason: h.acknowledgement.reason,
        createdBy: h.acknowledgement.createdBy,
        createdAt: h.acknowledgement.createdAt,
      }
    : null,
});

staffCatalogRoutes.get(`${ITEMS}/:id{[0-9]+}/personal-data`, async (c) => {
  const review = await reviewCatalogItem(actorOf(c), c.get('ctx'), idOf(c));
  return c.json({ hits: review.hits.map(presentHit) });
});

staffCatalogRoutes.post(`${ITEMS}/:id{[0-9]+}/personal-data`, async (c) => {
  const id = idOf(c);
  const body = parse(acknowledgeBody, await jsonBody(c), { fingerprint: '标识', reason: '说明可以公开的理由' });
  await acknowledgeCatalogHit(actorOf(c), c.get('ctx'), id, body);
  const review = await reviewCatalogItem(actorOf(c), c.get('ctx'), id);
  return c.json({ hits: review.hits.map(presentHit) });
});

// ---- the OpenAPI description ----

const TAG = '主动公开（工作人员）' as const;
const item = (extra: Partial<Operation>): Operation => ({
  method: 'post',
  path: `${ITEMS}/{id}`,
  summary: '',
  tag: TAG,
  staff: true,
  labels: LABELS,
  params: idParams,
  response: z.object({ item: itemShape }),
  errors: [400, 401, 403, 404, 409],
  ...extra,
});

export const staffCatalogOperations: Operation[] = [
  {
    method: 'get',
    path: ITEMS,
    summary: '本机关的主动公开信息（可按状态、类别、标题筛选，每页50条）',
    tag: TAG,
    staff: true,
    labels: LABELS,
    query: listQuery,
    response: z.object({ items: z.array(listRow), total: int, page: int, pageSize: int }),
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: `${STAFF_CATALOG_BASE}/late`,
    summary: '逾期发布的信息：发布时距形成或变更之日已超过20个工作日（《条例》第二十六条）',
    tag: TAG,
    staff: true,
    labels: LABELS,
    query: lateQuery,
    response: z.object({ late: z.array(lateShape) }),
    errors: [400, 401, 403],
  },
  item({
    method: 'get',
    summary: '一条信息：已发布的内容、待处理的修改、修改记录、附件、效力变更、政策解读',
    response: detailShape,
    errors: [400, 401, 403, 404],
  }),
  {
    method: 'post',
    path: ITEMS,
    summary: '新建信息（草稿，第1稿）',
    description: '不予公开须写明理由；政策解读须填写所解读政策的信息编号（interpretsId）。',
    tag: TAG,
    staff: true,
    labels: LABELS,
    json: createBody,
    response: z.object({ item: itemShape, revision: revisionShape }),
    status: 201,
    errors: [400, 401, 403],
  },
  item({
    summary: '保存修改稿（已发布的信息形成新的修改稿；送审或已审查的修改稿退回草稿）',
    json: itemInput,
    response: z.object({ revision: revisionShape }),
  }),
  item({
    path: `${ITEMS}/{id}/submit`,
    summary: '送审：草稿交审核人审查',
    response: z.object({ revision: revisionShape }),
  }),
  item({
    path: `${ITEMS}/{id}/review`,
    summary: '审查：通过（须确认已进行保密审查）或退回（须写明审查意见）；不能审查自己起草的修改',
    json: reviewInput,
    response: z.object({ revision: revisionShape }),
  }),
  item({
    path: `${ITEMS}/{id}/publish`,
    summary: '发布经审查通过的修改稿（先审查、后公开）；首次发布生成索引号',
    description: '待发布的标题、正文和附件中有未处理的个人信息时拒绝发布（409，personalData）。',
    json: publishInput,
  }),
  item({
    method: 'get',
    path: `${ITEMS}/{id}/personal-data`,
    summary: '个人信息检查：待处理的修改稿（标题、正文、附件）中的身份证号码、手机号码、银行卡号、电子邮箱、住址',
    response: privacyShape,
    errors: [400, 401, 403, 404],
  }),
  item({
    path: `${ITEMS}/{id}/personal-data`,
    summary: '说明一处个人信息可以公开的理由（全部处理后方可发布）',
    json: acknowledgeBody,
    response: privacyShape,
  }),
  item({
    path: `${ITEMS}/{id}/discard`,
    summary: '放弃待处理的修改稿（已发布的内容不变）',
    response: z.object({ discarded: z.literal(true) }),
  }),
  item({
    path: `${ITEMS}/{id}/validity`,
    summary: '变更已发布的规章、行政规范性文件的效力状态（有效、已修改、废止、失效）',
    json: validityInput,
  }),
  item({
    path: `${ITEMS}/{id}/withdraw`,
    summary: '撤回已发布的信息（索引号不再使用）',
    json: withdrawInput,
  }),
  item({
    path: `${ITEMS}/{id}/attachments`,
    summary: '上传附件，随修改稿发布后公开',
    multipart: attachmentForm,
    response: z.object({ attachment: attachmentShape }),
    status: 201,
    errors: [400, 401, 403, 404, 409, 413],
  }),
];
