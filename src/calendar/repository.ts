// SQL for the working-day calendar. Takes any Kysely executor (the database or a transaction).
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.ts';
import { type CalendarDay, type CalendarYear, type DayKind, WorkingCalendar } from './workdays.ts';

type Db = Kysely<Schema>;

export interface Stamp {
  now: string;
  by: string;
}

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

export async function listCalendarDays(db: Db, year?: number): Promise<CalendarDay[]> {
  let q = db.selectFrom('calendar_days').select(['date', 'kind', 'name']).orderBy('date');
  if (year !== undefined) {
    const [from, to] = yearRange(year);
    q = q.where('date', '>=', from).where('date', '<=', to);
  }
  const rows = await q.execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind as DayKind, name: r.name }));
}

export async function listCalendarYears(db: Db): Promise<CalendarYear[]> {
  const rows = await db.selectFrom('calendar_years').select(['year', 'complete', 'source']).orderBy('year').execute();
  return rows.map((r) => ({ year: Number(r.year), complete: Boolean(r.complete), source: r.source }));
}

export async function findCalendarYear(db: Db, year: number): Promise<CalendarYear | undefined> {
  return (await listCalendarYears(db)).find((y) => y.year === year);
}

/** The whole calendar as the arithmetic uses it (≈ 800 rows: read at once, then a Map). */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  const [days, years] = await Promise.all([listCalendarDays(db), listCalendarYears(db)]);
  return WorkingCalendar.fromRows(days, years);
}

/** Replace every exception of a year by the given list. */
export async function replaceCalendarYearDays(
  db: Db,
  year: number,
  days: readonly CalendarDay[],
  source: string,
  stamp: Stamp,
): Promise<void> {
  const [from, to] = yearRange(year);
  await db.deleteFrom('calendar_days').where('date', '>=', from).where('date', '<=', to).execute();
  if (days.length === 0) return;
  await db
    .insertInto('calendar_days')
    .values(days.map((d) => ({ ...d, source, updated_at: stamp.now, updated_by: stamp.by })))
    .execute();
}

export async function upsertCalendarYear(db: Db, year: CalendarYear, stamp: Stamp): Promise<void> {
  const values = { complete: year.complete, source: year.source, updated_at: stamp.now, updated_by: stamp.by };
  await db
    .insertInto('calendar_years')
    .values({ year: year.year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
}
