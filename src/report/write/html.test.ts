import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { SECTION_TITLES } from '../labels.ts';
import { CELL_PATHS } from '../model.ts';
import { renderHtml } from './html.ts';
import { distinctReport, distinctValue, report2019Sample } from './samples.ts';

const $ = load(renderHtml(distinctReport()));

describe('renderHtml', () => {
  it('is a complete zh-CN document with the title, the six sections in order and the date', () => {
    const html = renderHtml(distinctReport());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('meta[charset]').attr('charset')).toBe('utf-8');
    expect($('title').text()).toBe('测试市测试局2024年政府信息公开工作年度报告');
    expect($('h1').text()).toBe('测试市测试局2024年政府信息公开工作年度报告');
    expect(
      $('h2')
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual([...SECTION_TITLES]);
    expect($('p.date').text()).toBe('2025年1月20日');
    expect($('main > *').last().is('p.date')).toBe(true);
  });

  it('has every one of the 200 cell paths exactly once, with its value', () => {
    const cells = $('td[data-cell]');
    expect(cells.length).toBe(200);
    expect(cells.map((_, e) => $(e).attr('data-cell')).get()).toEqual([...CELL_PATHS]);
    cells.each((_, e) => {
      const path = $(e).attr('data-cell') as string;
      expect($(e).text(), path).toBe(String(distinctValue(path)));
    });
    expect($('td[data-cell="proactive.feesTenThousandYuan"]').text()).toBe('18651.06');
  });

  it('splits narrative sections into paragraphs, dropping blank lines', () => {
    const report = distinctReport();
    report.text.overview = '第一段总体情况。\n\n  第二段，含“引号”与 <标记> & 符号。\r\n';
    const $ = load(renderHtml(report));
    const paras = $('h2')
      .first()
      .nextUntil('h2')
      .map((_, e) => $(e).text())
      .get();
    expect(paras).toEqual(['第一段总体情况。', '第二段，含“引号”与 <标记> & 符号。']);
  });

  it('has the merged header cells of the national form', () => {
    const requests = $('table.requests');
    const th = (text: string) => requests.find('th').filter((_, e) => $(e).text() === text);
    expect(requests.find('thead tr').length).toBe(3);
    expect(requests.find('thead td.note').attr('colspan')).toBe('3');
    expect(requests.find('thead td.note').attr('rowspan')).toBe('3');
    expect(th('申请人情况').attr('colspan')).toBe('7');
    expect(th('自然人').attr('rowspan')).toBe('2');
    expect(th('法人或其他组织').attr('colspan')).toBe('5');
    expect(th('总计').attr('rowspan')).toBe('2');
    expect(th('三、本年度办理结果').attr('rowspan')).toBe('22');
    expect(th('（三）不予公开').attr('rowspan')).toBe('8');
    expect(th('（四）无法提供').attr('rowspan')).toBe('3');
    expect(th('（五）不予处理').attr('rowspan')).toBe('5');
    expect(th('（六）其他处理').attr('rowspan')).toBe('3');
    expect(th('一、本年新收政府信息公开申请数量').attr('colspan')).toBe('3');
    expect(th('（一）予以公开').attr('colspan')).toBe('2');
    expect(requests.find('tbody tr').length).toBe(25);

    const appeals = $('table.appeals');
    const ath = (text: string) => appeals.find('th').filter((_, e) => $(e).text() === text);
    expect(ath('行政复议').attr('colspan')).toBe('5');
    expect(ath('行政诉讼').attr('colspan')).toBe('10');
    expect(ath('未经复议直接起诉').attr('colspan')).toBe('5');
    expect(ath('复议后起诉').attr('colspan')).toBe('5');
    expect(ath('结果维持').length).toBe(3);
    expect(ath('结果维持').first().attr('rowspan')).toBe('2');
    expect(appeals.find('tbody td[data-cell]').length).toBe(15);

    const proactive = $('table.proactive');
    expect(proactive.find('tbody').length).toBe(4);
    expect(
      proactive
        .find('th[scope="rowgroup"]')
        .map((_, e) => $(e).attr('colspan'))
        .get(),
    ).toEqual(['4', '4', '4', '4']);
    expect(proactive.find('td[data-cell="proactive.licensing"]').attr('colspan')).toBe('3');
  });

  it('is accessible: captions, header scopes, no scripts or external resources', () => {
    const html = renderHtml(distinctReport());
    expect($('table').length).toBe(3);
    $('table').each((_, t) => {
      expect($(t).children('caption').text().length).toBeGreaterThan(0);
    });
    $('th').each((_, e) => {
      expect(['col', 'row', 'rowgroup']).toContain($(e).attr('scope'));
    });
    expect($('thead th[scope="col"]').length).toBeGreaterThan(0);
    expect($('tbody th[scope="row"]').length).toBeGreaterThan(25);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|@import|url\(/i);
    expect(html).toMatch(/@page \{\s*size: A4; margin: 37mm 26mm 35mm 28mm;/);
    expect(html).toContain('@bottom-center { content: "— " counter(page) " —";');
    expect(html).toContain('"Noto Serif CJK SC"');
    expect(html).toContain('"Noto Sans CJK SC"');
  });

  it('sizes numbers down where the longest would not fit its printed column on one line', () => {
    expect($('table.requests').attr('style')).toBeUndefined();
    const report = distinctReport();
    report.requests.received.total = 264855;
    report.appeals.litigationDirect.other = 67890;
    const doc = load(renderHtml(report));
    expect(doc('table.requests').attr('style')).toBe('--value-size: 8.5pt');
    expect(doc('table.appeals').attr('style')).toBe('--value-size: 9pt');
    expect(doc('table.proactive').attr('style')).toBeUndefined();
  });

  it('escapes the agency and the section texts', () => {
    const report = distinctReport('<script>alert("x")</script> & \'局\'');
    report.text.problems = '</p><img src=x onerror=alert(1)>';
    const html = renderHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;局&#39;');
    const doc = load(html);
    expect(doc('h1').text()).toBe('<script>alert("x")</script> & \'局\'2024年政府信息公开工作年度报告');
    expect(doc('title').text()).toContain('<script>');
    expect(doc('script').length).toBe(0);
  });

  it('omits the agency when unknown and the date when not set', () => {
    const report = distinctReport(null);
    report.publishedOn = null;
    const doc = load(renderHtml(report));
    expect(doc('h1').text()).toBe('2024年政府信息公开工作年度报告');
    expect(doc('p.date').length).toBe(0);
  });

  it('adds the 2019-edition cells as a supplementary table after table 二', () => {
    const report = distinctReport();
    report.formatVersion = '2019';
    report.legacy = {
      '第二十条第（一）项/规章/本年新制作数量': 5,
      '第二十条第（九）项/政府集中采购/采购总金额': 123.4,
    };
    const doc = load(renderHtml(report));
    const legacy = doc('table.legacy');
    expect(legacy.prev().is('table.proactive')).toBe(true);
    expect(legacy.find('td[data-legacy]').length).toBe(2);
    expect(legacy.find('td[data-legacy="第二十条第（九）项/政府集中采购/采购总金额"]').text()).toBe('123.4');
    expect(doc('td[data-cell]').length).toBe(200);
  });

  it('prints a 2019-edition report in the 2019 form: its table 二 from legacy, （六） as one row', () => {
    const report = report2019Sample();
    delete report.legacy?.['第二十条第（九）项/政府集中采购/采购总金额'];
    const doc = load(renderHtml(report));
    const table = doc('table.proactive');
    expect(
      table
        .find('th[scope="rowgroup"]')
        .map((_, e) => doc(e).text())
        .get(),
    ).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
      '第二十条第（九）项',
    ]);
    expect(table.text()).toContain('本年新制作数量');
    expect(table.text()).not.toContain('本年制发件数');
    // 19 legacy cells (22 less the 3 处理决定数量 printed from the 2021 cells), one of them missing and empty.
    expect(table.find('td[data-legacy]').length).toBe(19);
    expect(table.find('td[data-legacy="第二十条第（六）项/行政处罚/本年增/减"]').text()).toBe('-5');
    expect(table.find('td[data-legacy="第二十条第（九）项/政府集中采购/采购总金额"]').text()).toBe('');
    expect(table.find('td[data-legacy="第二十条第（九）项/政府集中采购/采购总金额"]').attr('colspan')).toBe('2');
    expect(
      table
        .find('td[data-cell]')
        .map((_, e) => doc(e).attr('data-cell'))
        .get(),
    ).toEqual(['proactive.licensing', 'proactive.punishment', 'proactive.coercion']);
    expect(doc('table.legacy').length).toBe(0);
    const requests = doc('table.requests');
    expect(requests.find('tbody tr').length).toBe(23);
    expect(requests.find('th:contains("（六）其他处理")').attr('colspan')).toBe('2');
    expect(requests.find('td[data-cell^="requests.otherNoCorrection"]').length).toBe(0);
    expect(requests.find('td[data-cell="requests.otherOther.total"]').length).toBe(1);
  });

  it('keeps a 2019-edition report in the 2021 rows where the 2019 form has no place for its figures', () => {
    const report = report2019Sample();
    report.proactive.feesTenThousandYuan = 1.5;
    report.requests.otherUnpaidFee.naturalPerson = 1;
    const doc = load(renderHtml(report));
    expect(doc('table.proactive').text()).toContain('本年收费金额');
    expect(doc('table.legacy td[data-legacy]').length).toBe(22);
    expect(doc('table.requests tbody tr').length).toBe(25);
  });

  it('never wraps a figure: legacy figures are sized down with the 2021 cells, only text may wrap', () => {
    const report = report2019Sample();
    (report.legacy as Record<string, number | string>)['第二十条第（六）项/行政处罚/本年增/减'] =
      '-12345678901234567890';
    (report.legacy as Record<string, number | string>)['第二十条第（五）项/行政许可/本年增/减'] = '详见说明';
    const doc = load(renderHtml(report));
    expect(doc('table.proactive').attr('style')).toMatch(/--value-size: \d/);
    expect(doc('td[data-legacy="第二十条第（五）项/行政许可/本年增/减"]').attr('class')).toBe('text');
    expect(doc('style').text()).toMatch(/td\[data-cell\], td\[data-legacy\] \{[^}]*white-space: nowrap/);
  });
});
