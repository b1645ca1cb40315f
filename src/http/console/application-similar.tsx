// 可能的重复申请 on the case page: the same applicant's alike requests to this agency in the last twelve months
// (applications/similar.ts), each linked, with a note that the handler decides. Nothing is done automatically.
import type { Child } from 'hono/jsx';
import type { Actor } from '../../agencies/model.ts';
import { type SimilarApplication, similarApplications } from '../../applications/similar.ts';
import type { Context } from '../../context.ts';
import { HREF } from './application-views.tsx';

/** The section for the case page, read with the viewer's rights (similarApplications checks the policy). */
export async function similarSection(actor: Actor, ctx: Context, applicationId: number): Promise<Child> {
  return <SimilarTable items={await similarApplications(actor, ctx, applicationId)} />;
}

function SimilarTable({ items }: { items: readonly SimilarApplication[] }) {
  return (
    <section aria-labelledby="similar-title">
      <h2 id="similar-title">可能的重复申请</h2>
      {items.length === 0 ? (
        <p class="hint">未发现同一申请人近12个月内向本机关提出的相似申请。</p>
      ) : (
        <>
          <table>
            <caption>同一申请人近12个月内的相似申请（共 {items.length} 件，按相似度自动比对，仅供参考）</caption>
            <thead>
              <tr>
                <th scope="col">查询号</th>
                <th scope="col">收到日期</th>
                <th scope="col">状态</th>
                <th scope="col">办理结果</th>
                <th scope="col">相似度</th>
                <th scope="col">所需信息</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={`${HREF}/${s.id}`}>{s.trackingNo}</a>
                  </th>
                  <td>{s.receivedOn ?? `${s.date}（网上提交，待确认）`}</td>
                  <td>{s.statusLabel}</td>
                  <td>{s.outcomeLabel ?? ''}</td>
                  <td>{`${Math.round(s.score * 100)}%`}</td>
                  <td>{s.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint">
            是否属于重复申请由承办人核实后决定：申请人重复申请公开相同政府信息，且本机关已作出答复的，可告知不予重复处理（《条例》第三十六条第（六）项），办理结果选“重复申请”。
          </p>
        </>
      )}
    </section>
  );
}
