// In-console notices to staff: written in the same transaction as the change that causes them, read and marked
// read by their addressee only. A notice carries a dedupe key when the same fact may be noticed twice (the daily
// reminder): the second insert is a no-op.
import type { Kysely } from 'kysely';
import type { Actor } from '../agencies/model.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import type { Schema } from '../storage/schema.ts';

export interface Notice {
  id: number;
  text: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NoticeDraft {
  text: string;
  link?: string | null;
  dedupeKey?: string | null;
}

/** Inside the caller's transaction (pass tx.kysely); users already noticed under the same key are passed over. */
export async function addNotices(
  db: Kysely<Schema>,
  userIds: readonly number[],
  draft: NoticeDraft,
  now: string,
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('notices')
    .values(
      unique.map((userId) => ({
        user_id: userId,
        text: draft.text,
        link: draft.link ?? null,
        dedupe_key: draft.dedupeKey ?? null,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .execute();
}

/** Active users of an agency in a role (handlers, reviewers). */
export async function staffOf(db: Kysely<Schema>, agencyId: number, role: string): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('role', '=', role)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

function ownId(actor: Actor): number {
  // The command line acts without a user; notices belong to users.
  if (actor.id === null) throw errors.forbidden('查看通知');
  return actor.id;
}

/** The signed-in user's notices, newest first (no policy row: everyone reads their own, nobody another's). */
export async function listMyNotices(actor: Actor, ctx: Context, limit = 100): Promise<Notice[]> {
  const rows = await ctx.db.kysely
    .selectFrom('notices')
    .selectAll()
    .where('user_id', '=', ownId(actor))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, text: r.text, link: r.link, createdAt: r.created_at, readAt: r.read_at }));
}

export async function countUnread(actor: Actor, ctx: Context): Promise<number> {
  if (actor.id === null) return 0;
  const row = await ctx.db.kysely
    .selectFrom('notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', actor.id)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Mark one notice (or, with id null, all) read. Another user's notice is “not found”, never touched. */
export async function markRead(actor: Actor, ctx: Context, id: number | null): Promise<number> {
  const userId = ownId(actor);
  let q = ctx.db.kysely
    .updateTable('notices')
    .set({ read_at: ctx.clock().toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== null) q = q.where('id', '=', id);
  const result = await q.executeTakeFirst();
  const n = Number(result.numUpdatedRows);
  if (id !== null && n === 0) {
    const mine = await ctx.db.kysely
      .selectFrom('notices')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!mine) throw errors.notFound('通知', id);
  }
  return n;
}
