// The public portal (no login): the home page, and the sections each module fills in — the catalogue, its items
// and files (catalog.tsx), the 指南 (guide.tsx), the annual reports (reports.tsx), feeds, the sitemap and the
// 适老化 switch.
import { Hono } from 'hono';
import { listPublished } from '../../catalog/queries.ts';
import type { AppEnv } from '../env.ts';
import { PORTAL_NAV, PortalPage } from '../layout.tsx';
import { html } from '../render.ts';
import { catalogRoutes } from './catalog.tsx';
import { ItemList } from './catalog-views.tsx';
import { feedRoutes } from './feeds.ts';
import { guideRoutes } from './guide.tsx';
import { reportRoutes } from './reports.tsx';
import { seniorRoutes } from './senior.ts';
import { sitemapRoutes } from './sitemap.ts';

const SECTIONS: Record<string, string> = {
  '/guide': '政府信息公开指南说明主动公开的范围和方式、依申请公开的受理机构和办理程序等事项。',
  '/catalog': '政府信息公开目录按类别列出本机关主动公开的政府信息，提供索引号、发布机构、成文日期等信息。',
  '/apply':
    '公民、法人或者其他组织可以向行政机关申请获取相关政府信息（《中华人民共和国政府信息公开条例》第二十七条）。',
  '/reports': '政府信息公开工作年度报告按规定于每年1月31日（部门）、3月31日（人民政府）前公布。',
  '/feedback': '对政府信息公开工作提出咨询、意见建议或纠错，查看已公开的答复。',
  '/search': '在本站主动公开的政府信息中检索。',
};

export const portalRoutes = new Hono<AppEnv>();

portalRoutes.get('/', async (c) => {
  const settings = c.get('settings');
  const ctx = c.get('ctx');
  const [latest, notices] = await Promise.all([
    listPublished(ctx, { pageSize: 10 }),
    listPublished(ctx, { kind: 'notice', pageSize: 6 }),
  ]);
  return html(
    c,
    <PortalPage title="首页" settings={settings} current="/">
      <h1>{settings.siteName}</h1>
      <p>
        本站依据《中华人民共和国政府信息公开条例》设立，集中发布本级人民政府及其部门主动公开的政府信息，受理政府信息公开申请。
      </p>
      <div class="home-search">
        <form method="get" action="/search" class="stack">
          <label for="home-q">搜索政府信息</label>
          <div class="search-row">
            <input type="search" id="home-q" name="q" placeholder="如：公开、预算、营商环境" />
            <button type="submit">搜索</button>
          </div>
        </form>
      </div>
      <div class="home-columns">
        <section aria-labelledby="latest-title">
          <h2 id="latest-title">最新信息</h2>
          {latest.rows.length > 0 ? <ItemList items={latest.rows} /> : <p class="hint">暂无已发布的信息。</p>}
          <p>
            <a href="/catalog">查看全部政府信息</a>
          </p>
        </section>
        <section aria-labelledby="notices-title">
          <h2 id="notices-title">通知公告</h2>
          {notices.rows.length > 0 ? <ItemList items={notices.rows} /> : <p class="hint">暂无通知公告。</p>}
          <p>
            <a href="/catalog?kind=notice">更多通知公告</a>
          </p>
        </section>
      </div>
      <h2>栏目导航</h2>
      <ul class="cards">
        {PORTAL_NAV.filter((item) => item.href !== '/').map((item) => (
          <li>
            <a href={item.href}>{item.label}</a>
            <p>{SECTIONS[item.href]}</p>
          </li>
        ))}
      </ul>
    </PortalPage>,
  );
});

portalRoutes.route('/', catalogRoutes);
portalRoutes.route('/', guideRoutes);
portalRoutes.route('/', reportRoutes);
portalRoutes.route('/', feedRoutes);
portalRoutes.route('/', sitemapRoutes);
portalRoutes.route('/', seniorRoutes);
