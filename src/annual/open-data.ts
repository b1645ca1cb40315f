// Open data (issue 6 point 8): every published annual report of the installation, in the schema's shape, for
// /open-data/annual-reports.json, /open-data/annual-reports.csv and GET /api/v1/annual-reports. No policy: only
// published reports (compiled and approved here, or imported from before the system) ever leave this module.
//
// The JSON document:
//   { "generatedAt": ISO instant, "updatedAt": latest change among the reports (ISO) or null,
//     "terms": the terms of use, "count": n,
//     "reports": [ { "agencyId", "agency", "creditCode", "year", "publishedOn", "origin": "compiled"|"imported",
//                    "url": the portal page, "files": { "docx", "pdf", "json", "xlsx" },
//                    "report": the report exactly as schema/annual-report.schema.json } ] }
// The CSV: one row per report per cell of the national form (200 per report), UTF-8 with a BOM, CRLF:
//   agencyId,agency,creditCode,year,publishedOn,cell,cellName,value
import { createHash } from 'node:crypto';
import type { Agency } from '../agencies/model.ts';
import { listAgencyRows } from '../agencies/repository.ts';
import type { Context } from '../context.ts';
import { cellName } from '../report/labels.ts';
import { type AnnualReport, CELL_PATHS, getCell, normalizeReport } from '../report/model.ts';
import type { Origin, ReportRecord } from './model.ts';
import { listPublished } from './repository.ts';

export const OPEN_DATA_TERMS =
  '本数据为各机关依《中华人民共和国政府信息公开条例》主动公开的政府信息公开工作年度报告，任何人可以免费、自由地复制、使用、传播和再加工，无需申请许可；请注明来源并保持数据原意。';

export const FILE_FORMATS = ['docx', 'pdf', 'json', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export interface OpenDataItem {
  agencyId: number;
  agency: string;
  creditCode: string | null;
  year: number;
  publishedOn: string;
  origin: Origin;
  url: string;
  files: Record<FileFormat, string>;
  report: AnnualReport;
}

export interface OpenDataDocument {
  generatedAt: string;
  updatedAt: string | null;
  terms: string;
  count: number;
  reports: OpenDataItem[];
}

export interface PublishedFilter {
  year?: number;
  agencyId?: number;
}

export interface PublishedReport {
  record: ReportRecord;
  agency: Agency;
  report: AnnualReport;
}

/** The report as published: the snapshot, normalized, carrying its agency's name and publication date. */
export function publishedShape(record: ReportRecord, agency: Agency): AnnualReport {
  const report = normalizeReport(record.snapshot as AnnualReport);
  report.agency = report.agency || agency.name;
  report.publishedOn = record.publishedOn;
  return report;
}

/** The published reports (year descending, then agency), with their agencies. */
export async function publishedReports(ctx: Context, filter: PublishedFilter = {}): Promise<PublishedReport[]> {
  const db = ctx.db.kysely;
  const [records, agencies] = await Promise.all([
    listPublished(db, {
      ...(filter.year !== undefined ? { year: filter.year } : {}),
      ...(filter.agencyId !== undefined ? { agencyIds: [filter.agencyId] } : {}),
    }),
    listAgencyRows(db),
  ]);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const out: PublishedReport[] = [];
  for (const record of records) {
    const agency = byId.get(record.agencyId);
    if (!agency || !record.snapshot || !record.publishedOn) continue;
    out.push({ record, agency, report: publishedShape(record, agency) });
  }
  return out;
}

/** Where the portal shows a report and its files (absolute URLs): the HTTP edge knows its addresses. */
export type ReportLink = (agencyId: number, year: number, format?: FileFormat) => string;

/** One report as an open data item. */
export function openDataItem(p: PublishedReport, link: ReportLink): OpenDataItem {
  const { record, agency } = p;
  const href = (format?: FileFormat) => link(agency.id, record.year, format);
  return {
    agencyId: agency.id,
    agency: agency.name,
    creditCode: agency.creditCode,
    year: record.year,
    publishedOn: record.publishedOn as string,
    origin: record.origin,
    url: href(),
    files: { docx: href('docx'), pdf: href('pdf'), json: href('json'), xlsx: href('xlsx') },
    report: p.report,
  };
}

/** The latest change among the reports (for Last-Modified), or null when there is none. */
export function latestChange(reports: readonly PublishedReport[]): string | null {
  let latest: string | null = null;
  for (const { record } of reports) if (latest === null || record.updatedAt > latest) latest = record.updatedAt;
  return latest;
}

export function openDataDocument(reports: readonly PublishedReport[], link: ReportLink, now: Date): OpenDataDocument {
  return {
    generatedAt: now.toISOString(),
    updatedAt: latestChange(reports),
    terms: OPEN_DATA_TERMS,
    count: reports.length,
    reports: reports.map((p) => openDataItem(p, link)),
  };
}

export const CSV_COLUMNS = ['agencyId', 'agency', 'creditCode', 'year', 'publishedOn', 'cell', 'cellName', 'value'];

/** RFC 4180 quoting; a text starting like a formula is prefixed with ' so that a spreadsheet shows it as text. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per report per cell, with a BOM so that Excel reads it as UTF-8. */
export function openDataCsv(reports: readonly PublishedReport[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const { record, agency, report } of reports) {
    for (const path of CELL_PATHS) {
      const row = [
        agency.id,
        agency.name,
        agency.creditCode,
        record.year,
        record.publishedOn,
        path,
        cellName(path),
        getCell(report, path),
      ];
      lines.push(row.map(csvField).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A weak validator for conditional requests: the same reports give the same tag. */
export function etagOf(text: string): string {
  return `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
}
