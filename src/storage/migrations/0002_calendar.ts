// The working-day calendar (spec §1): only the exceptions to the weekday rule are rows — holidays, and weekend days
// declared working days (调休) — plus the years whose State Council notice has been entered in full.
//
// Seeded here, once, from the bundled package for the fixed range 2004–2026: a migration runs exactly once per
// database, so the seed is idempotent by construction and takes a few milliseconds (≈ 800 rows). Later years, and
// any correction, are entered by an administrator through src/calendar/service.ts (audited).
import { type Kysely, sql } from 'kysely';
import { bundledCalendarRows } from '../../calendar/bundled.ts';

const SEEDED_BY = '系统初始数据';
const CHUNK = 200;

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addCheckConstraint('calendar_days_kind_check', sql`kind in ('holiday', 'workday')`)
    .execute();

  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('complete', 'boolean', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  const { days, years } = bundledCalendarRows(2004, 2026);
  const now = new Date().toISOString();
  const source = years[0]?.source ?? 'chinese-days';
  const stamp = { source, updated_at: now, updated_by: SEEDED_BY };
  for (let i = 0; i < days.length; i += CHUNK) {
    const rows = days.slice(i, i + CHUNK).map((d) => ({ ...d, ...stamp }));
    await db.insertInto('calendar_days').values(rows).execute();
  }
  // complete is a parameter: SQLite's boolean handling (storage/sqlite) turns true into 1.
  await db
    .insertInto('calendar_years')
    .values(years.map((y) => ({ year: y.year, complete: y.complete, ...stamp })))
    .execute();
}
