// The system administrator imports a year's 节假日安排 (the State Council notice) as text, one
// “日期,类别,名称” line per exception (calendar/notice.ts); all or nothing, audited, and every open deadline is
// recomputed by the calendar service's listeners. Or day by day: add or replace one day of the notice, then mark the
// year complete. Session cookie and X-CSRF-Token; the service checks the policy (calendar.manage).
import { Hono } from 'hono';
import { z } from 'zod';
import { enterCalendarDay, importCalendarFile, listDays, listYears, markCalendarYear } from '../../calendar/service.ts';
import { DAY_KINDS } from '../../calendar/workdays.ts';
import type { Context } from '../../context.ts';
import type { AppEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import type { Operation } from './operation.ts';
import { presentDay } from './present-work.ts';
import { jsonBody, parse } from './respond.ts';
import { calendarYear } from './shapes-work.ts';

const LABELS: Record<string, string> = {
  text: '节假日文件',
  source: '依据',
  complete: '已完整录入',
  date: '日期',
  kind: '类别',
  name: '节日名称',
  year: '年份',
};

export const importBody = z.object({
  text: z
    .string({ error: '应为文本' })
    .min(1, '不能为空')
    .max(100_000, '不得超过100000个字符')
    .describe('每行“日期,类别,名称”，类别为 holiday（节假日）或 workday（调休工作日），如 2027-01-01,holiday,元旦'),
  source: z.string({ error: '应为文本' }).describe('通知文号或来源，如“国办发明电〔2026〕5号”'),
  complete: z.boolean({ error: '应为 true 或 false' }).optional().describe('标记为已完整录入后方可用于计算期限'),
});
const imported = z.object({ years: z.array(z.number().int()), days: z.number().int() });

export const dayBody = z.object({
  date: z
    .string({ error: '应为“YYYY-MM-DD”格式的日期，如 2027-01-01' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '应为“YYYY-MM-DD”格式的日期，如 2027-01-01'),
  kind: z
    .enum(DAY_KINDS, { error: '应为 holiday（节假日）或 workday（调休工作日）' })
    .describe('holiday（节假日）或 workday（调休上班的周六、周日）'),
  name: z.string({ error: '应为文本' }).trim().min(1, '不能为空').max(30, '不得超过30个字符').describe('如“春节”'),
  source: z
    .string({ error: '应为文本' })
    .trim()
    .min(1, '不能为空')
    .max(100, '不得超过100个字符')
    .describe('通知文号或来源，如“国办发明电〔2026〕5号”'),
});
export const completeBody = z.object({
  complete: z.boolean({ error: '应为 true 或 false' }).describe('true：录入完整，可用于计算期限；false：撤销该标记'),
});
export const yearParams = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, '应为四位年份')
    .describe('年份'),
});

/** The year as stored after a change: the same body as GET /calendar/{year}. */
async function yearBody(ctx: Context, year: number) {
  const entry = (await listYears(ctx)).find((y) => y.year === year);
  const days = await listDays(ctx, year);
  return { year, complete: entry?.complete ?? false, source: entry?.source ?? null, days: days.map(presentDay) };
}

export const calendarAdminRoutes = new Hono<AppEnv>();

calendarAdminRoutes.post('/calendar/import', async (c) => {
  const input = parse(importBody, await jsonBody(c), LABELS);
  const result = await importCalendarFile(actorOf(c), c.get('ctx'), input.text, {
    source: input.source,
    ...(input.complete === undefined ? {} : { complete: input.complete }),
  });
  return c.json({ years: result.years, days: result.days });
});

calendarAdminRoutes.post('/calendar/days', async (c) => {
  const input = parse(dayBody, await jsonBody(c), LABELS);
  await enterCalendarDay(actorOf(c), c.get('ctx'), input);
  return c.json(await yearBody(c.get('ctx'), Number(input.date.slice(0, 4))));
});

calendarAdminRoutes.post('/calendar/:year{[0-9]+}/complete', async (c) => {
  const year = Number(parse(yearParams, c.req.param(), LABELS).year);
  const { complete } = parse(completeBody, await jsonBody(c), LABELS);
  await markCalendarYear(actorOf(c), c.get('ctx'), year, complete);
  return c.json(await yearBody(c.get('ctx'), year));
});

export const calendarAdminOperations: Operation[] = [
  {
    method: 'post',
    path: '/calendar/import',
    summary: '系统管理员导入节假日安排（所列年份整年替换；任一行有误则全部不导入），随后重新计算未办结申请的期限',
    tag: '期限与收费',
    staff: true,
    labels: LABELS,
    json: importBody,
    response: imported,
    errors: [400, 401, 403],
  },
  {
    method: 'post',
    path: '/calendar/days',
    summary: '系统管理员逐日录入节假日安排：新增一天，或替换同一日期已录入的类别、名称；随后重新计算未办结申请的期限',
    tag: '期限与收费',
    staff: true,
    labels: LABELS,
    json: dayBody,
    response: calendarYear,
    errors: [400, 401, 403],
  },
  {
    method: 'post',
    path: '/calendar/{year}/complete',
    summary: '系统管理员标记一年的节假日安排已录入完整（此后方可用于计算期限），或撤销该标记',
    tag: '期限与收费',
    staff: true,
    labels: LABELS,
    params: yearParams,
    json: completeBody,
    response: calendarYear,
    errors: [400, 401, 403],
  },
];
