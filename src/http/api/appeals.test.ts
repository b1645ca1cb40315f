// 复议诉讼 in the JSON API: record, correct, documents, table 四 — another agency's staff refused, inspectors shown
// masked names, every answer valid against the OpenAPI description.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../../../test/engines.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import { PDF } from '../../attachments/testing.ts';
import { newHandler, signedIn } from '../application-testing.ts';
import { sessionCsrfToken } from '../csrf.tsx';
import { Client, demoUsers, testApp } from '../testing.ts';
import { json, postJson } from './testing.ts';

const CASE = {
  kind: 'reconsideration',
  bodyName: '示例区人民政府',
  caseNo: '示政复〔2025〕3号',
  appellantName: '赵小红',
  filedOn: '2025-11-10',
};

describe('API: 复议诉讼', () => {
  forEachEngine((_engine, getDb) => {
    let agencyId: number;
    let otherId: number;
    beforeAll(async () => {
      const { ctx } = testApp(getDb());
      await demoUsers(ctx);
      const agencies = await listAgencyRows(ctx.db.kysely);
      agencyId = agencies.find((a) => a.name === '示例区市场监督管理局')?.id as number;
      otherId = agencies.find((a) => a.name === '示例区教育局')?.id as number;
    });

    it('records, corrects and counts a case; refuses another agency; masks for inspectors', async () => {
      const { app, ctx } = testApp(getDb());
      expect((await json(new Client(app).get('/api/v1/staff/appeals'))).status).toBe(401);
      const { client: staff } = await newHandler(app, ctx, 'ap.api.handler', agencyId);
      const noCsrf = await json(postJson(staff, '/api/v1/staff/appeals', CASE));
      expect(noCsrf.status).toBe(403);
      const bad = await json(postJson(staff, '/api/v1/staff/appeals', { ...CASE, result: 'upheld' }, { csrf: true }));
      expect(bad).toMatchObject({
        status: 400,
        body: { error: { code: 'validation', field: 'resultOn', message: '结果日期：已审结的案件请填写结果日期' } },
      });
      const created = await json(postJson(staff, '/api/v1/staff/appeals', CASE, { csrf: true }));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ agencyId, appellantName: '赵小红', result: 'pending', counted: true });
      const id = created.body.id;

      // Decided in January: still 尚未审结 in 2025's table.
      const decided = await json(
        postJson(
          staff,
          `/api/v1/staff/appeals/${id}`,
          { ...CASE, result: 'corrected', resultOn: '2026-01-15', resultNote: '责令重新答复' },
          { csrf: true },
        ),
      );
      expect(decided.body).toMatchObject({ result: 'corrected', resultLabel: '结果纠正' });
      const table = await json(staff.get('/api/v1/staff/appeals/table?year=2025'));
      expect(table.body.appeals.reconsideration).toMatchObject({ pending: 1, corrected: 0, total: 1 });

      const form = new FormData();
      form.append('document', new Blob([PDF], { type: 'application/pdf' }), '复议决定书.pdf');
      const session = staff.cookies.get('gk_session') as string;
      const uploaded = await json(
        staff.request(`/api/v1/staff/appeals/${id}/documents`, {
          method: 'POST',
          headers: { 'x-csrf-token': sessionCsrfToken(session) },
          body: form,
        }),
      );
      expect(uploaded).toMatchObject({ status: 201, body: { document: { fileName: '复议决定书.pdf' } } });
      const download = await staff.get(`/api/v1/staff/appeals/documents/${uploaded.body.document.id}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');

      const { client: outsider } = await newHandler(app, ctx, 'ap.api.outsider', otherId);
      expect((await json(outsider.get(`/api/v1/staff/appeals/${id}`))).status).toBe(403);
      expect((await json(outsider.get(`/api/v1/staff/appeals/table?agencyId=${agencyId}&year=2025`))).status).toBe(403);
      const refused = await json(postJson(outsider, `/api/v1/staff/appeals/${id}`, CASE, { csrf: true }));
      expect(refused.status).toBe(403);
      const intoOther = await json(postJson(outsider, '/api/v1/staff/appeals', { ...CASE, agencyId }, { csrf: true }));
      expect(intoOther.status).toBe(403);
      expect((await outsider.get(`/api/v1/staff/appeals/documents/${uploaded.body.document.id}`)).status).toBe(403);
      const outsiderList = await json(outsider.get('/api/v1/staff/appeals'));
      expect(outsiderList.body.rows.map((r: { id: number }) => r.id)).not.toContain(id);

      const inspector = await signedIn(app, ctx, 'qzf.inspector');
      const masked = await json(inspector.get(`/api/v1/staff/appeals/${id}`));
      expect(masked.body).toMatchObject({ appellantName: '赵**', personalDataMasked: true, documents: [{}] });
      const list = await json(
        inspector.get(`/api/v1/staff/appeals?agencyId=${agencyId}&year=2025&kind=reconsideration`),
      );
      expect(list.body.rows.find((r: { id: number }) => r.id === id)).toMatchObject({ appellantName: '赵**' });
      expect(JSON.stringify(list.body)).not.toMatch(/赵小红/);
      const readOnly = await json(postJson(inspector, `/api/v1/staff/appeals/${id}`, CASE, { csrf: true }));
      expect(readOnly.status).toBe(403);
      const badQuery = await json(staff.get('/api/v1/staff/appeals?kind=appeal'));
      expect(badQuery.body.error.field).toBe('kind');
    });

    it('answers as its OpenAPI description says', async () => {
      const { app, ctx } = testApp(getDb());
      const { body: doc } = await json(new Client(app).get('/api/v1/openapi.json'));
      const BASE = 'https://gongkai.invalid/api/v1/openapi.json';
      const ajv = new Ajv2020({ strict: false, formats: { binary: true, email: true, date: true } });
      ajv.addSchema({ ...doc, $id: BASE });
      const pointer = (path: string, method: string, status: string) =>
        `${BASE}#/paths/${path.replaceAll('/', '~1')}/${method}/responses/${status}/content/application~1json/schema`;
      const valid = (path: string, method: string, status: string, body: unknown) => {
        const check = ajv.compile({ $ref: pointer(path, method, status) });
        expect(check(body), JSON.stringify(check.errors)).toBe(true);
      };
      const { client: staff } = await newHandler(app, ctx, 'ap.api.schema', agencyId);
      const created = await json(postJson(staff, '/api/v1/staff/appeals', CASE, { csrf: true }));
      valid('/staff/appeals', 'post', '201', created.body);
      valid('/staff/appeals', 'get', '200', (await json(staff.get('/api/v1/staff/appeals'))).body);
      valid(
        '/staff/appeals/{id}',
        'get',
        '200',
        (await json(staff.get(`/api/v1/staff/appeals/${created.body.id}`))).body,
      );
      valid(
        '/staff/appeals/table',
        'get',
        '200',
        (await json(staff.get('/api/v1/staff/appeals/table?year=2025'))).body,
      );
    });
  });
});
