// The console home and the modules still to come. Which modules a user sees and may open is decided by the policy
// table (policy.ts), the same table the services check.
import { Hono } from 'hono';
import { errors } from '../../errors.ts';
import { overdueCount } from '../../feedback/queries.ts';
import { requireLogin } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { catalogHomeSection } from './catalog-home.tsx';
import { consolePage, MODULES, mayOpen } from './frame.tsx';

export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get('/console', requireLogin(), async (c) => {
  const { user } = c.get('auth');
  const feedbackOverdue = await overdueCount(c.get('auth').actor, c.get('ctx'));
  const modules = MODULES.filter((m) => mayOpen(user.role, m));
  const catalog = await catalogHomeSection(c.get('auth').actor, c.get('ctx'));
  return consolePage(c, {
    title: '工作平台',
    current: '/console',
    children: (
      <>
        <h1>工作平台</h1>
        {c.req.query('changed') ? (
          <p class="notice" role="status">
            密码已修改。
          </p>
        ) : null}
        <p>{user.displayName}，您好。请选择要办理的事项：</p>
        <ul class="cards">
          {modules.map((m) => (
            <li>
              <a href={m.href}>{m.label}</a>
              <p>{m.description}</p>
            </li>
          ))}
        </ul>
        {catalog}
        {feedbackOverdue === null ? null : (
          <section aria-labelledby="feedback-overdue">
            <h2 id="feedback-overdue">公众留言</h2>
            <p>
              超过答复期限仍未答复的留言：<strong>{feedbackOverdue}</strong> 条。
              {feedbackOverdue > 0 ? <a href="/console/feedback?state=overdue">查看超期留言</a> : null}
            </p>
          </section>
        )}
        {user.role === 'agencyAdmin' ? (
          <p>
            <a href="/console/feedback-deadline">设置本机关公众留言的答复期限</a>
          </p>
        ) : null}
        {user.role === 'agencyAdmin' ? (
          <p>
            <a href="/console/figures">录入年度数据（行政许可、行政处罚、行政强制、行政事业性收费）</a>
          </p>
        ) : null}
        <p>
          <a href="/console/password">修改密码</a>
        </p>
      </>
    ),
  });
});

/** Modules with pages of their own (console/audit.tsx, console/agencies.tsx, console/applications.tsx). */
const BUILT = new Set([
  '/console/appeals',
  '/console/audit',
  '/console/agencies',
  '/console/applications',
  '/console/calendar',
  '/console/catalog',
  '/console/feedback',
  '/console/reports',
  '/console/statistics',
]);

for (const module of MODULES) {
  if (BUILT.has(module.href)) continue;
  homeRoutes.get(module.href, requireLogin(), (c) => {
    if (!mayOpen(c.get('auth').user.role, module)) throw errors.forbidden(`使用“${module.label}”功能`);
    return consolePage(c, {
      title: module.label,
      current: module.href,
      children: (
        <>
          <h1>{module.label}</h1>
          <p>{module.description}</p>
          <p class="notice">本功能模块正在建设中。</p>
        </>
      ),
    });
  });
}
