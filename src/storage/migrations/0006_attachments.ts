// Attachments (issue 4 points 2 and 5): files an applicant sends with an application, and the disclosed
// information accompanying a reply. The bytes are kept in the database (BLOB on SQLite, bytea on PostgreSQL: the
// engine's traits name the type) so that a backup of the database is a backup of the case. Originals are
// audience 'staff'; only 'applicant' files are ever given to the applicant (redaction builds on this, issue 8).
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// Written out here, not imported: a migration must not change when the code's lists do.
const OWNER_KINDS = ['application', 'decision'];
const AUDIENCES = ['staff', 'applicant'];

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  await traits
    .addId(db.schema.createTable('attachments'))
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'bigint', (c) => c.notNull())
    /** The application the file belongs to (the owner itself, or the case of a decision). */
    .addColumn('application_id', 'bigint', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', traits.binaryType, (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('attachments_owner_kind_check', sql`owner_kind in (${list(OWNER_KINDS)})`)
    .addCheckConstraint('attachments_audience_check', sql`audience in (${list(AUDIENCES)})`)
    .execute();
  await db.schema
    .createIndex('attachments_application_index')
    .on('attachments')
    .columns(['application_id', 'id'])
    .execute();
}
