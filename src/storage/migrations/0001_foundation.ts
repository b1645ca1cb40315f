// Agencies, users, sessions and the audit chain. One migration for both engines; the id column is the only
// engine-specific piece and comes from EngineTraits.
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  // restore checks this row to tell a Gongkai database from any other file.
  await db.insertInto('meta').values({ key: 'application', value: 'gongkai' }).execute();

  await traits
    .addId(db.schema.createTable('agencies'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('short_name', 'text')
    .addColumn('credit_code', 'text', (c) => c.unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'bigint', (c) => c.references('agencies.id'))
    .addColumn('office_address', 'text')
    .addColumn('office_hours', 'text')
    .addColumn('office_phone', 'text')
    .addColumn('office_fax', 'text')
    .addColumn('office_email', 'text')
    .addColumn('website', 'text')
    .addColumn('review_body', 'text')
    .addColumn('court', 'text')
    .addColumn('letter_prefix', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('agencies_kind_check', sql`kind in ('government', 'department')`)
    .execute();
  await db.schema.createIndex('agencies_parent_id_index').on('agencies').column('parent_id').execute();

  await traits
    .addId(db.schema.createTable('users'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'bigint', (c) => c.references('agencies.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'boolean', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'users_role_check',
      sql`role in ('sysadmin', 'agencyAdmin', 'handler', 'reviewer', 'publisher', 'inspector')`,
    )
    .execute();
  await db.schema.createIndex('users_agency_id_index').on('users').column('agency_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('client_address', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_id_index').on('sessions').column('user_id').execute();

  // No foreign keys: the log must outlive and never block changes to the rows it describes.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'bigint')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('client_address', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addCheckConstraint('audit_log_outcome_check', sql`outcome in ('success', 'failure')`)
    .execute();
  await db.schema.createIndex('audit_log_at_index').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_actor_index').on('audit_log').column('actor_id').execute();
  await db.schema.createIndex('audit_log_object_index').on('audit_log').columns(['object_type', 'object_id']).execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_id', 'bigint', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('audit_head')
    .values({ id: 1, last_id: 0, last_hash: '0'.repeat(64) })
    .execute();
}
