// Bad input on every route that takes a body (issue 7 point 3), generated from the route table: random form fields
// (named as the app's own forms name them), random JSON of every type, and random files in multipart bodies — the
// truncated, the corrupted, the mislabelled and the zip bomb. Every answer is a clear refusal or a success, never
// a server error; afterwards the audit chain still verifies (no change was half-written outside its transaction).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zipBomb } from '../src/attachments/testing.ts';
import { verifyChain } from '../src/audit/verify.ts';
import { Client, testApp } from '../src/http/testing.ts';
import { forEachEngine } from './engines.ts';
import { demoWithVictim, kindOf, OWN_SESSION, urlFor } from './route-table.ts';

const RUNS_PER_ROUTE = Number(process.env.GONGKAI_FUZZ_RUNS ?? 12);

const PDF_HEAD = new TextEncoder().encode('%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\n');
const DOCX_HEAD = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);
const GBK = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2]); // 政府信息 in GBK

/** A string a form field might be sent: empty, huge, control characters, markup, numbers out of range. */
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', '2025-02-30', '9999-99-99', 'null', '[]', '{}', 'true'),
  fc.constantFrom('<script>alert(1)</script>', "'; drop table applications; --", '../../etc/passwd', '\u0000'),
  fc.nat({ max: 200_000 }).map((n) => '长'.repeat(n)),
);

const file = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.constant(zipBomb()),
  fc.uint8Array({ maxLength: 512 }).map((tail) => new Uint8Array([...PDF_HEAD, ...tail])),
  fc.uint8Array({ maxLength: 512 }).map((tail) => new Uint8Array([...DOCX_HEAD, ...tail])),
  fc.constant(GBK),
);
const fileName = fc.constantFrom(
  'a.pdf',
  '材料.docx',
  'x.xlsx',
  '报告.txt',
  '../../x.pdf',
  'a.exe',
  '',
  '名'.repeat(300),
);

describe('bad input on every route that takes a body', () => {
  forEachEngine((engine, getDb) => {
    it('never answers with a server error, and leaves the audit chain whole', async () => {
      const { app, ctx } = testApp(getDb());
      const { credentials, victim } = await demoWithVictim(ctx);
      const routes = [
        ...new Map(app.routes.filter((r) => r.method === 'POST').map((r) => [`${r.method} ${r.path}`, r])).values(),
      ].filter((r) => !OWN_SESSION.has(`POST ${r.path}`) && r.path !== '/console/login');
      // Staff in the roles that own the records and forms: each route is tried by every one of them.
      const staffClients: Client[] = [];
      for (const username of ['scjg.handler', 'scjg.publisher', 'scjg.reviewer', 'admin']) {
        const client = new Client(app);
        const password = credentials.find((c) => c.username === username)?.password as string;
        expect((await client.login(username, password)).headers.get('location')).toBe('/console');
        staffClients.push(client);
      }
      const staff = staffClients[0] as Client;
      const anonymous = new Client(app);
      const anonymousToken = await anonymous.csrf('/console/login');
      // Field names as the app's own forms spell them, harvested from every page the handler can open.
      const names = new Set(['agencyId', 'year', 'id', 'page', 'kind', 'title', 'body', 'reason', 'outcome']);
      for (const r of app.routes.filter((x) => x.method === 'GET' && !x.path.includes('/static/'))) {
        const res = await staff.get(urlFor(r.path, victim));
        for (const m of (await res.text()).matchAll(/name="([\w.[\]-]{1,40})"/g)) names.add(m[1] as string);
      }
      const field = fc.constantFrom(...[...names].filter((n) => n !== '_csrf'));
      const tokens = new Map<Client, string>();
      for (const client of staffClients) tokens.set(client, await client.csrf('/console'));
      const errors: string[] = [];
      let tried = 0;
      const statuses = new Map<number, number>();
      for (const r of routes) {
        const url = urlFor(r.path, victim);
        const clients = kindOf('POST', r.path) === 'public' ? [anonymous] : staffClients;
        for (const client of clients) {
          const token = tokens.get(client) ?? anonymousToken;
          const bodies = fc.oneof(
            fc.dictionary(field, text, { maxKeys: 12 }).map((form) => {
              const params = new URLSearchParams({ ...form, _csrf: token });
              return { body: params.toString(), type: 'application/x-www-form-urlencoded' };
            }),
            fc.jsonValue({ maxDepth: 3 }).map((value) => ({ body: JSON.stringify(value), type: 'application/json' })),
            fc
              .record({ form: fc.dictionary(field, text, { maxKeys: 6 }), data: file, name: fileName, as: field })
              .map(({ form, data, name, as }) => {
                const body = new FormData();
                for (const [k, v] of Object.entries(form)) body.append(k, v);
                body.append('_csrf', token);
                body.append(as, new Blob([data]), name);
                for (const upload of ['file', 'attachments', 'attachment', 'documents', 'report'])
                  body.append(upload, new Blob([data]), name);
                return { body, type: null };
              }),
          );
          for (const { body, type } of fc.sample(bodies, Math.ceil(RUNS_PER_ROUTE / clients.length))) {
            tried++;
            const headers: Record<string, string> = { 'x-csrf-token': token };
            if (type) headers['content-type'] = type;
            const res = await client.request(url, { method: 'POST', body, headers });
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status >= 500) errors.push(`POST ${url} (${type ?? 'multipart'}): ${res.status}`);
            await res.arrayBuffer();
          }
        }
      }
      const chain = await verifyChain(ctx.db);
      console.log(
        `input fuzz (${engine}): ${routes.length} routes, ${tried} requests (${RUNS_PER_ROUTE} bodies a route, shared among 4 staff roles or the anonymous) with ${names.size} field names, ${errors.length} server errors (answers: ${[
          ...statuses,
        ]
          .sort((a, b) => a[0] - b[0])
          .map(([status, n]) => `${status}×${n}`)
          .join(' ')}); audit chain ${chain.ok ? 'verifies' : 'BROKEN'}`,
      );
      expect(errors).toEqual([]);
      expect(chain.ok).toBe(true);
    }, 900_000);
  });
});
