// 站内检索 on the portal: the GET form, results with marked hits linking to the item page, filters, paging, the
// messages for an empty query and for no results — and that nothing typed is echoed unescaped.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPublishedItem, workflowOf as who } from '../../../test/catalog.ts';
import { forEachEngine } from '../../../test/engines.ts';
import type { Agency } from '../../agencies/model.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import type { CatalogItem } from '../../catalog/model.ts';
import { changeValidity } from '../../catalog/service.ts';
import { Client, demoUsers, testApp } from '../testing.ts';

describe('portal: 站内检索', () => {
  forEachEngine((_engine, getDb) => {
    let client: Client;
    let gov: Agency;
    let budget: CatalogItem;
    let rule: CatalogItem;

    beforeAll(async () => {
      const t = testApp(getDb());
      client = new Client(t.app);
      await demoUsers(t.ctx);
      [gov] = (await listAgencyRows(t.ctx.db.kysely)) as [Agency];
      budget = await buildPublishedItem(
        t.ctx,
        gov.id,
        who(gov),
        {
          kind: 'notice',
          title: '关于2025年部门预算公开的通知',
          docNo: null,
          body: '各部门：请于批复后20日内公开部门预算（收入 < 支出 & 结转），<script>alert(1)</script> 不得迟报。',
          formedOn: '2025-03-01',
        },
        '2025-03-02',
      );
      rule = await buildPublishedItem(
        t.ctx,
        gov.id,
        who(gov),
        {
          title: '测试区预算管理办法',
          docNo: '测政规〔2024〕5号',
          body: '为加强预算管理，制定本办法。',
          formedOn: '2024-05-01',
        },
        '2024-05-06',
      );
      await changeValidity(who(gov).publisher, t.ctx, rule.id, { validity: 'repealed', onDate: '2025-01-01' });
    });

    it('shows the form with a label and a 检索 button, and asks for words when the query is empty', async () => {
      const page = await client.get('/search');
      expect(page.status).toBe(200);
      const body = await page.text();
      expect(body).toContain('<label for="search-q"');
      expect(body).toContain('>检索</button>');
      expect(body).not.toContain('请输入要检索的词语');
      const empty = await (await client.get('/search?q=%20%22*')).text();
      expect(empty).toContain('请输入要检索的词语');
    });

    it('finds a two-character word, marks it, and links each result to its page', async () => {
      const body = await (await client.get(`/search?q=${encodeURIComponent('预算')}`)).text();
      expect(body).toContain('找到 2 条');
      expect(body).toContain(`href="/catalog/${budget.id}"`);
      expect(body).toContain(`href="/catalog/${rule.id}"`);
      expect(body).toContain('关于2025年部门<mark>预算</mark>公开的通知');
      expect(body).toContain(budget.indexNo as string);
      expect(body).toContain('2025年3月2日');
      // The repealed 规范性文件 shows its validity; the body's markup stays text.
      expect(body).toContain('废止');
      expect(body).not.toContain('<script>alert(1)</script>');
      expect(body).toContain('<mark>预算</mark>（收入 &lt; 支出 &amp; 结转）');
    });

    it('filters and pages', async () => {
      const notices = await (await client.get(`/search?q=${encodeURIComponent('预算')}&kind=notice`)).text();
      expect(notices).toContain('找到 1 条');
      expect(notices).toContain(`href="/catalog/${budget.id}"`);
      const repealed = await (await client.get(`/search?q=${encodeURIComponent('预算')}&validity=repealed`)).text();
      expect(repealed).toContain(`href="/catalog/${rule.id}"`);
      expect(repealed).not.toContain(`href="/catalog/${budget.id}"`);
      const year = await (await client.get(`/search?q=${encodeURIComponent('预算')}&year=2024`)).text();
      expect(year).toContain('找到 1 条');
      const bad = await client.get(`/search?q=${encodeURIComponent('预算')}&kind=nonsense&year=abc`);
      expect(bad.status).toBe(200);
      expect(await bad.text()).toContain('“信息类别”无效，已忽略');
    });

    it('says so kindly when nothing is found, and never echoes the query unescaped', async () => {
      const body = await (await client.get(`/search?q=${encodeURIComponent('<b>火星基地</b>')}`)).text();
      expect(body).toContain('未找到与');
      expect(body).toContain('检索建议');
      expect(body).not.toContain('<b>火星基地</b>');
      expect(body).toContain('&lt;b&gt;火星基地&lt;/b&gt;');
    });
  });
});
