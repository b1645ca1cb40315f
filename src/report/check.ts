// Read a document and run every rule: what `gongkai report check` does for one file.
import type { Diagnostic } from './diagnostics.ts';
import type { AnnualReport } from './model.ts';
import { type ReadOptions, readReportData, readReportFile } from './read/index.ts';
import { checkReport } from './rules.ts';

export interface CheckResult {
  report: AnnualReport;
  diagnostics: Diagnostic[];
}

export interface CheckFileOptions extends ReadOptions {
  previous?: AnnualReport | null;
}

export async function checkData(data: Uint8Array, name: string, options: CheckFileOptions = {}): Promise<CheckResult> {
  const { report, diagnostics } = await readReportData(data, name, options);
  return { report, diagnostics: [...diagnostics, ...checkReport(report, { previous: options.previous ?? null })] };
}

export async function checkFile(path: string, options: CheckFileOptions = {}): Promise<CheckResult> {
  const { report, diagnostics } = await readReportFile(path, options);
  return { report, diagnostics: [...diagnostics, ...checkReport(report, { previous: options.previous ?? null })] };
}
