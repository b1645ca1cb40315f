// Feeds of the latest published information: Atom (RFC 4287) and RSS 2.0, the 50 newest items, or one agency's
// (with its departments) by ?agency=. Every text is escaped; links are absolute, built from the request's origin.
import { type Context, Hono } from 'hono';
import { listAgencyRows } from '../../agencies/repository.ts';
import { type CatalogItem, MODE_LABELS } from '../../catalog/model.ts';
import { listPublished } from '../../catalog/queries.ts';
import type { AppEnv } from '../env.ts';

export const FEED_SIZE = 50;

/** Text for XML content and attributes; characters XML 1.0 forbids are dropped. */
export function xmlEscape(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** A Beijing date as an instant: midnight in Asia/Shanghai. */
const dateTime = (date: string | null) => `${date ?? '1970-01-01'}T00:00:00+08:00`;
const rfc822 = (date: string | null) => new Date(dateTime(date)).toUTCString();

/** 文号, 发布机构 and the start of the text — only of information published of its own accord (not 依申请公开). */
const summary = (item: CatalogItem) =>
  [
    item.docNo,
    item.issuer,
    item.disclosureMode === 'active' ? item.bodyText.slice(0, 200) : MODE_LABELS[item.disclosureMode],
  ]
    .filter((s) => s && s.length > 0)
    .join(' · ');

async function feedItems(c: Context<AppEnv>) {
  const ctx = c.get('ctx');
  const raw = c.req.query('agency');
  const agencies = await listAgencyRows(ctx.db.kysely);
  const agency = raw && /^\d{1,12}$/.test(raw) ? agencies.find((a) => a.id === Number(raw)) : undefined;
  if (raw && !agency) return null;
  const page = await listPublished(ctx, { agencyId: agency?.id ?? null, pageSize: FEED_SIZE });
  const origin = new URL(c.req.url).origin;
  const settings = c.get('settings');
  const title = agency ? `${agency.name} - ${settings.siteName}` : settings.siteName;
  return { items: page.rows, origin, title, query: agency ? `?agency=${agency.id}` : '' };
}

export const feedRoutes = new Hono<AppEnv>();

feedRoutes.get('/feeds/catalog.atom', async (c) => {
  const feed = await feedItems(c);
  if (!feed) return c.text('“发布机构”不存在', 404);
  const { items, origin, title, query } = feed;
  const updated = items[0]?.publishedOn ?? null;
  const entries = items.map(
    (item) => `  <entry>
    <id>${xmlEscape(`${origin}/catalog/${item.id}`)}</id>
    <title>${xmlEscape(item.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(`${origin}/catalog/${item.id}`)}"/>
    <updated>${dateTime(item.publishedOn)}</updated>
    <published>${dateTime(item.publishedOn)}</published>
    <author><name>${xmlEscape(item.issuer)}</name></author>
    <summary>${xmlEscape(summary(item))}</summary>
  </entry>`,
  );
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xmlEscape(`${origin}/feeds/catalog.atom${query}`)}</id>
  <title>${xmlEscape(`${title} - 最新政府信息`)}</title>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(`${origin}/feeds/catalog.atom${query}`)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(`${origin}/catalog`)}"/>
  <updated>${dateTime(updated)}</updated>
${entries.join('\n')}
</feed>
`;
  return c.body(body, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
});

feedRoutes.get('/feeds/catalog.rss', async (c) => {
  const feed = await feedItems(c);
  if (!feed) return c.text('“发布机构”不存在', 404);
  const { items, origin, title } = feed;
  const entries = items.map(
    (item) => `    <item>
      <title>${xmlEscape(item.title)}</title>
      <link>${xmlEscape(`${origin}/catalog/${item.id}`)}</link>
      <guid isPermaLink="true">${xmlEscape(`${origin}/catalog/${item.id}`)}</guid>
      <pubDate>${rfc822(item.publishedOn)}</pubDate>
      <description>${xmlEscape(summary(item))}</description>
    </item>`,
  );
  const body = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>${xmlEscape(`${title} - 最新政府信息`)}</title>
    <link>${xmlEscape(`${origin}/catalog`)}</link>
    <description>${xmlEscape('主动公开的政府信息')}</description>
    <language>zh-cn</language>
${entries.join('\n')}
  </channel>
</rss>
`;
  return c.body(body, 200, { 'content-type': 'application/rss+xml; charset=utf-8' });
});
