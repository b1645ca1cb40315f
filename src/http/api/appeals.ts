// 行政复议、行政诉讼案件 in the JSON API (staff, session cookie; mounted under /staff/, whose staffOnly() check
// routes.ts applies): the list with its filters, one case, record, correct or record the result, upload and
// download its documents, and table 四 of an agency for a year. The queries and services check the policy: the
// agency's handlers record its cases; its staff and the inspectors above read them, with the applicant's or
// plaintiff's name masked for anyone outside the agency.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { KINDS, RESULTS, ROLES } from '../../appeals/model.ts';
import { caseDocument, getCase, listCases, tableFour } from '../../appeals/queries.ts';
import { APPEAL_FIELD_LABELS, caseInput } from '../../appeals/schema.ts';
import { addCaseDocuments, recordCase, updateCase } from '../../appeals/service.ts';
import { MEDIA_EXTENSIONS, type MediaType } from '../../attachments/detect.ts';
import { beijingDate, yearOf } from '../../calendar/dates.ts';
import { errors } from '../../errors.ts';
import { APPEAL_GROUPS, CASE_COLUMNS } from '../../report/model.ts';
import { contentDisposition } from '../console/application-detail.tsx';
import type { AppEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import type { Operation } from './operation.ts';
import { jsonBody, parse } from './respond.ts';

type C = Context<AppEnv>;

export const STAFF_APPEALS = '/staff/appeals';
/** Uploads carry files: the attachment body limit applies (routes.ts). */
export const APPEAL_API_UPLOAD_PATH = /^\/api\/v1\/staff\/appeals\/\d{1,12}\/documents$/;

const QUERY_LABELS: Record<string, string> = {
  agencyId: '机关序号',
  year: '年度',
  kind: '案件类型',
  result: '审理结果',
  pending: '仅未审结',
  page: '页码',
  id: '案件序号',
  documentId: '文书序号',
  document: '文书',
};

const positive = (what: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,11}$/, '应为正整数')
    .describe(what);
const yearParam = z
  .string()
  .regex(/^\d{4}$/, '应为四位年份')
  .describe('年度（按受理或立案日期）');

export const listQuery = z.object({
  agencyId: positive('机关序号（检查人员可选下级机关），默认全部').optional(),
  year: yearParam.optional(),
  kind: z
    .enum(KINDS, { error: `应为${KINDS.join('、')}之一` })
    .optional()
    .describe('reconsideration 行政复议、litigationDirect 直接起诉、litigationAfterReconsideration 复议后起诉'),
  result: z
    .enum(RESULTS, { error: `应为${RESULTS.join('、')}之一` })
    .optional()
    .describe('pending 尚未审结、upheld 维持、corrected 纠正、other 其他'),
  pending: z.enum(['1', 'true'], { error: '应为 1 或 true' }).optional().describe('只列尚未审结的案件'),
  page: positive('页码，从1开始').optional(),
});
export const tableQuery = z.object({
  agencyId: positive('机关序号，默认本人所在机关').optional(),
  year: yearParam.optional(),
});
export const idParams = z.object({ id: positive('案件序号').transform(Number) });
export const documentParams = z.object({ documentId: positive('文书序号').transform(Number) });
const agencyBody = z.object({
  agencyId: z
    .number({ error: '应为机关序号' })
    .int('应为机关序号')
    .positive('应为机关序号')
    .optional()
    .describe('被申请人或被告机关的序号，默认本人所在机关'),
});
export const createBody = caseInput.and(agencyBody);
export const documentForm = z.object({
  document: z
    .file({ error: '请选择要上传的文件' })
    .describe('一个文件（复议决定书、判决书、裁定书等，PDF、Word、图片）'),
});

const date = z.string().describe('YYYY-MM-DD');
const documentShape = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export const caseShape = z.object({
  id: z.number().int(),
  agencyId: z.number().int(),
  agencyName: z.string(),
  kind: z.enum(KINDS),
  kindLabel: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  counted: z
    .boolean()
    .describe('是否计入本机关年度报告表四（复议机关作为共同被告的不计入，国办公开办函〔2016〕201号）'),
  applicationId: z.number().int().nullable(),
  trackingNo: z.string().nullable().describe('相关申请的查询号'),
  earlierCaseId: z.number().int().nullable(),
  earlierCaseNo: z.string().nullable(),
  bodyName: z.string(),
  caseNo: z.string().nullable(),
  appellantName: z.string().describe('申请人或原告；本机关以外的工作人员看到的是部分隐去的'),
  personalDataMasked: z.boolean(),
  filedOn: date,
  result: z.enum(RESULTS),
  resultLabel: z.string(),
  resultOn: date.nullable(),
  resultNote: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
const detailShape = caseShape.extend({
  documents: z.array(documentShape),
  laterCases: z.array(z.object({ id: z.number().int(), caseNo: z.string().nullable(), kindLabel: z.string() })),
});
const pageShape = z.object({
  rows: z.array(caseShape),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
const resultsShape = z.object(Object.fromEntries(CASE_COLUMNS.map((c) => [c, z.number().int()])));
export const tableShape = z.object({
  agencyId: z.number().int(),
  year: z.number().int(),
  appeals: z.object(Object.fromEntries(APPEAL_GROUPS.map((g) => [g, resultsShape]))),
});

/** A multipart body, or a validation error saying the request is not one. */
async function multipartBody(c: C) {
  if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? ''))
    throw errors.validation('body', '请求体', '应为 multipart/form-data（上传文件）');
  return c.req.parseBody();
}

export const staffAppealRoutes = new Hono<AppEnv>();
const ONE = `${STAFF_APPEALS}/:id{[0-9]+}`;
const idOf = (c: C) => parse(idParams, c.req.param(), QUERY_LABELS).id;
const thisYear = (c: C) => yearOf(beijingDate(c.get('ctx').clock()));

staffAppealRoutes.get(STAFF_APPEALS, async (c) => {
  const q = parse(listQuery, c.req.query(), QUERY_LABELS);
  return c.json(
    await listCases(actorOf(c), c.get('ctx'), {
      agencyId: q.agencyId ? Number(q.agencyId) : null,
      year: q.year ? Number(q.year) : null,
      kind: q.kind ?? null,
      result: q.result ?? null,
      pending: q.pending !== undefined,
      page: q.page ? Number(q.page) : 1,
    }),
  );
});

staffAppealRoutes.get(`${STAFF_APPEALS}/table`, async (c) => {
  const actor = actorOf(c);
  const q = parse(tableQuery, c.req.query(), QUERY_LABELS);
  const agencyId = q.agencyId ? Number(q.agencyId) : (actor.agencyId as number);
  const year = q.year ? Number(q.year) : thisYear(c);
  return c.json({ agencyId, year, appeals: await tableFour(actor, c.get('ctx'), agencyId, year) });
});

staffAppealRoutes.post(STAFF_APPEALS, async (c) => {
  const actor = actorOf(c);
  const body = await jsonBody(c);
  const target = parse(agencyBody, body, APPEAL_FIELD_LABELS).agencyId ?? (actor.agencyId as number);
  const created = await recordCase(actor, c.get('ctx'), target, body as never);
  return c.json(await getCase(actor, c.get('ctx'), created.id), 201);
});

staffAppealRoutes.get(ONE, async (c) => c.json(await getCase(actorOf(c), c.get('ctx'), idOf(c))));

staffAppealRoutes.post(ONE, async (c) => {
  const id = idOf(c);
  await updateCase(actorOf(c), c.get('ctx'), id, (await jsonBody(c)) as never);
  return c.json(await getCase(actorOf(c), c.get('ctx'), id));
});

staffAppealRoutes.post(`${ONE}/documents`, async (c) => {
  const id = idOf(c);
  const form = parse(documentForm, await multipartBody(c), QUERY_LABELS);
  const file = { name: form.document.name, data: new Uint8Array(await form.document.arrayBuffer()) };
  const [document] = await addCaseDocuments(actorOf(c), c.get('ctx'), id, [file]);
  return c.json({ document }, 201);
});

staffAppealRoutes.get(`${STAFF_APPEALS}/documents/:documentId{[0-9]+}`, async (c) => {
  const { documentId } = parse(documentParams, c.req.param(), QUERY_LABELS);
  const { document, content } = await caseDocument(actorOf(c), c.get('ctx'), documentId);
  const ext = MEDIA_EXTENSIONS[document.mediaType as MediaType] ?? 'bin';
  c.header('content-type', document.mediaType);
  c.header('content-disposition', contentDisposition(document.fileName, `appeal-document-${document.id}.${ext}`));
  c.header('x-content-type-options', 'nosniff');
  c.header('content-security-policy', 'sandbox');
  c.header('cache-control', 'private, no-store');
  return c.body(content as Uint8Array<ArrayBuffer>);
});

const TAG = '复议诉讼（工作人员）' as const;
const RULES =
  '已审结的须填写结果日期（不早于受理或立案日期），尚未审结的不填；复议机关作为共同被告（role=reviewBodyCoDefendant）' +
  '只用于复议后起诉的案件，登记但不计入本机关年度报告表四（国办公开办函〔2016〕201号）；earlierCaseId 只用于复议后起诉，' +
  '须为本机关的行政复议案件；trackingNo 为本机关申请的查询号。';

export const appealOperations: Operation[] = [
  {
    method: 'get',
    path: STAFF_APPEALS,
    summary: '本机关（检查人员：本机关及下级机关）的行政复议、行政诉讼案件，按受理或立案日期从新到旧',
    tag: TAG,
    staff: true,
    labels: QUERY_LABELS,
    query: listQuery,
    response: pageShape,
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: `${STAFF_APPEALS}/table`,
    summary: '年度报告表四（政府信息公开行政复议、行政诉讼情况）：按受理或立案年度计数，结果以当年12月31日为准',
    description:
      '当年受理或立案、到12月31日尚未作出结果（或结果在次年作出）的，计入“尚未审结”；复议机关作为共同被告的诉讼不计入。',
    tag: TAG,
    staff: true,
    labels: QUERY_LABELS,
    query: tableQuery,
    response: tableShape,
    errors: [400, 401, 403],
  },
  {
    method: 'post',
    path: STAFF_APPEALS,
    summary: '登记一件行政复议或行政诉讼案件（限被申请人或被告机关的办理人员）',
    description: RULES,
    tag: TAG,
    staff: true,
    labels: APPEAL_FIELD_LABELS,
    json: createBody,
    response: detailShape,
    status: 201,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: `${STAFF_APPEALS}/{id}`,
    summary: '一件案件及其文书；本机关以外的工作人员看到的申请人或原告姓名部分隐去',
    tag: TAG,
    staff: true,
    labels: QUERY_LABELS,
    params: idParams,
    response: detailShape,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'post',
    path: `${STAFF_APPEALS}/{id}`,
    summary: '修改案件或登记审理结果（提交完整的案件信息）',
    description: RULES,
    tag: TAG,
    staff: true,
    labels: APPEAL_FIELD_LABELS,
    params: idParams,
    json: caseInput,
    response: detailShape,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'post',
    path: `${STAFF_APPEALS}/{id}/documents`,
    summary: '上传案件文书（复议决定书、判决书、裁定书等），文件类型按内容识别',
    tag: TAG,
    staff: true,
    labels: QUERY_LABELS,
    params: idParams,
    multipart: documentForm,
    response: z.object({ document: documentShape }),
    status: 201,
    errors: [400, 401, 403, 404, 413],
  },
  {
    method: 'get',
    path: `${STAFF_APPEALS}/documents/{documentId}`,
    summary: '下载案件文书',
    tag: TAG,
    staff: true,
    labels: QUERY_LABELS,
    params: documentParams,
    response: z.string().describe('文件内容'),
    produces: 'application/octet-stream',
    errors: [400, 401, 403, 404],
  },
];
