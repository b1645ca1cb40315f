// 文书 (issue 4): the numbered letters issued on an application, and their per agency/year/series counters.
// A number “示市监公复〔2025〕7号” is never reused: letters are never deleted, counters only grow, and the number is
// unique within its agency — not across agencies, so that two agencies given the same prefix by mistake do not
// block each other's letters. One migration for both engines; the id columns come from EngineTraits.
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// Written out here, not imported: a migration must not change when the code's lists do.
const KINDS = [
  'receipt',
  'correction',
  'thirdPartyConsultation',
  'consultationNotice',
  'extension',
  'feeNotice',
  'reply',
];

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  await db.schema
    .createTable('letter_counters')
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    /** The series character of the number: 受 (receipts), 补, 征, 延, 费, 复 (letters/model.ts). */
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_counters_pk', ['agency_id', 'year', 'series'])
    .execute();

  await traits
    .addId(db.schema.createTable('letters'))
    .addColumn('application_id', 'bigint', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('docx_base64', 'text', (c) => c.notNull())
    .addColumn('docx_sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'bigint', (c) => c.references('users.id'))
    .addUniqueConstraint('letters_number_unique', ['agency_id', 'number'])
    .addUniqueConstraint('letters_series_seq_unique', ['agency_id', 'year', 'series', 'seq'])
    .addCheckConstraint('letters_kind_check', sql`kind in (${list(KINDS)})`)
    .execute();
  await db.schema.createIndex('letters_application_index').on('letters').columns(['application_id', 'id']).execute();
}
