// 依申请公开 for staff (session cookie): the work lists and one case. The services check the policy (own agency;
// inspectors their subtree) and return presenters' output — staff in full, inspectors masked.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../../agencies/authorize.ts';
import { subtreeIds } from '../../agencies/service.ts';
import { type ApplicationFilter, listApplications } from '../../applications/list.ts';
import { APPLICANT_KINDS, STATUSES } from '../../applications/model.ts';
import { getApplication, listDueSoon, listOverdue } from '../../applications/queries.ts';
import { isoDateShape as isoDate } from '../../validation-fields.ts';
import type { AppEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import type { Operation } from './operation.ts';
import { presentClock } from './present.ts';
import { parse } from './respond.ts';
import { applicationDetail, applicationList } from './shapes.ts';

type C = Context<AppEnv>;

const LABELS: Record<string, string> = {
  status: '办理状态',
  handler: '承办人',
  kind: '申请人类型',
  from: '收到日期（起）',
  to: '收到日期（止）',
  within: '工作日数',
  scope: '范围',
  id: '申请编号',
};

export const listQuery = z.object({
  status: z.enum(STATUSES, { error: `应为${STATUSES.join('、')}之一` }).optional(),
  handler: z
    .string()
    .regex(/^\d{1,12}$/, '应为承办人的用户编号')
    .optional(),
  kind: z.enum(APPLICANT_KINDS, { error: `应为${APPLICANT_KINDS.join('、')}之一` }).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const scope = z.enum(['agency', 'mine'], { error: '应为 agency（本机关）或 mine（我承办的）' }).optional();
export const dueSoonQuery = z.object({
  within: z
    .string()
    .regex(/^\d{1,2}$/, '应为0至99的整数')
    .optional()
    .describe('几个工作日内到期（含今天），默认5'),
  scope,
});
export const overdueQuery = z.object({ scope });
export const idParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,11}$/, '应为正整数')
    .describe('申请编号')
    .transform(Number),
});
export const ID_LABELS = { id: '申请编号' };

/** The actor's agency; without one (the system administrator) the policy refuses. */
async function home(c: C): Promise<number> {
  const actor = actorOf(c);
  if (actor.agencyId === null) await authorize(actor, c.get('ctx'), 'application.view', null);
  return actor.agencyId as number;
}

/** Inspectors read their whole subtree; staff their own agency. */
async function scopeOf(c: C): Promise<number[]> {
  const agencyId = await home(c);
  return actorOf(c).role === 'inspector' ? subtreeIds(c.get('ctx'), agencyId) : [agencyId];
}

function listOptions(c: C, scopeName: string | undefined) {
  const actor = actorOf(c);
  const mine = scopeName === 'mine' && actor.id !== null ? { handlerUserId: actor.id } : {};
  return { subtree: actor.role === 'inspector', ...mine };
}

export const staffApplicationRoutes = new Hono<AppEnv>();

staffApplicationRoutes.get('/applications', async (c) => {
  const q = parse(listQuery, c.req.query(), LABELS);
  const filter: ApplicationFilter = {};
  if (q.status) filter.status = q.status;
  if (q.handler) filter.handlerUserId = Number(q.handler);
  if (q.kind) filter.applicantKind = q.kind;
  if (q.from) filter.receivedFrom = q.from;
  if (q.to) filter.receivedTo = q.to;
  return c.json({ applications: await listApplications(actorOf(c), c.get('ctx'), await scopeOf(c), filter) });
});

staffApplicationRoutes.get('/applications/due-soon', async (c) => {
  const q = parse(dueSoonQuery, c.req.query(), LABELS);
  const within = q.within === undefined ? 5 : Number(q.within);
  const rows = await listDueSoon(actorOf(c), c.get('ctx'), await home(c), within, listOptions(c, q.scope));
  return c.json({ applications: rows });
});

staffApplicationRoutes.get('/applications/overdue', async (c) => {
  const q = parse(overdueQuery, c.req.query(), LABELS);
  const rows = await listOverdue(actorOf(c), c.get('ctx'), await home(c), listOptions(c, q.scope));
  return c.json({ applications: rows });
});

staffApplicationRoutes.get('/applications/:id{[0-9]+}', async (c) => {
  const { application, clock } = await getApplication(
    actorOf(c),
    c.get('ctx'),
    parse(idParams, c.req.param(), ID_LABELS).id,
  );
  return c.json({ application, clock: presentClock(clock) });
});

const STAFF = '依申请公开（工作人员）' as const;
export const staffApplicationOperations: Operation[] = [
  {
    method: 'get',
    path: '/applications',
    summary: '本机关（监督人员：本机关及下级机关）的申请，按状态、承办人、申请人类型、收到日期筛选，最多200件',
    tag: STAFF,
    labels: LABELS,
    staff: true,
    query: listQuery,
    response: applicationList,
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/applications/due-soon',
    summary: '即将到期的申请（若干个工作日内，含今天），最早到期的在前',
    tag: STAFF,
    labels: LABELS,
    staff: true,
    query: dueSoonQuery,
    response: applicationList,
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/applications/overdue',
    summary: '已超过答复期限尚未答复的申请',
    tag: STAFF,
    labels: LABELS,
    staff: true,
    query: overdueQuery,
    response: applicationList,
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/applications/{id}',
    summary: '一件申请及其答复期限和办理记录（监督人员所见个人信息已遮蔽）',
    tag: STAFF,
    labels: LABELS,
    staff: true,
    params: idParams,
    response: applicationDetail,
    errors: [401, 403, 404],
  },
];
