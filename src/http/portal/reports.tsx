// 政府信息公开工作年度报告 (条例第四十九条、第五十条): by year and agency, the reports published through the system
// (compiled here or imported, with their page and files: annual-reports.tsx) and the catalogue's report items — one
// row per agency and year, the system's report first — then the open data and the report checker (check.tsx).
import { Hono } from 'hono';
import { listAgencyRows } from '../../agencies/repository.ts';
import { ORIGIN_LABELS } from '../../annual/model.ts';
import { FILE_FORMATS, type PublishedReport, publishedReports } from '../../annual/open-data.ts';
import type { CatalogItem } from '../../catalog/model.ts';
import { publishedWithTitle } from '../../catalog/queries.ts';
import type { AppEnv } from '../env.ts';
import { PortalPage } from '../layout.tsx';
import { html } from '../render.ts';
import { OPEN_DATA_CSV, OPEN_DATA_JSON, portalReportHref } from '../report-links.ts';
import { publishedTitle } from './annual-reports.tsx';
import { agencyTree, cnDate, itemHref } from './catalog-views.tsx';
import { OPEN_DATA_PAGE } from './open-data.ts';

export const REPORT_TITLE = '政府信息公开工作年度报告';

/** The year a report covers: “2024年度…” in its title, else the year before it was published. */
export function reportYear(item: CatalogItem): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(item.title);
  if (m) return Number(m[1]);
  return item.publishedOn ? Number(item.publishedOn.slice(0, 4)) - 1 : null;
}

export const reportRoutes = new Hono<AppEnv>();

/** A row of a year's table: a report published through the system, or a catalogue item. */
type Row =
  | { agencyId: number; system: PublishedReport; item?: never }
  | { agencyId: number; item: CatalogItem; system?: never };

function SystemCells(props: { p: PublishedReport }) {
  const { agency, record } = props.p;
  const title = publishedTitle(agency, record.year);
  return (
    <>
      <td>
        <a href={portalReportHref(agency.id, record.year)}>{title}</a>
        {record.origin === 'imported' ? <span class="origin-note">（{ORIGIN_LABELS.imported}）</span> : null}
      </td>
      <td class="nowrap">{cnDate(record.publishedOn)}</td>
      <td class="report-file-links">
        {FILE_FORMATS.map((f) => (
          <a class="file-link" href={portalReportHref(agency.id, record.year, f)}>
            {f.toUpperCase()}
            <span class="visually-hidden">（{title}）</span>
          </a>
        ))}
      </td>
    </>
  );
}

reportRoutes.get('/reports', async (c) => {
  const ctx = c.get('ctx');
  const [items, agencies, system] = await Promise.all([
    publishedWithTitle(ctx, REPORT_TITLE),
    listAgencyRows(ctx.db.kysely),
    publishedReports(ctx),
  ]);
  const order = new Map(agencyTree(agencies).map(({ agency }, i) => [agency.id, i]));
  const byYear = new Map<number, Row[]>();
  const add = (year: number, row: Row) => byYear.set(year, [...(byYear.get(year) ?? []), row]);
  const kept = new Set<string>();
  for (const p of system) {
    kept.add(`${p.agency.id}/${p.record.year}`);
    add(p.record.year, { agencyId: p.agency.id, system: p });
  }
  for (const item of items) {
    const year = reportYear(item) ?? 0;
    if (!kept.has(`${item.agencyId}/${year}`)) add(year, { agencyId: item.agencyId, item });
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
                <th scope="col">下载</th>
              </tr>
            </thead>
            <tbody>
              {(byYear.get(year) ?? [])
                .sort((a, b) => (order.get(a.agencyId) ?? 0) - (order.get(b.agencyId) ?? 0))
                .map((row) =>
                  row.system ? (
                    <tr>
                      <td>{row.system.agency.name}</td>
                      <SystemCells p={row.system} />
                    </tr>
                  ) : (
                    <tr>
                      <td>{agencyName(row.item.agencyId) || row.item.issuer}</td>
                      <td>
                        <a href={itemHref(row.item.id)}>{row.item.title}</a>
                      </td>
                      <td class="nowrap">{cnDate(row.item.publishedOn)}</td>
                      <td>—</td>
                    </tr>
                  ),
                )}
            </tbody>
          </table>
        </section>
      ))}
      <h2>开放数据</h2>
      <p>
        全部已发布的年度报告也以开放数据提供，可自由使用：<a href={OPEN_DATA_JSON}>JSON</a>、
        <a href={OPEN_DATA_CSV}>CSV</a>（<a href={OPEN_DATA_PAGE}>字段说明和使用条件</a>）。
      </p>
      <h2>年报检查</h2>
      <p>
        <a href="/reports/check">年报检查</a>：上传或粘贴任何一份已公布的年度报告，检查勾稽关系、合计和格式问题。
      </p>
    </PortalPage>,
  );
});
