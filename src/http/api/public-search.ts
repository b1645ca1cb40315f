// GET /api/v1/catalog/search: the portal's 站内检索 as JSON, no login — the same results in the same order as
// /search (catalog/search/query.ts). Each hit's title and snippet come as plain text with the hits' offsets, and as
// escaped HTML with <mark> around the hits, for clients that would rather show that.
import { Hono } from 'hono';
import { z } from 'zod';
import { KINDS, type Kind, VALIDITY, type Validity } from '../../catalog/model.ts';
import { MAX_QUERY_LENGTH, type SearchRow, searchCatalog, TOTAL_CAP } from '../../catalog/search/query.ts';
import type { AppEnv } from '../env.ts';
import type { Operation } from './operation.ts';
import { parse } from './respond.ts';

const LABELS: Record<string, string> = {
  q: '检索词',
  agency: '发布机构',
  kind: '信息类别',
  topic: '主题分类',
  year: '发布年份',
  validity: '效力状态',
  page: '页码',
  pageSize: '每页条数',
};

export const searchQuery = z.object({
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, `不能超过${MAX_QUERY_LENGTH}个字符`)
    .describe('检索词：标题、正文、文号或索引号中的词语，空格分隔的各词须同时出现（都不出现时改为出现任一词）'),
  agency: z
    .string()
    .regex(/^\d{1,12}$/, '应为机构编号')
    .optional()
    .describe('发布机构编号（含其所属部门）'),
  kind: z.enum(KINDS, { message: `应为 ${KINDS.join('、')} 之一` }).optional(),
  topic: z.string().max(50, '不能超过50个字符').optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, '应为四位数的年份，如 2025')
    .optional()
    .describe('发布年份'),
  validity: z.enum(VALIDITY, { message: `应为 ${VALIDITY.join('、')} 之一` }).optional(),
  page: z
    .string()
    .regex(/^\d{1,4}$/, '应为1至9999的整数')
    .optional(),
  pageSize: z
    .string()
    .regex(/^\d{1,2}$/, '应为1至50的整数')
    .optional()
    .describe('默认10，最多50'),
});

const marked = z.object({
  text: z.string(),
  hits: z
    .array(z.tuple([z.number().int(), z.number().int()]))
    .describe('命中词语在 text 中的位置 [起, 止)，按 UTF-16 码元计（与 JavaScript 的 String#slice 一致）'),
  html: z.string().describe('转义后的 text，命中处以 <mark> 标出；不含其他标签'),
});

export const searchResponse = z.object({
  q: z.string(),
  terms: z.array(z.string()).describe('分词后实际检索的词语'),
  matched: z
    .enum(['all', 'any'])
    .describe('all：每条结果包含全部词语；any：没有包含全部词语的信息，结果只包含部分词语'),
  total: z.number().int().describe(`符合条件的条数，最多计 ${TOTAL_CAP} 条`),
  capped: z.boolean().describe(`是否超过 ${TOTAL_CAP} 条（只能翻阅前 ${TOTAL_CAP} 条，请缩小范围）`),
  page: z.number().int(),
  pageSize: z.number().int(),
  took: z.number().describe('耗时（毫秒）'),
  results: z.array(
    z.object({
      id: z.number().int(),
      url: z.string().describe('门户网站上的信息页面'),
      indexNo: z.string().nullable(),
      docNo: z.string().nullable(),
      kind: z.enum(KINDS),
      issuer: z.string(),
      agencyId: z.number().int(),
      publishedOn: z.string().nullable(),
      topic: z.string().nullable(),
      validity: z.enum(VALIDITY).nullable(),
      score: z
        .number()
        .int()
        .describe('2：标题、文号或索引号包含全部词语；1：包含部分词语；0：仅正文包含。同分按发布日期从新到旧'),
      title: marked,
      snippet: marked,
    }),
  ),
});

function presentRow(row: SearchRow) {
  const { item } = row;
  return {
    id: item.id,
    url: `/catalog/${item.id}`,
    indexNo: item.indexNo,
    docNo: item.docNo,
    kind: item.kind,
    issuer: item.issuer,
    agencyId: item.agencyId,
    publishedOn: item.publishedOn,
    topic: item.topic,
    validity: item.validity,
    score: row.score,
    title: row.title,
    snippet: row.snippet,
  };
}

export const publicSearchRoutes = new Hono<AppEnv>();

publicSearchRoutes.get('/catalog/search', async (c) => {
  const q = parse(searchQuery, c.req.query(), LABELS);
  const result = await searchCatalog(c.get('ctx'), {
    q: q.q,
    agencyId: q.agency ? Number(q.agency) : null,
    kind: (q.kind as Kind | undefined) ?? null,
    topic: q.topic?.trim() || null,
    year: q.year ? Number(q.year) : null,
    validity: (q.validity as Validity | undefined) ?? null,
    page: q.page ? Math.max(Number(q.page), 1) : 1,
    pageSize: q.pageSize ? Math.min(Math.max(Number(q.pageSize), 1), 50) : undefined,
  });
  const { rows, ...rest } = result;
  return c.json({ ...rest, results: rows.map(presentRow) });
});

export const publicSearchOperations: Operation[] = [
  {
    method: 'get',
    path: '/catalog/search',
    summary: '站内检索：在已主动公开的政府信息中检索（与门户网站 /search 结果相同）',
    description:
      '中文分词（含政务术语词典），两个字的词语（如“公开”“预算”）亦可检索。排序：标题、文号或索引号包含全部检索词的在前，包含部分的次之，仅正文包含的最后；同组内按发布日期从新到旧。' +
      '检索词中的引号、星号、减号、冒号、OR、NEAR 等均按普通文字处理。检索词为空或只有标点时返回 400（validation，字段 q）。',
    tag: '主动公开（公众）',
    staff: false,
    labels: LABELS,
    query: searchQuery,
    response: searchResponse,
    errors: [400],
  },
];
