// 依申请公开办理 — the work lists (due soon, overdue, awaiting confirmation, all with filters) and registering an
// application received by post, fax, at the counter or orally. The services check the policy; the page offers only
// what the policy would allow.

import { type Context, Hono } from 'hono';
import { authorize, permits } from '../../agencies/authorize.ts';
import { subtreeIds } from '../../agencies/service.ts';
import {
  type ApplicationFilter,
  listApplications,
  listApplicationsPage,
  listHandlers,
} from '../../applications/list.ts';
import { APPLICANT_KINDS, STATUS_LABELS, STATUSES } from '../../applications/model.ts';
import { listDueSoon, listOverdue } from '../../applications/queries.ts';
import { registerByStaff } from '../../applications/service.ts';
import { FIELD as ATTACHMENTS } from '../../attachments/model.ts';
import { beijingDate } from '../../calendar/dates.ts';
import { loadWorkingCalendar } from '../../calendar/repository.ts';
import { APPLICANT_LABELS } from '../../report/labels.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { filesOf } from '../portal/attachment-field.tsx';
import { DateField, RegisterForm } from './application-forms.tsx';
import { onReceiptField, staffInputFrom } from './application-input.ts';
import { CaseTable, HREF, type Presented, type Row } from './application-views.tsx';
import { type FormError, filterSelect, formError, formValues, type Values } from './form.tsx';
import { consolePage, requireModule } from './frame.tsx';
import { Pager } from './pager.tsx';

type C = Context<AppEnv>;
const actorOf = (c: C) => c.get('auth').actor;

export const applicationRoutes = new Hono<AppEnv>();
export const gate = requireModule(HREF);

/** Inspectors read their whole subtree; staff their own agency. */
export async function scopeOf(c: C): Promise<number[]> {
  const actor = actorOf(c);
  if (actor.agencyId === null) return [];
  return actor.role === 'inspector' ? subtreeIds(c.get('ctx'), actor.agencyId) : [actor.agencyId];
}

/** Handler names of the agencies in view, for the tables. */
export async function handlerNamer(c: C, agencyIds: readonly number[]) {
  const names = new Map<number, string>();
  for (const id of agencyIds)
    for (const h of await listHandlers(actorOf(c), c.get('ctx'), id)) names.set(h.id, h.displayName);
  return (id: number | null) => (id === null ? '未分配' : (names.get(id) ?? `用户（${id}）`));
}

/** Working days from today to each deadline (negative: overdue). */
async function withDaysLeft(c: C, rows: readonly Presented[]): Promise<Row[]> {
  const ctx = c.get('ctx');
  const calendar = await loadWorkingCalendar(ctx.db.kysely);
  const today = beijingDate(ctx.clock());
  return rows.map((r) => {
    let daysLeft: number | null = null;
    try {
      if (r.dueDate) daysLeft = calendar.workingDaysBetween(today, r.dueDate);
    } catch {
      daysLeft = null; // a year without its holiday notice: the date is shown, the count is not guessed
    }
    return { ...r, daysLeft };
  });
}

/** ?page=N (1-based); anything else is the first page. */
const pageOf = (value: string | undefined) => (/^\d{1,6}$/.test(value ?? '') ? Number(value) : 1);

function filterFrom(q: Record<string, string>): ApplicationFilter {
  const f: ApplicationFilter = {};
  if ((STATUSES as readonly string[]).includes(q.status ?? '')) f.status = q.status as ApplicationFilter['status'];
  if (/^\d{1,12}$/.test(q.handler ?? '')) f.handlerUserId = Number(q.handler);
  if ((APPLICANT_KINDS as readonly string[]).includes(q.kind ?? ''))
    f.applicantKind = q.kind as ApplicationFilter['applicantKind'];
  if (q.from) f.receivedFrom = q.from;
  if (q.to) f.receivedTo = q.to;
  return f;
}

/** The query parameters of the list that a page link keeps (the filters and the scope), without the page. */
const KEPT = ['scope', 'within', 'status', 'handler', 'kind', 'from', 'to'] as const;

function pageHref(q: Record<string, string>, page: number): string {
  const params = new URLSearchParams();
  for (const name of KEPT) if (q[name]) params.set(name, q[name]);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${HREF}?${query}` : HREF;
}

applicationRoutes.get(HREF, requireLogin(), gate, async (c) => {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const q = c.req.query();
  const agencyIds = await scopeOf(c);
  const home = actor.agencyId as number;
  const subtree = actor.role === 'inspector';
  const mine = (q.scope ?? (actor.role === 'handler' ? 'mine' : 'agency')) === 'mine' && actor.id !== null;
  const within = /^\d{1,2}$/.test(q.within ?? '') ? Number(q.within) : 5;
  const byHandler = mine ? { handlerUserId: actor.id as number } : {};
  const name = await handlerNamer(c, agencyIds);
  const handlers = subtree ? [] : await listHandlers(actor, ctx, home);
  const mayHandle = await permits(actor, ctx, 'application.handle', home);
  const [dueSoon, overdue, waiting, all] = await Promise.all([
    listDueSoon(actor, ctx, home, within, { subtree, ...byHandler }).then((r) => withDaysLeft(c, r)),
    listOverdue(actor, ctx, home, { subtree, ...byHandler }).then((r) => withDaysLeft(c, r)),
    listApplications(actor, ctx, agencyIds, { status: 'submitted' }).then((r) => withDaysLeft(c, r)),
    listApplicationsPage(actor, ctx, agencyIds, filterFrom(q), pageOf(q.page)),
  ]);
  const allRows = await withDaysLeft(c, all.rows);
  const whose = mine ? '我承办的' : subtree ? '本机关及下级机关' : '本机关';
  const csrf = csrfToken(c);
  return consolePage(c, {
    title: '依申请公开办理',
    current: HREF,
    children: (
      <>
        <h1>依申请公开办理</h1>
        <ul class="actions">
          {mayHandle ? (
            <li>
              <a href={`${HREF}/new`}>登记申请（当面、邮寄、传真、口头）</a>
            </li>
          ) : null}
          <li>
            <a href={mine ? `${HREF}?scope=agency` : `${HREF}?scope=mine`}>
              {mine ? '查看本机关全部期限' : '只看我承办的'}
            </a>
          </li>
          {actor.role === 'handler' ? (
            <li>
              <a href={`${HREF}/deadlines.ics`}>订阅我的答复期限（日历）</a>
            </li>
          ) : null}
        </ul>
        <h2>期限提醒（{whose}）</h2>
        <CaseTable caption={`即将到期（${within}个工作日内）`} rows={dueSoon} handlerName={name} />
        <CaseTable caption="已超期" rows={overdue} handlerName={name} />
        <h2>网上申请待确认收到</h2>
        <p class="hint">
          网上申请以双方确认之日为收到申请之日（《条例》第三十一条第（三）项），确认后开始计算答复期限。
        </p>
        <CaseTable caption="待确认收到" rows={waiting} handlerName={name} />
        {mayHandle && waiting.length > 0
          ? waiting.map((w) => (
              <form
                method="post"
                action={`${HREF}/${w.id}/confirm`}
                class="filters"
                aria-label={`确认收到${w.trackingNo}`}
              >
                <input type="hidden" name="_csrf" value={csrf} />
                <DateField
                  name="date"
                  label={`${w.trackingNo} 确认收到日期`}
                  idPrefix={`c${w.id}-`}
                  values={{}}
                  error={undefined}
                />
                <div>
                  <button type="submit">确认收到</button>
                </div>
              </form>
            ))
          : null}
        <h2>全部申请</h2>
        <form method="get" action={HREF} class="filters" aria-label="筛选条件">
          {filterSelect(
            'status',
            '状态',
            q.status ?? '',
            STATUSES.map((s) => [s, STATUS_LABELS[s]]),
          )}
          {subtree
            ? null
            : filterSelect(
                'handler',
                '承办人',
                q.handler ?? '',
                handlers.map((h) => [String(h.id), h.displayName]),
              )}
          {filterSelect(
            'kind',
            '申请人类型',
            q.kind ?? '',
            APPLICANT_KINDS.map((k) => [k, APPLICANT_LABELS[k]]),
          )}
          <div>
            <label for="q-from">收到日期自</label>
            <input type="date" id="q-from" name="from" value={q.from ?? ''} />
          </div>
          <div>
            <label for="q-to">至</label>
            <input type="date" id="q-to" name="to" value={q.to ?? ''} />
          </div>
          <div>
            <button type="submit">查询</button>
          </div>
        </form>
        <CaseTable caption="查询结果" rows={allRows} handlerName={name} total={all.total} />
        <Pager total={all.total} page={all.page} pages={all.pages} unit="件" href={(p) => pageHref(q, p)} />
      </>
    ),
  });
});

async function newPage(c: C, values: Values, error?: FormError) {
  return consolePage(c, {
    title: '登记申请',
    current: HREF,
    status: error?.status ?? 200,
    children: (
      <>
        <h1>登记政府信息公开申请</h1>
        <RegisterForm csrf={csrfToken(c)} values={values} error={error} />
        <p>
          <a href={HREF}>返回申请列表</a>
        </p>
      </>
    ),
  });
}

applicationRoutes.get(`${HREF}/new`, requireLogin(), gate, async (c) => {
  const actor = actorOf(c);
  // Refused (and recorded) here as the service would refuse the POST.
  await authorize(actor, c.get('ctx'), 'application.handle', actor.agencyId);
  return newPage(c, { applicantKind: 'naturalPerson', idType: 'residentId' });
});

applicationRoutes.post(HREF, requireLogin(), gate, async (c) => {
  const body = await c.req.parseBody({ all: true });
  const values = formValues(body);
  const actor = actorOf(c);
  let done: Awaited<ReturnType<typeof registerByStaff>>;
  try {
    const files = await filesOf(body[ATTACHMENTS]);
    done = await registerByStaff(actor, c.get('ctx'), staffInputFrom(values, actor.agencyId), files);
  } catch (e) {
    const error = formError(e);
    if (!error) throw e;
    return newPage(c, values, onReceiptField(error));
  }
  const { application: a, queryCode } = done;
  return consolePage(c, {
    title: '申请已登记',
    current: HREF,
    children: (
      <>
        <h1>申请已登记</h1>
        <div class="one-time" role="status">
          <p>
            查询号：<strong class="tracking-no">{a.trackingNo}</strong>
          </p>
          <p class="password">
            查询码：<code>{queryCode}</code>
          </p>
          <p>
            收到申请日期 {a.receivedOn}，答复期限 <strong>{a.dueDate}</strong>。
          </p>
          <p>
            <strong>查询码仅显示这一次</strong>
            ，本系统只保存其摘要，离开本页后无法再次查看。请当场交给申请人（可写入受理回执），申请人凭查询号和查询码在门户网站查询办理进度。
          </p>
        </div>
        <ul class="actions">
          <li>
            <a href={`${HREF}/${a.id}`}>办理该申请</a>
          </li>
          <li>
            <a href={`${HREF}/new`}>继续登记</a>
          </li>
        </ul>
      </>
    ),
  });
});
