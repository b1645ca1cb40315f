// CSRF protection on every state-changing request (OWASP CSRF Cheat Sheet):
// 1. Origin check: a browser's Origin (or Sec-Fetch-Site) must say the request comes from this site.
// 2. A token in the form (_csrf) or header (X-CSRF-Token). Signed in, it is a synchroniser token derived from the
//    session token (SHA-256 of "csrf:" + token): it changes with every login, needs no storage, and any server
//    process can check it. Anonymous (the login form), it is a double-submit token in its own cookie.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { csrfCookie, sessionToken, setCsrfCookie } from './cookies.ts';
import type { AppEnv } from './env.ts';
import { ErrorPage } from './errors.tsx';
import { html } from './render.ts';

type C = Context<AppEnv>;

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCsrfToken(session: string): string {
  return createHash('sha256').update(`csrf:${session}`, 'utf8').digest('base64url');
}

/** The token to embed in this page's forms (sets the anonymous cookie when there is none yet). */
export function csrfToken(c: C): string {
  const session = sessionToken(c);
  if (session) return sessionCsrfToken(session);
  const existing = csrfCookie(c);
  if (existing && /^[\w-]{43}$/.test(existing)) return existing;
  const fresh = randomBytes(32).toString('base64url');
  setCsrfCookie(c, fresh);
  return fresh;
}

function expectedToken(c: C): string | undefined {
  const session = sessionToken(c);
  return session ? sessionCsrfToken(session) : csrfCookie(c);
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function originAllowed(c: C): boolean {
  if (c.req.header('sec-fetch-site') === 'cross-site') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true; // not a browser form post from another site (browsers send Origin)
  if (origin === 'null') return false;
  // The request URL's host is the Host header (nginx passes the public one: proxy_set_header Host $host).
  const forwarded = c.get('settings').trustProxy ? c.req.header('x-forwarded-host') : undefined;
  try {
    return new URL(origin).host === (forwarded ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

async function submittedToken(c: C): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return undefined;
  const body = await c.req.parseBody();
  const value = body._csrf;
  return typeof value === 'string' ? value : undefined;
}

export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const expected = expectedToken(c);
    const given = await submittedToken(c);
    if (!originAllowed(c) || !expected || !given || !sameText(expected, given)) {
      c.get('logger').warn({ reqId: c.get('requestId'), path: c.req.path }, 'csrf rejected');
      return html(
        c,
        <ErrorPage
          c={c}
          status={403}
          message="请求未通过安全校验（页面已过期或来源不明）。请返回上一页，刷新后重新提交。"
        />,
        403,
      );
    }
    return next();
  };
}
