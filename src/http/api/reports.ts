// POST /api/v1/reports/check — public: a report file (multipart) or its text (JSON) in, the report in the schema's
// shape and its diagnostics out, as `gongkai report check --json` gives for one file. Nothing is stored.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { errors } from '../../errors.ts';
import { checkData } from '../../report/check.ts';
import { ReadError } from '../../report/diagnostics.ts';
import type { ReadOptions } from '../../report/read/index.ts';
import type { AppEnv } from '../env.ts';
import type { Operation } from './operation.ts';
import { presentCheck } from './present.ts';
import { apiError, jsonBody, parse } from './respond.ts';
import { checkResult } from './shapes.ts';

type C = Context<AppEnv>;

export const REPORT_CHECK_PATH = '/reports/check';
/** Reading a PDF takes a core for ~0.1 s: at most this many at once, the rest are asked to retry. */
const MAX_CONCURRENT = 2;
let running = 0;

const LABELS: Record<string, string> = { file: '报告文件', text: '报告全文', year: '报告年度', agency: '报告机关' };
const YEAR = '应为2008至2100之间的四位年份';
const agency = z.string().trim().max(100, '不得超过100个字符').optional();
const text = z.string().min(1, '不能为空').max(2_000_000, '不得超过2000000个字符');

export const checkJson = z.object({
  text,
  year: z.number({ error: YEAR }).int(YEAR).min(2008, YEAR).max(2100, YEAR).optional(),
  agency,
});

export const checkForm = z
  .object({
    file: z.file().optional().describe('Word .docx、PDF、网页、文本或 JSON'),
    text: text.optional(),
    year: z
      .string()
      .regex(/^\s*\d{4}\s*$/, YEAR)
      .optional(),
    agency,
  })
  .refine((v) => (v.file && v.file.size > 0) || v.text, { path: ['file'], message: '请上传报告文件或填写报告全文' });

async function input(c: C): Promise<{ data: Uint8Array; name: string; options: ReadOptions }> {
  const type = c.req.header('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    const body = await c.req.parseBody();
    const form = parse(checkForm, body, LABELS);
    const options: ReadOptions = {};
    if (form.year) {
      const year = Number(form.year.trim());
      if (year < 2008 || year > 2100) throw errors.validation('year', LABELS.year as string, YEAR);
      options.year = year;
    }
    if (form.agency) options.agency = form.agency;
    if (form.file && form.file.size > 0)
      return { data: new Uint8Array(await form.file.arrayBuffer()), name: form.file.name, options };
    return { data: new TextEncoder().encode(form.text ?? ''), name: 'report.txt', options };
  }
  const json = parse(checkJson, await jsonBody(c), LABELS);
  const options: ReadOptions = {};
  if (json.year !== undefined) options.year = json.year;
  if (json.agency) options.agency = json.agency;
  return { data: new TextEncoder().encode(json.text), name: 'report.txt', options };
}

export const reportRoutes = new Hono<AppEnv>();

reportRoutes.post(REPORT_CHECK_PATH, async (c) => {
  const { data, name, options } = await input(c);
  if (running >= MAX_CONCURRENT) {
    c.header('Retry-After', '5');
    return apiError(c, 503, 'busy', '正在检查的报告较多，请几秒钟后再试');
  }
  running++;
  try {
    return c.json(presentCheck(await checkData(data, name, options)));
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    throw errors.validation('file', LABELS.file as string, `无法读取：${e.message}`);
  } finally {
    running--;
  }
});

export const reportOperations: Operation[] = [
  {
    method: 'post',
    path: REPORT_CHECK_PATH,
    summary: '检查一份年度报告（上传文件或提交全文），返回报告数据和问题清单，不保存',
    tag: '年报检查',
    labels: LABELS,
    staff: false,
    json: checkJson,
    multipart: checkForm,
    response: checkResult,
    errors: [400, 413, 503],
  },
];
