// Console pages need a signed-in user. The session lives in the database (src/agencies/sessions.ts), so any
// server process can serve any user; the cookie holds only the random token.
import type { MiddlewareHandler } from 'hono';
import { authenticate } from '../agencies/sessions.ts';
import { isDomainError } from '../errors.ts';
import { clearSessionToken, sessionToken } from './cookies.ts';
import type { AppEnv } from './env.ts';

/** Only these pages are open to a session that must change its password first. */
const WHILE_MUST_CHANGE = new Set(['/console/password', '/console/logout']);

export function loginUrl(next?: string, flag?: 'expired' | 'out'): string {
  const params = new URLSearchParams();
  if (flag) params.set(flag, '1');
  if (next && next !== '/console') params.set('next', next);
  const query = params.toString();
  return `/console/login${query ? `?${query}` : ''}`;
}

/** A place to return to after login: a console path of this site, never another host. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !/^\/console(?:[/?][^\\\s]*)?$/.test(next) || next.includes('//')) return '/console';
  return next.startsWith('/console/login') ? '/console' : next;
}

export function requireLogin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    const here = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : undefined;
    if (!token) return c.redirect(loginUrl(here), 303);
    try {
      c.set('auth', await authenticate(c.get('ctx'), token, c.get('clientAddress')));
    } catch (e) {
      if (isDomainError(e, 'sessionExpired') || isDomainError(e, 'notAuthenticated')) {
        clearSessionToken(c);
        return c.redirect(loginUrl(here, isDomainError(e, 'sessionExpired') ? 'expired' : undefined), 303);
      }
      throw e;
    }
    if (c.get('auth').mustChangePassword && !WHILE_MUST_CHANGE.has(c.req.path))
      return c.redirect('/console/password', 303);
    await next();
  };
}
