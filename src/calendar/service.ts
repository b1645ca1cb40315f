// Administering the working-day calendar: a system administrator enters each new year's State Council notice
// (published around November for the next year), as a list or as a file, and marks the year complete. Every change
// is audited in its own transaction; reading the calendar is open to all (it is public information).
//
// Hook — onCalendarChanged: when the calendar changes, every open deadline must be recomputed (spec §1). Modules that
// hold deadlines (applications, later) push a listener onto this list at start. Listeners run INSIDE the
// transaction of the change, after the new rows are written, with the new calendar: a listener that throws rolls
// the calendar change back, so stored deadlines never disagree with the calendar. Use only change.tx.kysely there.

import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import type { Context } from '../context.ts';
import { errors, isDomainError } from '../errors.ts';
import { type Tx, transaction } from '../storage/transaction.ts';
import { yearOf } from './dates.ts';
import { type CalendarDayInput, checkEntries, checkYear, parseCalendarFile } from './notice.ts';
import {
  findCalendarYear,
  listCalendarDays,
  listCalendarYears,
  loadWorkingCalendar,
  replaceCalendarYearDays,
  upsertCalendarYear,
} from './repository.ts';
import { type CalendarDay, type CalendarYear, DAY_KIND_LABELS, type WorkingCalendar } from './workdays.ts';

export interface CalendarChange {
  /** The years whose days or completeness changed. */
  years: number[];
  /** The calendar after the change. */
  calendar: WorkingCalendar;
  tx: Tx;
  actor: Actor;
}

export type CalendarChangedListener = (change: CalendarChange) => Promise<void> | void;

/** Called, in order, inside the transaction of every calendar change (see the comment at the top). */
export const onCalendarChanged: CalendarChangedListener[] = [];

async function notify(tx: Tx, actor: Actor, years: number[]): Promise<void> {
  if (onCalendarChanged.length === 0) return;
  const calendar = await loadWorkingCalendar(tx.kysely);
  for (const listener of onCalendarChanged) await listener({ years, calendar, tx, actor });
}

/** The calendar as stored, for deadline arithmetic. */
export async function getWorkingCalendar(ctx: Context): Promise<WorkingCalendar> {
  return loadWorkingCalendar(ctx.db.kysely);
}

export async function listYears(ctx: Context): Promise<CalendarYear[]> {
  return listCalendarYears(ctx.db.kysely);
}

export async function listDays(ctx: Context, year: number): Promise<CalendarDay[]> {
  return listCalendarDays(ctx.db.kysely, year);
}

/** What the audit log keeps of a year: “2027-01-01 节假日 元旦”, one string per exception. */
function yearSummary(days: readonly CalendarDay[], year: CalendarYear | undefined) {
  return {
    complete: year?.complete ?? false,
    source: year?.source ?? null,
    days: days.map((d) => `${d.date} ${DAY_KIND_LABELS[d.kind]} ${d.name}`),
  };
}

function checkSource(source: string): string {
  const s = source.trim();
  if (!s) throw errors.validation('source', '依据', '请写明通知文号或来源，如“国办发明电〔2026〕5号”');
  if (s.length > 100) throw errors.validation('source', '依据', '不得超过100个字符');
  return s;
}

export interface YearInput {
  year: number;
  days: readonly CalendarDayInput[];
  /** The notice it transcribes, e.g. “国办发明电〔2026〕5号”. */
  source: string;
  /** Mark the year complete at once (default: no — an administrator checks, then marks it). */
  complete?: boolean;
}

async function writeYears(
  actor: Actor,
  ctx: Context,
  action: string,
  byYear: Map<number, CalendarDay[]>,
  source: string,
  complete: boolean,
): Promise<void> {
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const objectId = years.join(',');
  await transaction(ctx, actor, { action, objectType: 'calendarYear', objectId }, async (tx) => {
    const stamp = { now: tx.now, by: actor.name };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const year of years) {
      const days = byYear.get(year) ?? [];
      before[year] = yearSummary(await listCalendarDays(tx.kysely, year), await findCalendarYear(tx.kysely, year));
      await replaceCalendarYearDays(tx.kysely, year, days, source, stamp);
      const row = { year, complete, source };
      await upsertCalendarYear(tx.kysely, row, stamp);
      after[year] = yearSummary(days, row);
    }
    tx.note({ before, after });
    await notify(tx, actor, years);
  });
}

/** Enter (or re-enter) a year's notice: its holidays and 调休 working weekends replace what was stored. */
export async function enterCalendarYear(actor: Actor, ctx: Context, input: YearInput): Promise<CalendarDay[]> {
  await authorize(actor, ctx, 'calendar.manage', null, { type: 'calendarYear', id: input.year });
  checkYear(input.year);
  const source = checkSource(input.source);
  const days = checkEntries(input.days, { year: input.year });
  if (input.complete && days.length === 0)
    throw errors.validation('days', '节假日安排', `${input.year}年没有任何节假日，不能标记为录入完毕`);
  await writeYears(actor, ctx, 'calendar.enterYear', new Map([[input.year, days]]), source, input.complete ?? false);
  return days;
}

/**
 * Import a file in the text format of notice.ts. Each year present in the file is replaced in full; all years in
 * one transaction — a bad line rejects the whole file and nothing changes.
 */
export async function importCalendarFile(
  actor: Actor,
  ctx: Context,
  text: string,
  options: { source: string; complete?: boolean },
): Promise<{ years: number[]; days: number }> {
  await authorize(actor, ctx, 'calendar.manage', null, { type: 'calendarYear', id: null });
  const source = checkSource(options.source);
  const days = parseCalendarFile(text);
  const byYear = new Map<number, CalendarDay[]>();
  for (const day of days) byYear.set(yearOf(day.date), [...(byYear.get(yearOf(day.date)) ?? []), day]);
  await writeYears(actor, ctx, 'calendar.import', byYear, source, options.complete ?? false);
  return { years: [...byYear.keys()].sort((a, b) => a - b), days: days.length };
}

/** Mark a year complete (its deadlines may then be computed) or incomplete again (they may not). */
export async function markCalendarYear(actor: Actor, ctx: Context, year: number, complete: boolean): Promise<void> {
  await authorize(actor, ctx, 'calendar.manage', null, { type: 'calendarYear', id: year });
  checkYear(year);
  await transaction(
    ctx,
    actor,
    { action: 'calendar.markYear', objectType: 'calendarYear', objectId: year },
    async (tx) => {
      const current = await findCalendarYear(tx.kysely, year);
      const days = await listCalendarDays(tx.kysely, year);
      if (complete && days.length === 0)
        throw errors.validation('year', '年份', `${year}年尚未录入任何节假日，不能标记为录入完毕`);
      const row = { year, complete, source: current?.source ?? '管理员录入' };
      await upsertCalendarYear(tx.kysely, row, { now: tx.now, by: actor.name });
      tx.note({ before: { complete: current?.complete ?? false }, after: { complete } });
      await notify(tx, actor, [year]);
    },
  );
}

/** One entry checked as the list is, its problem named by its own field (类别, 节日名称 or 日期). */
function checkDay(input: CalendarDayInput): CalendarDay {
  const MARK = '该日';
  try {
    const [day] = checkEntries([input], { where: () => MARK });
    if (!day) throw errors.validation('date', '日期', '请填写');
    return day;
  } catch (e) {
    if (!isDomainError(e, 'validation') || e.field !== 'days') throw e;
    const problem = e.message.replace(/^节假日安排：/, '').replace(`${MARK}：`, '');
    if (/^类别/.test(problem)) throw errors.validation('kind', '类别', problem);
    if (/名称/.test(problem)) throw errors.validation('name', '节日名称', problem);
    throw errors.validation('date', '日期', problem);
  }
}

export interface DayInput extends CalendarDayInput {
  /** The notice it transcribes, e.g. “国办发明电〔2026〕5号”. */
  source: string;
}

/**
 * Add one day of a year's notice, or replace the day of that date (its kind or name), keeping the year's other days
 * and its completeness. Read and write in one transaction, so two administrators entering days at once cannot
 * lose each other's entries.
 */
export async function enterCalendarDay(actor: Actor, ctx: Context, input: DayInput): Promise<CalendarDay[]> {
  await authorize(actor, ctx, 'calendar.manage', null, { type: 'calendarYear', id: yearOf(input.date ?? '') || null });
  const source = checkSource(input.source ?? '');
  const day = checkDay(input);
  const year = yearOf(day.date);
  // The same action as entering a whole year (录入节假日安排): the entry's before/after shows the one day changed.
  const intent = { action: 'calendar.enterYear', objectType: 'calendarYear', objectId: year };
  return transaction(ctx, actor, intent, async (tx) => {
    const stored = await listCalendarDays(tx.kysely, year);
    const current = await findCalendarYear(tx.kysely, year);
    const days = [...stored.filter((d) => d.date !== day.date), day].sort((a, b) => (a.date < b.date ? -1 : 1));
    const stamp = { now: tx.now, by: actor.name };
    await replaceCalendarYearDays(tx.kysely, year, days, source, stamp);
    const row = { year, complete: current?.complete ?? false, source };
    await upsertCalendarYear(tx.kysely, row, stamp);
    tx.note({ before: { [year]: yearSummary(stored, current) }, after: { [year]: yearSummary(days, row) } });
    await notify(tx, actor, [year]);
    return days;
  });
}
