// Issue 5's "done when", through the pages on every engine: a 发布员 publishes a 行政规范性文件 with a 政策解读 (a
// 审核人 approving each with the 保密审查) and later repeals it; the portal shows both states, the search finds it by a
// two-character word, and the year's table 二 counts change accordingly.
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../test/catalog-clients.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy } from '../../test/platform.ts';
import { validityCounts } from '../catalog/counts.ts';
import { type Client, type TestApp, testApp } from './testing.ts';

const ITEM = {
  kind: 'normative',
  issuer: '',
  topic: '财政、金融、审计',
  article20: '7',
  standardArea: '财政预决算',
  disclosureMode: 'active',
  withheldReason: '',
  bodyFormat: 'markdown',
  interpretsId: '',
  note: '',
};

forEachEngine((_engine, getDb) => {
  let t: TestApp;
  let agencyId: number;
  let publisher: Client;
  let reviewer: Client;

  const signIn = async (role: 'publisher' | 'reviewer', agency: number) => (await signInAs(t, role, agency)).client;

  async function post(client: Client, page: string, path: string, form: Record<string, string>) {
    const res = await client.post(path, { _csrf: await client.csrf(page), ...form });
    expect(res.status, `${path}: ${res.status === 200 ? await res.text() : ''}`.slice(0, 400)).toBe(303);
    return res;
  }

  /** Draft, submit, approve with the 保密审查, publish: returns the item's id. */
  async function publish(fields: Record<string, string>, publishedOn: string): Promise<number> {
    const res = await post(publisher, '/console/catalog/new', '/console/catalog', { ...ITEM, ...fields });
    const id = Number(/\/console\/catalog\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    const page = `/console/catalog/${id}`;
    await post(publisher, page, `${page}/submit`, {});
    await post(reviewer, page, `${page}/review`, { decision: 'approve', secrecyChecked: 'yes', comment: '' });
    await post(publisher, page, `${page}/publish`, { publishedOn });
    return id;
  }

  beforeAll(async () => {
    t = testApp(getDb());
    agencyId = (await buildHierarchy(t.ctx)).department.id;
    publisher = await signIn('publisher', agencyId);
    reviewer = await signIn('reviewer', agencyId);
  });

  describe('a 行政规范性文件 with its interpretation, published and later repealed', () => {
    it('shows both states on the portal, is found by a two-character word, and moves the year counts', async () => {
      const before = await validityCounts(t.ctx.db.kysely, agencyId, 2025);
      expect(before.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 0 });

      const policyId = await publish(
        {
          title: '测试区预算绩效管理实施办法',
          docNo: '测财规〔2025〕2号',
          formedOn: '2025-06-03',
          body: '为全面实施预算绩效管理，提高财政资金使用效益，制定本办法。',
        },
        '2025-06-10',
      );
      const readingId = await publish(
        {
          kind: 'interpretation',
          title: '《测试区预算绩效管理实施办法》政策解读',
          docNo: '',
          formedOn: '2025-06-04',
          interpretsId: String(policyId),
          body: '一、制定背景。二、主要内容。',
        },
        '2025-06-10',
      );

      // In force: the page says 有效 and links the interpretation; the interpretation links back.
      const res = await t.app.request(`/catalog/${policyId}`);
      expect(res.status).toBe(200);
      let html = await res.text();
      expect(html).toContain('测试区预算绩效管理实施办法');
      expect(html).toContain('有效');
      expect(html).not.toContain('废止');
      expect(html).toContain(`/catalog/${readingId}`);
      html = await (await t.app.request(`/catalog/${readingId}`)).text();
      expect(html).toContain(`/catalog/${policyId}`);

      // The search finds it by 预算, a two-character word inside 预算绩效管理.
      html = await (await t.app.request(`/search?q=${encodeURIComponent('预算')}`)).text();
      expect(html).toContain(`/catalog/${policyId}`);
      expect(html).toContain('<mark>预算</mark>');

      let y2025 = await validityCounts(t.ctx.db.kysely, agencyId, 2025);
      expect(y2025.normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 1 });

      // Repealed on 2026-03-01: the page says so prominently; 2025 keeps its figures, 2026 counts the repeal.
      const page = `/console/catalog/${policyId}`;
      await post(publisher, page, `${page}/validity`, {
        validity: 'repealed',
        onDate: '2026-03-01',
        replacedById: '',
        note: '经评估予以废止',
      });
      html = await (await t.app.request(`/catalog/${policyId}`)).text();
      expect(html).toMatch(/本文件已于2026年3月1日废止/);
      html = await (await t.app.request(`/search?q=${encodeURIComponent('预算')}&validity=repealed`)).text();
      expect(html).toContain(`/catalog/${policyId}`);
      html = await (await t.app.request(`/catalog?validity=valid&agency=${agencyId}`)).text();
      expect(html).not.toContain(`/catalog/${policyId}"`);

      y2025 = await validityCounts(t.ctx.db.kysely, agencyId, 2025);
      expect(y2025.normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 1 });
      const y2026 = await validityCounts(t.ctx.db.kysely, agencyId, 2026);
      expect(y2026.normativeDocuments).toEqual({ issued: 0, repealed: 1, inForce: 0 });
    });
  });
});
