// 审计日志: the administrators' view of the audit log — filters, newest first, a page at a time. Access is
// decided by listAuditEntries (authorize 'audit.view'), which also records a refusal.
import { Hono } from 'hono';
import { beijingTime } from '../../agencies/sessions.ts';
import { type AuditEntry, type AuditFilter, listAuditEntries } from '../../audit/query.ts';
import { isDomainError } from '../../errors.ts';
import { requireLogin } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { consolePage } from './frame.tsx';

const PAGE_SIZE = 50;

const ACTIONS: Record<string, string> = {
  'session.login': '登录',
  'session.logout': '退出登录',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.resetPassword': '重置密码',
  'user.changePassword': '修改密码',
  'agency.create': '新建机构',
  'agency.update': '修改机构',
  'audit.view': '查看审计日志',
  'audit.verify': '核验审计日志',
  'demo.seed': '建立演示数据',
  'calendar.enterYear': '录入节假日安排',
  'calendar.import': '导入节假日安排',
  'calendar.markYear': '标记日历年度',
};

const OBJECTS: Record<string, string> = {
  user: '用户',
  agency: '机构',
  audit: '审计日志',
  meta: '系统',
  calendarYear: '日历年度',
};

/** Codes that summaries carry (errors.ts codes and details of the services), for the 说明 column. */
const DETAILS: Record<string, string> = {
  invalidCredentials: '用户名或密码错误',
  wrongPassword: '密码错误',
  locked: '连续失败，账户锁定',
  accountLocked: '账户处于锁定期',
  accountDisabled: '账户已停用',
  forbidden: '无权操作',
  passwordExpired: '密码已过期',
  firstAdmin: '首次启动创建系统管理员',
  validation: '输入有误',
  weakPassword: '密码不符合要求',
  internal: '系统错误',
};

const FIELDS = ['actor', 'action', 'objectType', 'objectId', 'from', 'to', 'outcome'] as const;
type Query = Partial<Record<(typeof FIELDS)[number] | 'page', string>>;

function toFilter(q: Query): AuditFilter {
  const f: AuditFilter = { pageSize: PAGE_SIZE };
  if (q.actor) f.actorName = q.actor;
  if (q.action) f.action = q.action;
  if (q.objectType) f.objectType = q.objectType;
  if (q.objectId) f.objectId = q.objectId;
  if (q.from) f.from = q.from;
  if (q.to) f.to = q.to;
  if (q.outcome === 'success' || q.outcome === 'failure') f.outcome = q.outcome;
  if (q.page && /^\d{1,6}$/.test(q.page)) f.page = Number(q.page);
  return f;
}

function pageLink(q: Query, page: number): string {
  const params = new URLSearchParams();
  for (const k of FIELDS) if (q[k]) params.set(k, q[k] as string);
  params.set('page', String(page));
  return `/console/audit?${params}`;
}

function detail(e: AuditEntry): string {
  const s = e.summary as { error?: string; detail?: string } | null;
  return [s?.error, s?.detail]
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .map((x) => DETAILS[x] ?? x)
    .join('；');
}

function Filters(props: { q: Query }) {
  const { q } = props;
  const text = (name: 'actor' | 'action' | 'objectType' | 'objectId', label: string) => (
    <div>
      <label for={`f-${name}`}>{label}</label>
      <input type="text" id={`f-${name}`} name={name} value={q[name] ?? ''} />
    </div>
  );
  return (
    <form method="get" action="/console/audit" class="filters" aria-label="筛选条件">
      {text('actor', '操作人（用户名）')}
      {text('action', '操作代码')}
      {text('objectType', '对象类型')}
      {text('objectId', '对象编号')}
      <div>
        <label for="f-from">起始日期</label>
        <input type="date" id="f-from" name="from" value={q.from ?? ''} />
      </div>
      <div>
        <label for="f-to">截止日期</label>
        <input type="date" id="f-to" name="to" value={q.to ?? ''} />
      </div>
      <div>
        <label for="f-outcome">结果</label>
        <select id="f-outcome" name="outcome">
          <option value="">全部</option>
          <option value="success" selected={q.outcome === 'success'}>
            成功
          </option>
          <option value="failure" selected={q.outcome === 'failure'}>
            失败
          </option>
        </select>
      </div>
      <div>
        <button type="submit">查询</button>
      </div>
    </form>
  );
}

export const auditRoutes = new Hono<AppEnv>();

auditRoutes.get('/console/audit', requireLogin(), async (c) => {
  const q = c.req.query() as Query;
  let result: Awaited<ReturnType<typeof listAuditEntries>> | undefined;
  let error: string | undefined;
  try {
    result = await listAuditEntries(c.get('auth').actor, c.get('ctx'), toFilter(q));
  } catch (e) {
    if (!isDomainError(e, 'validation')) throw e;
    error = e.message;
  }
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  return consolePage(c, {
    title: '审计日志',
    current: '/console/audit',
    status: error ? 400 : 200,
    children: (
      <>
        <h1>审计日志</h1>
        <Filters q={q} />
        {error ? (
          <p class="alert" role="alert">
            {error}
          </p>
        ) : null}
        {result ? (
          <>
            <p>
              共 {result.total} 条记录，第 {result.page} / {pages} 页（时间为北京时间）。
            </p>
            <table>
              <caption class="hint">审计记录（最新的在前）</caption>
              <thead>
                <tr>
                  <th scope="col">编号</th>
                  <th scope="col">时间</th>
                  <th scope="col">操作人</th>
                  <th scope="col">操作</th>
                  <th scope="col">对象</th>
                  <th scope="col">结果</th>
                  <th scope="col">说明</th>
                  <th scope="col">来源地址</th>
                </tr>
              </thead>
              <tbody>
                {result.entries.map((e) => (
                  <tr>
                    <td>{e.id}</td>
                    <td>{beijingTime(e.at)}</td>
                    <td>{e.actorName}</td>
                    <td>{ACTIONS[e.action] ?? e.action}</td>
                    <td>{`${OBJECTS[e.objectType] ?? e.objectType}${e.objectId ? ` ${e.objectId}` : ''}`}</td>
                    <td class={e.outcome === 'failure' ? 'failure' : ''}>
                      {e.outcome === 'success' ? '成功' : '失败'}
                    </td>
                    <td>{detail(e)}</td>
                    <td>{e.clientAddress ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav class="pager" aria-label="翻页">
              {result.page > 1 ? <a href={pageLink(q, result.page - 1)}>上一页</a> : null}
              {result.page < pages ? <a href={pageLink(q, result.page + 1)}>下一页</a> : null}
            </nav>
          </>
        ) : null}
      </>
    ),
  });
});
