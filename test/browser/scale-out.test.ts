// Several server processes behind one load balancer share one PostgreSQL database: a user who logged in through
// one process is served, with the same cookie, by another. Sessions live in the database (sessions.ts) and the
// CSRF token derives from the session token, so no process keeps state of its own.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines, testPostgresUrl } from '../engines.ts';
import { HttpClient, type RunningServer, spawnServer } from './server.ts';

const withPostgres = testEngines().includes('postgres');

describe.skipIf(!withPostgres)(
  'scale-out: two server processes, one PostgreSQL (needs postgres in GONGKAI_TEST_ENGINES)',
  () => {
    const name = `gk_scale_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const adminUrl = testPostgresUrl();
    let a: RunningServer | undefined;
    let b: RunningServer | undefined;

    async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
      const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    }

    beforeAll(async () => {
      await admin((c) => c.query(`create database ${name}`));
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      a = await spawnServer({ DATABASE_URL: url.toString() });
      // The second starts on a database that is no longer empty: it seeds nothing and prints no password.
      b = await spawnServer({ DATABASE_URL: url.toString() });
    });

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    });

    it('serves a session begun on one process from the other, and ends it there', async () => {
      if (!a || !b) throw new Error('servers did not start');
      expect(a.credentials.size).toBe(7);
      expect(b.credentials.size).toBe(0);
      const client = new HttpClient();
      const token = await client.csrf(`${a.origin}/console/login`);
      const login = await client.post(`${a.origin}/console/login`, {
        _csrf: token,
        username: 'admin',
        password: a.credentials.get('admin') as string,
      });
      expect(login.status).toBe(303);
      expect(client.cookies.has('gk_session')).toBe(true);

      const home = await client.request(`${b.origin}/console`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('系统管理员（系统管理员，全系统）');
      const audit = await (await client.request(`${b.origin}/console/audit?action=session.login`)).text();
      expect(audit).toContain('<td>admin</td><td>登录</td>');

      // A form rendered by one process is accepted by the other.
      const logoutToken = await client.csrf(`${a.origin}/console`);
      const out = await client.post(`${b.origin}/console/logout`, { _csrf: logoutToken });
      expect(out.headers.get('location')).toBe('/console/login?out=1');
      const after = new HttpClient();
      after.cookies.set('gk_session', /gk_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '');
      expect((await after.request(`${a.origin}/console`)).status).toBe(303);
    });
  },
);
