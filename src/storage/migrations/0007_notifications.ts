// Notifications (issue 4 point 10): the outbox of emails to applicants, written in the same transaction as the change
// that causes them and sent once by whichever server process claims them, and in-console notices to staff.
// One migration for both engines.
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  await traits
    .addId(db.schema.createTable('outbox'))
    /** What caused it: application.received, application.correctionRequested … */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** An email address. */
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('send_after', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    /** Set when the sender gave up after the last attempt; last_error says why. */
    .addColumn('failed_at', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_due_index')
    .on('outbox')
    .columns(['send_after', 'id'])
    .where(sql.ref('sent_at'), 'is', null)
    .execute();

  await traits
    .addId(db.schema.createTable('notices'))
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    /** Makes a repeated notice (the daily reminder run twice) a no-op: unique per user. */
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notices_user_index').on('notices').columns(['user_id', 'id']).execute();
  await db.schema
    .createIndex('notices_dedupe_unique')
    .on('notices')
    .columns(['user_id', 'dedupe_key'])
    .unique()
    .execute();
}
