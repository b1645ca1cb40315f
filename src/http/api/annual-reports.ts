// Published annual reports in the JSON API (public, issue 6 point 8): the list — the same document as the open
// data file /open-data/annual-reports.json, filterable by year and agency — and one report in the schema's shape.
// Reports not published (drafts, under review) do not exist here.
import { Hono } from 'hono';
import { z } from 'zod';
import { FILE_FORMATS, openDataDocument, publishedReports } from '../../annual/open-data.ts';
import { errors } from '../../errors.ts';
import type { AppEnv } from '../env.ts';
import { FILTER_LABELS, filterOf, linksOf, openDataQuery } from '../portal/open-data.ts';
import type { Operation } from './operation.ts';
import { parse } from './respond.ts';
import { reportShape } from './shapes.ts';

const PATH = '/annual-reports';

const LABELS: Record<string, string> = { ...FILTER_LABELS, agencyId: '机关序号' };

export const oneParams = z.object({
  agencyId: z
    .string()
    .regex(/^[1-9]\d{0,11}$/, '应为机关序号（正整数）')
    .describe('机关序号'),
  year: z
    .string()
    .regex(/^\d{4}$/, '应为四位年份')
    .describe('报告年度'),
});

const text = z.string();
export const openDataItemShape = z.object({
  agencyId: z.number().int(),
  agency: text.describe('机关名称'),
  creditCode: text.nullable().describe('统一社会信用代码'),
  year: z.number().int(),
  publishedOn: text.describe('发布日期 YYYY-MM-DD'),
  origin: z.enum(['compiled', 'imported']).describe('compiled 本系统编制发布；imported 导入的往年报告'),
  url: text.describe('报告在门户网站的网页'),
  files: z.object(
    Object.fromEntries(FILE_FORMATS.map((f) => [f, text])) as Record<(typeof FILE_FORMATS)[number], z.ZodString>,
  ),
  report: reportShape,
});
export const openDataShape = z.object({
  generatedAt: text,
  updatedAt: text.nullable().describe('所列报告中最近一次变动的时间'),
  terms: text.describe('使用条件'),
  count: z.number().int(),
  reports: z.array(openDataItemShape),
});

export const annualReportApiRoutes = new Hono<AppEnv>();

annualReportApiRoutes.get(PATH, async (c) => {
  const reports = await publishedReports(c.get('ctx'), filterOf(c.req.query()));
  c.header('cache-control', 'public, max-age=300');
  return c.json(openDataDocument(reports, linksOf(c), c.get('ctx').clock()));
});

annualReportApiRoutes.get(`${PATH}/:agencyId/:year`, async (c) => {
  const p = parse(oneParams, c.req.param(), LABELS);
  const [found] = await publishedReports(c.get('ctx'), { agencyId: Number(p.agencyId), year: Number(p.year) });
  if (!found) throw errors.notFound('已发布的年度报告', `${p.agencyId}/${p.year}`);
  c.header('cache-control', 'public, max-age=300');
  return c.json(found.report);
});

export const annualReportOperations: Operation[] = [
  {
    method: 'get',
    path: PATH,
    summary: '已发布的政府信息公开工作年度报告（与开放数据 /open-data/annual-reports.json 相同）',
    tag: '主动公开（公众）',
    staff: false,
    labels: LABELS,
    query: openDataQuery,
    response: openDataShape,
    errors: [400],
  },
  {
    method: 'get',
    path: `${PATH}/{agencyId}/{year}`,
    summary: '一份已发布的年度报告（年度报告 JSON Schema 格式）；未发布的报告不存在',
    tag: '主动公开（公众）',
    staff: false,
    labels: LABELS,
    params: oneParams,
    response: reportShape,
    errors: [400, 404],
  },
];
