// JSON in the schema's shape: the interchange form, read back exactly.
import { ReadError } from '../diagnostics.ts';
import { type AnnualReport, normalizeReport } from '../model.ts';
import { schemaErrors } from '../schema.ts';
import type { ReadOptions, ReadResult } from './draft.ts';

export function readJson(text: string, options: ReadOptions = {}): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ReadError(`JSON 格式错误：${(e as Error).message}`);
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (options.year !== undefined) v.year = options.year;
    if (options.agency !== undefined) v.agency = options.agency;
  }
  const errors = schemaErrors(value);
  if (errors.length > 0) throw new ReadError(`JSON 不符合年度报告格式：${errors.join('；')}`);
  return { report: normalizeReport(value as AnnualReport), diagnostics: [] };
}
