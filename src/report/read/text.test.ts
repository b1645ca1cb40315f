// Plain-text reports: the seed (pasted from Word), the three real reports as PDF text, a hand-written
// 2019-edition report, Markdown, and text that holds no report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPECTED_FINDINGS, expectedReport, FIXTURES, fixtureBytes, REAL_REPORTS } from '../../../test/real-reports.ts';
import { checkData } from '../check.ts';
import { ReadError } from '../diagnostics.ts';
import { CELL_PATHS, getCell } from '../model.ts';
import { finishDraft } from './draft.ts';
import { readReportData } from './index.ts';
import { readTextDraft } from './text.ts';

const bytes = fixtureBytes;
const encode = (text: string) => new TextEncoder().encode(text);

describe('the seed: text pasted from Word, one cell per tab-indented line', () => {
  it('reads year, agency, edition, every cell and the three sections', async () => {
    const { report, diagnostics } = await checkData(bytes('seed/000_c1efcce95eb0748a.txt'), 'seed.txt');
    expect([report.year, report.agency, report.formatVersion]).toEqual([2024, null, '2021']);
    for (const path of CELL_PATHS) expect(getCell(report, path), path).toBe(0);
    expect(report.text.overview.startsWith('2024年，我局在区党委')).toBe(true);
    expect(report.text.overview.split('\n')).toHaveLength(4);
    expect(report.text.problems.startsWith('2024年，在上级有关部门')).toBe(true);
    expect(report.text.other).toBe('本年度，未收取信息处理费。');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.rule).toBe('section-title');
    expect(diagnostics[0]?.message).toContain('“6、 其他需要报告的事项”');
    expect(diagnostics[0]?.message).toContain('“六、其他需要报告的事项”');
  });
});

describe('the real reports, as PDF text (pypdf)', () => {
  for (const name of REAL_REPORTS) {
    it(`${name}: every cell, year, agency, edition and sections equal the hand-checked JSON`, async () => {
      const { report, diagnostics } = await checkData(bytes(`reports/${name}.txt`), `${name}.txt`);
      expect(report).toEqual(expectedReport(name));
      expect(diagnostics.map((d) => [d.rule, d.cells])).toEqual(EXPECTED_FINDINGS[name]);
    });
  }

  it('skips the researcher notes in front of the document', () => {
    const draft = readTextDraft(readFileSync(join(FIXTURES, 'reports/10_hongze_district_2023.txt'), 'utf8'));
    expect(draft.fullText.startsWith('洪泽区人民政府\n2023 年政府信息公开工作年度报告')).toBe(true);
    expect(draft.fullText).not.toMatch(/SOURCE|NOTE|Observations|- \d -/);
  });
});

describe('a 2019-edition report (国办公开办函〔2019〕60号 tables)', () => {
  it('maps 处理决定数量, keeps every other table 二 cell in legacy, and reads （六） as one row', async () => {
    const { report, diagnostics } = await checkData(bytes('reports/edition-2019.txt'), 'edition-2019.txt');
    expect([report.formatVersion, report.year, report.agency]).toEqual(['2019', 2020, '示例县人民政府']);
    expect(report.proactive).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
      licensing: 340,
      punishment: 118,
      coercion: 9,
      feesTenThousandYuan: 0,
    });
    expect(report.legacy).toMatchObject({
      '第二十条第（一）项/规范性文件/对外公开总数量': 15,
      '第二十条第（五）项/行政许可/本年增/减': -1,
      '第二十条第（五）项/其他对外管理服务事项/处理决定数量': 25,
      '第二十条第（八）项/行政事业性收费/本年增/减': -2,
      '第二十条第（九）项/政府集中采购/采购总金额': 356.8,
    });
    expect(Object.keys(report.legacy ?? {})).toHaveLength(22);
    expect(Object.values(report.requests.otherOther)).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(report.requests.otherNoCorrection.total + report.requests.otherUnpaidFee.total).toBe(0);
    expect(report.appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    // Consistent figures, standard headings, a 2020 report may use the 2019 tables: nothing to report.
    expect(diagnostics).toEqual([]);
  });

  it('reports outdated-edition when a 2021 report still uses the 2019 tables', async () => {
    const text = readFileSync(join(FIXTURES, 'reports/edition-2019.txt'), 'utf8').replaceAll('2020 年', '2021 年');
    const { diagnostics } = await checkData(encode(text), 'r.txt');
    expect(diagnostics.map((d) => d.rule)).toEqual(['outdated-edition']);
  });
});

const MARKDOWN = `# 示例区教育局2024年政府信息公开工作年度报告

## 一、总体情况

2024年，本局认真贯彻《中华人民共和国政府信息公开条例》。

## 二、主动公开政府信息情况

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---:|---:|---:|
| 规章 | 1 | 0 | 3 |
| 行政规范性文件 | 2 | 0 | 7 |
| 行政许可 | 5 |
| 行政处罚 | 6 |
| 行政强制 | 0 |
| 行政事业性收费 | 0.5 |

## 三、收到和处理政府信息公开申请情况

| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|
${[
  ['一、本年新收政府信息公开申请数量', 3],
  ['二、上年结转政府信息公开申请数量', 0],
  ['（一）予以公开', 2],
  ['（三）不予公开 1.属于国家秘密', 1],
  ['（七）总计', 3],
  ['四、结转下年度继续办理', 0],
]
  .map(([label, n]) => `| ${label} | ${n} | ${label === '（一）予以公开' ? ' ' : 0} | 0 | 0 | 0 | 0 | ${n} |`)
  .join('\n')}

## 四、政府信息公开行政复议、行政诉讼情况

| 行政复议·结果维持 | 行政复议·结果纠正 | 行政复议·其他结果 | 行政复议·尚未审结 | 行政复议·总计 | 直接起诉·结果维持 | … |
|---:|---:|---:|---:|---:|---:|---:|
| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

## 五、存在的主要问题及改进情况

政策解读形式较为单一。

## 六、其他需要报告的事项

本年度未收取信息处理费。
`;

describe('Markdown', () => {
  it('reads pipe tables and headings; a blank cell "|  |" is read as "" and warned about', () => {
    const { report, diagnostics } = finishDraft(readTextDraft(MARKDOWN));
    expect([report.year, report.agency]).toEqual([2024, '示例区教育局']);
    expect(report.proactive.rules).toEqual({ issued: 1, repealed: 0, inForce: 3 });
    expect(report.proactive.feesTenThousandYuan).toBe(0.5);
    expect(report.requests.withheldStateSecret.naturalPerson).toBe(1);
    expect(report.appeals.reconsideration.total).toBe(1);
    expect(report.text.overview).toBe('2024年，本局认真贯彻《中华人民共和国政府信息公开条例》。');
    const blank = diagnostics.filter((d) => d.rule === 'blank-cell' && d.cells.includes('requests.granted.business'));
    expect(blank).toHaveLength(1);
    expect(blank[0]?.cells).toEqual(['requests.granted.business']);
    expect(diagnostics.some((d) => d.rule === 'section-title')).toBe(false);
  });
});

describe('text that holds no report', () => {
  it('is a ReadError, with the reason in Chinese', async () => {
    const notice = encode('关于召开政务公开工作会议的通知\n各单位：定于2024年3月5日召开会议，请准时参加。');
    await expect(readReportData(notice, 'notice.txt')).rejects.toThrow(ReadError);
    await expect(readReportData(notice, 'notice.txt')).rejects.toThrow(/没有找到政府信息公开工作年度报告的统计表格/);
  });

  it('never fails otherwise, whatever the text (property)', () => {
    const real = readFileSync(join(FIXTURES, 'reports/09_huaian_city_2024.txt'), 'utf8').split('\n');
    const pieces = fc.oneof(
      fc.string(),
      fc.constantFrom(...real),
      fc.constantFrom('|', '\t', '| 1 |  |', '- 3 -', '/'),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 80 }), (lines) => {
        try {
          finishDraft(readTextDraft(lines.join('\n')));
        } catch (e) {
          expect(e).toBeInstanceOf(ReadError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes time linear in the input (200 reports in one file)', () => {
    const text = readFileSync(join(FIXTURES, 'reports/09_huaian_city_2024.txt'), 'utf8').repeat(200);
    const started = performance.now();
    readTextDraft(text);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
