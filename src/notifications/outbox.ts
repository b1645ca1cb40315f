// The outbox (issue 4 point 10): an email is a row written in the same transaction as the change that causes it, so
// a change rolled back sends nothing. Sender processes claim due rows atomically — PostgreSQL passes over rows
// another process has locked (FOR UPDATE SKIP LOCKED), SQLite takes the write lock at BEGIN IMMEDIATE — and mark
// each with their claim token and a lease, so that with several server processes each message is sent once; a
// sender that dies mid-send leaves its rows to be claimed again when the lease ends.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../storage/db.ts';
import type { OutboxTable, Schema } from '../storage/schema.ts';

export type OutboxRow = Selectable<OutboxTable>;

export interface EmailDraft {
  kind: string;
  to: string;
  subject: string;
  body: string;
  objectType?: string | null;
  objectId?: string | number | null;
}

/** Inside the caller's transaction (pass tx.kysely). */
export async function enqueueEmail(db: Kysely<Schema>, draft: EmailDraft, now: string): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      kind: draft.kind,
      recipient: draft.to,
      subject: draft.subject,
      body: draft.body,
      object_type: draft.objectType ?? null,
      object_id: draft.objectId === undefined || draft.objectId === null ? null : String(draft.objectId),
      created_at: now,
      send_after: now,
    })
    .execute();
}

export const newClaimToken = () => randomUUID();

/** Claim up to `limit` due messages for this sender until `until`; each claim counts as an attempt. */
export async function claimDue(
  db: Database,
  token: string,
  now: string,
  until: string,
  limit: number,
): Promise<OutboxRow[]> {
  return db.kysely.transaction().execute(async (trx) => {
    const due = db.traits.forUpdateSkipLocked(
      trx
        .selectFrom('outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('send_after', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .orderBy('id')
        .limit(limit),
    );
    const ids = (await due.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    return trx
      .updateTable('outbox')
      .set((eb) => ({ claimed_by: token, claimed_until: until, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids)
      .returningAll()
      .execute();
  });
}

/** Only the holder of the claim may record the result. */
export async function markSent(db: Database, row: OutboxRow, token: string, now: string): Promise<void> {
  await db.kysely
    .updateTable('outbox')
    .set({ sent_at: now, claimed_by: null, claimed_until: null })
    .where('id', '=', row.id)
    .where('claimed_by', '=', token)
    .execute();
}

/** A failed attempt: try again after `retryAt`, or give up (failed_at) when this was the last attempt. */
export async function markFailed(
  db: Database,
  row: OutboxRow,
  token: string,
  now: string,
  error: string,
  retryAt: string | null,
): Promise<void> {
  await db.kysely
    .updateTable('outbox')
    .set({
      last_error: error.slice(0, 1000),
      claimed_by: null,
      claimed_until: null,
      ...(retryAt ? { send_after: retryAt } : { failed_at: now }),
    })
    .where('id', '=', row.id)
    .where('claimed_by', '=', token)
    .execute();
}

export const NOT_CONFIGURED = '未配置邮件服务器';

/** Without an SMTP server, pending messages say why they wait (and are sent once one is configured). */
export async function markUnconfigured(db: Database): Promise<number> {
  const result = await db.kysely
    .updateTable('outbox')
    .set({ last_error: NOT_CONFIGURED })
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where((eb) => eb.or([eb('last_error', 'is', null), eb('last_error', '!=', NOT_CONFIGURED)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** What a message's state reads as, for staff. */
export function outboxState(row: OutboxRow): string {
  if (row.sent_at) return `已发送（${row.sent_at}）`;
  if (row.failed_at) return `发送失败，已停止重试：${row.last_error ?? ''}`;
  if (row.last_error === NOT_CONFIGURED) return `待发送：${NOT_CONFIGURED}`;
  return row.last_error ? `待重试（已尝试${row.attempts}次）：${row.last_error}` : '待发送';
}

export async function listOutboxFor(db: Kysely<Schema>, objectType: string, objectId: string | number) {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('object_type', '=', objectType)
    .where('object_id', '=', String(objectId))
    .orderBy('id')
    .execute();
}
