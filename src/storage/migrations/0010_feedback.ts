// Public feedback (issue 5 point 9, 优化反馈渠道、快速响应机制): a message from the portal — a question, a comment,
// a correction of a published item — routed to one agency, answered publicly or privately by its staff (or closed as
// spam or a duplicate), with the response time counted in working days from its receipt. The sender gets a 留言编号
// and a query code, of which only the hash is stored, as for applications. Each agency may set its own deadline.
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// Written out here, not imported: a migration must not change when the code's lists do.
const KINDS = ['inquiry', 'suggestion', 'correction', 'other'];
const STATUSES = ['open', 'answered', 'closed'];
const ANSWER_MODES = ['public', 'private'];
const CLOSE_REASONS = ['spam', 'duplicate'];

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  await db.schema
    .createTable('feedback_counters')
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_counters_pk', ['agency_id', 'year'])
    .execute();

  await db.schema
    .createTable('feedback_settings')
    .addColumn('agency_id', 'bigint', (c) => c.primaryKey().references('agencies.id'))
    /** Working days from receipt to the answer's deadline (default 5 when no row). */
    .addColumn('deadline_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addCheckConstraint('feedback_settings_days_check', sql`deadline_days between 1 and 60`)
    .execute();

  await traits
    .addId(db.schema.createTable('feedback_messages'))
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('message_no', 'text', (c) => c.notNull().unique())
    .addColumn('query_code_hash', 'text', (c) => c.notNull())
    .addColumn('item_id', 'bigint', (c) => c.references('catalog_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('contact', 'text')
    .addColumn('publish_consent', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('deadline_days', 'integer', (c) => c.notNull())
    /** Null when the year's holiday notice was missing at receipt (never guessed). */
    .addColumn('due_on', 'text')
    .addColumn('answer', 'text')
    .addColumn('answer_mode', 'text')
    /** The question as published with a public answer, personal data taken out by staff. */
    .addColumn('public_subject', 'text')
    .addColumn('public_content', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('close_note', 'text')
    .addColumn('handled_at', 'text')
    .addColumn('handled_on', 'text')
    .addColumn('handled_by', 'text')
    .addColumn('handled_by_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('working_days', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('feedback_messages_kind_check', sql`kind in (${list(KINDS)})`)
    .addCheckConstraint('feedback_messages_status_check', sql`status in (${list(STATUSES)})`)
    .addCheckConstraint(
      'feedback_messages_mode_check',
      sql`answer_mode is null or answer_mode in (${list(ANSWER_MODES)})`,
    )
    .addCheckConstraint(
      'feedback_messages_reason_check',
      sql`close_reason is null or close_reason in (${list(CLOSE_REASONS)})`,
    )
    .addCheckConstraint(
      'feedback_messages_public_check',
      sql`answer_mode is null or answer_mode <> 'public' or publish_consent`,
    )
    .execute();
  await db.schema
    .createIndex('feedback_messages_agency_index')
    .on('feedback_messages')
    .columns(['agency_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('feedback_messages_public_index')
    .on('feedback_messages')
    .columns(['answer_mode', 'handled_at'])
    .execute();
}
