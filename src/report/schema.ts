// Validation against the national-format JSON schema (schema/annual-report.schema.json, a copy of the spec's).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { AnnualReport } from './model.ts';

export const SCHEMA_PATH = new URL('../../schema/annual-report.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

const TYPE_NAMES: Record<string, string> = {
  integer: '整数',
  number: '数字',
  string: '字符串',
  object: '对象',
  array: '数组',
  null: 'null',
  boolean: '布尔值',
};
const typeName = (t: string) =>
  t
    .split(',')
    .map((x) => TYPE_NAMES[x] ?? x)
    .join('或');

/** Problems with a JSON value as a report, each naming the field, in Chinese; empty when valid. */
export function schemaErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, 20).map((e) => {
    const field = e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '（根）';
    switch (e.keyword) {
      case 'required':
        return `${field === '（根）' ? '' : `${field}.`}${(e.params as { missingProperty: string }).missingProperty}：缺少必填字段`;
      case 'additionalProperties':
        return `${field}：不应有字段“${(e.params as { additionalProperty: string }).additionalProperty}”`;
      case 'type':
        return `${field}：类型应为${typeName((e.params as { type: string }).type)}`;
      case 'minimum':
        return `${field}：不能为负数`;
      case 'enum':
        return `${field}：取值应为 ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join('、')} 之一`;
      default:
        return `${field}：${e.message ?? '不符合格式'}`;
    }
  });
}

export function isValidReport(value: unknown): value is AnnualReport {
  return validate(value) as boolean;
}
