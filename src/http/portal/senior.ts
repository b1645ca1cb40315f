// 适老化模式 (GB/T 37668, 工信部《互联网网站适老化通用设计规范》): larger type, high contrast, bigger targets. A plain
// link in the portal header turns it on or off; a cookie keeps the choice for a year; the page frame (layout.tsx)
// reads it, with the address to come back to, from portalView() — set for every request by seniorMode().
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';

export const SENIOR_PATH = '/senior';
const ONE_YEAR = 365 * 24 * 60 * 60;

export interface PortalView {
  /** The 适老化 mode is on. */
  senior: boolean;
  /** This page's path and query: where the toggle comes back to. */
  here: string;
}

const store = new AsyncLocalStorage<PortalView>();

/** The request being rendered, as the portal frame needs it (outside a request: off, the home page). */
export const portalView = (): PortalView => store.getStore() ?? { senior: false, here: '/' };

type C = Context<AppEnv>;
const cookieName = (c: C) => (c.get('settings').secureCookies ? '__Host-gk_senior' : 'gk_senior');

/** Only a path on this site: '/…' but never '//…' or '/\…' (another host), no control characters. */
export function safeBack(value: string | undefined): string {
  if (!value || value.length > 2000 || !value.startsWith('/')) return '/';
  if (value.startsWith('//') || value.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  if (value.startsWith(SENIOR_PATH)) return '/';
  return value;
}

/** The link that turns the mode on (or off) and comes back to this page. */
export function seniorHref(view: PortalView): string {
  return `${SENIOR_PATH}?on=${view.senior ? '0' : '1'}&back=${encodeURIComponent(view.here)}`;
}

export function seniorMode(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const url = new URL(c.req.url);
    return store.run({ senior: getCookie(c, cookieName(c)) === '1', here: `${url.pathname}${url.search}` }, next);
  };
}

export const seniorRoutes = new Hono<AppEnv>().get(SENIOR_PATH, (c) => {
  const on = c.req.query('on') !== '0';
  setCookie(c, cookieName(c), on ? '1' : '0', {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.get('settings').secureCookies,
    maxAge: ONE_YEAR,
  });
  return c.redirect(safeBack(c.req.query('back')), 303);
});
