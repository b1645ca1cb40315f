import { describe, expect, it } from 'vitest';
import { bundledCalendar, bundledCalendarRows } from './bundled.ts';
import { beijingDate } from './dates.ts';
import { WorkingCalendar } from './workdays.ts';

const calendar = bundledCalendar();

describe('working days from the bundled calendar', () => {
  it.each([
    // spec §1: received Monday 2025-09-29, National Day and Mid-Autumn 10-01..08 in between, Saturday 10-11 worked.
    ['2025-09-29', 20, '2025-11-03'],
    // Spring Festival 2025: 01-28..02-04 off, Sunday 01-26 worked.
    ['2025-01-24', 5, '2025-02-07'],
    ['2025-01-24', 1, '2025-01-26'],
    // Across the year end: 元旦 2026-01-01..03 off, Sunday 2026-01-04 worked.
    ['2025-12-25', 20, '2026-01-23'],
    ['2025-12-31', 1, '2026-01-04'],
    // The start day is never counted, even when it is a holiday.
    ['2025-10-01', 1, '2025-10-09'],
    ['2025-09-29', 0, '2025-09-29'],
  ])('%s + %i working days = %s', (start, n, due) => {
    expect(calendar.addWorkingDays(start, n)).toBe(due);
    expect(calendar.workingDaysBetween(start, due)).toBe(n);
  });

  it('counts a 调休 weekend day and skips the holidays', () => {
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
    for (let day = 1; day <= 8; day += 1) expect(calendar.isWorkingDay(`2025-10-0${day}`)).toBe(false);
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-12')).toBe(false);
    expect(calendar.exception('2025-10-06')).toEqual({ date: '2025-10-06', kind: 'holiday', name: '中秋' });
  });

  it('counts backwards as a negative number', () => {
    expect(calendar.workingDaysBetween('2025-11-03', '2025-09-29')).toBe(-20);
    expect(calendar.workingDaysBetween('2025-10-03', '2025-10-03')).toBe(0);
  });

  it('refuses to guess a year without the State Council notice', () => {
    expect(() => calendar.addWorkingDays('2026-12-20', 20)).toThrow('2027年的节假日安排尚未录入，无法计算期限');
    expect(() => calendar.isWorkingDay('2027-03-01')).toThrow(expect.objectContaining({ code: 'calendarMissing' }));
    expect(() => calendar.isWorkingDay('2003-03-03')).toThrow('2003年的节假日安排尚未录入，无法计算期限');
    expect(calendar.years()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  it('covers only complete years', () => {
    const { days } = bundledCalendarRows(2025, 2025);
    const partial = WorkingCalendar.fromRows(days, [{ year: 2025, complete: false, source: '录入中' }]);
    expect(() => partial.isWorkingDay('2025-05-06')).toThrow('2025年的节假日安排尚未录入');
  });

  it('names a bad date', () => {
    expect(() => calendar.addWorkingDays('2025-02-29', 1)).toThrow('日期：“2025-02-29”不是有效日期（应为 YYYY-MM-DD）');
    expect(() => calendar.addWorkingDays('2025-09-29', -1)).toThrow('工作日数：应为不小于0的整数');
  });
});

describe('beijingDate', () => {
  it('gives the date in Beijing whatever the server zone', () => {
    expect(beijingDate(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(beijingDate(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(beijingDate(new Date('2025-09-28T16:00:00Z'))).toBe('2025-09-29');
  });
});
