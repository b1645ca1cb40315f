// 依申请公开 actions for staff (session cookie + X-CSRF-Token): record a clock event (confirming receipt of an
// online application, 补正, consultation, extension, fee) or the decision. Thin wrappers over the services, which
// check the policy and the ledger (an impossible event is refused with its reason and nothing is written).
import { Hono } from 'hono';
import { z } from 'zod';
import { presentFor } from '../../applications/queries.ts';
import { outcomeInput } from '../../applications/schema.ts';
import { confirmReceipt, decide, type EventInput, recordEvent } from '../../applications/service.ts';
import type { AppEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import type { Operation } from './operation.ts';
import { jsonBody, parse } from './respond.ts';
import { applicationResult } from './shapes.ts';
import { ID_LABELS, idParams } from './staff-applications.ts';

const LABELS: Record<string, string> = {
  type: '办理事项',
  date: '日期',
  replyBy: '补正期限',
  party: '征求意见对象',
  name: '第三方或机关名称',
  days: '延长的工作日数',
  payBy: '缴费期限',
  outcome: '办理结果',
};
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为“YYYY-MM-DD”格式的日期，如 2025-09-29');
const event = <T extends string, S extends z.ZodRawShape>(type: T, description: string, shape: S) =>
  z.object({ type: z.literal(type), date, ...shape }).describe(description);

export const eventBody = z.discriminatedUnion(
  'type',
  [
    event('received', '确认收到网上申请之日，开始计算答复期限（条例第三十一条）', {}),
    event('correctionRequested', '发出补正告知（条例第三十条）', { replyBy: date.optional() }),
    event('correctionReceived', '收到补正后的申请，期限重新计算', {}),
    event('correctionExpired', '补正期限届满未补正', {}),
    event('consultationStarted', '征求第三方或其他机关意见，期间不计入答复期限（条例第三十二条）', {
      party: z.enum(['thirdParty', 'agency'], { error: '应为 thirdParty（第三方）或 agency（其他机关）' }),
      name: z.string().trim().max(100, '不得超过100个字符').optional(),
    }),
    event('consultationEnded', '征求意见结束', {}),
    event('extensionApproved', '经审核延长答复期限（条例第三十三条第二款），需审核人', {
      days: z
        .number({ error: '应为1至20的整数' })
        .int('应为1至20的整数')
        .min(1, '应为1至20的整数')
        .max(20, '应为1至20的整数'),
    }),
    event('feeNoticeSent', '发出收费通知（国办函〔2020〕109号），期间不计入答复期限', { payBy: date.optional() }),
    event('feePaid', '申请人缴纳信息处理费', {}),
  ],
  { error: '应为可记录的办理事项之一（received、correctionRequested、consultationStarted 等）' },
);

export const decisionBody = z.object({ outcome: outcomeInput, date: date.describe('答复日期') });

export const staffActionRoutes = new Hono<AppEnv>();

staffActionRoutes.post('/applications/:id{[0-9]+}/events', async (c) => {
  const { id } = parse(idParams, c.req.param(), ID_LABELS);
  const input = parse(eventBody, await jsonBody(c), LABELS);
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const updated =
    input.type === 'received'
      ? await confirmReceipt(actor, ctx, id, input.date)
      : await recordEvent(actor, ctx, id, input as EventInput);
  return c.json({ application: presentFor(actor, updated) });
});

staffActionRoutes.post('/applications/:id{[0-9]+}/decision', async (c) => {
  const { id } = parse(idParams, c.req.param(), ID_LABELS);
  const { outcome, date: on } = parse(decisionBody, await jsonBody(c), { ...LABELS, date: '答复日期' });
  const actor = actorOf(c);
  return c.json({ application: presentFor(actor, await decide(actor, c.get('ctx'), id, outcome, on)) });
});

const STAFF = '依申请公开（工作人员）' as const;
export const staffActionOperations: Operation[] = [
  {
    method: 'post',
    path: '/applications/{id}/events',
    summary: '记录一项办理事项（确认收到、补正、征求意见、延期、收费），答复期限随之重新计算',
    tag: STAFF,
    labels: LABELS,
    staff: true,
    params: idParams,
    json: eventBody,
    response: applicationResult,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/applications/{id}/decision',
    summary: '记录答复并办结：年度报告表三的21项办理结果之一',
    tag: STAFF,
    labels: LABELS,
    staff: true,
    params: idParams,
    json: decisionBody,
    response: applicationResult,
    errors: [400, 401, 403, 404, 409],
  },
];
