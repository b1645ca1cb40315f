// Public tools of /api/v1, no login: the 信息处理费 for a count (pure arithmetic, 国办函〔2020〕109号), a year's
// holidays and working weekends, and the N-th working day after a date on the stored calendar (a year without
// calendar data is an error, never a guess).
import { Hono } from 'hono';
import { z } from 'zod';
import { computeFee } from '../../applications/fees.ts';
import { getWorkingCalendar, listDays, listYears } from '../../calendar/service.ts';
import { errors, isDomainError } from '../../errors.ts';
import type { AppEnv } from '../env.ts';
import type { Operation } from './operation.ts';
import { presentDay, presentFee } from './present-work.ts';
import { apiError, parse } from './respond.ts';
import { calendarYear, deadline, fee } from './shapes-work.ts';

const LABELS: Record<string, string> = {
  items: '申请件数',
  pages: '页数',
  year: '年份',
  from: '起算日期',
  days: '工作日数',
};
const count = z.string().regex(/^\d{1,6}$/, '应为0至999999的整数');

export const feeQuery = z
  .object({
    items: count.optional().describe('按件计收：同一申请人当月的申请件数'),
    pages: count.optional().describe('按量计收：页数'),
  })
  .refine((q) => (q.items === undefined) !== (q.pages === undefined), {
    message: '请只填写申请件数（items）或页数（pages）其中一项',
    path: ['items'],
  });
export const yearParams = z.object({ year: z.string().regex(/^\d{4}$/, '应为四位数的年份，如 2026') });
export const deadlineQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为“YYYY-MM-DD”格式的日期，如 2025-09-29'),
  days: z
    .string()
    .regex(/^\d{1,3}$/, '应为0至999的整数')
    .optional()
    .describe('默认20（条例第三十三条）'),
});

export const publicToolRoutes = new Hono<AppEnv>();

publicToolRoutes.get('/fees', (c) => {
  const q = parse(feeQuery, c.req.query(), LABELS);
  const result = q.items !== undefined ? computeFee('items', Number(q.items)) : computeFee('pages', Number(q.pages));
  return c.json(presentFee(result));
});

publicToolRoutes.get('/calendar/:year{[0-9]+}', async (c) => {
  const year = Number(parse(yearParams, c.req.param(), LABELS).year);
  const ctx = c.get('ctx');
  const entry = (await listYears(ctx)).find((y) => y.year === year);
  if (!entry) return apiError(c, 404, 'calendarMissing', errors.calendarMissing(year).message);
  const days = await listDays(ctx, year);
  return c.json({ year, complete: entry.complete, source: entry.source ?? null, days: days.map(presentDay) });
});

publicToolRoutes.get('/deadline', async (c) => {
  const q = parse(deadlineQuery, c.req.query(), LABELS);
  const days = q.days === undefined ? 20 : Number(q.days);
  const calendar = await getWorkingCalendar(c.get('ctx'));
  try {
    return c.json({ from: q.from, days, date: calendar.addWorkingDays(q.from, days) });
  } catch (e) {
    // A year without calendar data is not the server's fault: say which year is missing (404), never guess.
    if (isDomainError(e, 'calendarMissing')) return apiError(c, 404, 'calendarMissing', e.message);
    throw e;
  }
});

const TAG = '期限与收费' as const;
export const publicToolOperations: Operation[] = [
  {
    method: 'get',
    path: '/fees',
    summary: '计算信息处理费（按件或按量，国办函〔2020〕109号），附逐档算式',
    tag: TAG,
    staff: false,
    labels: LABELS,
    query: feeQuery,
    response: fee,
    errors: [400],
  },
  {
    method: 'get',
    path: '/calendar/{year}',
    summary: '一年的法定节假日和调休工作日（国务院办公厅通知）',
    tag: TAG,
    staff: false,
    labels: LABELS,
    params: yearParams,
    response: calendarYear,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/deadline',
    summary: '某日之后的第 N 个工作日（不含当日），按已录入的节假日安排计算',
    tag: TAG,
    staff: false,
    labels: LABELS,
    query: deadlineQuery,
    response: deadline,
    errors: [400, 404],
  },
];
