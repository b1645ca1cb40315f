// The web baseline, in-process: headers, CSRF, error pages, health checks, logs, body limit.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { errors } from '../errors.ts';
import { createLogger } from './logger.ts';
import { Client, testApp } from './testing.ts';

describe('web baseline', () => {
  forEachEngine((_engine, getDb) => {
    it('sends a strict CSP and the other security headers on every page', async () => {
      const { app } = testApp(getDb());
      for (const path of ['/', '/console/login', '/nope']) {
        const res = await app.request(path);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-inline');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
        expect(res.headers.get('permissions-policy')).toContain('camera=()');
        expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
        const body = await res.text();
        expect(body).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
        // No inline script or style: the CSP would block them.
        expect(body).not.toMatch(/<script|<style| style=/);
      }
    });

    it('marks cookies Secure and sends HSTS behind HTTPS', async () => {
      const { app } = testApp(getDb(), { secureCookies: true });
      const res = await app.request('/console/login');
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      expect(res.headers.get('set-cookie')).toMatch(/^__Host-gk_csrf=.+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    });

    it('shows the portal shell: skip link, landmarks, navigation, demo banner in demo mode', async () => {
      const { app } = testApp(getDb(), { demo: true });
      const body = await (await app.request('/')).text();
      expect(body).toContain('<a class="skip-link" href="#main">跳至主要内容</a>');
      expect(body).toContain('<main id="main"');
      expect(body).toContain('<nav aria-label="主导航"');
      for (const label of ['政府信息公开指南', '政府信息公开目录', '依申请公开', '政府信息公开年报', '搜索'])
        expect(body).toContain(`>${label}</a>`);
      expect(body).toContain('演示数据');
      const plain = await (await testApp(getDb()).app.request('/')).text();
      expect(plain).not.toContain('演示数据');
    });

    it('answers an unknown address with a Chinese 404 page', async () => {
      const { app } = testApp(getDb());
      const res = await app.request('/no/such/page');
      expect(res.status).toBe(404);
      const body = await res.text();
      expect(body).toContain('<h1>页面不存在</h1>');
      expect(body).toContain('您访问的页面不存在或已被移除');
    });

    it('answers errors with Chinese pages: a domain error with its status, anything else with 500 and the request id', async () => {
      const { app } = testApp(getDb());
      app.get('/boom', () => {
        throw new Error('disk on fire');
      });
      app.get('/bad', () => {
        throw errors.validation('year', '年度', '应为四位数字');
      });
      const bad = await app.request('/bad');
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('<h1>请求有误</h1><p class="message">年度：应为四位数字</p>');
      const boom = await app.request('/boom', { headers: { 'x-request-id': 'req-42' } });
      expect(boom.status).toBe(500);
      const body = await boom.text();
      expect(body).toContain('<h1>系统错误</h1>');
      expect(body).toContain('请求编号：req-42');
      expect(body).not.toContain('disk on fire');
    });

    it('reports liveness and readiness as JSON', async () => {
      const { app } = testApp(getDb());
      const live = await app.request('/healthz');
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
      const ready = await app.request('/readyz');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'current' });
    });

    it('serves the stylesheet with its type', async () => {
      const res = await testApp(getDb()).app.request('/static/site.css');
      expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect(await res.text()).toContain('@media print');
      expect((await testApp(getDb()).app.request('/static/../config.ts')).status).toBe(404);
    });

    it('refuses a form without a valid CSRF token, or from another site, with a Chinese 403 page', async () => {
      const { app } = testApp(getDb());
      const form = { username: 'admin', password: 'x' };
      const client = new Client(app);
      const bare = await client.post('/console/login', form);
      expect(bare.status).toBe(403);
      expect(await bare.text()).toContain('请求未通过安全校验');
      const token = await client.csrf('/console/login');
      expect((await client.post('/console/login', { ...form, _csrf: `${token}x` })).status).toBe(403);
      const crossSite = await client.post(
        '/console/login',
        { ...form, _csrf: token },
        { origin: 'https://evil.example' },
      );
      expect(crossSite.status).toBe(403);
      // The same token from this site passes the check (and fails only at the password).
      const sameSite = await client.post('/console/login', { ...form, _csrf: token }, { origin: 'http://localhost' });
      expect(sameSite.status).toBe(401);
      // Another browser (no cookie) cannot replay the token.
      expect((await new Client(app).post('/console/login', { ...form, _csrf: token })).status).toBe(403);
    });

    it('refuses a body over the limit with a Chinese 413 page', async () => {
      const { app } = testApp(getDb(), { bodyLimitBytes: 1024 });
      const res = await app.request('/console/login', {
        method: 'POST',
        body: 'x'.repeat(4096),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status).toBe(413);
      expect(await res.text()).toContain('提交的内容超过了上限');
    });

    it('writes JSON access logs with the request id and no personal data', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const { app } = testApp(getDb(), { logger: createLogger('info', sink) });
      const client = new Client(app);
      const token = await client.csrf('/console/login?next=/console/audit');
      await client.post('/console/login', { _csrf: token, username: 'zhangsan', password: 'Secret-Passw0rd' });
      const logs = lines.map((l) => JSON.parse(l));
      expect(logs.map((l) => [l.method, l.path, l.status])).toEqual([
        ['GET', '/console/login', 200],
        ['POST', '/console/login', 401],
      ]);
      expect(logs[0].reqId).toMatch(/^[0-9a-f-]{36}$/);
      const all = lines.join('');
      for (const secret of ['zhangsan', 'Secret-Passw0rd', 'next=', '127.0.0.1']) expect(all).not.toContain(secret);
    });
  });
});
