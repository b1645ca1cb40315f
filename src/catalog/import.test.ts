// Importing an existing catalogue: CSV (UTF-8 with BOM, GBK) and XLSX with Chinese headers become published items
// with their 索引号 and dates; one bad row means nothing is imported and the row is named; check mode writes nothing.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPublishedItem } from '../../test/catalog.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { listAuditEntries } from '../audit/query.ts';
import type { Context } from '../context.ts';
import { parseCsv } from '../tables/table-file.ts';
import { validityCounts } from './counts.ts';
import { importCatalog, normaliseDate, reportLines, seqOfIndexNo } from './import.ts';
import { listPublished, publicItem } from './queries.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

/** GBK bytes of a text: the test writes the few characters it needs through a GB18030 round trip table. */
function gbk(text: string): Uint8Array {
  // Build the table by decoding every two-byte GBK sequence once (TextDecoder knows GB18030; Node has no encoder).
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

const HEADER = '索引号,标题,文号,发布机构,成文日期,发布日期,主题分类,信息类别,效力状态,废止日期,正文';

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let agencyId: number;
  let publisher: Actor;
  let reviewer: Actor;
  let outsider: Actor;
  let credit: string;
  beforeAll(async () => {
    ctx = testContext(getDb());
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    credit = tree.department.creditCode as string;
    publisher = (await buildUser(ctx, 'publisher', agencyId)).actor;
    reviewer = (await buildUser(ctx, 'reviewer', agencyId)).actor;
    outsider = (await buildUser(ctx, 'publisher', tree.other.id)).actor;
  });

  const count = async () => (await listPublished(ctx, { agencyId, pageSize: 100 })).total;

  describe('reading', () => {
    it('parses quoted CSV fields with commas, quotes and line breaks, remembering each record’s line', () => {
      const rows = parseCsv('a,b\r\n"x, y","第一行\n第二行"\n"say ""hi""",z\n');
      expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
      expect(rows[1]?.cells).toEqual(['x, y', '第一行\n第二行']);
      expect(rows[2]?.cells).toEqual(['say "hi"', 'z']);
    });

    it('reads the dates catalogues write', () => {
      expect(normaliseDate('2025/9/1')).toBe('2025-09-01');
      expect(normaliseDate('2025年9月1日')).toBe('2025-09-01');
      expect(normaliseDate('2025.09.01')).toBe('2025-09-01');
      expect(normaliseDate('20250901')).toBe('2025-09-01');
    });
  });

  describe('importing', () => {
    it('imports a UTF-8 CSV (with BOM) as published items keeping 索引号 and dates, in one audited transaction', async () => {
      const csv = [
        HEADER,
        'IMP-2024-00001,测试市关于加强档案管理的规定,测政规〔2024〕1号,,2024-03-01,2024/3/5,综合政务,行政规范性文件,有效,,"第一条 为加强档案管理，制定本规定。"',
        'IMP-2024-00002,测试市旧办法,测政规〔2020〕9号,测试市人民政府,2020-01-10,2020年1月15日,综合政务,行政规范性文件,废止,2024-06-30,已废止。',
        'IMP-2024-00003,关于2024年春节假期安排的通知,,,2024-01-20,2024-01-22,综合政务,通知公告,,,放假通知',
      ].join('\r\n');
      const before = await count();
      const report = await importCatalog(publisher, ctx, agencyId, { name: '目录.csv', data: withBom(csv) });
      expect(report.rejected).toEqual([]);
      expect(report.imported).toBe(3);
      expect(await count()).toBe(before + 3);
      const first = report.items[0];
      const item = (await publicItem(ctx, first?.id as number))?.item;
      expect(item).toMatchObject({
        indexNo: 'IMP-2024-00001',
        status: 'published',
        kind: 'normative',
        formedOn: '2024-03-01',
        publishedOn: '2024-03-05',
        validity: 'valid',
      });
      const repealed = await publicItem(ctx, report.items[1]?.id as number);
      expect(repealed?.item.validity).toBe('repealed');
      expect(repealed?.validityChanges.map((v) => v.onDate)).toEqual(['2024-06-30']);
      const counts = await validityCounts(ctx.db.kysely, agencyId, 2024);
      expect(counts.normativeDocuments.issued).toBeGreaterThanOrEqual(1);
      expect(counts.normativeDocuments.repealed).toBeGreaterThanOrEqual(1);
      const sysadmin = (await buildUser(ctx, 'sysadmin', null)).actor;
      const audit = await listAuditEntries(sysadmin, ctx, { objectType: 'agency', objectId: agencyId });
      const entries = audit.entries.filter((e) => e.action === 'catalog.import');
      expect(entries).toHaveLength(1);
      expect(JSON.stringify(entries[0]?.summary)).toContain(report.sha256);
      expect(reportLines(report).join('\n')).toContain('已导入 3 条信息');
    });

    it('rejects the whole file when one row is bad, naming the line and the column; nothing is imported', async () => {
      const csv = [
        HEADER,
        'IMP-BAD-1,一份好的文件,,,2024-03-01,2024-03-05,综合政务,其他文件,,,正文',
        'IMP-BAD-2,一份日期错的文件,,,2024-03-01,2024-02-30,综合政务,其他文件,,,正文',
        'IMP-2024-00001,与已有索引号重复,,,2024-03-01,2024-03-05,综合政务,其他文件,,,正文',
        'IMP-BAD-4,,,,2024-03-01,2024-03-05,综合政务,其他文件,,,正文',
      ].join('\n');
      const before = await count();
      const report = await importCatalog(publisher, ctx, agencyId, { name: 'bad.csv', data: utf8(csv) });
      expect(report.imported).toBe(0);
      expect(report.rejected.map((r) => [r.line, r.column])).toEqual([
        [3, '发布日期'],
        [4, '索引号'],
        [5, '标题'],
      ]);
      expect(report.rejected[1]?.reason).toContain('已被系统中的信息');
      expect(await count()).toBe(before);
      expect(reportLines(report).join('\n')).toContain('第3行“发布日期”列');
    });

    it('checks without importing', async () => {
      const csv = `${HEADER}\nIMP-CHECK-1,只检查的文件,,,2024-03-01,2024-03-05,综合政务,其他文件,,,正文\n`;
      const before = await count();
      const report = await importCatalog(publisher, ctx, agencyId, { name: 'c.csv', data: utf8(csv) }, { check: true });
      expect(report.rejected).toEqual([]);
      expect(report.items).toHaveLength(1);
      expect(report.imported).toBe(0);
      expect(await count()).toBe(before);
    });

    it('reads GBK CSV and header variants, generating an 索引号 where none is given', async () => {
      const csv =
        '名称,发文字号,公开日期,类别\r\n测试市关于印发工作要点的通知,测政发〔2023〕5号,2023-04-01,其他文件\r\n';
      const report = await importCatalog(publisher, ctx, agencyId, { name: 'gbk.csv', data: gbk(csv) });
      expect(report.rejected).toEqual([]);
      const item = (await publicItem(ctx, report.items[0]?.id as number))?.item;
      expect(item?.title).toBe('测试市关于印发工作要点的通知');
      expect(item?.docNo).toBe('测政发〔2023〕5号');
      expect(item?.formedOn).toBe('2023-04-01');
      expect(item?.indexNo).toMatch(/\/2023-\d{5}$/);
    });

    it('imports an XLSX, linking an interpretation to its policy by 索引号', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('目录');
      sheet.addRow(['索引号', '标题', '成文日期', '发布日期', '信息类别', '所解读的政策', '正文']);
      sheet.addRow([
        'XLSX-1',
        '测试市养老服务补贴办法',
        new Date(Date.UTC(2024, 4, 6)),
        '2024-05-10',
        '行政规范性文件',
        '',
        '<p>第一条</p>',
      ]);
      sheet.addRow([
        'XLSX-2',
        '《养老服务补贴办法》政策解读',
        '2024-05-10',
        '2024-05-10',
        '政策解读',
        'XLSX-1',
        '解读',
      ]);
      const data = new Uint8Array(await book.xlsx.writeBuffer());
      const report = await importCatalog(publisher, ctx, agencyId, { name: '目录.xlsx', data });
      expect(report.rejected).toEqual([]);
      expect(report.format).toBe('xlsx');
      const policy = await publicItem(ctx, report.items[0]?.id as number);
      expect(policy?.item.formedOn).toBe('2024-05-06');
      expect(policy?.item.bodyFormat).toBe('html');
      expect(policy?.interpretations.map((i) => i.title)).toEqual(['《养老服务补贴办法》政策解读']);
    });

    it('names a bad XLSX row by its sheet row', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('目录');
      sheet.addRow(['标题', '发布日期', '信息类别']);
      sheet.addRow(['好的', '2024-05-10', '其他文件']);
      sheet.addRow(['坏的', '2024-05-10', '决定书']);
      const data = new Uint8Array(await book.xlsx.writeBuffer());
      const report = await importCatalog(publisher, ctx, agencyId, { name: 'x.xlsx', data });
      expect(report.rejected).toEqual([{ line: 3, column: '信息类别', reason: expect.stringContaining('决定书') }]);
    });

    it('is refused without catalog.publish, and for another agency', async () => {
      const data = utf8(`${HEADER}\nX,标题,,,2024-01-01,2024-01-02,,,,,\n`);
      await expect(importCatalog(reviewer, ctx, agencyId, { name: 'a.csv', data })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(importCatalog(outsider, ctx, agencyId, { name: 'a.csv', data })).rejects.toMatchObject({
        code: 'forbidden',
      });
    });

    it('moves the 流水号 counter past imported numbers of the agency’s own pattern', async () => {
      expect(seqOfIndexNo({ id: 7, creditCode: 'C', indexPattern: null }, 'C/2024-00050')).toEqual({
        year: 2024,
        seq: 50,
      });
      expect(seqOfIndexNo({ id: 7, creditCode: 'C', indexPattern: 'GK{id}-{year}-{seq:4}' }, 'GK7-2023-0009')).toEqual({
        year: 2023,
        seq: 9,
      });
      expect(seqOfIndexNo({ id: 7, creditCode: 'C', indexPattern: null }, 'X/2024-00050')).toBeNull();
      const csv = `${HEADER}\n${credit}/2022-00050,按本机关规则编号的旧文件,,,2022-01-01,2022-01-02,,其他文件,,,\n`;
      const report = await importCatalog(publisher, ctx, agencyId, { name: 'seq.csv', data: utf8(csv) });
      expect(report.rejected).toEqual([]);
      const next = await buildPublishedItem(
        ctx,
        agencyId,
        { publisher, reviewer },
        { formedOn: '2022-03-01' },
        '2022-03-02',
      );
      expect(next.indexNo).toBe(`${credit}/2022-00051`);
    });

    it('does not take an 索引号 published through the workflow', async () => {
      const item = await buildPublishedItem(ctx, agencyId, { publisher, reviewer });
      const csv = `${HEADER}\n${item.indexNo},重号,,,2024-01-01,2024-01-02,,其他文件,,,\n`;
      const report = await importCatalog(publisher, ctx, agencyId, { name: 'dup.csv', data: utf8(csv) });
      expect(report.rejected[0]).toMatchObject({ line: 2, column: '索引号' });
    });
  });
});
