// `gongkai deadline DATE [--days N]`: the N-th working day after DATE (default 20) — the last day of a period
// “自…之日起N个工作日内” (spec §1; the start day is not counted).
//
// Which calendar: the database's (holidays entered by the administrator) when a database is configured and can be
// read; otherwise the data bundled with the system (chinese-days, 2004–2026). A SQLite file that does not exist is
// not created by this command — the bundled data is used instead.
import { existsSync } from 'node:fs';
import { bundledCalendar } from '../calendar/bundled.ts';
import { isIsoDate } from '../calendar/dates.ts';
import { loadWorkingCalendar } from '../calendar/repository.ts';
import type { WorkingCalendar } from '../calendar/workdays.ts';
import { isDomainError } from '../errors.ts';
import { type CliDeps, configOf, parse, runGuarded, UsageError, withDatabase } from './deps.ts';
import type { Io } from './io.ts';

export const DEADLINE_USAGE = `  gongkai deadline DATE [--days N]
      输出 DATE（YYYY-MM-DD）之后的第 N 个工作日（默认 20，当日不计入），即“自…之日起N个工作日内”的最后一日；
      节假日安排取自数据库（已配置且可读取时），否则取自系统内置数据（chinese-days，2004—2026年）`;

const USAGE = `用法：\n${DEADLINE_USAGE}`;
const MAX_DAYS = 1000;

/** The database's calendar, or the bundled one when there is no readable database. */
export async function cliCalendar(deps: CliDeps): Promise<WorkingCalendar> {
  const { database } = configOf(deps);
  if (database.engine === 'sqlite' && !existsSync(database.file)) return bundledCalendar();
  try {
    return await withDatabase(deps, (db) => loadWorkingCalendar(db.kysely));
  } catch {
    // Unreachable server, or a database not yet migrated to have the calendar tables.
    return bundledCalendar();
  }
}

export async function deadlineCommand(args: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  return runGuarded(io, USAGE, async () => {
    const { values, positionals } = parse(args, { days: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? '缺少日期' : '只能给出一个日期');
    const date = positionals[0] as string;
    if (!isIsoDate(date)) {
      io.stderr(`gongkai: 日期参数“${date}”无效，应为 YYYY-MM-DD 格式的日期，如 2025-09-29`);
      return 2;
    }
    const daysText = typeof values.days === 'string' ? values.days : '20';
    const days = /^\d+$/.test(daysText) ? Number(daysText) : Number.NaN;
    if (!(days <= MAX_DAYS)) {
      io.stderr(`gongkai: 参数 --days“${daysText}”无效，应为0至${MAX_DAYS}之间的整数`);
      return 2;
    }
    const calendar = await cliCalendar(deps);
    try {
      io.stdout(calendar.addWorkingDays(date, days));
      return 0;
    } catch (e) {
      if (!isDomainError(e, 'calendarMissing')) throw e;
      io.stderr(`gongkai: ${e.message}`);
      return 2;
    }
  });
}
