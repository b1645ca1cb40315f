// 开放数据 (issue 6 point 8): every published annual report as one JSON document (OPEN_DATA_JSON) and as one CSV
// of cells (OPEN_DATA_CSV), both public, filterable by ?year= and ?agency=, cached by ETag / Last-Modified. The page
// that explains them is open-data-page.tsx. The shapes are documented in src/annual/open-data.ts.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import {
  etagOf,
  type FileFormat,
  latestChange,
  openDataCsv,
  openDataDocument,
  type PublishedFilter,
  type PublishedReport,
  publishedReports,
} from '../../annual/open-data.ts';
import { isDomainError } from '../../errors.ts';
import { parseInput } from '../../validation.ts';
import type { AppEnv } from '../env.ts';
import { OPEN_DATA_CSV, OPEN_DATA_JSON, portalReportHref } from '../report-links.ts';

type C = Context<AppEnv>;

export const OPEN_DATA_PAGE = '/open-data';
export const FILTER_LABELS: Record<string, string> = { year: '年度', agency: '机关序号' };

export const openDataQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, '应为四位年份')
    .optional()
    .describe('只列该年度的报告'),
  agency: z
    .string()
    .regex(/^[1-9]\d{0,11}$/, '应为机关序号（正整数）')
    .optional()
    .describe('只列该机关的报告（机关序号）'),
});

/** The filter of ?year=&agency= (a validation error naming the field otherwise). */
export function filterOf(query: Record<string, string>): PublishedFilter {
  const q = parseInput(openDataQuery, query, FILTER_LABELS);
  return {
    ...(q.year ? { year: Number(q.year) } : {}),
    ...(q.agency ? { agencyId: Number(q.agency) } : {}),
  };
}

/** Absolute links to the portal's report pages and files. */
export const linksOf = (c: C) => {
  const origin = new URL(c.req.url).origin;
  return (agencyId: number, year: number, format?: FileFormat) =>
    `${origin}${portalReportHref(agencyId, year, format)}`;
};

/** Cache headers; true when the client's copy is current (answer 304). */
function fresh(c: C, reports: readonly PublishedReport[], tag: string): boolean {
  c.header('ETag', tag);
  c.header('Cache-Control', 'public, max-age=300');
  c.header('Access-Control-Allow-Origin', '*');
  const latest = latestChange(reports);
  if (latest) c.header('Last-Modified', new Date(latest).toUTCString());
  const match = c.req.header('if-none-match');
  return match?.split(',').some((t) => t.trim() === tag || t.trim() === '*') ?? false;
}

async function published(c: C): Promise<PublishedReport[] | Response> {
  try {
    return await publishedReports(c.get('ctx'), filterOf(c.req.query()));
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return c.json({ error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } }, 400);
  }
}

export const openDataRoutes = new Hono<AppEnv>();

openDataRoutes.get(OPEN_DATA_JSON, async (c) => {
  const reports = await published(c);
  if (reports instanceof Response) return reports;
  const document = openDataDocument(reports, linksOf(c), c.get('ctx').clock());
  const tag = etagOf(JSON.stringify(document.reports));
  if (fresh(c, reports, tag)) return c.body(null, 304);
  return c.body(`${JSON.stringify(document, null, 2)}\n`, 200, { 'content-type': 'application/json; charset=utf-8' });
});

openDataRoutes.get(OPEN_DATA_CSV, async (c) => {
  const reports = await published(c);
  if (reports instanceof Response) return reports;
  const csv = openDataCsv(reports);
  if (fresh(c, reports, etagOf(csv))) return c.body(null, 304);
  return c.body(csv, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'inline; filename="annual-reports.csv"',
  });
});
