// The published annual reports in the JSON API, on every engine: the list is the open data document (published
// reports only, filters), one report in the schema's shape, 404 for a report not published, and the responses
// satisfy the schemas the OpenAPI document publishes for them.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../../../test/engines.ts';
import {
  advanceReport,
  buildReportPeople,
  importSeedReport,
  type ReportPeople,
} from '../../../test/published-reports.ts';
import { schemaErrors } from '../../report/schema.ts';
import { OPEN_DATA_JSON } from '../report-links.ts';
import { Client, testApp } from '../testing.ts';
import { type JsonBody, json } from './testing.ts';

const BASE = 'https://gongkai.invalid/api/v1/openapi.json';

describe('API: published annual reports', () => {
  forEachEngine((_engine, getDb) => {
    let client: Client;
    let p: ReportPeople;
    let dept: number;

    beforeAll(async () => {
      const t = testApp(getDb()); // 2026-03-02
      client = new Client(t.app);
      p = await buildReportPeople(t.ctx);
      dept = p.department.id;
      await advanceReport(t.ctx, p, 2025);
      await importSeedReport(t.ctx, p);
      await advanceReport(t.ctx, p, 2023, 'submitted');
    });

    it('lists the published reports as the open data file does, with filters', async () => {
      const list = await json(client.get('/api/v1/annual-reports'));
      expect(list.status).toBe(200);
      expect(list.body.count).toBe(2);
      expect(list.body.reports.map((r: { year: number; origin: string }) => [r.year, r.origin])).toEqual([
        [2025, 'compiled'],
        [2024, 'imported'],
      ]);
      const file: JsonBody = await (await client.get(OPEN_DATA_JSON)).json();
      expect(list.body.reports).toEqual(file.reports);
      for (const item of list.body.reports) expect(schemaErrors(item.report)).toEqual([]);
      const one = await json(client.get(`/api/v1/annual-reports?year=2025&agency=${dept}`));
      expect(one.body.reports.map((r: { publishedOn: string }) => r.publishedOn)).toEqual(['2026-03-02']);
      expect((await json(client.get(`/api/v1/annual-reports?agency=${p.government.id}`))).body.count).toBe(0);
      const bad = await json(client.get('/api/v1/annual-reports?agency=x'));
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'validation', field: 'agency' });
    });

    it('gives one published report in the schema’s shape, and 404 for any other', async () => {
      const one = await json(client.get(`/api/v1/annual-reports/${dept}/2025`));
      expect(one.status).toBe(200);
      expect(schemaErrors(one.body)).toEqual([]);
      expect(one.body).toMatchObject({ year: 2025, agency: p.department.name, publishedOn: '2026-03-02' });
      expect(one.body.text.problems).toBe('存在的问题：公开的及时性有待提高。改进：建立发布提醒。');
      const submitted = await json(client.get(`/api/v1/annual-reports/${dept}/2023`));
      expect(submitted.status).toBe(404);
      expect(submitted.body.error.code).toBe('notFound');
      expect((await json(client.get(`/api/v1/annual-reports/${p.government.id}/2025`))).status).toBe(404);
      expect((await json(client.get(`/api/v1/annual-reports/${dept}/25`))).body.error.field).toBe('year');
    });

    it('answers what its OpenAPI operations say', async () => {
      const { body: doc } = await json(client.get('/api/v1/openapi.json'));
      const list = doc.paths['/annual-reports'].get;
      expect(list.security).toEqual([]);
      expect(list.parameters.map((x: { name: string }) => x.name)).toEqual(['year', 'agency']);
      const one = doc.paths['/annual-reports/{agencyId}/{year}'].get;
      expect(one.responses['200'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/AnnualReport',
      });
      const ajv = new Ajv2020({ strict: false, formats: { binary: true, email: true, date: true } });
      ajv.addSchema({ ...doc, $id: BASE });
      const listValid = ajv.compile({
        $ref: `${BASE}#/paths/~1annual-reports/get/responses/200/content/application~1json/schema`,
      });
      const body = (await json(client.get('/api/v1/annual-reports'))).body;
      expect(listValid(body), JSON.stringify(listValid.errors)).toBe(true);
      expect(listValid({ ...body, reports: [{ ...body.reports[0], report: { year: '二〇二五' } }] })).toBe(false);
    });
  });
});
