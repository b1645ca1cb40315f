// 公众留言 in the JSON API. Public, no login: send a message (the portal form's validation: the service parses
// submitInput), look one up with its 留言编号 and 查询码 (in the body, never in a URL; the lookup counts in the app's
// one budget of code tries), and read the public answers. Staff (session cookie; mounted under /staff/, whose
// staffOnly() check routes.ts applies): the list with its filters, one message, answer, close, the year's summary.
// The queries and services check the policy: own agency, inspectors their subtree with personal data masked.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { beijingDate, yearOf } from '../../calendar/dates.ts';
import { ANSWER_MODES, CLOSE_REASONS, KINDS, STATUSES } from '../../feedback/model.ts';
import {
  getFeedback,
  listFeedback,
  listPublicAnswers,
  STATES,
  statusForSender,
  yearSummaryForStaff,
} from '../../feedback/queries.ts';
import { answerInput, closeInput, deadlineInput, FEEDBACK_FIELD_LABELS, submitInput } from '../../feedback/schema.ts';
import { answerFeedback, closeFeedback, setFeedbackDeadline, submitFeedback } from '../../feedback/service.ts';
import { acknowledgeFeedbackHit, reviewFeedbackAnswer } from '../../privacy/service.ts';
import type { AppEnv } from '../env.ts';
import { lookupLimit } from '../portal/apply.tsx';
import { FEEDBACK_SUBMIT_LIMIT } from '../portal/feedback.tsx';
import { type RateLimit, rateLimit } from '../rate-limit.ts';
import { actorOf } from './auth.ts';
import type { Operation } from './operation.ts';
import { hit, jsonBody, limited, parse } from './respond.ts';
import { presentHit, privacyShape } from './staff-catalog.ts';

type C = Context<AppEnv>;

export const STAFF_FEEDBACK = '/staff/feedback';

const LOOKUP_LABELS: Record<string, string> = { messageNo: '留言编号', queryCode: '查询码' };
const QUERY_LABELS: Record<string, string> = { state: '状态', page: '页码', year: '年度', id: '留言序号' };

export const statusBody = z.object({
  messageNo: z.string().trim().min(1, '不能为空').max(40, '不得超过40个字符'),
  queryCode: z.string().trim().min(1, '不能为空').max(40, '不得超过40个字符'),
});
const pageParam = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, '应为正整数')
  .optional()
  .describe('页码，从1开始');
export const publicQuery = z.object({ page: pageParam });
export const listQuery = z.object({
  state: z
    .enum(STATES, { error: `应为${STATES.join('、')}之一` })
    .optional()
    .describe('open 待答复（默认）、overdue 已超期未答复、answered 已答复、closed 已关闭、all 全部'),
  page: pageParam,
});
export const summaryQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, '应为四位年份')
    .optional()
    .describe('年度，默认今年'),
});
export const deadlineBody = deadlineInput.extend({
  agencyId: z.number().int().positive().optional().describe('机关序号，默认本人所在机关'),
});
export const idParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,11}$/, '应为正整数')
    .describe('留言序号')
    .transform(Number),
});

const date = z.string().describe('YYYY-MM-DD');
const nullableDate = date.nullable();

export const receivedShape = z.object({
  messageNo: z.string(),
  queryCode: z.string().describe('只返回这一次，系统只保存其摘要'),
  agencyName: z.string(),
  dueOn: nullableDate,
});
export const senderStatusShape = z.object({
  messageNo: z.string(),
  agencyName: z.string(),
  kindLabel: z.string(),
  subject: z.string(),
  content: z.string(),
  receivedOn: date,
  dueOn: nullableDate,
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  answer: z.string().nullable(),
  answerMode: z.enum(ANSWER_MODES).nullable(),
  handledOn: nullableDate,
  closeReasonLabel: z.string().nullable(),
  closeNote: z.string().nullable(),
});
const publicAnswerShape = z.object({
  messageNo: z.string(),
  agencyName: z.string(),
  kindLabel: z.string(),
  subject: z.string(),
  content: z.string(),
  receivedOn: date,
  answer: z.string(),
  answeredOn: date,
  itemId: z.number().int().nullable(),
});
const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const staffViewShape = z.object({
  id: z.number().int(),
  agencyId: z.number().int(),
  agencyName: z.string(),
  messageNo: z.string(),
  itemId: z.number().int().nullable(),
  itemTitle: z.string().nullable(),
  kind: z.enum(KINDS),
  kindLabel: z.string(),
  subject: z.string(),
  content: z.string(),
  name: z.string().nullable().describe('留言人姓名；受理机关以外的工作人员看到的是部分隐去的'),
  contact: z.string().nullable().describe('联系方式；受理机关以外的工作人员看到的是部分隐去的'),
  personalDataMasked: z.boolean(),
  publishConsent: z.boolean(),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  receivedAt: z.string(),
  receivedOn: date,
  deadlineDays: z.number().int(),
  dueOn: nullableDate,
  overdue: z.boolean(),
  late: z.boolean(),
  daysTaken: z.number().int().nullable(),
  answer: z.string().nullable(),
  answerMode: z.enum(ANSWER_MODES).nullable(),
  answerModeLabel: z.string().nullable(),
  publicSubject: z.string().nullable(),
  publicContent: z.string().nullable(),
  closeReason: z.enum(CLOSE_REASONS).nullable(),
  closeReasonLabel: z.string().nullable(),
  closeNote: z.string().nullable(),
  handledAt: z.string().nullable(),
  handledOn: nullableDate,
  handledBy: z.string().nullable(),
});
const summaryShape = z.array(
  z.object({
    agencyId: z.number().int(),
    agencyName: z.string(),
    received: z.number().int(),
    answered: z.number().int(),
    publicAnswers: z.number().int(),
    closed: z.number().int(),
    open: z.number().int(),
    averageWorkingDays: z.number().nullable(),
    overdue: z.number().int(),
  }),
);

/** Public routes with their own count of submissions; `lookups` is the app's one budget of code tries. */
export function publicFeedbackRoutes(lookups: RateLimit = lookupLimit()) {
  const submits = rateLimit(FEEDBACK_SUBMIT_LIMIT.max, FEEDBACK_SUBMIT_LIMIT.windowMs);
  const routes = new Hono<AppEnv>();

  routes.get('/feedback', async (c) => {
    const q = parse(publicQuery, c.req.query(), QUERY_LABELS);
    return c.json(await listPublicAnswers(c.get('ctx'), { page: q.page ? Number(q.page) : 1 }));
  });

  routes.post('/feedback', async (c) => {
    const tooMany = limited(c, submits, '提交留言');
    if (tooMany) return tooMany;
    const input = parse(submitInput, await jsonBody(c), FEEDBACK_FIELD_LABELS);
    const received = await submitFeedback(c.get('ctx'), input, c.get('clientAddress'));
    hit(c, submits);
    return c.json(received, 201);
  });

  routes.post('/feedback/status', async (c) => {
    const tooMany = limited(c, lookups, '查询');
    if (tooMany) return tooMany;
    hit(c, lookups);
    const { messageNo, queryCode } = parse(statusBody, await jsonBody(c), LOOKUP_LABELS);
    return c.json(await statusForSender(c.get('ctx'), messageNo, queryCode, c.get('clientAddress')));
  });

  return routes;
}

export const staffFeedbackRoutes = new Hono<AppEnv>();
const ONE = `${STAFF_FEEDBACK}/:id{[0-9]+}`;
const idOf = (c: C) => parse(idParams, c.req.param(), QUERY_LABELS).id;

staffFeedbackRoutes.get(STAFF_FEEDBACK, async (c) => {
  const q = parse(listQuery, c.req.query(), QUERY_LABELS);
  return c.json(
    await listFeedback(actorOf(c), c.get('ctx'), { state: q.state ?? 'open', page: q.page ? Number(q.page) : 1 }),
  );
});

staffFeedbackRoutes.get(`${STAFF_FEEDBACK}/summary`, async (c) => {
  const q = parse(summaryQuery, c.req.query(), QUERY_LABELS);
  const year = q.year ? Number(q.year) : yearOf(beijingDate(c.get('ctx').clock()));
  return c.json(await yearSummaryForStaff(actorOf(c), c.get('ctx'), year));
});

staffFeedbackRoutes.post(`${STAFF_FEEDBACK}/deadline`, async (c) => {
  const actor = actorOf(c);
  const input = parse(deadlineBody, await jsonBody(c), FEEDBACK_FIELD_LABELS);
  const agencyId = input.agencyId ?? (actor.agencyId as number);
  const deadlineDays = await setFeedbackDeadline(actor, c.get('ctx'), agencyId, input);
  return c.json({ agencyId, deadlineDays });
});

staffFeedbackRoutes.get(ONE, async (c) => c.json(await getFeedback(actorOf(c), c.get('ctx'), idOf(c))));

staffFeedbackRoutes.post(`${ONE}/answer`, async (c) => {
  const id = idOf(c);
  const input = parse(answerInput, await jsonBody(c), FEEDBACK_FIELD_LABELS);
  await answerFeedback(actorOf(c), c.get('ctx'), id, input);
  return c.json(await getFeedback(actorOf(c), c.get('ctx'), id));
});

// The personal-data guard: the hits of a proposed public answer, and the reasons given for them (then answer).
const personalDataBody = answerInput.extend({
  acknowledgements: z
    .array(
      z.object({
        fingerprint: z.string().regex(/^[0-9a-f]{64}$/, '应为检查结果中的标识'),
        reason: z.string(),
      }),
    )
    .default([])
    .describe('逐项说明可以公开的理由：fingerprint 取自检查结果，reason 必填'),
});

staffFeedbackRoutes.post(`${ONE}/personal-data`, async (c) => {
  const id = idOf(c);
  const { acknowledgements, ...answer } = parse(personalDataBody, await jsonBody(c), FEEDBACK_FIELD_LABELS);
  for (const a of acknowledgements) await acknowledgeFeedbackHit(actorOf(c), c.get('ctx'), id, answer, a);
  const hits = await reviewFeedbackAnswer(actorOf(c), c.get('ctx'), id, answer);
  return c.json({ hits: hits.map(presentHit) });
});

staffFeedbackRoutes.post(`${ONE}/close`, async (c) => {
  const id = idOf(c);
  const input = parse(closeInput, await jsonBody(c), FEEDBACK_FIELD_LABELS);
  await closeFeedback(actorOf(c), c.get('ctx'), id, input);
  return c.json(await getFeedback(actorOf(c), c.get('ctx'), id));
});

const PUBLIC = '公众留言（公众）' as const;
const STAFF = '公众留言（工作人员）' as const;

export const feedbackOperations: Operation[] = [
  {
    method: 'get',
    path: '/feedback',
    summary: '已公开答复的留言（不含留言人姓名和联系方式），最新答复在前',
    tag: PUBLIC,
    staff: false,
    labels: QUERY_LABELS,
    query: publicQuery,
    response: pageOf(publicAnswerShape),
    errors: [400],
  },
  {
    method: 'post',
    path: '/feedback',
    summary: '提交咨询、意见建议或纠错留言；留言编号和查询码只在此次返回',
    description:
      '须选择受理机关（agencyId），或给出所针对的已公开信息（itemId，此时转给发布该信息的机关）。' +
      '填写联系方式（手机号码、固定电话或电子邮箱）的须同时填写姓名或称呼。publishConsent 为 true 的，机关可以公开答复' +
      '（不公开姓名和联系方式）。答复期限按工作日计算（默认5个工作日）。每个网络地址每小时最多提交5次。',
    tag: PUBLIC,
    staff: false,
    labels: FEEDBACK_FIELD_LABELS,
    json: submitInput,
    response: receivedShape,
    status: 201,
    errors: [400, 413, 429],
  },
  {
    method: 'post',
    path: '/feedback/status',
    summary: '凭留言编号和查询码查看留言的答复（放在请求体中，不放在网址中）',
    description: '与依申请公开的进度查询共用每个网络地址的查询次数（10分钟内10次）。',
    tag: PUBLIC,
    staff: false,
    labels: LOOKUP_LABELS,
    json: statusBody,
    response: senderStatusShape,
    errors: [400, 404, 429],
  },
  {
    method: 'get',
    path: STAFF_FEEDBACK,
    summary: '本机关（检查人员：本机关及下级机关）收到的留言，按状态筛选',
    tag: STAFF,
    staff: true,
    labels: QUERY_LABELS,
    query: listQuery,
    response: pageOf(staffViewShape),
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: `${STAFF_FEEDBACK}/summary`,
    summary: '年度留言办理情况（各机关收到、答复、平均用时、超期件数），供年度报告使用',
    tag: STAFF,
    staff: true,
    labels: QUERY_LABELS,
    query: summaryQuery,
    response: summaryShape,
    errors: [400, 401, 403],
  },
  {
    method: 'post',
    path: `${STAFF_FEEDBACK}/deadline`,
    summary: '设置本机关答复留言的期限（工作日，1至60，默认5），适用于此后收到的留言；限本机关管理员',
    tag: STAFF,
    staff: true,
    labels: FEEDBACK_FIELD_LABELS,
    json: deadlineBody,
    response: z.object({ agencyId: z.number().int(), deadlineDays: z.number().int() }),
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: `${STAFF_FEEDBACK}/{id}`,
    summary: '一条留言；受理机关以外的工作人员看到的姓名和联系方式部分隐去',
    tag: STAFF,
    staff: true,
    labels: QUERY_LABELS,
    params: idParams,
    response: staffViewShape,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'post',
    path: `${STAFF_FEEDBACK}/{id}/answer`,
    summary: '答复留言：公开答复（须留言人同意）或私下答复（留有电子邮箱的同时发送邮件）',
    description:
      '公开答复时可用 publicSubject、publicContent 改写网站上显示的留言，默认隐去其中的电话号码、邮箱和证件号码。',
    tag: STAFF,
    staff: true,
    labels: FEEDBACK_FIELD_LABELS,
    params: idParams,
    json: answerInput,
    response: staffViewShape,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: `${STAFF_FEEDBACK}/{id}/personal-data`,
    summary: '公开答复前的个人信息检查：列出答复和公开留言中的个人信息，并可逐项说明可以公开的理由',
    description: '公开答复中有未说明理由的个人信息时，答复接口拒绝（409，personalData）。',
    tag: STAFF,
    staff: true,
    labels: FEEDBACK_FIELD_LABELS,
    params: idParams,
    json: personalDataBody,
    response: privacyShape,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: `${STAFF_FEEDBACK}/{id}/close`,
    summary: '以无效留言或重复留言为由关闭留言（重复的须说明与哪条重复）',
    tag: STAFF,
    staff: true,
    labels: FEEDBACK_FIELD_LABELS,
    params: idParams,
    json: closeInput,
    response: staffViewShape,
    errors: [400, 401, 403, 404, 409],
  },
];
