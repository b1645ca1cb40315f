// More case work for staff (session cookie; X-CSRF-Token on POST): uploading the information disclosed with a reply
// (a decision attachment, multipart), and the reviewer's list of reply proposals awaiting approval. Thin wrappers:
// the services check the policy (the holding agency's staff; the agency's reviewers).
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { listPendingProposals } from '../../applications/review.ts';
import { AUDIENCES, FIELD } from '../../attachments/model.ts';
import { addDecisionAttachment } from '../../attachments/service.ts';
import { errors } from '../../errors.ts';
import type { AppEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import type { Operation } from './operation.ts';
import { presentAttachment, presentProposal } from './present-work.ts';
import { parse } from './respond.ts';
import { attachment, proposal } from './shapes-work.ts';
import { ID_LABELS, idParams } from './staff-applications.ts';

type C = Context<AppEnv>;

const LABELS: Record<string, string> = { [FIELD]: '附件', audience: '提供对象', agency: '机关' };

/** Where a decision attachment is posted: the API's body limit lets a file through there (routes.ts). */
export const DECISION_UPLOAD_PATH = /^\/api\/v1\/applications\/\d{1,12}\/attachments$/;

export const attachmentForm = z.object({
  [FIELD]: z.file({ error: '请选择要上传的文件' }).describe('一个文件（PDF、Word、Excel、图片、文本等）'),
  audience: z
    .enum(AUDIENCES, { error: '应为 staff（仅工作人员，原件）或 applicant（可提供给申请人）' })
    .describe('staff：仅工作人员（原件）；applicant：可提供给申请人（如删除个人信息后的副本）'),
});
export const pendingQuery = z.object({
  agency: z
    .string()
    .regex(/^[1-9]\d{0,11}$/, '应为机关编号')
    .optional()
    .describe('机关编号，默认本机关'),
});

const pendingProposal = proposal.extend({ trackingNo: z.string().describe('查询号') }).describe('待审核的拟答复意见');

/** A multipart body, or a validation error saying the request is not one. */
async function multipartBody(c: C) {
  if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? ''))
    throw errors.validation('body', '请求体', '应为 multipart/form-data（上传文件）');
  return c.req.parseBody();
}

export const staffWorkRoutes = new Hono<AppEnv>();

staffWorkRoutes.post('/applications/:id{[0-9]+}/attachments', async (c) => {
  const { id } = parse(idParams, c.req.param(), ID_LABELS);
  const form = parse(attachmentForm, await multipartBody(c), LABELS);
  const file = { name: form[FIELD].name, data: new Uint8Array(await form[FIELD].arrayBuffer()) };
  const stored = await addDecisionAttachment(actorOf(c), c.get('ctx'), id, file, form.audience);
  return c.json({ attachment: presentAttachment(stored) }, 201);
});

staffWorkRoutes.get('/applications/pending-proposals', async (c) => {
  const q = parse(pendingQuery, c.req.query(), LABELS);
  const actor = actorOf(c);
  // Without an agency of its own (the system administrator) the policy refuses: authorize is the service's.
  const agencyId = q.agency === undefined ? actor.agencyId : Number(q.agency);
  const pending = await listPendingProposals(actor, c.get('ctx'), agencyId);
  return c.json({ proposals: pending.map((p) => ({ ...presentProposal(p), trackingNo: p.trackingNo })) });
});

const STAFF = '依申请公开（工作人员）' as const;
export const staffWorkOperations: Operation[] = [
  {
    method: 'post',
    path: '/applications/{id}/attachments',
    summary: '上传答复附件（公开的信息），注明仅供工作人员（原件）或可提供给申请人',
    tag: STAFF,
    staff: true,
    labels: LABELS,
    params: idParams,
    multipart: attachmentForm,
    response: z.object({ attachment }),
    status: 201,
    errors: [400, 401, 403, 404, 413],
  },
  {
    method: 'get',
    path: '/applications/pending-proposals',
    summary: '审核人待审核的拟答复意见（本机关或指定机关，最早提出的在前）',
    tag: STAFF,
    staff: true,
    labels: LABELS,
    query: pendingQuery,
    response: z.object({ proposals: z.array(pendingProposal) }),
    errors: [400, 401, 403],
  },
];
