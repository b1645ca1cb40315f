// The line interpreter on synthetic PDF-like text: a complete 2021-edition report whose every table 三 row
// holds distinct figures, then the same report mangled the ways real extractions are.
import { describe, expect, it } from 'vitest';
import { GROUP_RESULTS, REQUEST_ROW_LABELS } from '../labels.ts';
import { APPLICANT_COLUMNS, getCell, REQUEST_ROWS } from '../model.ts';
import { finishDraft } from './draft.ts';
import { readTextDraft } from './text.ts';

/** Row i of table 三: distinct figures whose last column is the row total. */
function rowValues(i: number): number[] {
  const parts = [i + 1, i % 3, 0, (i * 5) % 7, 0, i % 2];
  return [...parts, parts.reduce((a, b) => a + b, 0)];
}

function requestLines(): string[] {
  const out: string[] = [];
  let group: string | null = null;
  REQUEST_ROWS.forEach((row, i) => {
    const { group: g, label } = REQUEST_ROW_LABELS[row];
    if (row === 'granted') out.push(GROUP_RESULTS);
    if (g && g !== GROUP_RESULTS && g !== group) out.push(g);
    group = g;
    out.push(`${label} ${rowValues(i).join(' ')}`);
  });
  return out;
}

const HEAD = `示例市人民政府
2024 年政府信息公开工作年度报告
一、总体情况
2024 年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全
面推进政务公开，全年主动公开政府信息 120 条。
（一）主动公开情况。通过政府网站主动公开政府文件、通知公告等各类
政府信息。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 1 0 5
行政规范性文件 2 1 9
第二十条第（五）项
信息内容 本年处理决定数量
行政许可 30
第二十条第（六）项
信息内容 本年处理决定数量
行政处罚 40
行政强制 50
第二十条第（八）项
信息内容 本年收费金额（单位：万元）
行政事业性收费 12.5
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
申请人情况
自然人 法人或其他组织 总计
商业企业 科研机构 社会公益组织 法律服务机构 其他`;

const TAIL = `四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉
结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
1 2 3 4 10 5 6 7 8 26 9 10 11 12 42
五、存在的主要问题及改进情况
政策解读的形式还不够丰富。下一步，我们将丰富解读形式，提高政府信息
公开工作质量。
六、其他需要报告的事项
本年度未收取信息处理费。`;

function report(rows: string[] = requestLines(), tail = TAIL): string {
  return [HEAD, ...rows, tail].join('\n');
}

function read(text: string) {
  return finishDraft(readTextDraft(text));
}

function expectAllCells(text: string): void {
  const { report: r } = read(text);
  REQUEST_ROWS.forEach((row, i) => {
    expect(APPLICANT_COLUMNS.map((c) => getCell(r, `requests.${row}.${c}`))).toEqual(rowValues(i));
  });
  expect(r.proactive).toEqual({
    rules: { issued: 1, repealed: 0, inForce: 5 },
    normativeDocuments: { issued: 2, repealed: 1, inForce: 9 },
    licensing: 30,
    punishment: 40,
    coercion: 50,
    feesTenThousandYuan: 12.5,
  });
  expect(r.appeals.litigationAfterReconsideration).toEqual({
    upheld: 9,
    corrected: 10,
    other: 11,
    pending: 12,
    total: 42,
  });
}

/** "label v1 … v7" split after half the label; `valuesAlone` puts the values on a line of their own. */
function splitLabel(line: string, valuesAlone: boolean): string {
  const m = /^(\S+?)((?: \S+){7})$/.exec(line);
  const label = m ? (m[1] as string) : line;
  const values = m ? (m[2] as string) : '';
  const half = Math.ceil(label.length / 2);
  return `${label.slice(0, half)}\n${label.slice(half)}${valuesAlone ? `\n${values.trim()}` : values}`;
}

describe('space-separated tables (PDF text)', () => {
  it('reads every cell of the plain layout, with year, agency, edition and sections', () => {
    expectAllCells(report());
    const { report: r, diagnostics } = read(report());
    expect([r.year, r.agency, r.formatVersion]).toEqual([2024, '示例市人民政府', '2021']);
    expect(diagnostics).toEqual([]);
    expect(r.text.other).toBe('本年度未收取信息处理费。');
  });

  it('reads labels split over two lines, the values after the tail or on a line of their own', () => {
    const lines = requestLines();
    const tails = report(lines.map((l) => splitLabel(l, false)));
    expect(tails).toContain('（二）部分公开（区分处理的，\n只计这一情形，不计其他情形） 4 0 0 1 0 1 6');
    expectAllCells(tails);
    const alone = report(lines.map((l) => splitLabel(l, true)));
    expect(alone).toContain('3.要求提供\n公开出版物\n18 2 0 1 0 1 22');
    expectAllCells(alone);
  });

  it('reads the vertical 三、本年度办理结果 column and group headings split over lines', () => {
    const lines = requestLines().map((l) =>
      l === GROUP_RESULTS ? [...'三、本年度办理结果'].join('\n') : l.replace(/^（(.)）(..)(.+)$/, '（$1）$2\n$3'),
    );
    expect(lines.join('\n')).toContain('（三）不予\n公开');
    expectAllCells(report(lines));
  });

  it('ignores page footers inside table 三, even between a label and its values', () => {
    const lines = requestLines().flatMap((l) =>
      l.startsWith('8.属于行政查询事项')
        ? [l, '- 3 -']
        : l.startsWith('5.要求')
          ? [splitLabel(l, true).replace(/\n(?=[\d ]+$)/, '\n- 4 -\n')]
          : [l],
    );
    const text = report(lines);
    expect(text).toContain('- 4 -');
    expectAllCells(text);
    expect(readTextDraft(text).fullText).not.toMatch(/- [34] -/);
  });

  it('passes "/" and "—" through as raw cell text, so finishDraft reports not-a-number', () => {
    const lines = requestLines().map((l) =>
      l.startsWith('（一）予以公开')
        ? l.replace(/^(\S+ \S+) \S+/, '$1 /')
        : l.startsWith('（七）总计')
          ? l.replace(/ \S+$/, ' —')
          : l,
    );
    const { report: r, diagnostics } = read(report(lines));
    const nan = diagnostics.filter((d) => d.rule === 'not-a-number');
    expect(nan.map((d) => d.cells)).toEqual([['requests.granted.business'], ['requests.totalHandled.total']]);
    expect(nan[0]?.message).toContain('“/”');
    expect(r.requests.granted.business).toBe(0);
  });

  it('reads full-width digits and a number split by a stray space (the row total decides)', () => {
    const text = report()
      .replace('规章 1 0 5', '规章 １ ０ ５')
      .replace(/（一）予以公开 .*/, '（一）予以公开 1 288 21 0 0 50 3 1362');
    const { report: r } = read(text);
    expect(r.proactive.rules).toEqual({ issued: 1, repealed: 0, inForce: 5 });
    expect(Object.values(r.requests.granted)).toEqual([1288, 21, 0, 0, 50, 3, 1362]);
  });

  it('reads table 四 spread over several lines', () => {
    expectAllCells(
      report(undefined, TAIL.replace('1 2 3 4 10 5 6 7 8 26 9 10 11 12 42', '1 2 3 4 10\n5 6 7\n8 26 9 10 11 12 42')),
    );
  });

  it('reflows narrative lines into paragraphs and keeps tables out of them', () => {
    const draft = readTextDraft(report());
    expect(draft.paragraphs.slice(0, 5)).toEqual([
      '示例市人民政府',
      '2024年政府信息公开工作年度报告',
      '一、总体情况',
      '2024年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开，全年主动公开政府信息120条。',
      '（一）主动公开情况。通过政府网站主动公开政府文件、通知公告等各类政府信息。',
    ]);
    expect(draft.paragraphs).toContain('四、政府信息公开行政复议、行政诉讼情况');
    expect(draft.paragraphs.join('\n')).not.toMatch(/规章|予以公开|结果维持|勾稽/);
    expect(draft.fullText).toContain('规章 1 0 5');
    expect(read(report()).report.text.problems).toBe(
      '政策解读的形式还不够丰富。下一步，我们将丰富解读形式，提高政府信息公开工作质量。',
    );
  });
});

describe('explicit cells', () => {
  it('reads tab-separated rows (pasted from a spreadsheet), where a blank cell is visible', () => {
    const lines = requestLines().map((l) =>
      l.includes(' ') ? l.replace(/ /g, '\t').replace(/^(（一）予以公开\t\d+)\t\d+/, '$1\t') : l,
    );
    const { report: r, diagnostics } = read(report(lines));
    expect(r.requests.granted.naturalPerson).toBe(rowValues(2)[0]);
    expect(diagnostics.filter((d) => d.rule === 'blank-cell').map((d) => d.cells)).toEqual([
      ['requests.granted.business'],
    ]);
  });
});
