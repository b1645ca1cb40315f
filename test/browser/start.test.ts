// `npm start` for production (--no-demo): no demo data, the first administrator with a password printed once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient, spawnServer } from './server.ts';

describe('npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts without demo data when GONGKAI_DEMO=0 and makes the first administrator change the password', async () => {
    const server = await spawnServer({ DATABASE_URL: join(dir, 'prod.db'), GONGKAI_DEMO: '0' });
    try {
      const password = /^ {2}密码：(\S+)$/m.exec(server.output())?.[1];
      expect(server.output()).toContain('已创建系统管理员账户');
      expect(server.output()).not.toContain('演示');
      expect(password).toBeDefined();
      const portal = await (await fetch(`${server.origin}/`)).text();
      expect(portal).not.toContain('演示数据');
      expect(portal).toContain('<title>首页 - 政府信息公开</title>');
      const ready = await fetch(`${server.origin}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'current' });
      const client = new HttpClient();
      const token = await client.csrf(`${server.origin}/console/login`);
      const login = await client.post(`${server.origin}/console/login`, {
        _csrf: token,
        username: 'admin',
        password: password as string,
      });
      expect(login.headers.get('location')).toBe('/console/password');
    } finally {
      await server.stop();
    }
  });

  it('refuses to start with a bad setting, naming it in Chinese', async () => {
    await expect(spawnServer({ DATABASE_URL: join(dir, 'bad.db'), PORT: 'eighty' })).rejects.toThrow(
      /服务未能启动：配置有误：\n环境变量 PORT：应为整数/,
    );
  });
});
