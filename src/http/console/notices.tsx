// 通知: a staff member's own notices (new online applications, replies to review, deadlines), the count in the
// console header, and 标为已读 (POST with the CSRF token; no script needed).
import { Hono } from 'hono';
import type { Actor } from '../../agencies/model.ts';
import { beijingTime } from '../../agencies/sessions.ts';
import type { Context } from '../../context.ts';
import { errors } from '../../errors.ts';
import { countUnread, listMyNotices, markRead } from '../../notifications/notices.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { consolePage } from './frame.tsx';

const HREF = '/console/notices';

/** The header's link: “通知（3）”, read by screen readers as the number of unread notices. */
export async function noticeBell(actor: Actor, ctx: Context) {
  const n = await countUnread(actor, ctx);
  return (
    <a href={HREF} class="notice-bell" aria-label={n > 0 ? `通知，${n}条未读` : '通知，没有未读'}>
      🔔 通知{n > 0 ? <strong>（{n}）</strong> : null}
    </a>
  );
}

export const noticeRoutes = new Hono<AppEnv>();

noticeRoutes.get(HREF, requireLogin(), async (c) => {
  const { actor } = c.get('auth');
  const notices = await listMyNotices(actor, c.get('ctx'));
  const csrf = csrfToken(c);
  const unread = notices.filter((n) => !n.readAt).length;
  return consolePage(c, {
    title: '通知',
    children: (
      <>
        <h1>通知</h1>
        {notices.length === 0 ? <p>暂无通知。</p> : null}
        {unread > 0 ? (
          <form method="post" action={`${HREF}/read`} class="inline">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit">全部标为已读</button>
          </form>
        ) : null}
        <ul class="notices">
          {notices.map((n) => (
            <li class={n.readAt ? 'read' : 'unread'}>
              <p>
                {n.readAt ? null : <strong>【未读】</strong>}
                {n.link ? <a href={n.link}>{n.text}</a> : n.text}
              </p>
              <p class="meta">{beijingTime(n.createdAt)}</p>
              {n.readAt ? null : (
                <form method="post" action={`${HREF}/${n.id}/read`} class="inline">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <button type="submit">标为已读</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </>
    ),
  });
});

noticeRoutes.post(`${HREF}/read`, requireLogin(), async (c) => {
  await markRead(c.get('auth').actor, c.get('ctx'), null);
  return c.redirect(HREF, 303);
});

noticeRoutes.post(`${HREF}/:id/read`, requireLogin(), async (c) => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw errors.notFound('通知', c.req.param('id'));
  await markRead(c.get('auth').actor, c.get('ctx'), id);
  return c.redirect(HREF, 303);
});
