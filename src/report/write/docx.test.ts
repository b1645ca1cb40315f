import { describe, expect, it } from 'vitest';
import { SECTION_TITLES } from '../labels.ts';
import { APPEAL_PATHS, APPLICANT_COLUMNS, REQUEST_ROWS } from '../model.ts';
import { renderDocx } from './docx.ts';
import { distinctReport, distinctValue } from './samples.ts';
import { unzip, unzipText } from './unzip.ts';

interface Cell {
  text: string;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const texts = (xml: string) => decode([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

function tables(xml: string): { rows: Cell[][]; header: number }[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => {
    const rows = [...(t[1] as string).matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => r[0]);
    return {
      header: rows.filter((r) => /<w:tblHeader\/>/.test(r)).length,
      rows: rows.map((r) =>
        [...r.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => {
          const xml = c[1] as string;
          const vm = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(xml);
          return {
            text: texts(xml),
            gridSpan: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(xml)?.[1] ?? 1),
            vMerge: vm ? ((vm[1] ?? 'continue') as 'restart' | 'continue') : null,
          };
        }),
      ),
    };
  });
}

const data = await renderDocx(distinctReport());
const documentXml = unzipText(data, 'word/document.xml');
const [proactive, requests, appeals] = tables(documentXml) as [
  ReturnType<typeof tables>[number],
  ReturnType<typeof tables>[number],
  ReturnType<typeof tables>[number],
];

describe('renderDocx', () => {
  it('is a Word package with the document, styles and a footer', () => {
    const entries = unzip(data);
    for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']) {
      expect(entries.has(name), name).toBe(true);
    }
    expect(unzipText(data, 'docProps/core.xml')).toContain('测试市测试局2024年政府信息公开工作年度报告');
  });

  it('has the title, the six section headings in order and the date', () => {
    const paragraphs = [...documentXml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => texts(m[0]));
    expect(paragraphs[0]).toBe('测试市测试局2024年政府信息公开工作年度报告');
    const headings = paragraphs.filter((p) => (SECTION_TITLES as readonly string[]).includes(p));
    expect(headings).toEqual([...SECTION_TITLES]);
    expect(paragraphs.filter((p) => p).at(-1)).toBe('2025年1月20日');
  });

  it('uses A4 with GB/T 9704 margins in twips', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(documentXml)?.[1] ?? '';
    expect(margin).toContain('w:top="2098"');
    expect(margin).toContain('w:bottom="1984"');
    expect(margin).toContain('w:left="1587"');
    expect(margin).toContain('w:right="1474"');
  });

  it('sets the official fonts with their East Asian names and sizes', () => {
    for (const [font, size] of [
      ['方正小标宋简体', 44],
      ['黑体', 32],
      ['仿宋_GB2312', 32],
      ['宋体', 21],
    ] as const) {
      const re = new RegExp(
        `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>(?:<[^>]*>)*?<w:sz w:val="${size}"/>`,
      );
      expect(documentXml, font).toMatch(re);
    }
  });

  it('numbers the pages "— N —" in the footer', () => {
    const footer = unzipText(data, 'word/footer1.xml');
    expect(footer).toContain('<w:jc w:val="center"/>');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toContain('<w:fldChar w:fldCharType="begin"/>');
    expect(texts(footer).replace(/\s/g, '')).toBe('——');
    expect(footer).toContain('— </w:t>');
    expect(footer).toContain('> —</w:t>');
  });

  it('lays out table 二 with the item rows spanning the table', () => {
    expect(proactive.rows.map((r) => r.map((c) => c.text))[0]).toEqual(['第二十条第（一）项']);
    expect(proactive.rows[0]?.[0]?.gridSpan).toBe(4);
    expect(proactive.rows[2]?.map((c) => c.text)).toEqual(['规章', '1000', '1001', '1002']);
    const fee = proactive.rows.at(-1);
    expect(fee?.map((c) => c.text)).toEqual(['行政事业性收费', '18651.06']);
    expect(fee?.[1]?.gridSpan).toBe(3);
  });

  it('keeps the merged header cells of table 三 and repeats its header rows', () => {
    expect(requests.header).toBe(3);
    const [r1, r2, r3] = requests.rows as [Cell[], Cell[], Cell[]];
    expect(r1.map((c) => [c.gridSpan, c.vMerge])).toEqual([
      [3, 'restart'],
      [7, null],
    ]);
    expect(r2.map((c) => [c.text, c.gridSpan, c.vMerge])).toEqual([
      ['', 3, 'continue'],
      ['自然人', 1, 'restart'],
      ['法人或其他组织', 5, null],
      ['总计', 1, 'restart'],
    ]);
    expect(r3.map((c) => c.vMerge)).toEqual(['continue', 'continue', null, null, null, null, null, 'continue']);
    expect(requests.rows.length).toBe(28);
    // The vertical group: 三、本年度办理结果 restarts at （一） and continues through （七）总计.
    const firstCol = requests.rows.slice(3).map((r) => r[0]);
    expect(firstCol[2]).toMatchObject({ text: '三、本年度办理结果', vMerge: 'restart' });
    expect(firstCol.slice(3, 24).every((c) => c?.vMerge === 'continue')).toBe(true);
    expect(firstCol[24]?.vMerge).toBe(null);
    const groups = requests.rows
      .slice(3)
      .flatMap((r) => r.filter((c) => c.vMerge === 'restart').map((c) => c.text))
      .slice(1);
    expect(groups).toEqual(['（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
  });

  it('puts every table 三 value in its row and column', () => {
    REQUEST_ROWS.forEach((row, i) => {
      const cells = requests.rows[3 + i] as Cell[];
      expect(cells.slice(-7).map((c) => c.text)).toEqual(
        APPLICANT_COLUMNS.map((c) => String(distinctValue(`requests.${row}.${c}`))),
      );
    });
  });

  it('keeps the merged header cells of table 四 and its 15 values in order', () => {
    expect(appeals.header).toBe(3);
    expect(appeals.rows[0]?.map((c) => [c.text, c.gridSpan])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(appeals.rows[1]?.map((c) => [c.text, c.gridSpan, c.vMerge])).toEqual([
      ['结果维持', 1, 'restart'],
      ['结果纠正', 1, 'restart'],
      ['其他结果', 1, 'restart'],
      ['尚未审结', 1, 'restart'],
      ['总计', 1, 'restart'],
      ['未经复议直接起诉', 5, null],
      ['复议后起诉', 5, null],
    ]);
    expect(appeals.rows[2]?.slice(0, 5).every((c) => c.vMerge === 'continue')).toBe(true);
    expect(appeals.rows[3]?.map((c) => c.text)).toEqual(APPEAL_PATHS.map((p) => String(distinctValue(p))));
  });

  it('escapes hostile text and omits a missing agency', async () => {
    const report = distinctReport('<w:p>&"局"');
    const xml = unzipText(await renderDocx(report), 'word/document.xml');
    expect(xml).toContain('&lt;w:p&gt;&amp;');
    const none = distinctReport(null);
    none.publishedOn = null;
    const plain = unzipText(await renderDocx(none), 'word/document.xml');
    expect(texts(plain)).toContain('2024年政府信息公开工作年度报告');
    expect(texts(plain)).not.toContain('2025年1月20日');
  });

  it('adds the 2019-edition cells as a table after table 二', async () => {
    const report = distinctReport();
    report.legacy = { '第二十条第（一）项/规章/本年新制作数量': 5 };
    const all = tables(unzipText(await renderDocx(report), 'word/document.xml'));
    expect(all.length).toBe(4);
    expect(all[1]?.rows[0]?.map((c) => c.text)).toEqual(['栏目', '数值']);
    expect(all[1]?.rows[1]?.map((c) => c.text)).toEqual(['第二十条第（一）项/规章/本年新制作数量', '5']);
    expect(texts(unzipText(await renderDocx(report), 'word/document.xml'))).toContain(
      '附表：2019年版表二中无对应栏目的数据（原样保留）',
    );
  });
});
