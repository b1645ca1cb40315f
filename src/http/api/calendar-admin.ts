// The system administrator imports a year's 节假日安排 (the State Council notice) as text, one
// “日期,类别,名称” line per exception (calendar/notice.ts); all or nothing, audited, and every open deadline is
// recomputed by the calendar service's listeners. Session cookie and X-CSRF-Token; the service checks the policy.
import { Hono } from 'hono';
import { z } from 'zod';
import { importCalendarFile } from '../../calendar/service.ts';
import type { AppEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import type { Operation } from './operation.ts';
import { jsonBody, parse } from './respond.ts';

const LABELS: Record<string, string> = { text: '节假日文件', source: '依据', complete: '已完整录入' };

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

export const calendarAdminRoutes = new Hono<AppEnv>();

calendarAdminRoutes.post('/calendar/import', async (c) => {
  const input = parse(importBody, await jsonBody(c), LABELS);
  const result = await importCalendarFile(actorOf(c), c.get('ctx'), input.text, {
    source: input.source,
    ...(input.complete === undefined ? {} : { complete: input.complete }),
  });
  return c.json({ years: result.years, days: result.days });
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
];
