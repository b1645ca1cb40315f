// 机构与用户 — the account pages, in-process on every engine: creating a user with a password shown once, the roles
// an agency administrator may grant, editing, resetting a password, read-only views, and the audit log.
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { createUser } from '../agencies/accounts.ts';
import { cliActor } from '../agencies/model.ts';
import { findUserByUsername } from '../agencies/repository.ts';
import type { Context } from '../context.ts';
import { Client, demoUsers, passwordOf, testApp } from './testing.ts';

type App = ReturnType<typeof testApp>['app'];

async function signedIn(app: App, ctx: Context, username: string) {
  const client = new Client(app);
  const res = await client.login(username, await passwordOf(ctx, username));
  expect(res.headers.get('location')).toBe('/console');
  return client;
}

const shownPassword = (html: string) => /<p class="password"><code>([^<]+)<\/code><\/p>/.exec(html)?.[1];

describe('console: users', () => {
  forEachEngine((_engine, getDb) => {
    it('lets the system administrator create a user, showing the initial password once', async () => {
      const { app, ctx } = testApp(getDb());
      const admin = await signedIn(app, ctx, 'admin');
      const list = await (await admin.get('/console/users')).text();
      expect(list).toContain('<caption>用户账户（共 7 个）</caption>');
      expect(list).toContain('<th scope="col">状态</th>');
      expect(list).toMatch(/<a href="\/console\/users\/\d+">qzf.inspector<\/a><\/th><td>陈静<\/td><td>督查员<\/td>/);
      expect(list).not.toContain('$argon2');
      const token = await admin.csrf('/console/users/new?agency=4');
      expect(admin.lastHtml).toContain('<option value="agencyAdmin">机构管理员</option>');
      expect(admin.lastHtml).toContain('<option value="4" selected="">示例区教育局</option>');
      const res = await admin.post('/console/users', {
        _csrf: token,
        username: 'jyj.handler',
        displayName: '周八',
        role: 'handler',
        agencyId: '4',
      });
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).toContain('<h1>用户已新建</h1>');
      expect(body).toContain('此密码仅显示这一次');
      const password = shownPassword(body) as string;
      expect(password).toMatch(/^\S{16}$/);
      const user = await findUserByUsername(ctx.db.kysely, 'jyj.handler');
      const page = await (await admin.get(`/console/users/${user?.id}`)).text();
      expect(page).toContain('<dd>须修改密码</dd>');
      expect(page).not.toContain(password);
      expect(await (await admin.get('/console/users?agency=4')).text()).not.toContain(password);
      // The new user signs in with it and must replace it before anything else.
      const clerk = new Client(app);
      expect((await clerk.login('jyj.handler', password)).headers.get('location')).toBe('/console/password');
      const audit = await (await admin.get('/console/audit?action=user.create&actor=admin')).text();
      expect(audit).toMatch(/<td>admin<\/td><td>新建用户<\/td><td>用户 \d+<\/td><td class="">成功<\/td>/);
    });

    it('lets an agency administrator create users only in their agency and never grant agencyAdmin', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'bgs.admin');
      const token = await client.csrf('/console/users/new');
      expect(client.lastHtml).not.toContain('value="agencyAdmin"');
      expect(client.lastHtml).not.toContain('value="sysadmin"');
      expect(client.lastHtml).toContain('<option value="2" selected="">示例区人民政府办公室</option>');
      const form = { _csrf: token, username: 'bgs.boss', displayName: '吴九', agencyId: '2' };
      const grant = await client.post('/console/users', { ...form, role: 'agencyAdmin' });
      expect(grant.status).toBe(403);
      expect(await grant.text()).toContain('无权授予“机构管理员”角色');
      const elsewhere = await client.post('/console/users', { ...form, role: 'handler', agencyId: '3' });
      expect(elsewhere.status).toBe(403);
      expect(await findUserByUsername(ctx.db.kysely, 'bgs.boss')).toBeUndefined();
      const ok = await client.post('/console/users', { ...form, role: 'publisher' });
      expect(ok.status).toBe(200);
      expect((await findUserByUsername(ctx.db.kysely, 'bgs.boss'))?.agencyId).toBe(2);
      // Users of another agency are not theirs to see.
      expect((await client.get('/console/users?agency=3')).status).toBe(403);
    });

    it('names the field that failed and keeps the input', async () => {
      const { app, ctx } = testApp(getDb());
      const admin = await signedIn(app, ctx, 'admin');
      const token = await admin.csrf('/console/users/new');
      const bad = await admin.post('/console/users', {
        _csrf: token,
        username: 'X',
        displayName: '郑十',
        role: 'reviewer',
        agencyId: '3',
      });
      expect(bad.status).toBe(400);
      const body = await bad.text();
      expect(body).toContain('<a href="#f-username">用户名：应为3至32位小写字母、数字或 . _ -，以字母开头</a>');
      expect(body).toContain('value="郑十"');
      expect(body).toContain('<option value="reviewer" selected="">审核人</option>');
      const taken = await admin.post('/console/users', {
        _csrf: token,
        username: 'scjg.handler',
        displayName: '郑十',
        role: 'reviewer',
        agencyId: '3',
      });
      expect(taken.status).toBe(409);
      expect(await taken.text()).toContain('<a href="#f-username">用户名已存在，不能重复</a>');
    });

    it('resets a password: the new one is shown once and the old one no longer signs in', async () => {
      const { app, ctx } = testApp(getDb());
      await demoUsers(ctx);
      const { user } = await createUser(cliActor('test'), ctx, {
        username: 'reset.me',
        displayName: '钱一',
        role: 'handler',
        agencyId: 2,
        password: 'Old-Passw0rd-1',
      });
      const client = await signedIn(app, ctx, 'bgs.admin');
      const page = await (await client.get(`/console/users/${user.id}`)).text();
      expect(page).toContain(`action="/console/users/${user.id}/password"`);
      const token = await client.csrf();
      expect((await client.post(`/console/users/${user.id}/password`, {})).status).toBe(403); // no CSRF token
      const res = await client.post(`/console/users/${user.id}/password`, { _csrf: token });
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).toContain('<h1>密码已重置</h1>');
      const fresh = shownPassword(body) as string;
      expect(fresh).toBeTruthy();
      expect(await (await client.get(`/console/users/${user.id}`)).text()).not.toContain(fresh);
      const old = new Client(app);
      expect((await old.login('reset.me', 'Old-Passw0rd-1')).status).toBe(401);
      expect((await old.login('reset.me', fresh)).headers.get('location')).toBe('/console/password');
      const admin = await signedIn(app, ctx, 'admin');
      const audit = await (await admin.get('/console/audit?action=user.resetPassword&actor=bgs.admin')).text();
      expect(audit).toMatch(new RegExp(`<td>重置密码</td><td>用户 ${user.id}</td><td class="">成功</td>`));
    });

    it('edits name, role and status where allowed, with a confirmation', async () => {
      const { app, ctx } = testApp(getDb());
      await demoUsers(ctx);
      const { user } = await createUser(cliActor('test'), ctx, {
        username: 'edit.me',
        displayName: '孙二',
        role: 'handler',
        agencyId: 2,
      });
      const client = await signedIn(app, ctx, 'bgs.admin');
      const token = await client.csrf(`/console/users/${user.id}`);
      const res = await client.post(`/console/users/${user.id}`, {
        _csrf: token,
        displayName: '孙二二',
        role: 'reviewer',
        active: 'false',
      });
      expect(res.headers.get('location')).toBe(`/console/users/${user.id}?saved=updated`);
      const page = await (await client.get(`/console/users/${user.id}?saved=updated`)).text();
      expect(page).toContain('用户信息已保存。');
      expect(page).toContain('<dd>孙二二</dd>');
      expect(page).toContain('<dd>审核人</dd>');
      expect(page).toContain('<dd>已停用；须修改密码</dd>');
      const empty = await client.post(`/console/users/${user.id}`, {
        _csrf: token,
        displayName: ' ',
        role: 'reviewer',
      });
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('<p class="field-error" id="f-displayName-error">姓名：不能为空</p>');
      // Another agency's users and a role above their own are refused.
      const handler = (await findUserByUsername(ctx.db.kysely, 'scjg.handler'))?.id;
      expect((await client.post(`/console/users/${handler}`, { _csrf: token, displayName: '改' })).status).toBe(403);
      const up = await client.post(`/console/users/${user.id}`, { _csrf: token, role: 'agencyAdmin' });
      expect(up.status).toBe(403);
    });

    it('shows an inspector the accounts of their subtree without any form', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'qzf.inspector');
      const list = await (await client.get('/console/users')).text();
      expect(list).toContain('>scjg.reviewer</a>');
      expect(list).not.toContain('新建用户');
      expect(list).not.toContain('>admin</a>'); // the system administrator belongs to no agency of theirs
      const id = (await findUserByUsername(ctx.db.kysely, 'scjg.reviewer'))?.id;
      const page = await (await client.get(`/console/users/${id}`)).text();
      expect(page).toContain('<dd>李强</dd>');
      expect(page).not.toContain('method="post" action="/console/users');
      expect((await client.get('/console/users/new')).status).toBe(403);
    });
  });
});
