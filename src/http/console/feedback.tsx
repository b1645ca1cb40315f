// 公众留言 — the work list (open, overdue, answered, closed) with each message's due date and the working days it
// has taken, and the year's summary per agency (received, answered, average working days, overdue). Staff see their
// agency's messages, inspectors their subtree; the queries check the policy (feedback/queries.ts).
import { type Context, Hono } from 'hono';
import { beijingDate, yearOf } from '../../calendar/dates.ts';
import {
  listFeedback,
  STATE_LABELS,
  STATES,
  type StaffView,
  type State,
  yearSummaryForStaff,
} from '../../feedback/queries.ts';
import { requireLogin } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { consolePage, requireModule } from './frame.tsx';
import { Pager } from './pager.tsx';

type C = Context<AppEnv>;
export const HREF = '/console/feedback';
export const gate = requireModule(HREF);
export const feedbackConsoleRoutes = new Hono<AppEnv>();

const pageOf = (value: string | undefined) => (/^\d{1,6}$/.test(value ?? '') ? Math.max(Number(value), 1) : 1);
const stateOf = (value: string | undefined): State =>
  (STATES as readonly string[]).includes(value ?? '') ? (value as State) : 'open';
const href = (state: State, page = 1) => `${HREF}?state=${state}${page > 1 ? `&page=${page}` : ''}`;

function Due(props: { row: StaffView }) {
  const r = props.row;
  if (!r.dueOn) return <>未能计算</>;
  return (
    <>
      {r.dueOn}
      {r.overdue ? <strong>（已超期）</strong> : r.late ? <strong>（超期答复）</strong> : null}
    </>
  );
}

export function FeedbackTable(props: { caption: string; rows: StaffView[]; showAgency: boolean }) {
  if (props.rows.length === 0) return <p>{props.caption}：暂无。</p>;
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">留言编号</th>
          <th scope="col">标题</th>
          <th scope="col">类型</th>
          {props.showAgency ? <th scope="col">受理机关</th> : null}
          <th scope="col">收到日期</th>
          <th scope="col">答复期限</th>
          <th scope="col">用时（工作日）</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <td class="nowrap">
              <a href={`${HREF}/${r.id}`}>{r.messageNo}</a>
            </td>
            <td>{r.subject}</td>
            <td>{r.kindLabel}</td>
            {props.showAgency ? <td>{r.agencyName}</td> : null}
            <td class="nowrap">{r.receivedOn}</td>
            <td class="nowrap">
              <Due row={r} />
            </td>
            <td>{r.daysTaken ?? '—'}</td>
            <td>{r.statusLabel}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function summarySection(c: C) {
  const ctx = c.get('ctx');
  const year = yearOf(beijingDate(ctx.clock()));
  const rows = await yearSummaryForStaff(c.get('auth').actor, ctx, year);
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{year}年留言办理情况</h2>
      {rows.length === 0 ? (
        <p>本年度尚未收到留言。</p>
      ) : (
        <table>
          <caption class="visually-hidden">{year}年各机关留言办理情况</caption>
          <thead>
            <tr>
              <th scope="col">机关</th>
              <th scope="col">收到</th>
              <th scope="col">已答复</th>
              <th scope="col">其中公开答复</th>
              <th scope="col">已关闭</th>
              <th scope="col">待答复</th>
              <th scope="col">平均用时（工作日）</th>
              <th scope="col">超期</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{r.agencyName}</th>
                <td>{r.received}</td>
                <td>{r.answered}</td>
                <td>{r.publicAnswers}</td>
                <td>{r.closed}</td>
                <td>{r.open}</td>
                <td>{r.averageWorkingDays ?? '—'}</td>
                <td>{r.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">超期：答复晚于答复期限的，以及至今超过期限仍未答复的留言。</p>
    </section>
  );
}

feedbackConsoleRoutes.get(HREF, requireLogin(), gate, async (c) => {
  const actor = c.get('auth').actor;
  const ctx = c.get('ctx');
  const q = c.req.query();
  const state = stateOf(q.state);
  const page = pageOf(q.page);
  const [list, overdue] = await Promise.all([
    listFeedback(actor, ctx, { state, page }),
    listFeedback(actor, ctx, { state: 'overdue', pageSize: 1 }),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const showAgency = actor.role === 'inspector';
  return consolePage(c, {
    title: '公众留言',
    current: HREF,
    children: (
      <>
        <h1>公众留言</h1>
        {overdue.total > 0 ? (
          <p class="alert">
            有 <strong>{overdue.total}</strong> 条留言已超过答复期限仍未答复。
            <a href={href('overdue')}>查看超期留言</a>
          </p>
        ) : null}
        <nav aria-label="按状态筛选">
          <ul class="actions">
            {STATES.map((s) => (
              <li>
                <a href={href(s)} aria-current={s === state ? 'page' : undefined}>
                  {STATE_LABELS[s]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <FeedbackTable caption={STATE_LABELS[state]} rows={list.rows} showAgency={showAgency} />
        <Pager total={list.total} page={list.page} pages={pages} href={(p) => href(state, p)} />
        {await summarySection(c)}
      </>
    ),
  });
});
