// Cross-cutting middleware: access logs, security headers, the client's address.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/** One JSON line per request: id, method, path (no query), status, duration. No addresses, no names. */
export function accessLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    c.get('logger').info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
      },
      'request',
    );
  };
}

// No inline script or style anywhere: everything comes from /static/. frame-ancestors replaces X-Frame-Options.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    const secure = c.get('settings').secureCookies;
    const policy = secure ? `${CSP}; upgrade-insecure-requests` : CSP;
    // A download that asked for a sandbox (stored files: attachments) keeps it on top of the site's policy.
    const sandboxed = /(^|;\s*)sandbox(;|$)/.test(h.get('Content-Security-Policy') ?? '');
    h.set('Content-Security-Policy', sandboxed ? `${policy}; sandbox` : policy);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    h.set('X-Frame-Options', 'DENY');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (secure) h.set('Strict-Transport-Security', 'max-age=31536000');
    // Staff pages and anything personal are never kept by shared caches or the browser's back button; a response
    // that declares itself public (published annual reports, open data) keeps its own Cache-Control.
    if (!c.req.path.startsWith('/static/') && !/^public\b/.test(h.get('Cache-Control') ?? ''))
      h.set('Cache-Control', 'no-store');
  };
}

function socketAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests (tests) have no socket
  }
}

/** The client's address, for the audit log: behind a trusted proxy, the last hop it appended. */
export function clientAddress(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let address = socketAddress(c);
    const forwarded = c.req.header('x-forwarded-for');
    if (c.get('settings').trustProxy && forwarded) {
      address = forwarded.split(',').at(-1)?.trim() || address;
    }
    c.set('clientAddress', address);
    await next();
  };
}
