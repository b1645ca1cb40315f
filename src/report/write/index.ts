// One entry for every output format: `gongkai report render --to FORMAT` and the API call this.
import type { AnnualReport } from '../model.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './md.ts';
import { renderPdf } from './pdf.ts';
import { renderXlsx } from './xlsx.ts';

export type OutputFormat = 'html' | 'docx' | 'pdf' | 'md' | 'json' | 'xlsx';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['html', 'docx', 'pdf', 'md', 'json', 'xlsx'];

/** File name extension of each format, with the dot. */
export const FORMAT_EXTENSIONS: Record<OutputFormat, string> = {
  html: '.html',
  docx: '.docx',
  pdf: '.pdf',
  md: '.md',
  json: '.json',
  xlsx: '.xlsx',
};

/** Media type of each format, for HTTP responses. */
export const FORMAT_MEDIA_TYPES: Record<OutputFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Text formats come back as a string, binary ones as bytes. */
export async function renderReport(report: AnnualReport, format: OutputFormat): Promise<Uint8Array | string> {
  switch (format) {
    case 'html':
      return renderHtml(report);
    case 'md':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
    case 'docx':
      return renderDocx(report);
    case 'xlsx':
      return renderXlsx(report);
    case 'pdf':
      return renderPdf(report);
    default:
      throw new Error(`不支持的输出格式：${String(format)}`);
  }
}

export { findChromium } from './pdf.ts';
export { renderDocx, renderHtml, renderJson, renderMarkdown, renderPdf, renderXlsx };
