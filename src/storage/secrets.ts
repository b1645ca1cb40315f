// Secrets of one installation, kept in the meta table and created on first use, so that every server process of
// the installation uses the same one and a restored backup keeps it. Never shown, logged or exported.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';

/** The secret named `key` (e.g. 'portal.form_key'), 32 random bytes in base64url; read, or created once. */
export async function installationSecret(db: Kysely<Schema>, key: string): Promise<string> {
  const read = () => db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  const existing = await read();
  if (existing) return existing.value;
  const value = randomBytes(32).toString('base64url');
  // Two processes may race to create it: the first one wins and both use its value.
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await read())?.value ?? value;
}
