// The calendar shipped with the system: the npm package chinese-days (MIT), which transcribes the State Council's
// yearly notices (国务院办公厅关于部分节假日安排的通知) for 2004–2026. It seeds the calendar_days table (migration
// 0002) and serves `gongkai deadline` when no database is at hand. Later years are entered by an administrator.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type CalendarDay, type CalendarYear, WorkingCalendar } from './workdays.ts';

export const BUNDLED_FIRST_YEAR = 2004;
export const BUNDLED_LAST_YEAR = 2026;

interface ChineseDaysJson {
  /** date → "English name,中文名,days" */
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function packageFile(name: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('chinese-days/package.json')), name);
}

/** “chinese-days 1.5.7”: the source recorded with every seeded row. */
export function bundledSource(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  return `chinese-days ${pkg.version}`;
}

function chineseName(entry: string): string {
  return entry.split(',')[1]?.trim() || entry;
}

/** The exceptions and covered years of the bundled data, limited to the given years. */
export function bundledCalendarRows(
  first = BUNDLED_FIRST_YEAR,
  last = BUNDLED_LAST_YEAR,
): { days: CalendarDay[]; years: CalendarYear[] } {
  const data = JSON.parse(readFileSync(packageFile('dist/chinese-days.json'), 'utf8')) as ChineseDaysJson;
  const inRange = (date: string) => Number(date.slice(0, 4)) >= first && Number(date.slice(0, 4)) <= last;
  const days: CalendarDay[] = [];
  for (const [date, entry] of Object.entries(data.holidays))
    if (inRange(date)) days.push({ date, kind: 'holiday', name: chineseName(entry) });
  for (const [date, entry] of Object.entries(data.workdays))
    if (inRange(date)) days.push({ date, kind: 'workday', name: chineseName(entry) });
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  const source = bundledSource();
  const years: CalendarYear[] = [];
  for (let year = first; year <= last; year += 1) years.push({ year, complete: true, source });
  return { days, years };
}

let cached: WorkingCalendar | undefined;

/** The bundled calendar (2004–2026). */
export function bundledCalendar(): WorkingCalendar {
  if (!cached) {
    const { days, years } = bundledCalendarRows();
    cached = WorkingCalendar.fromRows(days, years);
  }
  return cached;
}
