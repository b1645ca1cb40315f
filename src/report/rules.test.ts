import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, reportArb } from '../../test/builders.ts';
import { RULES } from './diagnostics.ts';
import { checkReport, sharedShare } from './rules.ts';

const rules = (r: Parameters<typeof checkReport>[0], previous?: Parameters<typeof checkReport>[0]) =>
  checkReport(r, { previous: previous ?? null });

describe('report rules', () => {
  it('finds nothing wrong in a consistent report', () => {
    expect(rules(buildReport())).toEqual([]);
  });

  it('holds for every consistent report (property)', () => {
    fc.assert(
      fc.property(reportArb, (r) => {
        r.text.other = '本年度未收取信息处理费。';
        return rules(r).filter((d) => d.severity === 'error').length === 0;
      }),
      { numRuns: 200 },
    );
  });

  it('outcome-sum names the column and shows both figures', () => {
    const r = buildReport();
    r.requests.totalHandled.naturalPerson -= 1;
    r.requests.carriedForward.naturalPerson += 1; // keep balance, break the outcome sum only
    const found = rules(r).filter((d) => d.rule === 'outcome-sum');
    expect(found).toHaveLength(1);
    const total = r.requests.totalHandled.naturalPerson;
    expect(found[0]?.message).toBe(`（七）总计·自然人为${total}，但各办理结果之和为${total + 1}`);
    expect(found[0]?.severity).toBe('error');
    expect(found[0]?.cells[0]).toBe('requests.totalHandled.naturalPerson');
    expect(found[0]?.cells).toHaveLength(22);
  });

  it('balance checks the printed 勾稽关系 per column', () => {
    const r = buildReport();
    r.requests.received.business += 2;
    r.requests.received.total += 2;
    const found = rules(r).filter((d) => d.rule === 'balance');
    expect(found).toHaveLength(2); // 商业企业 and 总计
    expect(found[0]?.message).toContain('表三“商业企业”列勾稽关系不成立');
    expect(found[0]?.cells).toEqual([
      'requests.received.business',
      'requests.carriedOver.business',
      'requests.totalHandled.business',
      'requests.carriedForward.business',
    ]);
  });

  it('row-total shows the addition', () => {
    const r = buildReport();
    r.requests.granted.total = 0;
    const d = rules(r).find((x) => x.rule === 'row-total');
    const g = r.requests.granted;
    const parts = [g.naturalPerson, g.business, g.research, g.nonprofit, g.legalService, g.otherOrg];
    expect(d?.message).toBe(
      `表三“（一）予以公开”一行：总计为0，但自然人和各类法人或其他组织之和为${parts.reduce((a, b) => a + b)}（${parts.join('+')}）`,
    );
  });

  it('appeal-total per group', () => {
    const r = buildReport();
    r.appeals.reconsideration = { upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 };
    const d = rules(r).filter((x) => x.rule === 'appeal-total');
    expect(d.map((x) => x.message)).toEqual([
      '行政复议·总计为0，但结果维持、结果纠正、其他结果、尚未审结之和为11（10+1+0+0）',
    ]);
    expect(d[0]?.cells).toEqual([
      'appeals.reconsideration.upheld',
      'appeals.reconsideration.corrected',
      'appeals.reconsideration.other',
      'appeals.reconsideration.pending',
      'appeals.reconsideration.total',
    ]);
  });

  it('outdated-edition for a 2019-edition report of 2021 or later only', () => {
    const r = buildReport({ year: 2022 });
    r.formatVersion = '2019';
    expect(rules(r).map((d) => d.rule)).toEqual(['outdated-edition']);
    r.year = 2020;
    expect(rules(r)).toEqual([]);
  });

  it('fee-statement when section 六 is silent on 信息处理费', () => {
    const r = buildReport();
    r.text.other = '无。';
    expect(rules(r).map((d) => d.rule)).toEqual(['fee-statement']);
    r.text.other = '全年收取政府信息公开信息处理费 3940 元。';
    expect(rules(r)).toEqual([]);
  });

  it('narrative-mismatch reads the totals quoted in the text', () => {
    const r = buildReport();
    r.text.overview = `2024 年，区政府办代表区政府受理政府信息公开申请 ${r.requests.received.total + 5} 件，均已答复。`;
    const d = rules(r);
    expect(d.map((x) => x.rule)).toEqual(['narrative-mismatch']);
    expect(d[0]?.message).toBe(
      `“一、总体情况”中写“受理政府信息公开申请${r.requests.received.total + 5}件”，但表格中一、本年新收申请数量·总计为${r.requests.received.total}`,
    );
    r.text.overview = `共受理政府信息公开申请 ${r.requests.received.total} 件。行政诉讼 ${r.appeals.litigationDirect.total + r.appeals.litigationAfterReconsideration.total} 件。`;
    expect(rules(r)).toEqual([]);
  });

  it('late-publication by the deadline of the agency kind', () => {
    const dept = buildReport({ agency: '示例区教育局' });
    dept.publishedOn = '2025-02-01';
    expect(rules(dept).map((d) => d.rule)).toEqual(['late-publication']);
    dept.publishedOn = '2025-01-31';
    expect(rules(dept)).toEqual([]);
    const gov = buildReport({ agency: '示例区人民政府' });
    gov.publishedOn = '2025-03-31';
    expect(rules(gov)).toEqual([]);
    gov.publishedOn = '2025-04-01';
    expect(rules(gov)[0]?.message).toContain('晚于法定期限2025-03-31');
  });

  it('cross-year rules run only with the previous report', () => {
    const before = buildReport({ year: 2023 });
    const now = buildReport({ year: 2024 });
    expect(rules(now)).toEqual([]);
    const found = rules(now, before);
    // carriedOver (k+1) differs from last year's carriedForward (k+2) in every column
    expect(found.filter((d) => d.rule === 'carried-over')).toHaveLength(7);
    expect(found.find((d) => d.rule === 'carried-over')?.message).toBe(
      `表三“二、上年结转申请数量·自然人”为${now.requests.carriedOver.naturalPerson}，但2023年度报告“四、结转下年度继续办理·自然人”为${before.requests.carriedForward.naturalPerson}，两者应相等`,
    );
    expect(found.filter((d) => d.rule === 'in-force-continuity').map((d) => d.cells[0])).toEqual([
      'proactive.rules.inForce',
      'proactive.normativeDocuments.inForce',
    ]);
    expect(found.filter((d) => d.rule === 'repeated-text')).toHaveLength(2);
    expect(found.find((d) => d.rule === 'repeated-text')?.message).toContain('100%的文字与2023年度报告相同');
  });

  it('repeated-text ignores changed years and numbers but not new words', () => {
    expect(sharedShare('2024年，全年主动公开政府信息1200条。', '2023年，全年主动公开政府信息980条。')).toBe(1);
    expect(sharedShare('今年重点推进基层政务公开标准化规范化。', '2023年，全年主动公开政府信息980条。')).toBe(0);
  });

  it('every rule of the spec has a stable severity', () => {
    expect(Object.keys(RULES)).toHaveLength(14);
  });
});
