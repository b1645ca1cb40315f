// The catalogue's staff API on every engine: the whole workflow in JSON (create, save, submit, review with the
// 保密审查, publish, validity, withdraw, a file), each answer matching the published OpenAPI shapes; refusals for
// another agency's staff, wrong roles, a missing session and a missing CSRF header.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildItemInput, buildPublishedItem, type Workflow } from '../../../test/catalog.ts';
import { catalogStaff } from '../../../test/catalog-clients.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { PDF } from '../../attachments/testing.ts';
import { publicItem } from '../../catalog/queries.ts';
import { sessionCsrfToken } from '../csrf.tsx';
import { Client, type TestApp, testApp } from '../testing.ts';
import { staffCatalogOperations } from './staff-catalog.ts';
import { json, postJson } from './testing.ts';

const BASE = '/api/v1/staff/catalog/items';
const shapeOf = (method: string, path: string) => {
  const op = staffCatalogOperations.find((o) => o.method === method && o.path === path);
  if (!op) throw new Error(`no operation ${method} ${path}`);
  return op.response;
};

forEachEngine((_engine, getDb) => {
  let t: TestApp;
  let agencyId: number;
  let who: Workflow;
  let publisher: Client;
  let reviewer: Client;
  let outsider: Client;
  let handler: Client;

  beforeAll(async () => {
    t = testApp(getDb());
    ({ agencyId, who, publisher, reviewer, outsider, handler } = await catalogStaff(t));
  });

  describe('API: catalogue workflow', () => {
    it('creates, saves, submits, approves, publishes, changes validity and withdraws', async () => {
      const created = await json(
        postJson(publisher, BASE, buildItemInput({ title: 'API新建的规范性文件' }), { csrf: true }),
      );
      expect(created.status).toBe(201);
      expect(shapeOf('post', '/staff/catalog/items').parse(created.body)).toBeTruthy();
      const id = created.body.item.id as number;
      expect(created.body.revision).toMatchObject({ no: 1, status: 'draft' });

      const saved = await json(
        postJson(publisher, `${BASE}/${id}`, buildItemInput({ title: 'API修改后的标题', note: '改标题' }), {
          csrf: true,
        }),
      );
      expect(saved.status).toBe(200);
      expect(saved.body.revision.fields.title).toBe('API修改后的标题');

      expect((await json(postJson(publisher, `${BASE}/${id}/submit`, {}, { csrf: true }))).status).toBe(200);
      const noSecrecy = await json(postJson(reviewer, `${BASE}/${id}/review`, { approve: true }, { csrf: true }));
      expect(noSecrecy.status).toBe(400);
      expect(noSecrecy.body.error.field).toBe('secrecyChecked');
      const approved = await json(
        postJson(
          reviewer,
          `${BASE}/${id}/review`,
          { approve: true, secrecyChecked: true, comment: '同意' },
          { csrf: true },
        ),
      );
      expect(approved.body.revision).toMatchObject({ status: 'approved', secrecyChecked: true });

      const published = await json(
        postJson(publisher, `${BASE}/${id}/publish`, { publishedOn: '2026-03-02' }, { csrf: true }),
      );
      expect(published.status).toBe(200);
      expect(published.body.item).toMatchObject({ status: 'published', publishedOn: '2026-03-02', validity: 'valid' });
      expect((await publicItem(t.ctx, id))?.item.title).toBe('API修改后的标题');

      const detail = await json(publisher.get(`${BASE}/${id}`));
      expect(detail.status).toBe(200);
      expect(shapeOf('get', '/staff/catalog/items/{id}').parse(detail.body)).toBeTruthy();
      expect(detail.body.revisions[0]).toMatchObject({ no: 1, status: 'published', reviewComment: '同意' });

      const list = await json(publisher.get(`${BASE}?status=published&q=API`));
      expect(shapeOf('get', '/staff/catalog/items').parse(list.body)).toBeTruthy();
      expect(list.body.items.map((r: { item: { id: number } }) => r.item.id)).toContain(id);

      const repealed = await json(
        postJson(publisher, `${BASE}/${id}/validity`, { validity: 'repealed', onDate: '2026-03-02' }, { csrf: true }),
      );
      expect(repealed.body.item.validity).toBe('repealed');
      const withdrawn = await json(postJson(publisher, `${BASE}/${id}/withdraw`, { reason: '误发' }, { csrf: true }));
      expect(withdrawn.body.item.status).toBe('withdrawn');
      expect(await publicItem(t.ctx, id)).toBeUndefined();
    });

    it('uploads a file to the revision (multipart)', async () => {
      const item = await buildPublishedItem(t.ctx, agencyId, who);
      const body = new FormData();
      body.append('attachment', new File([PDF as Uint8Array<ArrayBuffer>], '附件.pdf', { type: 'application/pdf' }));
      const token = sessionCsrfToken(publisher.cookies.get('gk_session') as string);
      const res = await json(
        publisher.request(`${BASE}/${item.id}/attachments`, {
          method: 'POST',
          body,
          headers: { 'x-csrf-token': token },
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body.attachment).toMatchObject({ fileName: '附件.pdf', mediaType: 'application/pdf' });
    });

    it('names the field of bad input', async () => {
      const res = await json(
        postJson(publisher, BASE, { kind: 'normative', title: '', formedOn: '2026-03-01' }, { csrf: true }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation', field: 'title' });
      expect(res.body.error.message).toContain('标题');
    });

    it('lists late publications', async () => {
      const late = await buildPublishedItem(t.ctx, agencyId, who, { formedOn: '2026-01-05' });
      const res = await json(publisher.get('/api/v1/staff/catalog/late?year=2026'));
      expect(res.status).toBe(200);
      expect(res.body.late.map((l: { item: { id: number } }) => l.item.id)).toContain(late.id);
    });
  });

  describe('API: catalogue refusals', () => {
    it('refuses another agency’s publisher, a reviewer publishing, a handler, no session and no CSRF header', async () => {
      const item = await buildPublishedItem(t.ctx, agencyId, who);
      expect((await json(outsider.get(`${BASE}/${item.id}`))).status).toBe(403);
      expect((await json(outsider.get(`${BASE}?agency=${agencyId}`))).status).toBe(403);
      const foreign = await json(postJson(outsider, `${BASE}/${item.id}/withdraw`, { reason: '越权' }, { csrf: true }));
      expect(foreign.status).toBe(403);
      const created = await json(postJson(outsider, BASE, { ...buildItemInput(), agencyId }, { csrf: true }));
      expect(created.status).toBe(403);
      const byReviewer = await json(
        postJson(reviewer, `${BASE}/${item.id}/withdraw`, { reason: '越权' }, { csrf: true }),
      );
      expect(byReviewer.status).toBe(403);
      expect((await json(postJson(reviewer, BASE, buildItemInput(), { csrf: true }))).status).toBe(403);
      expect((await json(handler.get(BASE))).status).toBe(403);
      expect((await json(new Client(t.app).get(BASE))).status).toBe(401);
      expect((await json(postJson(publisher, `${BASE}/${item.id}/withdraw`, { reason: '无令牌' }))).status).toBe(403);
      expect((await publicItem(t.ctx, item.id))?.item.status).toBe('published');
    });
  });
});
