import { describe, expect, it } from 'vitest';
import { emptyReport, normalizeReport } from '../model.ts';
import { schemaErrors } from '../schema.ts';
import { renderJson } from './json.ts';
import { distinctReport } from './samples.ts';

describe('renderJson', () => {
  it('equals normalizeReport, in schema key order, 2-space indent, trailing newline', () => {
    const report = distinctReport();
    const json = renderJson(report);
    expect(JSON.parse(json)).toEqual(normalizeReport(report));
    expect(json).toBe(`${JSON.stringify(normalizeReport(report), null, 2)}\n`);
    expect(
      json.startsWith('{\n  "formatVersion": "2021",\n  "year": 2024,\n  "agency": "测试市测试局",\n  "proactive"'),
    ).toBe(true);
    expect(json).toContain('"feesTenThousandYuan": 18651.06');
  });

  it('puts keys in schema order even when the input is shuffled', () => {
    const report = distinctReport();
    const reversed = Object.fromEntries(Object.entries(report).reverse()) as typeof report;
    reversed.requests = Object.fromEntries(Object.entries(report.requests).reverse()) as typeof report.requests;
    expect(Object.keys(reversed)[0]).not.toBe('formatVersion');
    expect(renderJson(reversed)).toBe(renderJson(report));
  });

  it('validates against the schema', () => {
    expect(schemaErrors(JSON.parse(renderJson(distinctReport())))).toEqual([]);
    expect(schemaErrors(JSON.parse(renderJson(emptyReport(2023))))).toEqual([]);
    const legacy = distinctReport(null);
    legacy.formatVersion = '2019';
    legacy.legacy = { '第二十条第（一）项/规章/本年新制作数量': 5 };
    expect(schemaErrors(JSON.parse(renderJson(legacy)))).toEqual([]);
  });
});
