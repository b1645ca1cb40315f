// 政府信息公开工作年度报告 (条例第四十九条、第五十条): the catalogue's annual reports by year and agency, and the report
// checker (年报检查, check.tsx). Reports compiled by the system (issue 6) will be listed here too.
import { Hono } from 'hono';
import { listAgencyRows } from '../../agencies/repository.ts';
import type { CatalogItem } from '../../catalog/model.ts';
import { publishedWithTitle } from '../../catalog/queries.ts';
import type { AppEnv } from '../env.ts';
import { PortalPage } from '../layout.tsx';
import { html } from '../render.ts';
import { agencyTree, cnDate, itemHref } from './catalog-views.tsx';

export const REPORT_TITLE = '政府信息公开工作年度报告';

/** The year a report covers: “2024年度…” in its title, else the year before it was published. */
export function reportYear(item: CatalogItem): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(item.title);
  if (m) return Number(m[1]);
  return item.publishedOn ? Number(item.publishedOn.slice(0, 4)) - 1 : null;
}

export const reportRoutes = new Hono<AppEnv>();

reportRoutes.get('/reports', async (c) => {
  const ctx = c.get('ctx');
  const [items, agencies] = await Promise.all([publishedWithTitle(ctx, REPORT_TITLE), listAgencyRows(ctx.db.kysely)]);
  const order = new Map(agencyTree(agencies).map(({ agency }, i) => [agency.id, i]));
  const byYear = new Map<number, CatalogItem[]>();
  for (const item of items) {
    const year = reportYear(item) ?? 0;
    byYear.set(year, [...(byYear.get(year) ?? []), item]);
  }
  const years = [...byYear.keys()].sort((a, b) => b - a);
  const agencyName = (id: number) => agencies.find((a) => a.id === id)?.name ?? '';
  return html(
    c,
    <PortalPage title="政府信息公开年报" settings={c.get('settings')} current="/reports">
      <h1>政府信息公开工作年度报告</h1>
      <p>
        各级人民政府及其部门于每年1月31日（部门）、3月31日（人民政府）前公布本机关上一年度政府信息公开工作年度报告（《中华人民共和国政府信息公开条例》第四十九条、第五十条）。
      </p>
      {years.length === 0 ? <p class="notice">暂无已发布的年度报告。</p> : null}
      {years.map((year) => (
        <section aria-labelledby={`y-${year}`}>
          <h2 id={`y-${year}`}>{year ? `${year}年度` : '其他'}</h2>
          <table class="catalog-table">
            <caption class="visually-hidden">{year ? `${year}年度报告` : '其他报告'}</caption>
            <thead>
              <tr>
                <th scope="col">机关</th>
                <th scope="col">报告</th>
                <th scope="col">发布日期</th>
              </tr>
            </thead>
            <tbody>
              {(byYear.get(year) ?? [])
                .sort((a, b) => (order.get(a.agencyId) ?? 0) - (order.get(b.agencyId) ?? 0))
                .map((item) => (
                  <tr>
                    <td>{agencyName(item.agencyId) || item.issuer}</td>
                    <td>
                      <a href={itemHref(item.id)}>{item.title}</a>
                    </td>
                    <td class="nowrap">{cnDate(item.publishedOn)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <h2>年报检查</h2>
      <p>
        <a href="/reports/check">年报检查</a>：上传或粘贴任何一份已公布的年度报告，检查勾稽关系、合计和格式问题。
      </p>
    </PortalPage>,
  );
});
