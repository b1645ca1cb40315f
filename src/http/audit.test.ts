// The audit-log page: only roles the policy table allows; filters and paging.
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { Client, demoUsers, passwordOf, testApp } from './testing.ts';

describe('audit log page', () => {
  forEachEngine((_engine, getDb) => {
    it('is open to the system administrator, with filters', async () => {
      const { app, ctx } = testApp(getDb());
      const client = new Client(app);
      await demoUsers(ctx);
      await client.login('scjg.handler', 'Wrong-Passw0rd');
      await client.login('admin', await passwordOf(ctx, 'admin'));
      const page = await client.get('/console/audit');
      expect(page.status).toBe(200);
      const body = await page.text();
      expect(body).toContain('<h1>审计日志</h1>');
      expect(body).toContain('>审计日志</a>');
      expect(body).toContain('<td>建立演示数据</td>');
      const failures = await (await client.get('/console/audit?outcome=failure&actor=scjg.handler')).text();
      expect(failures).toMatch(/共 1 条记录/);
      expect(failures).toContain('<td>scjg.handler</td><td>登录</td>');
      expect(failures).toMatch(/<td>用户 \d+<\/td><td class="failure">失败<\/td><td>密码错误<\/td>/);
      const none = await (await client.get('/console/audit?from=2000-01-01&to=2000-01-31')).text();
      expect(none).toContain('共 0 条记录');
      const bad = await client.get('/console/audit?from=yesterday');
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('起始日期：应为日期，格式 YYYY-MM-DD');
    });

    it('pages through the entries fifty at a time', async () => {
      const { app, ctx } = testApp(getDb());
      const client = new Client(app);
      for (let i = 0; i < 51; i++) await client.login('nobody', 'x');
      await client.login('admin', await passwordOf(ctx, 'admin'));
      const first = await (await client.get('/console/audit?actor=nobody')).text();
      expect(first).toContain('共 51 条记录，第 1 / 2 页');
      expect(first).toContain('href="/console/audit?actor=nobody&amp;page=2">下一页</a>');
      const second = await (await client.get('/console/audit?actor=nobody&page=2')).text();
      expect(second).toContain('第 2 / 2 页');
      expect(second).toContain('>上一页</a>');
    });

    for (const username of ['scjg.handler', 'bgs.admin', 'qzf.inspector']) {
      it(`is refused to ${username}, and the refusal is recorded`, async () => {
        const { app, ctx } = testApp(getDb());
        const client = new Client(app);
        await client.login(username, await passwordOf(ctx, username));
        const res = await client.get('/console/audit');
        expect(res.status).toBe(403);
        expect(await res.text()).toContain('无权查看审计日志');
        const refusal = await ctx.db.kysely
          .selectFrom('audit_log')
          .select(['outcome', 'actor_name'])
          .where('action', '=', 'audit.view')
          .orderBy('id', 'desc')
          .executeTakeFirst();
        expect(refusal).toEqual({ outcome: 'failure', actor_name: username });
      });
    }
  });
});
