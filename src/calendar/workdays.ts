// Working-day arithmetic (spec §1). Pure: the calendar is built from rows given to it and answers from a Map.
//
// A day is a working day unless it is a Saturday, a Sunday or a public holiday — except the weekend days the State
// Council's yearly notice declares working days (调休). Only these exceptions are data; everything else follows from
// the day of the week. Arithmetic that touches a year whose notice has not been entered throws calendarMissing:
// a deadline is never guessed.
import { errors } from '../errors.ts';
import { addDays, isIsoDate, isWeekend, yearOf } from './dates.ts';

export const DAY_KINDS = ['holiday', 'workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export const DAY_KIND_LABELS: Record<DayKind, string> = { holiday: '节假日', workday: '调休工作日' };

/** An exception to the weekday rule: a holiday (on any day), or a weekend day that is worked (调休). */
export interface CalendarDay {
  date: string;
  kind: DayKind;
  /** The holiday it belongs to, e.g. “国庆节”. */
  name: string;
}

export interface CalendarYear {
  year: number;
  /** The year's notice has been entered in full; only complete years may be used for deadlines. */
  complete: boolean;
  source: string;
}

function checkDate(date: string, label = '日期'): void {
  if (!isIsoDate(date)) throw errors.validation('date', label, `“${date}”不是有效日期（应为 YYYY-MM-DD）`);
}

export class WorkingCalendar {
  readonly #days: Map<string, CalendarDay>;
  readonly #years: ReadonlySet<number>;

  /** days: the exceptions; years: the years whose exceptions are all present (complete). */
  constructor(days: Iterable<CalendarDay>, years: Iterable<number>) {
    this.#days = new Map([...days].map((d) => [d.date, d]));
    this.#years = new Set(years);
  }

  /** From stored rows: only years marked complete are covered. */
  static fromRows(days: Iterable<CalendarDay>, years: Iterable<CalendarYear>): WorkingCalendar {
    return new WorkingCalendar(
      days,
      [...years].filter((y) => y.complete).map((y) => y.year),
    );
  }

  covers(year: number): boolean {
    return this.#years.has(year);
  }

  /** The covered years, ascending. */
  years(): number[] {
    return [...this.#years].sort((a, b) => a - b);
  }

  /** The exception recorded for a date, if any (for messages: “2025-10-01 国庆节”). */
  exception(date: string): CalendarDay | undefined {
    return this.#days.get(date);
  }

  isWorkingDay(date: string): boolean {
    checkDate(date);
    const year = yearOf(date);
    if (!this.#years.has(year)) throw errors.calendarMissing(year);
    const day = this.#days.get(date);
    if (day) return day.kind === 'workday';
    return !isWeekend(date);
  }

  /**
   * The n-th working day after start. The start day itself is not counted (《民法典》第二百零一条: a period in days
   * begins on the next day), so “20 working days from Monday 2025-09-29” ends on 2025-11-03. n = 0 gives start.
   */
  addWorkingDays(start: string, n: number): string {
    checkDate(start);
    if (!Number.isInteger(n) || n < 0) throw errors.validation('days', '工作日数', '应为不小于0的整数');
    let date = start;
    let left = n;
    while (left > 0) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) left -= 1;
    }
    return date;
  }

  /**
   * How many working days lie after a, up to and including b: workingDaysBetween(a, addWorkingDays(a, n)) = n.
   * Negative when b is before a.
   */
  workingDaysBetween(a: string, b: string): number {
    checkDate(a);
    checkDate(b);
    if (b < a) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let date = addDays(a, 1); date <= b; date = addDays(date, 1)) if (this.isWorkingDay(date)) count += 1;
    return count;
  }
}
