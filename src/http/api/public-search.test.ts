// GET /api/v1/catalog/search: public, the same results as the portal page, hits as offsets and as <mark> HTML.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPublishedItem, workflowOf as who } from '../../../test/catalog.ts';
import { forEachEngine } from '../../../test/engines.ts';
import type { Agency } from '../../agencies/model.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import type { CatalogItem } from '../../catalog/model.ts';
import { Client, demoUsers, testApp } from '../testing.ts';
import { searchResponse } from './public-search.ts';
import { json } from './testing.ts';

describe('API: catalogue search', () => {
  forEachEngine((_engine, getDb) => {
    let client: Client;
    let first: CatalogItem;
    let second: CatalogItem;

    beforeAll(async () => {
      const t = testApp(getDb());
      client = new Client(t.app);
      await demoUsers(t.ctx);
      const [gov] = (await listAgencyRows(t.ctx.db.kysely)) as [Agency];
      first = await buildPublishedItem(
        t.ctx,
        gov.id,
        who(gov),
        { kind: 'notice', title: '2025年政务公开工作要点', docNo: null, body: '推进政务公开标准化规范化。' },
        '2025-10-01',
      );
      second = await buildPublishedItem(
        t.ctx,
        gov.id,
        who(gov),
        { kind: 'document', title: '部门决算说明', docNo: null, body: '本部门决算按规定向社会公开。' },
        '2025-10-02',
      );
    });

    it('answers without login, title hits first, with hit offsets and <mark> HTML', async () => {
      const res = await json(client.get(`/api/v1/catalog/search?q=${encodeURIComponent('公开')}`));
      expect(res.status).toBe(200);
      const body = searchResponse.parse(res.body);
      expect(body.results.map((r) => r.id)).toEqual([first.id, second.id]);
      expect(body).toMatchObject({ total: 2, capped: false, matched: 'all', terms: ['公开'], page: 1 });
      const [top] = body.results;
      expect(top?.url).toBe(`/catalog/${first.id}`);
      expect(top?.title.html).toBe('2025年政务<mark>公开</mark>工作要点');
      const [start, end] = top?.title.hits[0] ?? [0, 0];
      expect(top?.title.text.slice(start, end)).toBe('公开');
      expect(top?.score).toBe(2);
      expect(body.results[1]?.score).toBe(0);
    });

    it('filters and pages like the portal', async () => {
      const res = await json(client.get(`/api/v1/catalog/search?q=${encodeURIComponent('公开')}&kind=document`));
      expect(res.body.results.map((r: { id: number }) => r.id)).toEqual([second.id]);
      const page2 = await json(client.get(`/api/v1/catalog/search?q=${encodeURIComponent('公开')}&pageSize=1&page=2`));
      expect(page2.body.results.map((r: { id: number }) => r.id)).toEqual([second.id]);
      expect(page2.body.total).toBe(2);
    });

    it('treats query syntax as text and names the field when the query is empty or bad', async () => {
      for (const q of ['公开 OR *', '"公开"', 'NEAR(公开)', '-公开:']) {
        const res = await json(client.get(`/api/v1/catalog/search?q=${encodeURIComponent(q)}`));
        expect(res.status).toBe(200);
        expect(res.body.total).toBeGreaterThan(0);
      }
      const empty = await json(client.get('/api/v1/catalog/search?q=%20'));
      expect(empty.status).toBe(400);
      expect(empty.body.error).toMatchObject({ code: 'validation', field: 'q' });
      expect(empty.body.error.message).toContain('检索词');
      const missing = await json(client.get('/api/v1/catalog/search'));
      expect(missing.status).toBe(400);
      const badKind = await json(client.get('/api/v1/catalog/search?q=a&kind=x'));
      expect(badKind.body.error).toMatchObject({ code: 'validation', field: 'kind' });
    });
  });
});
