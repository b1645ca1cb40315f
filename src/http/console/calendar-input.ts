// The calendar page's input and what it shows, without I/O: a month laid out in weeks with each day's kind, the
// days an edit adds to a year, and what an import would remove (which the page asks to confirm first).
import { addDays, dayOfWeek, isIsoDate, yearOf } from '../../calendar/dates.ts';
import { type CalendarDayInput, checkEntries } from '../../calendar/notice.ts';
import type { CalendarDay, CalendarYear, WorkingCalendar } from '../../calendar/workdays.ts';
import { errors } from '../../errors.ts';

/** How a day reads on the page: always text, never colour alone. */
export interface DayCell {
  date: string;
  day: number;
  label: string;
  kind: 'workday' | 'rest' | 'holiday' | 'shifted';
}

/** The label of a date in a calendar that covers its year. */
export function dayCell(calendar: WorkingCalendar, date: string): DayCell {
  const exception = calendar.exception(date);
  const day = Number(date.slice(8, 10));
  if (exception?.kind === 'holiday') return { date, day, label: `法定节假日（${exception.name}）`, kind: 'holiday' };
  if (exception?.kind === 'workday') return { date, day, label: `调休上班（${exception.name}）`, kind: 'shifted' };
  return calendar.isWorkingDay(date)
    ? { date, day, label: '工作日', kind: 'workday' }
    : { date, day, label: '休息日', kind: 'rest' };
}

/** A month as weeks from Monday to Sunday; null pads the first and last week. */
export function monthWeeks(calendar: WorkingCalendar, year: number, month: number): (DayCell | null)[][] {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const weeks: (DayCell | null)[][] = [];
  // Monday first, as Chinese calendars are printed.
  let week: (DayCell | null)[] = Array((dayOfWeek(first) + 6) % 7).fill(null);
  for (let date = first; date.slice(5, 7) === first.slice(5, 7); date = addDays(date, 1)) {
    week.push(dayCell(calendar, date));
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array(7 - week.length).fill(null)]);
  return weeks;
}

const MAX_RANGE = 31;

/** The holidays of a date range, both ends included (one holiday break is never longer than a month). */
export function holidayRange(from: string, to: string, name: string, year: number): CalendarDayInput[] {
  const a = from.trim();
  const b = (to.trim() || a).trim();
  if (!isIsoDate(a)) throw errors.validation('from', '起始日期', '日期格式应为YYYY-MM-DD');
  if (!isIsoDate(b)) throw errors.validation('to', '结束日期', '日期格式应为YYYY-MM-DD');
  if (yearOf(a) !== year) throw errors.validation('from', '起始日期', `应在${year}年内`);
  if (yearOf(b) !== year) throw errors.validation('to', '结束日期', `应在${year}年内`);
  if (b < a) throw errors.validation('to', '结束日期', '不得早于起始日期');
  const days: CalendarDayInput[] = [];
  for (let d = a; d <= b; d = addDays(d, 1)) days.push({ date: d, kind: 'holiday', name });
  if (days.length > MAX_RANGE) throw errors.validation('to', '结束日期', `一次最多录入${MAX_RANGE}天`);
  return days;
}

/** The add form's entries: a range of holidays, or one 调休 working weekend day. */
export function entriesFrom(values: Record<string, string>, year: number): CalendarDayInput[] {
  const [from, to, name] = [values.from ?? '', (values.to ?? '').trim(), values.name ?? ''];
  if (values.kind === 'holiday') return holidayRange(from, to, name, year);
  if (values.kind !== 'workday') throw errors.validation('kind', '类别', '请选择法定节假日或调休上班');
  if (to && to !== from.trim()) throw errors.validation('to', '结束日期', '调休上班日请逐日添加，不填结束日期');
  return [{ date: from, kind: 'workday', name }];
}

/** Stands for an entry's place in checkEntries' messages, then is cut out. */
const MARK = '\u0000';

/**
 * The year's days with new ones added, each checked by the notice's rules (a 调休 day must be a weekend day…). A
 * date already entered must be removed first: nothing is overwritten silently.
 */
export function addedDays(
  existing: readonly CalendarDay[],
  added: readonly CalendarDayInput[],
  year: number,
  field: string,
): CalendarDay[] {
  if (!added.some((d) => d.name.trim())) throw errors.validation('name', '节日名称', '请填写，如“国庆节”');
  let days: CalendarDay[];
  try {
    days = checkEntries(added, { year, where: () => MARK });
  } catch (e) {
    // One message per problem, without the list's “第N项” (the form has one entry, or one range of the same name).
    const problems = [...new Set((e as Error).message.replace(/^节假日安排：/, '').split('；'))];
    const text = problems.map((p) => p.replace(`${MARK}：`, '')).join('；');
    const byName = /名称/.test(text);
    throw errors.validation(byName ? 'name' : field, byName ? '节日名称' : '日期', text);
  }
  const taken = new Map(existing.map((d) => [d.date, d]));
  for (const day of days) {
    const old = taken.get(day.date);
    if (old) throw errors.validation(field, '日期', `${dayText(old)}已登记，如需更改请先删除`);
  }
  return [...existing, ...days];
}

/** What importing these days would take away: the stored days of each year present that the file leaves out or
 * changes, and the complete years that would become incomplete again (importing marks a year not complete). */
export function importLosses(
  stored: ReadonlyMap<number, readonly CalendarDay[]>,
  years: readonly CalendarYear[],
  incoming: readonly CalendarDay[],
): { removed: CalendarDay[]; uncompleted: number[] } {
  const fileYears = [...new Set(incoming.map((d) => yearOf(d.date)))].sort((a, b) => a - b);
  const kept = new Set(incoming.map((d) => `${d.date}|${d.kind}|${d.name}`));
  const removed = fileYears.flatMap((y) =>
    (stored.get(y) ?? []).filter((d) => !kept.has(`${d.date}|${d.kind}|${d.name}`)),
  );
  const uncompleted = fileYears.filter((y) => years.some((r) => r.year === y && r.complete));
  return { removed, uncompleted };
}

/** “2025-10-01 法定节假日（国庆节）”, for lists of days. */
export function dayText(d: CalendarDay): string {
  return `${d.date} ${d.kind === 'holiday' ? '法定节假日' : '调休上班'}（${d.name}）`;
}
