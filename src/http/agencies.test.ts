// 机构与用户 — the agency pages, in-process on every engine: who sees which agencies, who may create and edit them,
// the field named in a validation message with the input kept, CSRF, and the audit log.
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { creditCode } from '../../test/platform.ts';
import { listAgencyRows } from '../agencies/repository.ts';
import type { Context } from '../context.ts';
import { Client, passwordOf, testApp } from './testing.ts';

async function signedIn(app: ReturnType<typeof testApp>['app'], ctx: Context, username: string) {
  const client = new Client(app);
  const res = await client.login(username, await passwordOf(ctx, username));
  expect(res.headers.get('location')).toBe('/console');
  return client;
}

const AGENCY = {
  name: '示例区司法局',
  shortName: '区司法局',
  kind: 'department',
  parentId: '1',
  officeAddress: '示例区法治路9号',
  officeHours: '工作日上午9:00至12:00',
  officePhone: '0517-80000009',
  officeFax: '',
  officeEmail: 'sfj@example.gov.cn',
  website: '',
  reviewBody: '示例区人民政府',
  court: '示例区人民法院',
  letterPrefix: '示司信公开',
};

describe('console: agencies', () => {
  forEachEngine((_engine, getDb) => {
    it('lets the system administrator create an agency, confirmed after a redirect and audited', async () => {
      const { app, ctx } = testApp(getDb());
      const admin = await signedIn(app, ctx, 'admin');
      const home = await (await admin.get('/console')).text();
      expect(home).toContain('href="/console/agencies">机构与用户</a>');
      const list = await (await admin.get('/console/agencies')).text();
      expect(list).toContain('<a href="/console/agencies/new">新建机构</a>');
      expect(list).toContain('>示例区教育局</a>');
      const token = await admin.csrf('/console/agencies/new');
      expect(admin.lastHtml).toContain('<label for="f-creditCode">统一社会信用代码</label>');
      const res = await admin.post('/console/agencies', { _csrf: token, ...AGENCY, creditCode: creditCode(9001) });
      expect(res.status).toBe(303);
      const location = res.headers.get('location') as string;
      expect(location).toMatch(/^\/console\/agencies\/\d+\?saved=created$/);
      const page = await (await admin.get(location)).text();
      expect(page).toContain('<p class="notice" role="status">机构已新建。</p>');
      expect(page).toContain('<h1>示例区司法局</h1>');
      expect(page).toContain('<dd>示例区人民政府</dd>'); // the parent, by name
      expect(page).toContain(`<dd>${creditCode(9001)}</dd>`);
      const audit = await (await admin.get('/console/audit?action=agency.create&actor=admin')).text();
      expect(audit).toMatch(/<td>admin<\/td><td>新建机构<\/td><td>机构 \d+<\/td><td class="">成功<\/td>/);
    });

    it('names the field that failed, keeps the input, and writes nothing', async () => {
      const { app, ctx } = testApp(getDb());
      const admin = await signedIn(app, ctx, 'admin');
      const before = (await listAgencyRows(ctx.db.kysely)).length;
      const wrong = `${creditCode(9002).slice(0, 17)}${creditCode(9002).endsWith('0') ? '1' : '0'}`;
      const token = await admin.csrf('/console/agencies/new');
      const res = await admin.post('/console/agencies', {
        _csrf: token,
        ...AGENCY,
        name: '示例区审计局',
        creditCode: wrong,
      });
      expect(res.status).toBe(400);
      const body = await res.text();
      expect(body).toMatch(/<div class="alert" role="alert"><p>提交的内容有误，未予保存。/);
      expect(body).toContain('<a href="#f-creditCode">统一社会信用代码：校验码不符（第18位应为');
      expect(body).toMatch(
        new RegExp(
          `id="f-creditCode" name="creditCode" value="${wrong}"[^>]*aria-invalid="true" aria-describedby="f-creditCode-hint f-creditCode-error"`,
        ),
      );
      expect(body).toContain('<p class="field-error" id="f-creditCode-error">统一社会信用代码：校验码不符');
      expect(body).toContain('value="示例区审计局"');
      expect(body).toMatch(/<option value="department" selected="">政府部门<\/option>/);
      expect((await listAgencyRows(ctx.db.kysely)).length).toBe(before);
    });

    it('lets an agency administrator edit their own agency but not another (403, recorded)', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'bgs.admin');
      const list = await (await client.get('/console/agencies')).text();
      expect(list).toContain('>示例区人民政府办公室</a>');
      expect(list).not.toContain('>示例区教育局</a>');
      expect(list).not.toContain('新建机构');
      const form = await (await client.get('/console/agencies/2/edit')).text();
      expect(form).toContain('<h1>修改机构设置：示例区人民政府办公室</h1>');
      // Where the agency sits is the system administrator's to decide.
      expect(form).not.toContain('name="parentId"');
      expect(form).toContain('value="0517-80000002"');
      const token = await client.csrf();
      const values = Object.fromEntries(
        [...form.matchAll(/<input type="[a-z]+" id="f-(\w+)" name="\w+" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      ) as Record<string, string>;
      const res = await client.post('/console/agencies/2', { ...values, _csrf: token, officeFax: '0517-80000012' });
      expect(res.headers.get('location')).toBe('/console/agencies/2?saved=updated');
      const page = await (await client.get('/console/agencies/2?saved=updated')).text();
      expect(page).toContain('机构设置已保存。');
      expect(page).toContain('<dd>0517-80000012</dd>');
      expect(page).toContain('<dd>示政办信公开</dd>');

      const other = await client.get('/console/agencies/3/edit');
      expect(other.status).toBe(403);
      expect(await other.text()).toContain('无权修改该机构的设置');
      const post = await client.post('/console/agencies/3', { _csrf: token, ...AGENCY, name: '篡改' });
      expect(post.status).toBe(403);
      expect((await listAgencyRows(ctx.db.kysely)).find((a) => a.id === 3)?.name).toBe('示例区市场监督管理局');
      const admin = await signedIn(app, ctx, 'admin');
      const audit = await (await admin.get('/console/audit?actor=bgs.admin&action=agency.update')).text();
      expect(audit).toMatch(/<td>修改机构<\/td><td>机构 2<\/td><td class="">成功<\/td>/);
      expect(audit).toMatch(/<td>修改机构<\/td><td>机构 3<\/td><td class="failure">失败<\/td><td>无权操作<\/td>/);
    });

    it('refuses a form posted without the CSRF token', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'bgs.admin');
      const res = await client.post('/console/agencies/2', { ...AGENCY, name: '无令牌' });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('请求未通过安全校验');
      expect((await listAgencyRows(ctx.db.kysely)).find((a) => a.id === 2)?.name).toBe('示例区人民政府办公室');
    });

    it('shows an inspector their subtree read-only', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'qzf.inspector');
      const list = await (await client.get('/console/agencies')).text();
      expect(list).toContain('>示例区人民政府</a>');
      expect(list).toContain('>示例区教育局</a>');
      expect(list).not.toContain('新建机构');
      const page = await (await client.get('/console/agencies/3')).text();
      expect(page).toContain('<h1>示例区市场监督管理局</h1>');
      expect(page).not.toContain('修改机构设置');
      expect(page).toContain('href="/console/users?agency=3">本机构用户</a>');
      expect((await client.get('/console/agencies/3/edit')).status).toBe(403);
      expect((await client.get('/console/agencies/new')).status).toBe(403);
    });

    it('is refused to roles without account management', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'scjg.handler');
      for (const path of ['/console/agencies', '/console/agencies/3', '/console/users'])
        expect((await client.get(path)).status).toBe(403);
    });
  });
});
