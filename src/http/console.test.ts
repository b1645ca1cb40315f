// Signing in and out of the console, in-process on every engine: cookies, rotation, lockout, expiry, forced change.
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { createUser } from '../agencies/accounts.ts';
import { cliActor } from '../agencies/model.ts';
import { Client, demoUsers, passwordOf, testApp } from './testing.ts';

describe('console sign-in', () => {
  forEachEngine((_engine, getDb) => {
    it('sends an anonymous visitor to the login page and back after login', async () => {
      const { app, ctx } = testApp(getDb());
      const client = new Client(app);
      const res = await client.get('/console/catalog');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/console/login?next=%2Fconsole%2Fcatalog');
      const token = await client.csrf(res.headers.get('location') ?? '');
      expect(client.lastHtml).toContain('value="/console/catalog"');
      const login = await client.post('/console/login', {
        _csrf: token,
        username: 'scjg.publisher',
        password: await passwordOf(ctx, 'scjg.publisher'),
        next: '/console/catalog',
      });
      expect(login.headers.get('location')).toBe('/console/catalog');
      // An address on another host is never a destination.
      const again = new Client(app);
      const t2 = await again.csrf('/console/login');
      const evil = await again.post('/console/login', {
        _csrf: t2,
        username: 'scjg.publisher',
        password: await passwordOf(ctx, 'scjg.publisher'),
        next: '//evil.example/console',
      });
      expect(evil.headers.get('location')).toBe('/console');
    });

    it('signs in with an HttpOnly, SameSite=Lax session cookie and shows name, role and agency', async () => {
      const { app, ctx } = testApp(getDb());
      const client = new Client(app);
      const res = await client.login('scjg.handler', await passwordOf(ctx, 'scjg.handler'));
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/console');
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gk_session='));
      expect(cookie).toMatch(/^gk_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
      const home = await client.get('/console');
      expect(home.status).toBe(200);
      const body = await home.text();
      expect(body).toContain('王芳（承办人，示例区市场监督管理局）');
      expect(body).toContain('>依申请公开办理</a>');
      // The policy table gives a handler no audit log and no account management.
      expect(body).not.toContain('>审计日志</a>');
      expect(body).not.toContain('>机构与用户</a>');
      const refused = await client.get('/console/agencies');
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('无权使用“机构与用户”功能');
    });

    it('gives one message for an unknown user and a wrong password', async () => {
      const { app } = testApp(getDb());
      const client = new Client(app);
      const unknown = await client.login('nobody', 'Wrong-Passw0rd');
      const wrong = await client.login('scjg.reviewer', 'Wrong-Passw0rd');
      expect([unknown.status, wrong.status]).toEqual([401, 401]);
      for (const res of [unknown, wrong]) {
        const body = await res.text();
        expect(body).toContain('<p class="alert" role="alert">用户名或密码错误</p>');
      }
      expect(client.cookies.has('gk_session')).toBe(false);
    });

    it('rotates the session at login: a planted or earlier token is worthless afterwards', async () => {
      const { app, ctx } = testApp(getDb());
      const client = new Client(app);
      client.cookies.set('gk_session', 'planted-by-an-attacker-planted-by-an-attack');
      await client.login('scjg.reviewer', await passwordOf(ctx, 'scjg.reviewer'));
      const first = client.cookies.get('gk_session');
      expect(first).not.toBe('planted-by-an-attacker-planted-by-an-attack');
      await client.login('scjg.reviewer', await passwordOf(ctx, 'scjg.reviewer'));
      const second = client.cookies.get('gk_session');
      expect(second).not.toBe(first);
      const stale = new Client(app);
      stale.cookies.set('gk_session', first as string);
      expect((await stale.get('/console')).status).toBe(303);
      expect((await client.get('/console')).status).toBe(200);
    });

    it('locks the account after five failures in a row, with the lockout message', async () => {
      const { app, ctx } = testApp(getDb());
      const client = new Client(app);
      await demoUsers(ctx);
      const user = await createUser(cliActor('test'), ctx, {
        username: 'lock.me',
        displayName: '赵六',
        role: 'handler',
        agencyId: 3,
      });
      for (let i = 0; i < 4; i++) expect((await client.login('lock.me', 'Wrong-Passw0rd')).status).toBe(401);
      const fifth = await client.login('lock.me', 'Wrong-Passw0rd');
      expect(fifth.status).toBe(403);
      expect(await fifth.text()).toMatch(/连续登录失败次数过多，账户已锁定至 2026-03-02 10:15，请稍后再试/);
      const right = await client.login('lock.me', user.generatedPassword as string);
      expect(right.status).toBe(403);
      expect(await right.text()).toContain('账户已锁定至');
    });

    it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
      const { app, ctx, advance } = testApp(getDb());
      const client = new Client(app);
      await client.login('qzf.inspector', await passwordOf(ctx, 'qzf.inspector'));
      advance(29);
      expect((await client.get('/console')).status).toBe(200);
      advance(30);
      const idle = await client.get('/console');
      expect(idle.status).toBe(303);
      expect(idle.headers.get('location')).toBe('/console/login?expired=1');
      expect(client.cookies.has('gk_session')).toBe(false);
      expect(await (await client.get('/console/login?expired=1')).text()).toContain('登录已超时，请重新登录');

      await client.login('qzf.inspector', await passwordOf(ctx, 'qzf.inspector'));
      for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
        advance(20);
        expect((await client.get('/console')).status).toBe(200);
      }
      advance(20);
      expect((await client.get('/console')).headers.get('location')).toBe('/console/login?expired=1');
    });

    it('makes a user with a reset or expired password change it before anything else', async () => {
      const { app, ctx, advance } = testApp(getDb());
      const client = new Client(app);
      await demoUsers(ctx);
      const { generatedPassword } = await createUser(cliActor('test'), ctx, {
        username: 'new.clerk',
        displayName: '孙七',
        role: 'publisher',
        agencyId: 4,
      });
      const res = await client.login('new.clerk', generatedPassword as string);
      expect(res.headers.get('location')).toBe('/console/password');
      expect((await client.get('/console')).headers.get('location')).toBe('/console/password');
      const page = await client.get('/console/password');
      expect(await page.text()).toContain('密码已过期或为管理员重置的密码，请先修改密码');
      const token = await client.csrf();
      const form = { _csrf: token, currentPassword: generatedPassword as string };
      const mismatch = await client.post('/console/password', { ...form, newPassword: 'A', confirmPassword: 'B' });
      expect(mismatch.status).toBe(400);
      expect(await mismatch.text()).toContain('两次输入的新密码不一致');
      const weak = await client.post('/console/password', { ...form, newPassword: 'short', confirmPassword: 'short' });
      expect(weak.status).toBe(400);
      expect(await weak.text()).toContain('新密码不符合要求：至少8个字符');
      const ok = await client.post('/console/password', {
        ...form,
        newPassword: 'Bright-Morning-42',
        confirmPassword: 'Bright-Morning-42',
      });
      expect(ok.headers.get('location')).toBe('/console?changed=1');
      expect(await (await client.get('/console?changed=1')).text()).toContain('密码已修改。');
      // Ninety days on, the password has expired: changing it is again the only thing allowed.
      advance(90 * 24 * 60);
      const later = await client.login('new.clerk', 'Bright-Morning-42');
      expect(later.headers.get('location')).toBe('/console/password');
    });

    it('logs out with a POST: the session ends on the server and the cookie is cleared', async () => {
      const { app, ctx } = testApp(getDb());
      const client = new Client(app);
      await client.login('scjg.handler', await passwordOf(ctx, 'scjg.handler'));
      const token = client.cookies.get('gk_session') as string;
      const home = await client.get('/console');
      expect(await home.text()).toContain('action="/console/logout"');
      // A GET does not log out, and a POST without the token is refused.
      expect((await client.get('/console/logout')).status).toBe(404);
      expect((await client.post('/console/logout', {})).status).toBe(403);
      const out = await client.post('/console/logout', { _csrf: await client.csrf('/console') });
      expect(out.headers.get('location')).toBe('/console/login?out=1');
      expect(client.cookies.has('gk_session')).toBe(false);
      expect(await (await client.get('/console/login?out=1')).text()).toContain('您已安全退出。');
      const replay = new Client(app);
      replay.cookies.set('gk_session', token);
      expect((await replay.get('/console')).status).toBe(303);
    });
  });
});
