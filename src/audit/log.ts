// The append-only, hash-chained audit log (GB/T 22239 安全审计: who, when, what, outcome; protected against
// alteration). Each entry's hash is SHA-256 over a canonical serialization that includes the previous entry's
// hash, so changing, inserting or deleting an entry breaks the chain at that point (see verify.ts).
//
// Appends happen inside the transaction of the change they describe. The chain's end is kept in the single row
// audit_head, read with a row lock (PostgreSQL: SELECT … FOR UPDATE; SQLite: the transaction began IMMEDIATE and
// already holds the write lock), so two processes appending at once queue up instead of forking the chain.
//
// Retention: the application never deletes entries. 《网络安全法》第二十一条 requires network logs to be kept for
// at least six months; keeping them for the life of the database satisfies that.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, EngineTraits } from '../storage/db.ts';
import type { AuditLogTable, Schema } from '../storage/schema.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type Outcome = 'success' | 'failure';

/** Who acted: a user, or the command line (id null). */
export interface AuditActor {
  id: number | null;
  name: string;
  clientAddress?: string | null;
}

export interface AuditDraft {
  at: string;
  actor: AuditActor;
  action: string;
  objectType: string;
  objectId?: string | number | null;
  /** Before/after summary (never secrets); stored as canonical JSON. */
  summary: Record<string, unknown>;
  outcome: Outcome;
}

export type AuditRow = AuditLogTable;

/** JSON with object keys sorted, so the same summary always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash of an entry: every column except the hash itself, in a fixed order, previous hash included. */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const fields = [
    row.id,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.object_type,
    row.object_id,
    row.summary,
    row.outcome,
    row.client_address,
    row.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}

/** Append entries at the end of the chain. Call inside a write transaction (storage/transaction.ts does). */
export async function appendEntries(
  trx: Kysely<Schema>,
  traits: EngineTraits,
  drafts: readonly AuditDraft[],
): Promise<AuditRow[]> {
  if (drafts.length === 0) return [];
  const head = await traits
    .forUpdate(trx.selectFrom('audit_head').select(['last_id', 'last_hash']).where('id', '=', 1))
    .executeTakeFirstOrThrow();
  let lastId = Number(head.last_id);
  let lastHash = head.last_hash;
  const rows: AuditRow[] = [];
  for (const d of drafts) {
    const base = {
      id: lastId + 1,
      at: d.at,
      actor_id: d.actor.id,
      actor_name: d.actor.name,
      action: d.action,
      object_type: d.objectType,
      object_id: d.objectId === undefined || d.objectId === null ? null : String(d.objectId),
      summary: canonicalJson(d.summary),
      outcome: d.outcome,
      client_address: d.actor.clientAddress ?? null,
      prev_hash: lastHash,
    };
    const row = { ...base, hash: entryHash(base) };
    rows.push(row);
    lastId = row.id;
    lastHash = row.hash;
  }
  await trx.insertInto('audit_log').values(rows).execute();
  await trx.updateTable('audit_head').set({ last_id: lastId, last_hash: lastHash }).where('id', '=', 1).execute();
  return rows;
}

/** Append in a transaction of its own — for failures, whose change was rolled back. */
export async function appendStandalone(db: Database, drafts: readonly AuditDraft[]): Promise<AuditRow[]> {
  return db.kysely.transaction().execute((trx) => appendEntries(trx, db.traits, drafts));
}

/** The fields that differ, as { before, after } — what an audit entry of an update keeps. */
export function changes<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (key === 'updatedAt') continue;
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
