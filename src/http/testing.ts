// For the in-process tests of the web app: an app over a test database with a clock the test moves, and a client
// that keeps cookies like a browser and finds the CSRF token in the last page.
import type { Hono } from 'hono';
import { DEFAULT_SECURITY } from '../config.ts';
import type { Context } from '../context.ts';
import { type DemoCredential, seedDemo } from '../demo/seed.ts';
import type { Database } from '../storage/db.ts';
import { type AppOptions, createApp } from './app.ts';
import type { AppEnv } from './env.ts';

/** Cheap argon2 for tests; the rules (lockout after 5, idle 30 min, 12 h) are the defaults. */
export const TEST_SECURITY = { ...DEFAULT_SECURITY, argon2MemoryKib: 8192, argon2TimeCost: 1 };

export interface TestApp {
  app: Hono<AppEnv>;
  ctx: Context;
  /** Move the injected clock forward. */
  advance(minutes: number): void;
}

export function testApp(db: Database, options: AppOptions = {}): TestApp {
  let now = Date.parse('2026-03-02T02:00:00.000Z');
  const ctx: Context = { db, clock: () => new Date(now), security: TEST_SECURITY };
  return {
    app: createApp(ctx, { siteName: '测试区人民政府信息公开', ...options }),
    ctx,
    advance: (minutes) => {
      now += minutes * 60_000;
    },
  };
}

/** Demo users once per database (a test file shares one database per engine). */
const seeded = new WeakMap<Database, Promise<DemoCredential[]>>();
export function demoUsers(ctx: Context): Promise<DemoCredential[]> {
  let p = seeded.get(ctx.db);
  if (!p) {
    p = seedDemo(ctx).then((c) => c ?? []);
    seeded.set(ctx.db, p);
  }
  return p;
}

export async function passwordOf(ctx: Context, username: string): Promise<string> {
  const user = (await demoUsers(ctx)).find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.password;
}

export class Client {
  readonly cookies = new Map<string, string>();
  lastHtml = '';
  constructor(private readonly app: Hono<AppEnv>) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    if ((res.headers.get('content-type') ?? '').startsWith('text/html')) {
      this.lastHtml = await res.clone().text();
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  /** The CSRF token of the last page (or of `path`, fetched first). */
  async csrf(path?: string): Promise<string> {
    if (path) await this.get(path);
    const m = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!m?.[1]) throw new Error('no CSRF token on the page');
    return m[1];
  }

  post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request(path, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  /** Sign in through the login form; returns the response to the POST. */
  async login(username: string, password: string): Promise<Response> {
    const token = await this.csrf('/console/login');
    return this.post('/console/login', { _csrf: token, username, password, next: '/console' });
  }
}
