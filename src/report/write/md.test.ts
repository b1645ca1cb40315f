import { describe, expect, it } from 'vitest';
import { GROUP_RESULTS, REQUEST_ROW_LABELS, SECTION_TITLES } from '../labels.ts';
import { APPEAL_PATHS, APPLICANT_COLUMNS, REQUEST_ROWS } from '../model.ts';
import { escapeMarkdown, renderMarkdown } from './md.ts';
import { distinctReport, distinctValue, huaianReport, report2019Sample } from './samples.ts';

const md = renderMarkdown(distinctReport());
const lines = md.split('\n');
const v = (path: string) => String(distinctValue(path));

describe('renderMarkdown', () => {
  it('has the title, the six sections in order, and the date last', () => {
    expect(lines[0]).toBe('# 测试市测试局2024年政府信息公开工作年度报告');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(SECTION_TITLES.map((t) => `## ${t}`));
    expect(md.endsWith('\n\n2025年1月20日\n')).toBe(true);
  });

  it('prints table 二 as four small tables, one line per form row', () => {
    for (const item of ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']) {
      expect(lines.filter((l) => l === item).length, item).toBe(1);
    }
    expect(lines).toContain('| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |');
    expect(lines).toContain(
      `| 规章 | ${v('proactive.rules.issued')} | ${v('proactive.rules.repealed')} | ${v('proactive.rules.inForce')} |`,
    );
    expect(lines).toContain(
      `| 行政规范性文件 | ${v('proactive.normativeDocuments.issued')} | ${v('proactive.normativeDocuments.repealed')} | ${v('proactive.normativeDocuments.inForce')} |`,
    );
    expect(lines).toContain(`| 行政许可 | ${v('proactive.licensing')} |`);
    expect(lines).toContain(`| 行政处罚 | ${v('proactive.punishment')} |`);
    expect(lines).toContain(`| 行政强制 | ${v('proactive.coercion')} |`);
    expect(lines).toContain('| 行政事业性收费 | 18651.06 |');
    expect(lines).toContain('| 信息内容 | 本年收费金额（单位：万元） |');
  });

  it('prints table 三 as one line per form row: full label then the 7 values', () => {
    expect(lines).toContain('| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |');
    const rows = lines.filter((l) => /^\| (?:[一二四]、|（[一二三四五六七]）)/.test(l));
    expect(rows.length).toBe(25);
    REQUEST_ROWS.forEach((row, i) => {
      const { group, label } = REQUEST_ROW_LABELS[row];
      const full = group && group !== GROUP_RESULTS ? `${group} ${label}` : label;
      const values = APPLICANT_COLUMNS.map((c) => v(`requests.${row}.${c}`));
      expect(rows[i]).toBe(`| ${full} | ${values.join(' | ')} |`);
    });
    expect(rows[4]).toMatch(/^\| （三）不予公开 1\.属于国家秘密 \| /);
    expect(rows[23]).toMatch(/^\| （七）总计 \| /);
    expect(rows[24]).toMatch(/^\| 四、结转下年度继续办理 \| /);
  });

  it('prints table 四 as one header line and one line of 15 values', () => {
    const header = lines.find((l) => l.startsWith('| 行政复议·结果维持 |'));
    expect(header?.split(' | ').length).toBe(15);
    expect(header).toContain('| 行政诉讼·未经复议直接起诉·结果维持 |');
    expect(header?.endsWith('| 行政诉讼·复议后起诉·总计 |')).toBe(true);
    expect(lines).toContain(`| ${APPEAL_PATHS.map(v).join(' | ')} |`);
  });

  it('prints real figures exactly', () => {
    const text = renderMarkdown(huaianReport());
    expect(text).toContain('| 规章 | 1 | 0 | 11 |');
    expect(text).toContain('| 行政许可 | 447228 |');
    expect(text).toContain('| 行政事业性收费 | 96171.6 |');
    expect(text).toContain('| （三）不予公开 1.属于国家秘密 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
    expect(text).toContain('| 72 | 64 | 178 | 37 | 351 | 13 | 4 | 8 | 1 | 26 | 12 | 1 | 1 | 6 | 20 |');
  });

  it('escapes narrative text but leaves Chinese punctuation alone', () => {
    expect(escapeMarkdown('a|b <i> *x* [l](u) \\')).toBe('a\\|b \\<i\\> \\*x\\* \\[l\\](u) \\\\');
    expect(escapeMarkdown('# 标题')).toBe('\\# 标题');
    expect(escapeMarkdown('1.属于')).toBe('1\\.属于');
    expect(escapeMarkdown('（一）主动公开，“引号”、《书名》')).toBe('（一）主动公开，“引号”、《书名》');
    const report = distinctReport('<b>局</b>');
    report.text.other = '| 不是表格 |';
    const text = renderMarkdown(report);
    expect(text.split('\n')[0]).toBe('# \\<b\\>局\\</b\\>2024年政府信息公开工作年度报告');
    expect(text).toContain('\\| 不是表格 \\|');
  });

  it('lists 2019-edition cells verbatim by key after table 二', () => {
    const report = distinctReport();
    report.legacy = {
      '第二十条第（一）项/规章/本年新制作数量': 5,
      '第二十条第（九）项/政府集中采购/采购总金额': 123.4,
    };
    const text = renderMarkdown(report);
    expect(text).toContain('| 第二十条第（一）项/规章/本年新制作数量 | 5 |');
    expect(text).toContain('| 第二十条第（九）项/政府集中采购/采购总金额 | 123.4 |');
    expect(text.indexOf('附表')).toBeLessThan(text.indexOf('## 三、'));
    expect(text.indexOf('附表')).toBeGreaterThan(text.indexOf('| 行政事业性收费 |'));
  });

  it('prints a 2019-edition report in the 2019 form', () => {
    const report = report2019Sample();
    (report.legacy as Record<string, number | string>)['第二十条第（十）项/其他/数量'] = 4;
    const text = renderMarkdown(report);
    const out = text.split('\n');
    expect(out.filter((l) => l.startsWith('第二十条第'))).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
      '第二十条第（九）项',
    ]);
    expect(out).toContain('| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |');
    expect(out).toContain('| 行政处罚 | 210 | -5 | 380 |');
    expect(out).toContain('| 信息内容 | 上一年项目数量 | 本年增/减 |');
    expect(out).toContain('| 政府集中采购 | 36 | 1520.5 |');
    expect(text).not.toContain('本年制发件数');
    // Only the cell of no standard row goes to the appendix.
    expect(out.filter((l) => l.startsWith('| 第二十条第'))).toEqual(['| 第二十条第（十）项/其他/数量 | 4 |']);
    expect(out.filter((l) => l.startsWith('| （六）'))).toEqual([
      `| （六）其他处理 | ${APPLICANT_COLUMNS.map((c) => v(`requests.otherOther.${c}`)).join(' | ')} |`,
    ]);
  });
});
