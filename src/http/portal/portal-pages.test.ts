// The portal's other pages: the home page, the 指南 from the agencies' settings, the annual reports, the feeds,
// the sitemap and robots.txt, and the 适老化 switch.
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPublishedItem, workflowOf as who } from '../../../test/catalog.ts';
import { forEachEngine } from '../../../test/engines.ts';
import type { Agency } from '../../agencies/model.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import type { CatalogItem } from '../../catalog/model.ts';
import { createItem } from '../../catalog/service.ts';
import type { Context } from '../../context.ts';
import { Client, demoUsers, testApp } from '../testing.ts';
import { safeBack } from './senior.ts';

describe('portal pages', () => {
  forEachEngine((_engine, getDb) => {
    let client: Client;
    let ctx: Context;
    let gov: Agency;
    let market: Agency;
    let normative: CatalogItem;
    let notice: CatalogItem;
    let report: CatalogItem;
    let draftId: number;

    beforeAll(async () => {
      const t = testApp(getDb());
      ctx = t.ctx;
      client = new Client(t.app);
      await demoUsers(ctx);
      [gov, , market] = (await listAgencyRows(ctx.db.kysely)) as [Agency, Agency, Agency];
      normative = await buildPublishedItem(ctx, gov.id, who(gov), { title: '测试区营商环境若干措施' }, '2025-09-10');
      notice = await buildPublishedItem(
        ctx,
        market.id,
        who(market),
        { kind: 'notice', title: '关于抽检结果的公告 <b>&</b> “更正”', docNo: null, formedOn: '2025-10-01' },
        '2025-10-09',
      );
      report = await buildPublishedItem(
        ctx,
        market.id,
        who(market),
        {
          kind: 'document',
          title: '示例区市场监督管理局2024年政府信息公开工作年度报告',
          docNo: null,
          formedOn: '2025-01-10',
        },
        '2025-01-20',
      );
      draftId = (
        await createItem(who(gov).publisher, ctx, gov.id, { kind: 'notice', title: '草稿通知', formedOn: '2025-10-01' })
      ).item.id;
    });

    it('home: the search box, the latest items, 通知公告 and the sections', async () => {
      const page = await (await client.get('/')).text();
      const $ = cheerio.load(page);
      expect($('form[action="/search"][method="get"] input[name="q"]').length).toBe(1);
      expect($('#latest-title').next('ul').find(`a[href="/catalog/${normative.id}"]`).text()).toBe(normative.title);
      expect($('#notices-title').next('ul').find('a').first().attr('href')).toBe(`/catalog/${notice.id}`);
      expect($('#notices-title').next('ul').find(`a[href="/catalog/${normative.id}"]`).length).toBe(0);
      for (const href of ['/guide', '/catalog', '/apply', '/reports'])
        expect($(`ul.cards a[href="${href}"]`).length).toBe(1);
      expect(page).not.toContain('草稿通知');
      expect($('link[rel="alternate"][type="application/atom+xml"]').attr('href')).toBe('/feeds/catalog.atom');
    });

    it('指南: generated from the agency’s settings with everything 第十二条 requires', async () => {
      const page = await (await client.get('/guide')).text();
      const $ = cheerio.load(page);
      expect($('h1').text()).toBe('示例区人民政府政府信息公开指南');
      const text = $('main').text();
      for (const needed of [
        '示例区人民路1号区政务服务中心二楼',
        '0517-80000001',
        'zfxxgk@example.gov.cn',
        '工作日上午9:00至12:00',
        '示例市人民政府',
        '示例市中级人民法院',
        '20个工作日内予以答复',
        '最长不得超过20个工作日',
        '国办函〔2020〕109号',
        '（七）财政预算、决算信息',
      ])
        expect(text).toContain(needed);
      expect($('a[href="/apply"]').length).toBeGreaterThan(0);
      expect($(`a[href="/guide/${market.id}"]`).text()).toBe('示例区市场监督管理局政府信息公开指南');

      const dept = cheerio.load(await (await client.get(`/guide/${market.id}`)).text());
      const deptText = dept('main').text();
      expect(deptText).toContain('0517-80000003');
      expect(deptText).toContain('60日内向示例区人民政府申请行政复议');
      expect(deptText).toContain('示例区人民法院提起行政诉讼');
      expect(dept(`a[href="/catalog?agency=${market.id}"]`).length).toBe(1);
      expect((await client.get('/guide/99999')).status).toBe(404);
    });

    it('年度报告: the catalogue’s annual reports by year, and the report checker', async () => {
      const $ = cheerio.load(await (await client.get('/reports')).text());
      expect($('h2#y-2024').text()).toBe('2024年度');
      const row = $(`a[href="/catalog/${report.id}"]`).closest('tr');
      expect(row.find('td').first().text()).toBe('示例区市场监督管理局');
      expect($(`a[href="/catalog/${normative.id}"]`).length).toBe(0);
      expect($('a[href="/reports/check"]').length).toBe(1);
    });

    it('feeds: Atom and RSS as well-formed, escaped XML, the whole site or one agency', async () => {
      const atomRes = await client.get('/feeds/catalog.atom');
      expect(atomRes.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const atom = cheerio.load(await atomRes.text(), { xml: true });
      expect(atom('feed > entry').length).toBe(3);
      const first = atom('feed > entry').first();
      expect(first.find('title').text()).toBe('关于抽检结果的公告 <b>&</b> “更正”');
      expect(first.find('link').attr('href')).toBe(`http://localhost/catalog/${notice.id}`);
      expect(first.find('updated').text()).toBe('2025-10-09T00:00:00+08:00');
      expect(atom('feed > updated').text()).toBe('2025-10-09T00:00:00+08:00');

      const rssText = await (await client.get(`/feeds/catalog.rss?agency=${gov.id}`)).text();
      expect(rssText).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
      const rss = cheerio.load(rssText, { xml: true });
      expect(rss('rss > channel > item').length).toBe(3); // the government with its departments
      const own = cheerio.load(await (await client.get(`/feeds/catalog.rss?agency=${market.id}`)).text(), {
        xml: true,
      });
      expect(
        own('channel > item > link')
          .map((_, e) => own(e).text())
          .get(),
      ).toEqual([`http://localhost/catalog/${notice.id}`, `http://localhost/catalog/${report.id}`]);
      expect(own('channel > item > pubDate').first().text()).toBe('Wed, 08 Oct 2025 16:00:00 GMT');
      expect((await client.get('/feeds/catalog.rss?agency=abc')).status).toBe(404);
      // The text of information not published of its own accord never goes into a feed.
      const hidden = await buildPublishedItem(ctx, market.id, who(market), {
        kind: 'other',
        title: '依申请公开的材料',
        docNo: null,
        disclosureMode: 'onRequest',
        body: '只能依申请获取的正文',
      });
      const after = await (await client.get('/feeds/catalog.atom')).text();
      expect(after).toContain(`/catalog/${hidden.id}`);
      expect(after).toContain('依申请公开');
      expect(after).not.toContain('只能依申请获取的正文');
    });

    it('sitemap.xml lists the pages and every published item, never a draft; robots.txt points to it', async () => {
      const res = await client.get('/sitemap.xml');
      expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      const $ = cheerio.load(await res.text(), { xml: true });
      const locs = $('urlset > url > loc')
        .map((_, e) => $(e).text())
        .get();
      expect(locs).toContain('http://localhost/catalog');
      expect(locs).toContain('http://localhost/guide');
      expect(locs).toContain(`http://localhost/catalog/${normative.id}`);
      expect(locs).not.toContain(`http://localhost/catalog/${draftId}`);
      const entry = $('url').filter((_, e) => $(e).find('loc').text() === `http://localhost/catalog/${normative.id}`);
      expect(entry.find('lastmod').text()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const robots = await (await client.get('/robots.txt')).text();
      expect(robots).toContain('Sitemap: http://localhost/sitemap.xml');
      expect(robots).toContain('Disallow: /console');
    });

    it('适老化模式: a link turns it on for a year and comes back; the page frame shows it; off again', async () => {
      const browser = new Client(testApp(getDb()).app);
      let $ = cheerio.load(await (await browser.get('/catalog?kind=notice')).text());
      expect($('body').attr('class')).toBe('portal');
      const toggle = $('a.senior-toggle');
      expect(toggle.text()).toBe('适老化模式');
      expect(toggle.attr('href')).toBe('/senior?on=1&back=%2Fcatalog%3Fkind%3Dnotice');

      const on = await browser.get(toggle.attr('href') as string);
      expect(on.status).toBe(303);
      expect(on.headers.get('location')).toBe('/catalog?kind=notice');
      const cookie = on.headers.getSetCookie().join('\n');
      expect(cookie).toMatch(/gk_senior=1; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/);

      $ = cheerio.load(await (await browser.get('/guide')).text());
      expect($('body').attr('class')).toBe('portal senior');
      expect($('a.senior-toggle').text()).toBe('退出适老化模式');
      expect($('a.senior-toggle').attr('href')).toBe('/senior?on=0&back=%2Fguide');
      const off = await browser.get($('a.senior-toggle').attr('href') as string);
      expect(off.headers.get('location')).toBe('/guide');
      $ = cheerio.load(await (await browser.get('/guide')).text());
      expect($('body').attr('class')).toBe('portal');

      // Only a path on this site.
      for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/senior?on=1', '', 'x'])
        expect(safeBack(bad)).toBe('/');
      expect((await browser.get('/senior?on=1&back=%2F%2Fevil.example')).headers.get('location')).toBe('/');
      expect(safeBack('/catalog/12?x=1')).toBe('/catalog/12?x=1');
    });
  });
});
