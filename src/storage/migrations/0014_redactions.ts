// 区分处理 (issue 8, 《条例》第三十七条): a handler's redaction plan for one file of a case — the boxes, each with
// its reason, saved over several sittings — and, once applied, the record linking the original (kept staff-only)
// to the redacted copy given to the applicant, with the boxes that were applied (for the 答复书's list of what
// was withheld and why). Boxes are JSON text: page, area in points, reason, source, note — never the text found.
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  await traits
    .addId(db.schema.createTable('redaction_plans'))
    .addColumn('attachment_id', 'bigint', (c) => c.notNull().references('attachments.id'))
    .addColumn('application_id', 'bigint', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    /** JSON text: RedactionBox[]. */
    .addColumn('boxes_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_by_id', 'bigint', (c) => c.references('users.id'))
    .addUniqueConstraint('redaction_plans_attachment_unique', ['attachment_id'])
    .execute();
  await traits
    .addId(db.schema.createTable('redactions'))
    .addColumn('source_attachment_id', 'bigint', (c) => c.notNull().references('attachments.id'))
    .addColumn('result_attachment_id', 'bigint', (c) => c.notNull().references('attachments.id'))
    .addColumn('application_id', 'bigint', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    /** JSON text: the RedactionBox[] applied. */
    .addColumn('boxes_json', 'text', (c) => c.notNull())
    /** JSON text: the page numbers rebuilt as images. */
    .addColumn('pages_rebuilt_json', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('applied_by', 'text', (c) => c.notNull())
    .addColumn('applied_by_id', 'bigint', (c) => c.references('users.id'))
    .addUniqueConstraint('redactions_result_unique', ['result_attachment_id'])
    .addCheckConstraint('redactions_distinct_check', sql`source_attachment_id <> result_attachment_id`)
    .execute();
  await db.schema
    .createIndex('redactions_application_index')
    .on('redactions')
    .columns(['application_id', 'id'])
    .execute();
}
