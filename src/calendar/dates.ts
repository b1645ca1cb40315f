// Calendar dates as `YYYY-MM-DD` text (architecture.md: dates are stored and compared as such). The arithmetic runs
// on UTC midnights, so the server's own time zone never shifts a day.

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
// China Standard Time is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact.
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** True for a real calendar date written `YYYY-MM-DD` (2025-02-29 is not one). */
export function isIsoDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The date in Beijing (Asia/Shanghai) at this instant, whatever the server's zone. */
export function beijingDate(instant: Date): string {
  return fromUtc(instant.getTime() + BEIJING_OFFSET_MS);
}

/** “2025年10月9日”, as letters write a date. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
