import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, reportArb } from '../../test/builders.ts';
import { cellName } from './labels.ts';
import { CELL_PATHS, emptyReport, getCell, normalizeReport, setCell } from './model.ts';
import { SCHEMA_PATH, schemaErrors } from './schema.ts';

describe('report model', () => {
  it('has the 200 cells of the 2021 form, each with one path', () => {
    expect(CELL_PATHS).toHaveLength(200);
    expect(new Set(CELL_PATHS).size).toBe(200);
  });

  it('keeps its schema identical to the spec', () => {
    const spec = new URL('../../../shared/spec/annual-report.schema.json', import.meta.url);
    if (!existsSync(spec)) return; // the spec folder sits beside a checkout, not inside a package
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(readFileSync(spec, 'utf8'));
  });

  it('builds reports valid against the schema', () => {
    expect(schemaErrors(emptyReport(2024))).toEqual([]);
    expect(schemaErrors(buildReport())).toEqual([]);
    fc.assert(fc.property(reportArb, (r) => schemaErrors(r).length === 0));
  });

  it('reads and writes cells by path', () => {
    const r = emptyReport(2024);
    setCell(r, 'requests.granted.naturalPerson', 5);
    expect(getCell(r, 'requests.granted.naturalPerson')).toBe(5);
    expect(() => setCell(r, 'requests.granted', 1)).toThrow();
    expect(normalizeReport(r)).toEqual(r);
  });

  it('names cells as the printed form does', () => {
    expect(cellName('requests.totalHandled.naturalPerson')).toBe('（七）总计·自然人');
    expect(cellName('requests.withheldStateSecret.business')).toBe('不予公开·属于国家秘密·商业企业');
    expect(cellName('appeals.litigationDirect.total')).toBe('行政诉讼·未经复议直接起诉·总计');
    expect(cellName('proactive.feesTenThousandYuan')).toBe('行政事业性收费·本年收费金额（万元）');
    for (const p of CELL_PATHS) expect(cellName(p)).not.toBe(p);
  });

  it('names schema violations by field in Chinese', () => {
    const r = emptyReport(2024) as unknown as Record<string, unknown>;
    delete r.text;
    r.year = 'x';
    expect(schemaErrors(r)).toEqual(['text：缺少必填字段', 'year：类型应为整数']);
  });
});
