// A year's State Council notice (国务院办公厅关于YYYY年部分节假日安排的通知) as data: checking a list of entries, and
// reading the plain text file format, one date a line:
//
//   # 2027年节假日安排（国办发明电〔2026〕N号）      ← comment; blank lines are ignored too
//   2027-01-01,holiday,元旦
//   2027-02-07,workday,春节                          ← a weekend day declared a working day (调休)
//
// Every problem is reported at once, with its line number, in Chinese. Pure: no I/O.
import { errors } from '../errors.ts';
import { isIsoDate, isWeekend, yearOf } from './dates.ts';
import { type CalendarDay, DAY_KINDS, type DayKind } from './workdays.ts';

export const FIRST_YEAR = 2004;
export const LAST_YEAR = 2100;
const NAME_MAX = 30;

/** An entry as typed by an administrator (kind unchecked). */
export interface CalendarDayInput {
  date: string;
  kind: string;
  name: string;
}

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
    throw errors.validation('year', '年份', `应为${FIRST_YEAR}至${LAST_YEAR}之间的年份`);
}

/** The problems of one entry, or a clean day. year: when given, the date must fall in it. */
function checkEntry(entry: CalendarDayInput, year?: number): { day?: CalendarDay; problem?: string } {
  const date = entry.date.trim();
  const kind = entry.kind.trim();
  const name = entry.name.trim();
  if (!isIsoDate(date)) return { problem: `日期“${date}”无效（应为 YYYY-MM-DD）` };
  if (year !== undefined && yearOf(date) !== year) return { problem: `日期${date}不在${year}年` };
  if (yearOf(date) < FIRST_YEAR || yearOf(date) > LAST_YEAR)
    return { problem: `日期${date}超出${FIRST_YEAR}至${LAST_YEAR}年` };
  if (!(DAY_KINDS as readonly string[]).includes(kind))
    return { problem: `类别“${kind}”无效（应为 holiday（节假日）或 workday（调休工作日））` };
  // 调休 moves work onto a weekend day; a weekday is a working day already.
  if (kind === 'workday' && !isWeekend(date)) return { problem: `${date}不是周六或周日，无需登记为调休工作日` };
  if (!name) return { problem: '缺少节日名称' };
  if (name.length > NAME_MAX) return { problem: `节日名称不得超过${NAME_MAX}个字符` };
  return { day: { date, kind: kind as DayKind, name } };
}

/** Check entries; throws one validation error listing every problem (“第2项：…”). */
export function checkEntries(
  entries: readonly CalendarDayInput[],
  options: { year?: number; field?: string; where?: (index: number) => string } = {},
): CalendarDay[] {
  const where = options.where ?? ((i: number) => `第${i + 1}项`);
  const problems: string[] = [];
  const days: CalendarDay[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const { day, problem } = checkEntry(entry, options.year);
    if (problem) problems.push(`${where(i)}：${problem}`);
    if (!day) return;
    const first = seen.get(day.date);
    if (first !== undefined) problems.push(`${where(i)}：日期${day.date}重复（已见于${where(first)}）`);
    else seen.set(day.date, i);
    days.push(day);
  });
  if (problems.length > 0) throw errors.validation(options.field ?? 'days', '节假日安排', problems.join('；'));
  return days.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Read the text format; all-or-nothing: any bad line rejects the whole file. */
export function parseCalendarFile(text: string): CalendarDay[] {
  const entries: CalendarDayInput[] = [];
  const lineNumbers: number[] = [];
  const problems: string[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      // Chinese commas are common in files typed by hand.
      const cells = line.split(/[,，]/);
      if (cells.length !== 3) {
        problems.push(`第${i + 1}行：应为“日期,类别,名称”三项，如 2027-01-01,holiday,元旦`);
        return;
      }
      entries.push({ date: cells[0] as string, kind: cells[1] as string, name: cells[2] as string });
      lineNumbers.push(i + 1);
    });
  if (entries.length === 0 && problems.length === 0) problems.push('文件中没有任何日期');
  let days: CalendarDay[] = [];
  try {
    days = checkEntries(entries, { field: 'file', where: (i) => `第${lineNumbers[i]}行` });
  } catch (e) {
    problems.push(...(e as Error).message.replace(/^节假日安排：/, '').split('；'));
  }
  if (problems.length > 0) {
    const ordered = problems.sort((a, b) => lineOf(a) - lineOf(b));
    throw errors.validation('file', '节假日文件', ordered.join('；'));
  }
  return days;
}

function lineOf(problem: string): number {
  return Number(/^第(\d+)行/.exec(problem)?.[1] ?? 0);
}
