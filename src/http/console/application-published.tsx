// 可能已主动公开的信息 on the case page: published catalogue items that match what the request asks for
// (applications/published-matches.ts), each linked to its public page, with a note that the handler decides.
// Nothing is done automatically.
import type { Child } from 'hono/jsx';
import type { Actor } from '../../agencies/model.ts';
import { type PublishedMatch, publishedMatches } from '../../applications/published-matches.ts';
import { KIND_LABELS } from '../../catalog/model.ts';
import type { Context } from '../../context.ts';

/** The section for the case page, read with the viewer's rights (publishedMatches checks the policy). */
export async function publishedSection(actor: Actor, ctx: Context, applicationId: number): Promise<Child> {
  return <PublishedTable items={await publishedMatches(actor, ctx, applicationId)} />;
}

function PublishedTable({ items }: { items: readonly PublishedMatch[] }) {
  return (
    <section aria-labelledby="published-title">
      <h2 id="published-title">可能已主动公开的信息</h2>
      {items.length === 0 ? (
        <p class="hint">未在已主动公开的政府信息中找到与本申请所需信息相符的内容。</p>
      ) : (
        <>
          <table>
            <caption>
              按申请内容在已主动公开的政府信息中自动检索（共 {items.length} 条，按匹配度排列，仅供参考）
            </caption>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">索引号</th>
                <th scope="col">类别</th>
                <th scope="col">发布日期</th>
                <th scope="col">匹配度</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr>
                  <th scope="row">
                    <a href={`/catalog/${m.item.id}`}>{m.item.title}</a>
                  </th>
                  <td>{m.item.indexNo ?? ''}</td>
                  <td>{KIND_LABELS[m.item.kind]}</td>
                  <td>{m.item.publishedOn ?? ''}</td>
                  <td>{`${Math.round(m.score * 100)}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint">
            是否为申请人所需的信息由承办人核实后决定：所申请的信息已经主动公开的，办理结果选“予以公开”，并在答复书“已主动公开的获取途径”中写明上述页面的网址（《条例》第三十六条第（一）项）。
          </p>
        </>
      )}
    </section>
  );
}
