// The attack surface, generated from the route table (issue 7 point 4): CSRF on every state-changing route, stored
// and reflected script in every page, path traversal in file routes, and citizens' personal data kept out of
// everything public (portal pages, open data, public API, feeds) and out of the logs.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createItem } from '../src/catalog/service.ts';
import { KINDS } from '../src/feedback/model.ts';
import { submitFeedback } from '../src/feedback/service.ts';
import { actorOf } from '../src/http/application-testing.ts';
import { createLogger } from '../src/http/logger.ts';
import { applyOnline, codesOf, formOf } from '../src/http/portal/apply-testing.ts';
import { Client, testApp } from '../src/http/testing.ts';
import { buildOnlineInput } from './applications.ts';
import { buildItemInput } from './catalog.ts';
import { forEachEngine } from './engines.ts';
import { demoWithVictim, kindOf, OWN_SESSION, one, signIn, urlFor, type Victim, victimState } from './route-table.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMAGE = '"><img src=x onerror=alert(1)>';
/** What must never reach a page as markup: the payloads unescaped, or a javascript: link. */
const DANGEROUS = [/<script>alert\(1\)/i, /<img src=x onerror/i, /href\s*=\s*["']?\s*javascript:/i];

const isHtml = (res: Response) => (res.headers.get('content-type') ?? '').startsWith('text/html');

/** The state-changing routes a browser with a session could be tricked into: all but the cookie-less public API. */
const cookieRoutes = (routes: { method: string; path: string }[]) =>
  routes.filter((r) => r.method === 'POST' && !(r.path.startsWith('/api/') && kindOf(r.method, r.path) === 'public'));

function uniqueRoutes(app: ReturnType<typeof testApp>['app']) {
  return [...new Map(app.routes.filter((r) => r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r])).values()];
}

describe('attack surface, from the route table', () => {
  forEachEngine((engine, getDb) => {
    it('every state-changing route refuses a request without the session’s CSRF token or from another site', async () => {
      const t = testApp(getDb());
      const { app, ctx } = t;
      const { credentials, victim } = await demoWithVictim(ctx);
      const routes = cookieRoutes(uniqueRoutes(app)).filter((r) => !OWN_SESSION.has(`${r.method} ${r.path}`));
      expect(routes.length).toBeGreaterThan(60);
      const handler = await signIn(app, credentials, 'scjg.handler');
      const token = await handler.csrf('/console');
      const stranger = new Client(app);
      const strangersToken = await stranger.csrf('/console/login'); // valid, but for another browser
      const before = await victimState(ctx, victim.agencyId);
      const failures: string[] = [];
      for (const r of routes) {
        const url = urlFor(r.path, victim);
        const attempts: [string, Record<string, string>, Record<string, string>][] = [
          ['no token', {}, {}],
          ['another browser’s token', { _csrf: strangersToken }, {}],
          ['a cross-site Origin', { _csrf: token }, { origin: 'https://evil.example' }],
          ['Sec-Fetch-Site cross-site', { _csrf: token }, { 'sec-fetch-site': 'cross-site' }],
        ];
        for (const [what, form, headers] of attempts) {
          const res = await handler.post(url, { agencyId: String(victim.agencyId), ...form }, headers);
          if (res.status !== 403) failures.push(`${r.method} ${url} with ${what}: ${res.status}`);
        }
      }
      console.log(`CSRF (${engine}): ${routes.length} routes × 4 forged requests, ${failures.length} accepted`);
      expect(failures).toEqual([]);
      expect(await victimState(ctx, victim.agencyId)).toBe(before);
    }, 600_000);

    it('no page shows stored or reflected script as markup', async () => {
      const t = testApp(getDb());
      const { app, ctx } = t;
      const { credentials, victim } = await demoWithVictim(ctx);
      // Stored: the application form (every free-text field), a feedback message, a catalogue item (title, Markdown
      // body with raw HTML and a javascript: link).
      const citizen = new Client(app);
      const form = formOf(
        buildOnlineInput(victim.agencyId, {
          applicantName: `张三${IMAGE}`,
          address: `健康路${SCRIPT}`,
          description: `请公开${SCRIPT}${IMAGE}相关文件`,
          documentRef: SCRIPT,
          contactPerson: IMAGE,
        }),
      );
      const applied = await applyOnline(t, citizen, form);
      expect(applied.status, 'the payloads are accepted as text').toBe(200);
      const { trackingNo } = codesOf(citizen.lastHtml);
      const application = await one(
        ctx.db.kysely.selectFrom('applications').select('id').where('tracking_no', '=', trackingNo).execute(),
        'the application just sent',
      );
      const feedback = await submitFeedback(ctx, {
        agencyId: victim.agencyId,
        kind: KINDS[0],
        name: IMAGE,
        subject: `留言${SCRIPT}`,
        content: `内容${IMAGE}[点我](javascript:alert(1))`,
      });
      const message = await one(
        ctx.db.kysely
          .selectFrom('feedback_messages')
          .select('id')
          .where('message_no', '=', feedback.messageNo)
          .execute(),
        'the feedback just sent',
      );
      const { item } = await createItem(
        await actorOf(ctx, 'scjg.publisher'),
        ctx,
        victim.agencyId,
        buildItemInput({
          title: `通知${SCRIPT}`,
          body: `正文${SCRIPT}\n\n${IMAGE}\n\n[点我](javascript:alert(1)) <a href="javascript:alert(1)">链接</a>`,
        }),
      );
      const target: Victim = {
        ...victim,
        applicationId: Number(application.id),
        feedbackId: Number(message.id),
        catalogItemId: item.id,
      };

      const routes = uniqueRoutes(app).filter((r) => r.method === 'GET' && !r.path.includes('/static/'));
      const viewers = ['scjg.handler', 'scjg.publisher', 'scjg.reviewer', 'qzf.reviewer', 'admin'];
      const clients = [new Client(app)];
      for (const username of viewers) clients.push(await signIn(app, credentials, username));
      const reflected = new URLSearchParams(
        Object.fromEntries(
          [
            'q',
            'page',
            'status',
            'year',
            'kind',
            'agency',
            'agencyId',
            'from',
            'to',
            'next',
            'sort',
            'topic',
            'view',
            'message',
            'error',
          ].map((k) => [k, `${SCRIPT}${IMAGE}`]),
        ),
      ).toString();
      const shown: string[] = [];
      let pages = 0;
      let escaped = 0;
      for (const client of clients) {
        for (const r of routes) {
          for (const url of [urlFor(r.path, target), `${urlFor(r.path, target)}?${reflected}`]) {
            const res = await client.get(url);
            if (!isHtml(res)) continue;
            pages++;
            const body = await res.text();
            for (const pattern of DANGEROUS) if (pattern.test(body)) shown.push(`${url}: ${pattern}`);
            if (body.includes('&lt;script&gt;alert(1)&lt;/script&gt;')) escaped++;
          }
        }
      }
      console.log(
        `XSS (${engine}): ${pages} HTML pages (stored and reflected payloads, ${clients.length} viewers), ${escaped} showing them as text, ${shown.length} as markup`,
      );
      expect(pages).toBeGreaterThan(200);
      expect(escaped, 'the payloads reached pages, as text').toBeGreaterThan(20);
      expect(shown).toEqual([]);
    }, 600_000);

    it('file routes do not walk out of their folder', async () => {
      const { app } = testApp(getDb());
      const client = new Client(app);
      const attempts = [
        '/static/..%2f..%2fpackage.json',
        '/static/%2e%2e/%2e%2e/package.json',
        '/static/..%5c..%5cpackage.json',
        '/static/....//....//package.json',
        '/static/%252e%252e%252fpackage.json',
        '/static/../../package.json',
        '/reports/1/2025/..%2f..%2fpackage.json',
        '/catalog/1/attachments/..%2f..%2fpackage.json',
        '/console/applications/1/attachments/..%2f1',
        '/static/%00.css',
      ];
      for (const path of attempts) {
        const res = await client.get(path);
        const body = await res.text();
        expect(res.status, path).toBeGreaterThanOrEqual(400);
        expect(body, path).not.toContain('"name": "gongkai"');
        expect(body, path).not.toContain('devDependencies');
      }
    });

    it('keeps applicants’ ID numbers, phones, e-mails and addresses out of every public page, the open data and the logs', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const t = testApp(getDb(), { logger: createLogger('debug', sink) });
      const { app, ctx } = t;
      const { victim } = await demoWithVictim(ctx);
      const personal = {
        idNumber: '11010519491231002X',
        phone: '13912345678',
        email: 'private.person@example.org',
        address: '江苏省淮安市清江浦区隐私路9号3栋201室',
      };
      const citizen = new Client(app);
      const applied = await applyOnline(t, citizen, formOf(buildOnlineInput(victim.agencyId, personal)));
      expect(applied.status).toBe(200);
      await submitFeedback(ctx, {
        agencyId: victim.agencyId,
        kind: KINDS[0],
        name: '李四',
        contact: personal.phone,
        subject: '咨询',
        content: '请问如何申请？',
        publishConsent: true,
      });
      const secrets = [...Object.values(personal), personal.idNumber.slice(0, 14)];
      const routes = uniqueRoutes(app).filter(
        (r) => r.method === 'GET' && kindOf(r.method, r.path) === 'public' && !r.path.includes('/static/'),
      );
      const visitor = new Client(app);
      const found: string[] = [];
      for (const r of routes) {
        const url = urlFor(r.path, victim);
        const body = await (await visitor.get(url)).text();
        for (const s of secrets) if (body.includes(s)) found.push(`${url} shows ${s}`);
      }
      for (const s of secrets) if (lines.join('').includes(s)) found.push(`the log holds ${s}`);
      console.log(
        `personal data (${engine}): ${routes.length} public routes and ${lines.length} log lines searched for ${secrets.length} values, ${found.length} found`,
      );
      expect(lines.length).toBeGreaterThan(routes.length);
      expect(found).toEqual([]);
    }, 600_000);
  });
});
