// The catalogue on the portal: browsing with filters and paging, an item's page with its validity banner,
// metadata and interpretations, attachments' downloads, and what never shows (drafts, withdrawn items).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPublishedItem, workflowOf as who } from '../../../test/catalog.ts';
import { forEachEngine } from '../../../test/engines.ts';
import type { Agency } from '../../agencies/model.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import type { CatalogItem } from '../../catalog/model.ts';
import { addItemAttachment, changeValidity, createItem, withdrawItem } from '../../catalog/service.ts';
import type { Context } from '../../context.ts';
import { tinyPdf } from '../../demo/catalog.ts';
import { Client, demoUsers, testApp } from '../testing.ts';

describe('portal: 政府信息公开目录', () => {
  forEachEngine((_engine, getDb) => {
    let client: Client;
    let ctx: Context;
    let gov: Agency;
    let market: Agency;
    let edu: Agency;
    let policy: CatalogItem;
    let replacement: CatalogItem;
    let interpretation: CatalogItem;
    let notice: CatalogItem;
    let draftId: number;

    beforeAll(async () => {
      const t = testApp(getDb());
      ctx = t.ctx;
      client = new Client(t.app);
      await demoUsers(ctx);
      const agencies = await listAgencyRows(ctx.db.kysely);
      [gov, , market, edu] = agencies as [Agency, Agency, Agency, Agency];
      policy = await buildPublishedItem(
        ctx,
        gov.id,
        who(gov),
        { title: '测试区城镇居民最低生活保障办法', docNo: '测政规〔2021〕2号', formedOn: '2021-05-20' },
        '2021-05-28',
      );
      replacement = await buildPublishedItem(
        ctx,
        gov.id,
        who(gov),
        { title: '测试区城乡居民最低生活保障办法', docNo: '测政规〔2025〕1号', formedOn: '2025-06-10' },
        '2025-06-18',
      );
      interpretation = await buildPublishedItem(
        ctx,
        gov.id,
        who(gov),
        {
          kind: 'interpretation',
          title: '《测试区城乡居民最低生活保障办法》政策解读',
          docNo: null,
          interpretsId: replacement.id,
          formedOn: '2025-06-18',
        },
        '2025-06-19',
      );
      policy = await changeValidity(who(gov).publisher, ctx, policy.id, {
        validity: 'repealed',
        onDate: '2025-07-01',
        replacedById: replacement.id,
      });
      notice = await buildPublishedItem(
        ctx,
        market.id,
        who(market),
        {
          kind: 'notice',
          title: '关于食品安全抽检结果的公告 <script>alert(1)</script> & 说明',
          docNo: null,
          formedOn: '2024-10-15',
        },
        '2024-10-20',
      );
      const draft = await createItem(who(edu).publisher, ctx, edu.id, {
        kind: 'notice',
        title: '尚未发布的招生草稿',
        formedOn: '2025-05-01',
        body: '草稿',
      });
      draftId = draft.item.id;
    });

    it('lists the published catalogue with the table’s columns, never a draft', async () => {
      const res = await client.get('/catalog');
      expect(res.status).toBe(200);
      const page = await res.text();
      for (const col of ['索引号', '标题', '文号', '发布机构', '成文日期', '发布日期', '效力状态'])
        expect(page).toContain(`<th scope="col">${col}</th>`);
      expect(page).toContain(`href="/catalog/${replacement.id}"`);
      expect(page).toContain('<td class="nowrap">2025-06-10</td>');
      expect(page).toContain(replacement.indexNo as string);
      expect(page).toContain('<span class="badge validity-repealed">废止</span>');
      expect(page).not.toContain('尚未发布的招生草稿');
      // Escaped, never markup.
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; 说明');
      expect(page).not.toContain('<script>alert(1)');
    });

    it('filters by agency (with its departments), kind, year and validity; links keep the other filters', async () => {
      const byKind = await (await client.get('/catalog?kind=notice')).text();
      expect(byKind).toContain(`href="/catalog/${notice.id}"`);
      expect(byKind).not.toContain(`href="/catalog/${replacement.id}"`);
      expect(byKind).toContain('类别：通知公告');

      const dept = await (await client.get(`/catalog?agency=${market.id}`)).text();
      expect(dept).toContain(`href="/catalog/${notice.id}"`);
      expect(dept).not.toContain(`href="/catalog/${policy.id}"`);
      const whole = await (await client.get(`/catalog?agency=${gov.id}`)).text();
      expect(whole).toContain(`href="/catalog/${notice.id}"`);
      expect(whole).toContain(`href="/catalog/${policy.id}"`);

      const year = await (await client.get('/catalog?year=2021&kind=normative')).text();
      expect(year).toContain(`href="/catalog/${policy.id}"`);
      expect(year).not.toContain(`href="/catalog/${replacement.id}"`);
      // A link for another facet keeps the year and the kind.
      expect(year).toContain(`href="/catalog?agency=${market.id}&amp;kind=normative&amp;year=2021"`);
      expect(year).toMatch(/href="\/catalog\?kind=normative&amp;year=2021" aria-current="true"/);

      const repealed = await (await client.get('/catalog?validity=repealed')).text();
      expect(repealed).toContain(`href="/catalog/${policy.id}"`);
      expect(repealed).not.toContain(`href="/catalog/${replacement.id}"`);

      const bad = await client.get('/catalog?year=20x5&kind=law');
      expect(bad.status).toBe(200);
      const badPage = await bad.text();
      expect(badPage).toContain('“年份”应为四位数字的年份，已忽略');
      expect(badPage).toContain('“信息类别”无效，已忽略');
    });

    it('pages through long lists with links that keep the filters', async () => {
      for (let i = 0; i < 20; i++)
        await buildPublishedItem(
          ctx,
          edu.id,
          who(edu),
          { kind: 'notice', title: `教育通知${i}`, docNo: null },
          '2025-09-01',
        );
      const first = await (await client.get('/catalog?kind=notice')).text();
      expect(first).toContain('共 21 条，第 1 / 2 页');
      expect(first).toContain('href="/catalog?kind=notice&amp;page=2"');
      const second = await (await client.get('/catalog?kind=notice&page=2')).text();
      expect(second).toContain(`href="/catalog/${notice.id}"`); // the oldest, last
      expect(second).toContain('href="/catalog?kind=notice">上一页');
    });

    it('shows a repealed document’s banner with its replacement, and the interpretations both ways', async () => {
      const page = await (await client.get(`/catalog/${policy.id}`)).text();
      expect(page).toContain('<h1>测试区城镇居民最低生活保障办法</h1>');
      expect(page).toContain('<strong>本文件已于2025年7月1日废止</strong>，由《');
      expect(page).toContain(`<a href="/catalog/${replacement.id}">测试区城乡居民最低生活保障办法</a>》替代。`);
      for (const label of ['索引号', '主题分类', '发布机构', '成文日期', '发布日期', '文号', '效力状态', '公开方式'])
        expect(page).toContain(`<th scope="row">${label}</th>`);
      expect(page).toContain('<th scope="row">条例第二十条事项</th><td>（一）行政法规、规章和规范性文件</td>');
      expect(page).toContain('<td>测政规〔2021〕2号</td>');
      expect(page).toContain(`href="/feedback/new?item=${policy.id}"`);
      expect(page).toContain('<div class="item-body"><p>为进一步优化营商环境');

      const current = await (await client.get(`/catalog/${replacement.id}`)).text();
      expect(current).toContain('<strong>效力状态：有效</strong>');
      expect(current).toContain('<h2 id="interpretations-title">政策解读</h2>');
      expect(current).toContain(
        `<a href="/catalog/${interpretation.id}">《测试区城乡居民最低生活保障办法》政策解读</a>`,
      );

      const reading = await (await client.get(`/catalog/${interpretation.id}`)).text();
      expect(reading).toContain(
        `本文是对《<a href="/catalog/${replacement.id}">测试区城乡居民最低生活保障办法</a>》的政策解读`,
      );
      expect(reading).not.toContain('validity-banner');
    });

    it('serves a published item’s file as a download, and nothing of drafts or withdrawn items', async () => {
      const w = who(market);
      const item = await buildPublishedItem(ctx, market.id, w, { kind: 'document', title: '附件测试', docNo: null });
      expect((await client.get(`/catalog/${item.id}/attachments/1`)).status).toBe(404);
      // A file added to a change shows only once that change is published.
      const { saveItem, submitForReview, reviewItem, publishItem } = await import('../../catalog/service.ts');
      await saveItem(w.publisher, ctx, item.id, {
        kind: 'document',
        title: '附件测试',
        formedOn: item.formedOn,
        body: item.body,
      });
      const file = await addItemAttachment(w.publisher, ctx, item.id, {
        name: '2024年度报告（终稿）.pdf',
        data: tinyPdf('report'),
      });
      expect((await client.get(`/catalog/${item.id}/attachments/${file.id}`)).status).toBe(404);
      await submitForReview(w.publisher, ctx, item.id);
      await reviewItem(w.reviewer, ctx, item.id, { approve: true, secrecyChecked: true });
      await publishItem(w.publisher, ctx, item.id);

      const page = await (await client.get(`/catalog/${item.id}`)).text();
      expect(page).toContain(`href="/catalog/${item.id}/attachments/${file.id}"`);
      expect(page).toContain('（PDF，1 KB）');
      const res = await client.get(`/catalog/${item.id}/attachments/${file.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="attachment-\d+\.pdf"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("''")[1] ?? '')).toBe('2024年度报告（终稿）.pdf');
      expect(new TextDecoder().decode(await res.arrayBuffer())).toMatch(/^%PDF-1\.4/);
      // Another item's number in the address: 404.
      expect((await client.get(`/catalog/${policy.id}/attachments/${file.id}`)).status).toBe(404);

      await withdrawItem(w.publisher, ctx, item.id, { reason: '误发' });
      expect((await client.get(`/catalog/${item.id}`)).status).toBe(404);
      expect((await client.get(`/catalog/${item.id}/attachments/${file.id}`)).status).toBe(404);
      expect((await client.get(`/catalog/${draftId}`)).status).toBe(404);
      expect((await client.get('/catalog/999999')).status).toBe(404);
    });

    it('says so prominently when a document was amended or has expired', async () => {
      const w = who(gov);
      const amended = await buildPublishedItem(ctx, gov.id, w, {
        title: '测试区政务公开工作规定',
        formedOn: '2022-09-01',
      });
      await changeValidity(w.publisher, ctx, amended.id, {
        validity: 'amended',
        onDate: '2025-03-01',
        replacedById: replacement.id,
      });
      const page = await (await client.get(`/catalog/${amended.id}`)).text();
      expect(page).toContain(
        `<strong>本文件已于2025年3月1日修改</strong>，修改后的文件见《<a href="/catalog/${replacement.id}">测试区城乡居民最低生活保障办法</a>》。`,
      );
      expect(page).not.toContain('本文件已不再具有效力');
      const expired = await buildPublishedItem(ctx, gov.id, w, { title: '测试区稳岗补贴通知', formedOn: '2023-02-20' });
      await changeValidity(w.publisher, ctx, expired.id, { validity: 'expired', onDate: '2024-12-31' });
      const old = await (await client.get(`/catalog/${expired.id}`)).text();
      expect(old).toContain('<strong>本文件已于2024年12月31日失效</strong>。');
      expect(old).toContain('本文件已不再具有效力，仅供查阅。');
      const list = await (await client.get('/catalog?validity=expired')).text();
      expect(list).toContain('<span class="badge validity-expired">失效</span>');
    });

    it('shows only the metadata and a note for information not published of its own accord', async () => {
      const onRequest = await buildPublishedItem(ctx, market.id, who(market), {
        kind: 'other',
        title: '执法案卷评查情况',
        docNo: null,
        disclosureMode: 'onRequest',
        body: '不应出现的正文内容',
      });
      const page = await (await client.get(`/catalog/${onRequest.id}`)).text();
      expect(page).toContain('<th scope="row">公开方式</th><td>依申请公开</td>');
      expect(page).toContain('<a href="/apply">提出政府信息公开申请</a>');
      expect(page).not.toContain('不应出现的正文内容');

      const withheld = await buildPublishedItem(ctx, market.id, who(market), {
        kind: 'other',
        title: '内部研究材料',
        docNo: null,
        disclosureMode: 'withheld',
        withheldReason: '属于内部事务信息（《条例》第十六条第一款）',
        body: '不应出现的内部内容',
      });
      const hidden = await (await client.get(`/catalog/${withheld.id}`)).text();
      expect(hidden).toContain('本信息不予公开。');
      expect(hidden).toContain('理由：属于内部事务信息（《条例》第十六条第一款）');
      expect(hidden).not.toContain('不应出现的内部内容');
    });
  });
});
