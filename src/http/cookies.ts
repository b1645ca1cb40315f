// The two cookies: the session (set at login, HttpOnly) and the anonymous CSRF token (login form only). Over HTTPS
// they carry the __Host- prefix, which a sibling subdomain cannot overwrite.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from './env.ts';

type C = Context<AppEnv>;

const name = (c: C, base: string) => (c.get('settings').secureCookies ? `__Host-${base}` : base);

function options(c: C) {
  const secure = c.get('settings').secureCookies;
  // No Max-Age: a browser session cookie; the server ends sessions after idle/absolute limits anyway.
  return { httpOnly: true, sameSite: 'Lax', path: '/', secure } as const;
}

export const sessionToken = (c: C) => getCookie(c, name(c, 'gk_session'));
export const setSessionToken = (c: C, token: string) => setCookie(c, name(c, 'gk_session'), token, options(c));
export const clearSessionToken = (c: C) => deleteCookie(c, name(c, 'gk_session'), options(c));

export const csrfCookie = (c: C) => getCookie(c, name(c, 'gk_csrf'));
export const setCsrfCookie = (c: C, value: string) => setCookie(c, name(c, 'gk_csrf'), value, options(c));
