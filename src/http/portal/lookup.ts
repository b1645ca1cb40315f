// The applicant's downloads by 查询号 and 查询码 (receipt, letters, attachments): every try counts in the app's one
// lookup budget, and the codes come from the POST body, never from a URL.
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { limitKey, type RateLimit } from '../rate-limit.ts';

/** A body field as text, at most 40 characters; '' when missing or not text. */
export type LookupField = (name: string) => string;

/**
 * A route handler that first spends one try of `lookups` (429 with a plain message once they are used up), then
 * reads the POST body and hands `handle` its fields.
 */
export function lookupHandler(
  lookups: RateLimit,
  handle: (c: Context<AppEnv>, text: LookupField) => Promise<Response>,
) {
  return async (c: Context<AppEnv>) => {
    const key = limitKey(c.get('clientAddress'));
    const now = c.get('ctx').clock().getTime();
    if (!lookups.check(key, now).allowed) return c.text('查询次数较多，请稍后再试。', 429);
    lookups.hit(key, now);
    const body = await c.req.parseBody();
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, 40) : '');
    return handle(c, text);
  };
}
