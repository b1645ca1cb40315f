// 政府信息公开工作年度报告 as records (issue 6 points 3 and 5): one report per agency and year, compiled from the
// records or imported from a document published before the system was installed, and its workflow
//   draft → submitted (to the supervising office) → returned (with a comment) → submitted … → approved → published.
// While a report is a draft its tables are compiled live from the records and only the texts of sections 一, 五
// and 六 are stored; submission freezes the whole report (snapshot_json) so what the office approves and the portal
// publishes no longer moves when the records do. Every step is an event with who, when and the comment.
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// Written out here, not imported: a migration must not change when the code's lists do.
const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'];
const ORIGINS = ['compiled', 'imported'];
const EVENTS = ['saved', 'submitted', 'returned', 'approved', 'published', 'imported', 'withdrawn'];

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  await traits
    .addId(db.schema.createTable('annual_reports'))
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    /** The clerk's texts of sections 一, 五 and 六; null: not written yet (the compiled draft is shown). */
    .addColumn('overview', 'text')
    .addColumn('problems', 'text')
    .addColumn('other', 'text')
    /** The whole report (schema shape) frozen at submission, or as imported; null while a draft. */
    .addColumn('snapshot_json', 'text')
    /** The warnings the submitter acknowledged: [{rule, message}]. */
    .addColumn('acknowledged_json', 'text')
    /** The supervising office's latest comment when returning it. */
    .addColumn('comment', 'text')
    /** 发布日期 (YYYY-MM-DD, Beijing). */
    .addColumn('published_on', 'text')
    /** An imported report: the file it was read from. */
    .addColumn('source_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addUniqueConstraint('annual_reports_agency_year', ['agency_id', 'year'])
    .addCheckConstraint('annual_reports_status_check', sql`status in (${list(STATUSES)})`)
    .addCheckConstraint('annual_reports_origin_check', sql`origin in (${list(ORIGINS)})`)
    .addCheckConstraint(
      'annual_reports_snapshot_check',
      sql`status in ('draft', 'returned') or snapshot_json is not null`,
    )
    .execute();
  await db.schema.createIndex('annual_reports_year').on('annual_reports').columns(['year', 'status']).execute();

  await traits
    .addId(db.schema.createTable('annual_report_events'))
    .addColumn('report_id', 'bigint', (c) => c.notNull().references('annual_reports.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('comment', 'text')
    .addCheckConstraint('annual_report_events_kind_check', sql`kind in (${list(EVENTS)})`)
    .execute();
  await db.schema
    .createIndex('annual_report_events_report')
    .on('annual_report_events')
    .columns(['report_id', 'id'])
    .execute();
}
