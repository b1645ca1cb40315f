// A report as JSON in the schema's shape (schema/annual-report.schema.json): keys in schema order, 2-space
// indent, trailing newline.
import { type AnnualReport, normalizeReport } from '../model.ts';

export function renderJson(report: AnnualReport): string {
  return `${JSON.stringify(normalizeReport(report), null, 2)}\n`;
}
