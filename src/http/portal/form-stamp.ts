// The time a public form was shown, signed, so a submission can tell how long it took to fill in: a person needs
// more than a few seconds, a script posting at once does not. The key lives in the meta table (created on first
// use), so every server process signs and checks with the same one.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from '../../context.ts';
import type { Database } from '../../storage/db.ts';
import { installationSecret } from '../../storage/secrets.ts';

/** Faster than this, the applicant is asked to look the form over and submit again (never refused silently). */
export const MIN_FILL_MS = 3000;

const KEY = 'portal.form_key';
const keys = new WeakMap<Database, Promise<string>>();

function formKey(db: Database): Promise<string> {
  let p = keys.get(db);
  if (!p) {
    p = installationSecret(db.kysely, KEY).catch((e) => {
      keys.delete(db);
      throw e;
    });
    keys.set(db, p);
  }
  return p;
}

const sign = (key: string, ms: number) => createHmac('sha256', key).update(`form:${ms}`).digest('base64url');

/** “1772416800000.<signature>”: put in a hidden field of the form. */
export async function formStamp(ctx: Context): Promise<string> {
  const ms = ctx.clock().getTime();
  return `${ms}.${sign(await formKey(ctx.db), ms)}`;
}

/** Whether the form was shown at least MIN_FILL_MS ago by this site; false for a missing or altered stamp. */
export async function filledSlowly(ctx: Context, stamp: string | undefined): Promise<boolean> {
  const m = /^(\d{1,15})\.([\w-]{43})$/.exec(stamp ?? '');
  if (!m) return false;
  const ms = Number(m[1]);
  const expected = Buffer.from(sign(await formKey(ctx.db), ms));
  const given = Buffer.from(m[2] as string);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  return ctx.clock().getTime() - ms >= MIN_FILL_MS;
}
