// 依申请公开 for staff (session cookie + X-CSRF-Token): registering an application received in person, by post, fax
// or orally; giving a case to a handler; and the review of the reply (the handler proposes, a 审核人 of the agency
// approves or returns it). Thin wrappers: the services check the policy, the ledger and separation of duties.
import { Hono } from 'hono';
import { z } from 'zod';
import { presentFor } from '../../applications/queries.ts';
import { approveProposal, proposeReply, returnProposal } from '../../applications/review.ts';
import { APPLICATION_FIELD_LABELS, dateInput, outcomeInput, staffInput } from '../../applications/schema.ts';
import { assignHandler, registerByStaff } from '../../applications/service.ts';
import type { AppEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import type { Operation } from './operation.ts';
import { presentProposal } from './present-work.ts';
import { jsonBody, parse } from './respond.ts';
import { applicationResult, presentedApplication } from './shapes.ts';
import { proposal } from './shapes-work.ts';
import { ID_LABELS, idParams } from './staff-applications.ts';

const LABELS: Record<string, string> = {
  handlerUserId: '承办人',
  outcome: '办理结果',
  reason: '答复理由',
  basis: '法律依据',
  date: '答复日期',
  comment: '退回意见',
};
const date = dateInput;

export const registerBody = staffInput;
export const assignBody = z.object({
  handlerUserId: z
    .number({ error: '应为承办人的用户编号' })
    .int('应为承办人的用户编号')
    .positive('应为承办人的用户编号'),
});
export const proposalBody = z.object({
  outcome: outcomeInput,
  reason: z.string().max(2000, '不得超过2000个字符').nullish(),
  basis: z.string().trim().min(1, '不能为空').max(500, '不得超过500个字符'),
});
export const approveBody = z.object({ date: date.describe('答复日期') });
export const returnBody = z.object({ comment: z.string().trim().min(1, '不能为空').max(1000, '不得超过1000个字符') });

const registered = z.object({
  application: presentedApplication,
  trackingNo: z.string().describe('查询号'),
  queryCode: z.string().describe('查询码：只在此次返回，交给申请人'),
});
const proposalResult = z.object({ proposal });
const approvalResult = z.object({ proposal, application: presentedApplication });

export const staffReviewRoutes = new Hono<AppEnv>();

staffReviewRoutes.post('/applications/staff', async (c) => {
  // The service checks the policy first, then parses the body with registerBody (the same schema).
  const body = (await jsonBody(c)) as z.input<typeof registerBody>;
  const actor = actorOf(c);
  const { application, trackingNo, queryCode } = await registerByStaff(actor, c.get('ctx'), body);
  return c.json({ application: presentFor(actor, application), trackingNo, queryCode }, 201);
});

staffReviewRoutes.post('/applications/:id{[0-9]+}/assign', async (c) => {
  const { id } = parse(idParams, c.req.param(), ID_LABELS);
  const { handlerUserId } = parse(assignBody, await jsonBody(c), LABELS);
  const actor = actorOf(c);
  return c.json({ application: presentFor(actor, await assignHandler(actor, c.get('ctx'), id, handlerUserId)) });
});

staffReviewRoutes.post('/applications/:id{[0-9]+}/proposal', async (c) => {
  const { id } = parse(idParams, c.req.param(), ID_LABELS);
  const input = parse(proposalBody, await jsonBody(c), LABELS);
  const created = await proposeReply(actorOf(c), c.get('ctx'), id, { ...input, reason: input.reason ?? null });
  return c.json({ proposal: presentProposal(created) }, 201);
});

staffReviewRoutes.post('/applications/:id{[0-9]+}/proposal/approve', async (c) => {
  const { id } = parse(idParams, c.req.param(), ID_LABELS);
  const { date: on } = parse(approveBody, await jsonBody(c), LABELS);
  const actor = actorOf(c);
  const { proposal: approved, application } = await approveProposal(actor, c.get('ctx'), id, on);
  return c.json({ proposal: presentProposal(approved), application: presentFor(actor, application) });
});

staffReviewRoutes.post('/applications/:id{[0-9]+}/proposal/return', async (c) => {
  const { id } = parse(idParams, c.req.param(), ID_LABELS);
  const { comment } = parse(returnBody, await jsonBody(c), LABELS);
  return c.json({ proposal: presentProposal(await returnProposal(actorOf(c), c.get('ctx'), id, comment)) });
});

const STAFF = '依申请公开（工作人员）' as const;
const common = { tag: STAFF, staff: true, labels: LABELS } as const;
export const staffReviewOperations: Operation[] = [
  {
    ...common,
    method: 'post',
    path: '/applications/staff',
    summary: '登记当面、信函、传真或口头提出的申请，按申请方式确定收到之日（条例第三十一条）',
    labels: APPLICATION_FIELD_LABELS,
    json: registerBody,
    response: registered,
    status: 201,
    errors: [400, 401, 403],
  },
  {
    ...common,
    method: 'post',
    path: '/applications/{id}/assign',
    summary: '将申请交给本机关的承办人',
    params: idParams,
    json: assignBody,
    response: applicationResult,
    errors: [400, 401, 403, 404],
  },
  {
    ...common,
    method: 'post',
    path: '/applications/{id}/proposal',
    summary: '承办人提出拟答复意见（办理结果、理由、法律依据），待审核人审核',
    params: idParams,
    json: proposalBody,
    response: proposalResult,
    status: 201,
    errors: [400, 401, 403, 404, 409],
  },
  {
    ...common,
    method: 'post',
    path: '/applications/{id}/proposal/approve',
    summary: '审核人批准拟答复意见，记录答复并办结（不能审核本人提出的意见）',
    params: idParams,
    json: approveBody,
    response: approvalResult,
    errors: [400, 401, 403, 404, 409],
  },
  {
    ...common,
    method: 'post',
    path: '/applications/{id}/proposal/return',
    summary: '审核人退回拟答复意见并写明意见',
    params: idParams,
    json: returnBody,
    response: proposalResult,
    errors: [400, 401, 403, 404, 409],
  },
];
