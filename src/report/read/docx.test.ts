import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { load } from 'cheerio';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { HUAIAN_APPEALS, HUAIAN_REQUESTS, huaianReport } from '../../../test/huaian-2024.ts';
import { checkData } from '../check.ts';
import { ReadError } from '../diagnostics.ts';
import { REQUEST_ROW_LABELS } from '../labels.ts';
import { CELL_PATHS, getCell, REQUEST_ROWS } from '../model.ts';
import { readDocxDraft } from './docx.ts';
import { finishDraft } from './draft.ts';
import { gridRows } from './grid.ts';
import { type DomNode, tableRows } from './html-dom.ts';
import { documentHtml } from './ooxml.ts';
import { readEntry, zipEntries } from './zip.ts';

const template = readFileSync(new URL('../../../test/fixtures/reports/template-2021-blank.docx', import.meta.url));

const cell = (text: string, span: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)), ...span });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });
const values = (list: number[]) => list.map((v) => cell(String(v)));

/** The national form filled with 淮安市人民政府's 2024 figures, merged cells as Word merges them. */
async function huaianDocx(storedTitle = '淮安市人民政府2023年政府信息公开工作年度报告'): Promise<Buffer> {
  const proactive = new Table({
    rows: [
      row(cell('第二十条第（一）项', { columnSpan: 4 })),
      row(cell('信息内容'), cell('本年制发件数'), cell('本年废止件数'), cell('现行有效件数')),
      row(cell('规章'), ...values([1, 0, 11])),
      row(cell('行政规范性文件'), ...values([8, 26, 66])),
      row(cell('第二十条第（五）项', { columnSpan: 4 })),
      row(cell('信息内容'), cell('本年处理决定数量', { columnSpan: 3 })),
      row(cell('行政许可'), cell('447228', { columnSpan: 3 })),
      row(cell('第二十条第（六）项', { columnSpan: 4 })),
      row(cell('信息内容'), cell('本年处理决定数量', { columnSpan: 3 })),
      row(cell('行政处罚'), cell('3985758', { columnSpan: 3 })),
      row(cell('行政强制'), cell('88283', { columnSpan: 3 })),
      row(cell('第二十条第（八）项', { columnSpan: 4 })),
      row(cell('信息内容'), cell('本年收费金额（单位：万元）', { columnSpan: 3 })),
      row(cell('行政事业性收费'), cell('96171.6', { columnSpan: 3 })),
    ],
  });
  const groups: Record<number, [string, number]> = {
    2: ['三、本年度办理结果', 22],
    4: ['（三）不予公开', 8],
    12: ['（四）无法提供', 3],
    15: ['（五）不予处理', 5],
    20: ['（六）其他处理', 3],
  };
  const requestRows = REQUEST_ROWS.map((id, i) => {
    const label = REQUEST_ROW_LABELS[id];
    const figures = values(HUAIAN_REQUESTS[i] ?? []);
    const lead: TableCell[] = [];
    if (i === 2) lead.push(cell('三、\n本年度\n办理结果', { rowSpan: 22 }));
    const group = groups[i];
    if (group && i !== 2) lead.push(cell(group[0], { rowSpan: group[1] }));
    const inGroup = label.group !== null && label.group !== '三、本年度办理结果';
    const span = label.group === null ? 3 : inGroup ? 1 : 2;
    return row(...lead, cell(label.label, { columnSpan: span }), ...figures);
  });
  const requests = new Table({
    rows: [
      row(
        cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { columnSpan: 3, rowSpan: 3 }),
        cell('申请人情况', { columnSpan: 7 }),
      ),
      row(cell('自然人', { rowSpan: 2 }), cell('法人或其他组织', { columnSpan: 5 }), cell('总计', { rowSpan: 2 })),
      row(cell('商业\n企业'), cell('科研\n机构'), cell('社会公益组织'), cell('法律服务机构'), cell('其他')),
      ...requestRows,
    ],
  });
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const appeals = new Table({
    rows: [
      row(cell('行政复议', { columnSpan: 5 }), cell('行政诉讼', { columnSpan: 10 })),
      row(
        ...heads.map((h) => cell(h, { rowSpan: 2 })),
        cell('未经复议直接起诉', { columnSpan: 5 }),
        cell('复议后起诉', { columnSpan: 5 }),
      ),
      row(...[...heads, ...heads].map((h) => cell(h))),
      row(...values(HUAIAN_APPEALS)),
    ],
  });
  const p = (text: string) => new Paragraph(text);
  const doc = new Document({
    // Left over from last year's file, as often happens: the body's title must win.
    title: storedTitle,
    sections: [
      {
        children: [
          p('淮安市人民政府'),
          p('2024年政府信息公开工作年度报告'),
          p('一、总体情况'),
          p('2024年，全市共受理政府信息公开申请3119件，答复3050件。'),
          p('二、主动公开政府信息情况'),
          proactive,
          p('三、收到和处理政府信息公开申请情况'),
          requests,
          p('四、政府信息公开行政复议、行政诉讼情况'),
          appeals,
          p('五、存在的主要问题及改进情况'),
          p('政策解读质量仍需提升。'),
          p('六、其他需要报告的事项'),
          p('全年收取政府信息公开信息处理费3940元。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A zip of stored entries, for packages that are not Word documents. */
function storedZip(files: Record<string, string>, flags = 0): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(flags, 6);
    local.writeUInt32LE(crc32(body), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(body.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(flags, 8);
    central.writeUInt32LE(crc32(body), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(body.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('the blank national Word template', () => {
  it('with the year given: a 2021-edition report of zeros, every cell a blank-cell warning', async () => {
    const draft = await readDocxDraft(template);
    expect(draft.cells.size).toBe(200);
    expect([...draft.cells.values()].every((v) => v.trim() === '')).toBe(true);
    const { report, diagnostics } = finishDraft(draft, { year: 2025 });
    expect(report.formatVersion).toBe('2021');
    expect(report.agency).toBeNull();
    expect(CELL_PATHS.every((path) => getCell(report, path) === 0)).toBe(true);
    expect(diagnostics.every((d) => d.rule === 'blank-cell' && d.severity === 'warning')).toBe(true);
    expect(diagnostics.flatMap((d) => d.cells).sort()).toEqual([...CELL_PATHS].sort());
    expect(report.text).toEqual({
      overview: '（文字描述）',
      problems: '（文字描述）',
      other: '（文字描述，收取信息处理费情况在此处报告。）',
    });
  });

  it('without a year: ReadError saying the year is missing (the template states none)', async () => {
    const draft = await readDocxDraft(template);
    expect(draft.title).toBe('政府信息公开工作年度报告格式模板');
    expect(() => finishDraft(draft)).toThrow(/无法确定报告年度/);
    await expect(checkData(template, 'template.docx')).rejects.toBeInstanceOf(ReadError);
  });

  it('gives the same table rows as mammoth, which keeps Word merges as rowspan/colspan too', async () => {
    const ours = documentHtml(documentXml(template));
    const theirs = (await mammoth.convertToHtml({ buffer: template })).value;
    expect(tablesOf(ours)).toEqual(tablesOf(theirs));
    expect(theirs).toContain('rowspan="22"');
  });
});

function documentXml(docx: Buffer): string {
  const entry = zipEntries(docx).get('word/document.xml');
  return entry ? new TextDecoder().decode(readEntry(docx, entry)) : '';
}

/** Label and value cells of every table row, as the grid reads them. */
function tablesOf(html: string): string[] {
  const $ = load(html);
  return $('table')
    .toArray()
    .flatMap((t) => gridRows(tableRows(t as unknown as DomNode)))
    .map((r) => `${r.label.join('|').replace(/\s+/g, '')} = ${r.values.join('|')}`);
}

describe('a report written in Word with merged cells', () => {
  it('reads every cell, year, agency and sections back', async () => {
    const data = await huaianDocx();
    const { report, diagnostics } = await checkData(data, 'huaian.docx');
    const expected = huaianReport();
    for (const path of CELL_PATHS) expect([path, getCell(report, path)]).toEqual([path, getCell(expected, path)]);
    expect(report.year).toBe(2024);
    expect(report.agency).toBe('淮安市人民政府');
    expect(report.publishedOn).toBeNull();
    // The two printed title lines are joined; the stale stored title (2023) is not used.
    expect((await readDocxDraft(data)).title).toBe('淮安市人民政府2024年政府信息公开工作年度报告');
    expect(report.text).toEqual({
      overview: '2024年，全市共受理政府信息公开申请3119件，答复3050件。',
      problems: '政策解读质量仍需提升。',
      other: '全年收取政府信息公开信息处理费3940元。',
    });
    expect(diagnostics).toEqual([]);
  });
});

describe('the title stored in docProps/core.xml', () => {
  it('gives the year and agency when the body prints no title', async () => {
    const doc = new Document({
      title: '示例县教育局2024年政府信息公开工作年度报告',
      sections: [
        {
          children: [
            new Table({
              rows: [row(cell('一、本年新收政府信息公开申请数量'), ...values([1, 0, 0, 0, 0, 0, 1]))],
            }),
          ],
        },
      ],
    });
    const draft = await readDocxDraft(await Packer.toBuffer(doc));
    expect(draft.title).toBe('示例县教育局2024年政府信息公开工作年度报告');
    const { report } = finishDraft(draft);
    expect([report.year, report.agency, report.requests.received.total]).toEqual([2024, '示例县教育局', 1]);
  });
});

describe('files that are not readable Word reports', () => {
  const reason = async (data: Uint8Array) => {
    try {
      await readDocxDraft(data);
    } catch (e) {
      expect(e).toBeInstanceOf(ReadError);
      return (e as Error).message;
    }
    throw new Error('expected a ReadError');
  };

  it('a truncated (corrupt) docx', async () => {
    const data = await huaianDocx();
    expect(await reason(data.subarray(0, data.length - 200))).toMatch(/^Word（\.docx）文件已损坏/);
  });

  it('a zip that is not a Word document', async () => {
    expect(await reason(storedZip({ 'readme.txt': 'hello' }))).toMatch(/没有 Word 正文/);
    expect(await reason(storedZip({ 'xl/workbook.xml': '<workbook/>' }))).toMatch(/Excel/);
  });

  it('an encrypted docx (OLE container with EncryptedPackage), an old .doc, a zip-encrypted entry', async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const encrypted = Buffer.from(ole);
    Buffer.from('EncryptedPackage', 'utf16le').copy(encrypted, 1024);
    expect(await reason(encrypted)).toMatch(/已加密/);
    expect(await reason(ole)).toMatch(/\.doc/);
    await expect(checkData(encrypted, 'report.docx')).rejects.toThrow(/已加密/);
    expect(await reason(storedZip({ 'word/document.xml': '<w:document/>' }, 1))).toMatch(/已加密/);
  });

  it('a document whose XML is broken is a ReadError or an empty draft, never another exception', async () => {
    const data = storedZip({ 'word/document.xml': '<w:document><w:body><w:p><w:r><w:t>半截' });
    const draft = await readDocxDraft(data);
    expect(() => finishDraft(draft)).toThrow(ReadError);
  });
});

describe('documentHtml', () => {
  const w = (body: string) =>
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const tc = (text: string, props = '') =>
    `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

  it('turns vMerge into rowspan and gridSpan into colspan, honouring gridBefore', () => {
    const html = documentHtml(
      w(
        `<w:tbl><w:tr>${tc('A', '<w:vMerge w:val="restart"/>')}${tc('B', '<w:gridSpan w:val="2"/>')}</w:tr>` +
          `<w:tr>${tc('', '<w:vMerge/>')}${tc('C')}${tc('D')}</w:tr>` +
          `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('E')}${tc('F')}</w:tr></w:tbl>`,
      ),
    );
    expect(html).toBe(
      '<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>C</td><td>D</td></tr><tr><td>E</td><td>F</td></tr></table>',
    );
  });

  it('keeps insertions and content controls, drops deletions, field codes and escapes text', () => {
    const html = documentHtml(
      w(
        '<w:sdt><w:sdtContent><w:p><w:r><w:t>一、</w:t></w:r><w:ins><w:r><w:t>总体</w:t></w:r></w:ins>' +
          '<w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r>' +
          '<w:r><w:t xml:space="preserve">情况 &lt;1&gt;</w:t><w:br/><w:t>下行</w:t></w:r></w:p></w:sdtContent></w:sdt>',
      ),
    );
    expect(html).toBe('<p>一、总体情况 &lt;1&gt;<br>下行</p>');
  });
});
