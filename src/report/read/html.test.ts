import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { huaianReport } from '../../../test/huaian-2024.ts';
import { checkData } from '../check.ts';
import { ReadError } from '../diagnostics.ts';
import { CELL_PATHS, getCell } from '../model.ts';
import { LEGACY_2019_SAMPLE } from '../write/samples.ts';
import { finishDraft } from './draft.ts';
import { decodeHtml, readHtmlDraft } from './html.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/html/${name}`, import.meta.url));
const latin1 = (data: Uint8Array, edit: (s: string) => string) =>
  Buffer.from(edit(Buffer.from(data).toString('latin1')), 'latin1');

describe('a government page around a 2021-edition report (淮安市人民政府 2024, one big table)', () => {
  const data = fixture('huaian-2024-utf8.html');

  it('reads every cell, the year, the agency and the publication date', async () => {
    const { report, diagnostics } = await checkData(data, 'huaian.html');
    const expected = huaianReport();
    for (const path of CELL_PATHS) expect([path, getCell(report, path)]).toEqual([path, getCell(expected, path)]);
    expect(report.formatVersion).toBe('2021');
    expect(report.year).toBe(2024);
    expect(report.agency).toBe('淮安市人民政府');
    expect(report.publishedOn).toBe('2025-01-20');
    // The real report adds up, names every section and states the fee: nothing to say.
    expect(diagnostics).toEqual([]);
  });

  it('takes the section texts from the article only, not the navigation, sidebar, share buttons or footer', async () => {
    const { report } = await checkData(data, 'huaian.html');
    expect(report.text.overview.split('\n')).toHaveLength(6);
    expect(report.text.overview).toMatch(/^2024年，我市坚持以习近平新时代中国特色社会主义思想为指导/);
    expect(report.text.overview).toMatch(
      /全年组织4次政府信息公开栏目全覆盖检查，并出具各县区、各部门政务公开评估分报告。$/,
    );
    expect(report.text.problems.split('\n')).toHaveLength(2);
    expect(report.text.problems).toMatch(/^对照上级新要求和公众新期待/);
    expect(report.text.other).toBe(
      '2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。',
    );
    const draft = readHtmlDraft(data);
    const all = `${draft.paragraphs.join('\n')}\n${draft.fullText}`;
    for (const chrome of [
      '首页',
      '往年年报',
      '分享到',
      '打印本页',
      '主办单位',
      'ICP备',
      '浏览次数',
      'document.write',
      '_hmt',
    ]) {
      expect(all).not.toContain(chrome);
    }
    expect(draft.title).toBe('淮安市人民政府2024年政府信息公开工作年度报告');
    // The headings 二、三、四 are rows of the big table; they still count as section headings, in order.
    expect(draft.paragraphs.filter((p) => /^[一二三四五六]、/.test(p))).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('takes the date from "发布时间：" when there is no PubDate meta, not from a dated sidebar link', () => {
    const page = data
      .toString('utf8')
      .replace(/<meta name="PubDate"[^>]*>/, '')
      .replace('<ul class="side-list">', '<ul class="side-list"><li>发布时间：2023-02-01 <a href="#">旧闻</a></li>');
    expect(readHtmlDraft(Buffer.from(page)).publishedOn).toBe('2025-01-20');
  });

  it('reads the same page encoded GBK with <meta charset="gb2312">', async () => {
    const gbk = fixture('huaian-2024-gbk.html');
    expect(Buffer.from(gbk).includes(Buffer.from('淮安'))).toBe(false); // really not UTF-8
    const utf8 = await checkData(data, 'a.html');
    const gb = await checkData(gbk, 'b.html');
    expect(gb).toEqual(utf8);
  });

  it('decodes by http-equiv, by BOM, without any declaration, and when a UTF-8 page still declares gb2312', () => {
    const gbk = fixture('huaian-2024-gbk.html');
    const title = '淮安市人民政府2024年政府信息公开工作年度报告';
    const httpEquiv = latin1(gbk, (s) =>
      s.replace('<meta charset="gb2312">', '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'),
    );
    expect(readHtmlDraft(httpEquiv).title).toBe(title);
    expect(readHtmlDraft(latin1(gbk, (s) => s.replace('<meta charset="gb2312">', ''))).title).toBe(title);
    const resaved = Buffer.from(data.toString('utf8').replace('charset="utf-8"', 'charset="gb2312"'));
    expect(readHtmlDraft(resaved).title).toBe(title);
    expect(decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>年度报告</p>')]))).toBe(
      '<p>年度报告</p>',
    );
  });
});

describe('a department page with one table per section, blanks and "/" (示例县教育局 2024)', () => {
  const data = fixture('department-split-tables.html');

  it('passes blank and "/" cells to the checker, reads table 四 without its header', async () => {
    const { report, diagnostics } = await checkData(data, 'dept.html');
    expect(report.agency).toBe('示例县教育局');
    expect(report.year).toBe(2024);
    expect(report.publishedOn).toBe('2025-02-10');
    expect(report.proactive.normativeDocuments).toEqual({ issued: 2, repealed: 0, inForce: 5 });
    expect(report.requests.received).toEqual({
      naturalPerson: 5,
      business: 1,
      research: 0,
      nonprofit: 0,
      legalService: 0,
      otherOrg: 0,
      total: 6,
    });
    expect(report.requests.totalHandled.total).toBe(6);
    expect(report.requests.unableNotHeld.total).toBe(1);
    expect(report.appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 2 });
    expect(diagnostics.map((d) => [d.rule, d.cells.join(' ')])).toEqual([
      ['not-a-number', 'proactive.rules.issued'],
      ['not-a-number', 'proactive.rules.repealed'],
      ['not-a-number', 'proactive.rules.inForce'],
      ['not-a-number', 'proactive.punishment'],
      ['blank-cell', 'proactive.licensing'],
      ['blank-cell', CELL_PATHS.filter((p) => p.startsWith('requests.withheldEnforcementFile.')).join(' ')],
      ['section-title', ''],
      [
        'appeal-total',
        'appeals.reconsideration.upheld appeals.reconsideration.corrected appeals.reconsideration.other appeals.reconsideration.pending appeals.reconsideration.total',
      ],
      ['fee-statement', ''],
      ['late-publication', ''],
    ]);
    expect(diagnostics.find((d) => d.cells[0] === 'proactive.punishment')?.message).toBe(
      '表二“行政处罚·本年处理决定数量”填写为“—”，不是非负整数，按0计',
    );
    expect(diagnostics.find((d) => d.rule === 'section-title')?.message).toBe(
      '章节标题“五、政府信息公开工作存在的主要问题及改进情况”不规范，应为“五、存在的主要问题及改进情况”',
    );
  });

  it('keeps the old table layout, the sidebar and the print links out of the text', async () => {
    const { report } = await checkData(data, 'dept.html');
    expect(report.text.overview).toBe(
      '2024年，县教育局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息86条。\n全年受理政府信息公开申请6件，均按期答复。',
    );
    expect(report.text.problems).toBe(
      '一是公开内容不够全面；二是政策解读形式较为单一。下一步，我局将加强业务培训，丰富解读形式。',
    );
    expect(report.text.other).toBe('无。');
    const draft = readHtmlDraft(data);
    expect(draft.fullText).not.toMatch(/机构职能|您现在的位置|打印本页|版权所有|总体情况说明/);
    expect(draft.title).toBe('示例县教育局2024年政府信息公开工作年度报告'); // from "<title>… - 示例县人民政府"
    expect(draft.publishedOn).toBe('2025-02-10'); // "发布日期：" and the date in the next cell
  });
});

describe('a 2019-edition page (示例县人民政府 2020)', () => {
  const data = fixture('county-2019-edition.html');

  it('maps table 二 to legacy, the one-row （六） to otherOther, with nothing to report', async () => {
    const { report, diagnostics } = await checkData(data, 'county.html');
    expect(report.formatVersion).toBe('2019');
    expect(report.year).toBe(2020);
    expect(report.publishedOn).toBe('2021-03-25');
    expect(report.proactive).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
      licensing: 2345,
      punishment: 380,
      coercion: 9,
      feesTenThousandYuan: 0,
    });
    expect(report.legacy).toEqual(LEGACY_2019_SAMPLE);
    expect(report.requests.otherOther).toEqual({
      naturalPerson: 1,
      business: 0,
      research: 0,
      nonprofit: 0,
      legalService: 0,
      otherOrg: 0,
      total: 1,
    });
    expect(report.requests.otherNoCorrection.total).toBe(0);
    expect(report.requests.totalHandled.total).toBe(26);
    expect(report.appeals.litigationDirect).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(diagnostics).toEqual([]);
  });

  it('is an outdated edition for a 2021 report', async () => {
    const { diagnostics } = await checkData(data, 'county.html', { year: 2021 });
    expect(diagnostics.map((d) => d.rule)).toContain('outdated-edition');
  });
});

describe('pages without a report', () => {
  it('a notice with an unrelated table is a ReadError', async () => {
    const read = checkData(fixture('not-reports/no-report.html'), 'notice.html');
    await expect(read).rejects.toBeInstanceOf(ReadError);
    await expect(read).rejects.toThrow('没有找到政府信息公开工作年度报告的统计表格');
  });

  it('an empty page is a ReadError, not a crash', () => {
    expect(() => finishDraft(readHtmlDraft(Buffer.from('<html><body></body></html>')))).toThrow(ReadError);
  });
});

describe('bare and odd markup', () => {
  it('reads a bare table fragment with <br>, nested spans, &nbsp; and full-width digits', () => {
    const html = `<table>
      <tr><td>一、本年新收政府信息公开申请数量</td><td><p><span>１２</span></p></td><td>&nbsp;3</td><td>0</td><td>0</td><td>0</td><td>0<br></td><td>15</td></tr>
      <tr><td>（七）<br/>总计</td><td>12</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>15</td></tr>
    </table><p>2024年度政府信息公开工作年度报告</p>`;
    const draft = readHtmlDraft(Buffer.from(html));
    expect(draft.cells.get('requests.received.naturalPerson')).toBe('１２');
    expect(draft.cells.get('requests.received.business')).toBe('3');
    expect(draft.cells.get('requests.totalHandled.total')).toBe('15');
    const { report } = finishDraft(draft);
    expect(report.year).toBe(2024);
    expect(report.requests.received.naturalPerson).toBe(12);
  });

  it('ends in a report or a ReadError on mangled pages, never another exception', async () => {
    const pages = ['huaian-2024-utf8.html', 'huaian-2024-gbk.html', 'department-split-tables.html'].map(fixture);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pages),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.constantFrom('', '<', '</td>', '<tr>', '"', '\u0000')), {
          maxLength: 8,
        }),
        async (page, cuts) => {
          let text = Buffer.from(page).toString('latin1');
          for (const [at, length, insert] of cuts) {
            const i = at % text.length;
            text = text.slice(0, i) + insert + text.slice(i + length);
          }
          try {
            await checkData(Buffer.from(text, 'latin1'), 'x.html');
          } catch (e) {
            expect(e).toBeInstanceOf(ReadError);
          }
        },
      ),
      { numRuns: 80 },
    );
    const deep = Buffer.from(
      `${'<div>'.repeat(50_000)}<table><tr><td>（七）总计</td><td>1</td><td>1</td></tr></table>`,
    );
    expect(() => readHtmlDraft(deep)).toThrow(ReadError);
  });

  it('stays linear on a page with thousands of navigation links', () => {
    const page = fixture('huaian-2024-utf8.html').toString('utf8');
    const links = Array.from({ length: 20000 }, (_, i) => `<li><a href="/a/${i}.html">栏目${i}</a></li>`).join('');
    const big = Buffer.from(page.replace('<div class="left-side">', `<div class="left-side"><ul>${links}</ul>`));
    const start = performance.now();
    const draft = readHtmlDraft(big);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(draft.cells.size).toBe(200);
    expect(draft.fullText).not.toContain('栏目1');
  });
});
