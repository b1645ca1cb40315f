// sitemap.xml (sitemaps.org 0.9): the portal's pages, every agency's guide and every published item with its
// last change; robots.txt points to it and keeps crawlers out of the console and the API.
import { Hono } from 'hono';
import { listAgencyRows } from '../../agencies/repository.ts';
import { listPublished } from '../../annual/repository.ts';
import { publishedIndex } from '../../catalog/queries.ts';
import type { AppEnv } from '../env.ts';
import { portalReportHref } from '../report-links.ts';
import { xmlEscape } from './feeds.ts';

export const SITEMAP_PAGES = [
  '/',
  '/guide',
  '/catalog',
  '/apply',
  '/reports',
  '/reports/check',
  '/open-data',
  '/search',
];

export const sitemapRoutes = new Hono<AppEnv>();

sitemapRoutes.get('/sitemap.xml', async (c) => {
  const ctx = c.get('ctx');
  const origin = new URL(c.req.url).origin;
  const [items, agencies, reports] = await Promise.all([
    publishedIndex(ctx),
    listAgencyRows(ctx.db.kysely),
    listPublished(ctx.db.kysely),
  ]);
  const url = (path: string, lastmod?: string | null) =>
    `  <url><loc>${xmlEscape(`${origin}${path}`)}</loc>${lastmod ? `<lastmod>${xmlEscape(lastmod)}</lastmod>` : ''}</url>`;
  const lines = [
    ...SITEMAP_PAGES.map((p) => url(p)),
    ...agencies.map((a) => url(`/guide/${a.id}`, a.updatedAt.slice(0, 10))),
    ...items.map((i) => url(`/catalog/${i.id}`, (i.updatedAt || i.publishedOn || '').slice(0, 10) || null)),
    ...reports.map((r) => url(portalReportHref(r.agencyId, r.year), r.updatedAt.slice(0, 10))),
  ];
  const body = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${lines.join('\n')}
</urlset>
`;
  return c.body(body, 200, { 'content-type': 'application/xml; charset=utf-8' });
});

sitemapRoutes.get('/robots.txt', (c) => {
  const origin = new URL(c.req.url).origin;
  return c.text(
    `User-agent: *\nDisallow: /console\nDisallow: /api/\nDisallow: /senior\nSitemap: ${origin}/sitemap.xml\n`,
  );
});
