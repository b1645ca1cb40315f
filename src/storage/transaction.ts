// The one way to write: run the change and append its audit entry in the same transaction. If the change fails,
// the transaction rolls back and the failure is recorded in an entry of its own (GB/T 22239: audit records
// include the outcome of the event), then the error — as a domain error where the engine's meaning is known — is
// rethrown.
import type { Transaction } from 'kysely';
import { type AuditActor, type AuditDraft, appendEntries, appendStandalone, type Outcome } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import { type Database, translateError } from './db.ts';
import type { Schema } from './schema.ts';

export interface WriteContext {
  db: Database;
  clock: () => Date;
}

export interface Intent {
  action: string;
  objectType: string;
  objectId?: string | number | null;
}

export interface AuditNote {
  objectId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** Mark a committed change as a failed attempt (e.g. a wrong password that raised the failure count). */
  outcome?: Outcome;
  detail?: string;
}

export interface Tx {
  /** Use only this inside fn: on SQLite, db.kysely would wait for this transaction's connection forever. */
  kysely: Transaction<Schema>;
  /** ISO-8601 UTC time of this change, from the injected clock. */
  now: string;
  /** Fill in the audit entry of this change. */
  note(note: AuditNote): void;
}

function draft(intent: Intent, actor: AuditActor, at: string, note: AuditNote, error?: DomainError | Error) {
  const summary: Record<string, unknown> = {};
  if (note.before !== undefined) summary.before = note.before;
  if (note.after !== undefined) summary.after = note.after;
  if (note.detail !== undefined) summary.detail = note.detail;
  if (error) summary.error = error instanceof DomainError ? error.code : 'internal';
  const objectId = note.objectId !== undefined ? note.objectId : intent.objectId;
  return {
    at,
    actor,
    action: intent.action,
    objectType: intent.objectType,
    objectId: objectId ?? null,
    summary,
    outcome: error ? 'failure' : (note.outcome ?? 'success'),
  } satisfies AuditDraft;
}

export async function transaction<T>(
  ctx: WriteContext,
  actor: AuditActor,
  intent: Intent,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const { db } = ctx;
  const at = ctx.clock().toISOString();
  const note: AuditNote = {};
  try {
    return await db.kysely.transaction().execute(async (trx) => {
      const tx: Tx = { kysely: trx, now: at, note: (n) => Object.assign(note, n) };
      const result = await fn(tx);
      await appendEntries(trx, db.traits, [draft(intent, actor, at, note)]);
      return result;
    });
  } catch (e) {
    const error = translateError(db, e);
    await recordFailure(ctx, actor, intent, error, note);
    throw error;
  }
}

/** Record a failed or refused attempt; never hides the original error if the log itself cannot be written. */
export async function recordFailure(
  ctx: WriteContext,
  actor: AuditActor,
  intent: Intent,
  error: unknown,
  note: AuditNote = {},
): Promise<void> {
  const err = error instanceof Error ? error : new Error(String(error));
  try {
    await appendStandalone(ctx.db, [draft(intent, actor, ctx.clock().toISOString(), note, err)]);
  } catch {
    // The database itself may be what failed; the caller still gets the original error.
  }
}
