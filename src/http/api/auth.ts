// Staff routes of the API: the console's session cookie, answered in JSON (401, never a redirect to the login page).
// State-changing requests also need the session's CSRF token in the X-CSRF-Token header (the value the console's
// forms carry, csrf.tsx) and a same-site Origin: a cookie alone never changes anything.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Actor } from '../../agencies/model.ts';
import { authenticate, requireUsable } from '../../agencies/sessions.ts';
import { isDomainError } from '../../errors.ts';
import { clearSessionToken, sessionToken } from '../cookies.ts';
import { originAllowed, sessionCsrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { apiError } from './respond.ts';

type C = Context<AppEnv>;

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const CSRF_MESSAGE = '请求未通过安全校验：缺少或不正确的 X-CSRF-Token 请求头，或来源不明';

export function staffOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    if (!token) return apiError(c, 401, 'notAuthenticated', '请先登录');
    try {
      const auth = await authenticate(c.get('ctx'), token, c.get('clientAddress'));
      requireUsable(auth); // a password that must change first: passwordChangeRequired (403)
      c.set('auth', auth);
    } catch (e) {
      if (isDomainError(e, 'sessionExpired') || isDomainError(e, 'notAuthenticated')) clearSessionToken(c);
      throw e;
    }
    if (!SAFE.has(c.req.method)) {
      const given = c.req.header('x-csrf-token') ?? '';
      if (!originAllowed(c) || !sameText(given, sessionCsrfToken(token))) {
        c.get('logger').warn({ reqId: c.get('requestId'), path: c.req.path }, 'csrf rejected');
        return apiError(c, 403, 'forbidden', CSRF_MESSAGE);
      }
    }
    await next();
  };
}

export const actorOf = (c: C): Actor => c.get('auth').actor;
