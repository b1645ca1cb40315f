// The OpenAPI document: every /api/v1 route the app registers is in it (a new route cannot be forgotten), every
// $ref resolves, and real responses validate against the schemas it publishes.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildOnlineInput } from '../../../test/applications.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { actorOf } from '../application-testing.ts';
import { Client, testApp } from '../testing.ts';
import { type JsonBody, json, postJson } from './testing.ts';

const SEED = new URL('../../../test/fixtures/seed/000_c1efcce95eb0748a.txt', import.meta.url);
const BASE = 'https://gongkai.invalid/api/v1/openapi.json';

/** Hono's `/api/v1/applications/:id{[0-9]+}/events` → OpenAPI's `/applications/{id}/events`. */
const openApiPath = (path: string) => path.slice('/api/v1'.length).replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');

function refsOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsOf(v, found);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      k === '$ref' && typeof v === 'string' ? found.push(v) : refsOf(v, found);
  return found;
}

describe('API: OpenAPI document', () => {
  forEachEngine((_engine, getDb) => {
    it('describes every registered /api/v1 route, and nothing that is not one', async () => {
      const { app } = testApp(getDb());
      const { status, body: doc } = await json(new Client(app).get('/api/v1/openapi.json'));
      expect(status).toBe(200);
      const registered = app.routes
        .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`);
      expect(registered.length).toBeGreaterThanOrEqual(10);
      const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method} ${path}`),
      );
      expect([...new Set(registered)].sort()).toEqual([...documented].sort());
    });

    it('has the basic shape of OpenAPI 3.1, and every $ref resolves', async () => {
      const { app } = testApp(getDb());
      const { body: doc } = await json(new Client(app).get('/api/v1/openapi.json'));
      expect(doc).toMatchObject({ openapi: '3.1.0', info: { title: expect.any(String), version: '1' } });
      expect(doc.servers).toEqual([{ url: '/api/v1' }]);
      for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, JsonBody>>)) {
        expect(path).toMatch(/^\/[\w{}/.-]+$/);
        for (const op of Object.values(item)) {
          expect(op.summary).toEqual(expect.any(String));
          expect(Object.keys(op.responses)).toContain('500');
          expect(Object.keys(op.responses).some((s) => s === '200' || s === '201')).toBe(true);
          for (const p of op.parameters) expect(p).toMatchObject({ name: expect.any(String), in: expect.any(String) });
          for (const name of path.match(/\{(\w+)\}/g) ?? [])
            expect(op.parameters.map((p: { name: string }) => `{${p.name}}`)).toContain(name);
        }
      }
      const schemas = doc.components.schemas;
      for (const ref of refsOf({ paths: doc.paths, components: { ...schemas, AnnualReport: undefined } })) {
        expect(ref).toMatch(/^#\/components\/schemas\//);
        expect(schemas[ref.split('/').at(-1) as string]).toBeDefined();
      }
      const annual = JSON.parse(
        readFileSync(new URL('../../../schema/annual-report.schema.json', import.meta.url), 'utf8'),
      );
      expect(schemas.AnnualReport).toEqual(annual);
      const check = doc.paths['/reports/check'].post;
      expect(Object.keys(check.requestBody.content).sort()).toEqual(['application/json', 'multipart/form-data']);
      expect(doc.paths['/applications/{id}'].get.security).toEqual([{ session: [] }]);
      expect(doc.paths['/applications/{id}/decision'].post.security).toEqual([{ session: [], csrf: [] }]);
      expect(Object.keys(doc.paths['/letters/{id}/docx'].get.responses['200'].content)).toEqual([
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ]);
      expect(doc.paths['/fees'].get.security).toEqual([]);
    });

    it('publishes schemas the real responses satisfy', async () => {
      const { app, ctx } = testApp(getDb());
      const client = new Client(app);
      const { body: doc } = await json(client.get('/api/v1/openapi.json'));
      const ajv = new Ajv2020({ strict: false, formats: { binary: true, email: true, date: true } });
      ajv.addSchema({ ...doc, $id: BASE });
      const validator = (name: string) => ajv.compile({ $ref: `${BASE}#/components/schemas/${name}` });

      const report = await json(postJson(client, '/api/v1/reports/check', { text: readFileSync(SEED, 'utf8') }));
      const checkValid = validator('ReportCheck');
      expect(checkValid(report.body), JSON.stringify(checkValid.errors)).toBe(true);
      const broken = structuredClone(report.body);
      broken.report.year = '二〇二四';
      expect(checkValid(broken)).toBe(false); // the report part is really the annual-report schema

      const me = await actorOf(ctx, 'scjg.handler');
      const submitted = await json(postJson(client, '/api/v1/applications', buildOnlineInput(me.agencyId as number)));
      expect(validator('Submitted')(submitted.body)).toBe(true);
      const status = await json(postJson(client, '/api/v1/applications/status', submitted.body));
      const statusValid = validator('ApplicantStatus');
      expect(statusValid(status.body), JSON.stringify(statusValid.errors)).toBe(true);
      expect(statusValid({ ...status.body, idNumber: 'x' })).toBe(false); // an allow-list: nothing else
      const error = await json(postJson(client, '/api/v1/applications', {}));
      expect(validator('Error')(error.body)).toBe(true);
      const fee = await json(client.get('/api/v1/fees?items=45'));
      expect(validator('Fee')(fee.body)).toBe(true);
      const year = await json(client.get('/api/v1/calendar/2026'));
      const yearValid = validator('CalendarYear');
      expect(yearValid(year.body), JSON.stringify(yearValid.errors)).toBe(true);
    });
  });
});
