import { beforeAll, describe, expect, it } from 'vitest';
import { buildPublishedItem, type Workflow } from '../../../test/catalog.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { buildHierarchy, buildUser, testContext } from '../../../test/platform.ts';
import type { Context } from '../../context.ts';
import type { CatalogItem } from '../model.ts';
import { changeValidity, withdrawItem } from '../service.ts';
import { SEARCH_TUNING } from './engine.ts';
import { reindexAll } from './indexer.ts';
import { relatedItems, searchCatalog } from './query.ts';
import { queryTokens } from './segment.ts';

// The test corpus: the same items, published on the same days, on every engine; the expected orderings below are
// the contract that SQLite and PostgreSQL return identical results.
const CORPUS = [
  {
    key: 'budget',
    title: '市财政局关于2025年部门预算公开的通知',
    kind: 'notice',
    body: '各部门：根据《预算法》，现就做好2025年部门预决算公开工作通知如下。一、公开时间。二、公开内容。',
    on: '2025-03-01',
  },
  {
    key: 'final',
    title: '2024年度市本级决算报告',
    kind: 'document',
    body: '本报告说明2024年度一般公共预算执行情况和政府性基金预算执行情况，按规定向社会公开。',
    on: '2025-07-10',
  },
  {
    key: 'business',
    title: '关于进一步优化营商环境的若干措施',
    kind: 'normative',
    docNo: '测政规〔2025〕3号',
    body: '为进一步优化营商环境，推进一网通办和放管服改革，制定本措施。一、压缩企业开办时间。',
    on: '2025-05-20',
  },
  {
    key: 'open',
    title: '2025年政务公开工作要点',
    kind: 'document',
    body: '全面推进政务公开标准化规范化，做好政府信息主动公开和依申请公开工作，加强政策解读。',
    on: '2025-04-02',
  },
  {
    key: 'random',
    title: '市场监管局双随机一公开抽查结果',
    kind: 'notice',
    body: '依据双随机一公开工作要求，对辖区内食品生产企业开展抽查，结果如下。',
    on: '2025-06-15',
  },
  {
    key: 'netting',
    title: '关于推行一网通办的实施意见',
    kind: 'normative',
    docNo: '测政规〔2024〕9号',
    body: '推动政务服务事项网上办理，企业和群众办事只进一扇门。',
    on: '2024-11-30',
  },
  {
    key: 'unrelated',
    title: '关于做好防汛工作的通知',
    kind: 'notice',
    body: '各乡镇、各部门要落实防汛责任，确保安全度汛。',
    on: '2025-06-01',
  },
] as const;

type Key = (typeof CORPUS)[number]['key'];

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let who: Workflow;
  let agencyId: number;
  const items = new Map<Key, CatalogItem>();
  const keyOf = (id: number) => [...items].find(([, v]) => v.id === id)?.[0];
  const keys = async (q: string, more: Parameters<typeof searchCatalog>[1] extends infer I ? Partial<I> : never = {}) =>
    (await searchCatalog(ctx, { q, ...more })).rows.map((r) => keyOf(r.item.id));

  beforeAll(async () => {
    ctx = testContext(getDb());
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    who = {
      publisher: (await buildUser(ctx, 'publisher', agencyId)).actor,
      reviewer: (await buildUser(ctx, 'reviewer', agencyId)).actor,
    };
    for (const c of CORPUS) {
      const item = await buildPublishedItem(
        ctx,
        agencyId,
        who,
        {
          kind: c.kind,
          title: c.title,
          docNo: 'docNo' in c ? c.docNo : null,
          body: c.body,
          formedOn: c.on,
          topic: '综合政务',
        },
        c.on,
      );
      items.set(c.key, item);
    }
  });

  describe('segmentation', () => {
    it('keeps government terms whole for the query and drops what their parts cover', () => {
      expect(queryTokens('政务公开')).toEqual(['政务', '公开']);
      expect(queryTokens('公开')).toEqual(['公开']);
      expect(queryTokens('"预算" OR * -:NEAR(')).toEqual(['预算', 'or', 'near']);
      expect(queryTokens('！？“”')).toEqual([]);
    });
  });

  describe('two-character queries and ranking (the same order on every engine)', () => {
    it('finds 公开 inside longer words, title hits first, then the newest', async () => {
      expect(await keys('公开')).toEqual(['random', 'open', 'budget', 'final']);
    });
    it('finds 预算 in titles and bodies (部门预决算 included)', async () => {
      expect(await keys('预算')).toEqual(['budget', 'final']);
    });
    it('requires every word (AND): 政务公开 and 营商环境 措施', async () => {
      expect(await keys('政务公开')).toEqual(['open']);
      expect(await keys('营商环境 措施')).toEqual(['business']);
      expect(await keys('一网通办')).toEqual(['netting', 'business']);
      expect(await keys('网通')).toEqual(['netting', 'business']);
    });
    it('falls back to any word when nothing has them all', async () => {
      const result = await searchCatalog(ctx, { q: '防汛 预决算' });
      expect(result.matched).toBe('any');
      // A word in the heading first (决算 in 'final', 防汛 in 'unrelated'; newest first), then 预决算 in a body.
      expect(result.rows.map((r) => keyOf(r.item.id))).toEqual(['final', 'unrelated', 'budget']);
    });
    it('finds an item by its 文号 and its 索引号', async () => {
      expect(await keys('测政规〔2025〕3号')).toEqual(['business']);
      const item = items.get('final') as CatalogItem;
      expect(await keys(item.indexNo as string)).toEqual(['final']);
    });
  });

  describe('filters, highlighting and safety', () => {
    it('filters by kind, year and agency inside the index query', async () => {
      expect(await keys('公开', { kind: 'notice' })).toEqual(['random', 'budget']);
      expect(await keys('一网通办', { year: 2024 })).toEqual(['netting']);
      expect(await keys('公开', { agencyId: 999_999 })).toEqual([]);
    });
    it('marks the hits in escaped title and snippet', async () => {
      const [row] = (await searchCatalog(ctx, { q: '营商环境' })).rows;
      expect(row?.titleHtml).toBe('关于进一步优化<mark>营商环境</mark>的若干措施');
      expect(row?.snippetHtml).toContain('<mark>营商环境</mark>');
      expect(row?.snippet.hits.length).toBeGreaterThan(0);
      const [start, end] = row?.snippet.hits[0] ?? [0, 0];
      expect(row?.snippet.text.slice(start, end)).toBe('营商环境');
    });
    it('never fails on query syntax and says so when the query is empty', async () => {
      for (const q of ['"', '* OR NEAR(a b)', '-预算', 'title:预算', "'; drop table x; --", 'a AND', '\\', '预算"*']) {
        // Either results or the clear message when no word is left (a lone quote); never an engine's syntax error.
        const outcome = await searchCatalog(ctx, { q }).then(
          () => 'ok',
          (e) => e.code,
        );
        expect(['ok', 'validation']).toContain(outcome);
      }
      await expect(searchCatalog(ctx, { q: '  ' })).rejects.toMatchObject({ code: 'validation', field: 'q' });
    });
    it('pages, and counts past the last page', async () => {
      const first = await searchCatalog(ctx, { q: '公开', pageSize: 3 });
      expect(first.total).toBe(4);
      expect(first.rows).toHaveLength(3);
      const second = await searchCatalog(ctx, { q: '公开', pageSize: 3, page: 2 });
      expect(second.rows.map((r) => keyOf(r.item.id))).toEqual(['final']);
      const beyond = await searchCatalog(ctx, { q: '公开', pageSize: 3, page: 9 });
      expect(beyond).toMatchObject({ rows: [], total: 4 });
    });
  });

  describe('reading order', () => {
    it('gives the same pages whether the newest documents fill them or not (PostgreSQL reads them first)', async () => {
      const queries = ['公开', '预算', '一网通办', '防汛 预决算', '营商环境 措施'];
      const pages = async () => {
        const out: unknown[] = [];
        for (const q of queries)
          for (const page of [1, 2, 3]) {
            const r = await searchCatalog(ctx, { q, page, pageSize: 1 });
            out.push([q, page, r.total, ...r.rows.map((row) => row.item.id)]);
          }
        return out;
      };
      const wide = await pages();
      const saved = SEARCH_TUNING.window;
      try {
        SEARCH_TUNING.window = 2;
        expect(await pages()).toEqual(wide);
      } finally {
        SEARCH_TUNING.window = saved;
      }
    });
  });

  describe('the index follows the catalogue', () => {
    it('follows validity and withdrawal, and a rebuild gives the same results', async () => {
      const business = items.get('business') as CatalogItem;
      await changeValidity(who.publisher, ctx, business.id, { validity: 'repealed', onDate: '2025-10-01' });
      expect(await keys('营商环境', { validity: 'repealed' })).toEqual(['business']);
      expect(await keys('营商环境', { validity: 'valid' })).toEqual([]);
      const before = await keys('公开');
      expect(await reindexAll(ctx)).toBe(CORPUS.length);
      expect(await keys('公开')).toEqual(before);
      await withdrawItem(who.publisher, ctx, (items.get('random') as CatalogItem).id, { reason: '误发' });
      expect(await keys('双随机一公开')).not.toContain('random');
      expect(await keys('抽查')).toEqual([]);
    });
    it('finds items related to a request text', async () => {
      const related = await relatedItems(ctx, queryTokens('2025年部门预算的通知'));
      expect(related.map((r) => keyOf(r.item.id))[0]).toBe('budget');
    });
  });
});
