// Yearly figures on every engine: entered exactly (万元 to the 分), corrected with before/after in the audit log,
// refused to whoever may not set the agency; imported all-or-nothing from CSV and XLSX with rejected rows named.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, CLI, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import type { Context } from '../context.ts';
import { importFigures } from './import.ts';
import { centsToNumber, centsToText, parseWan } from './model.ts';
import { listFigures, saveFigures } from './service.ts';

describe('万元 amounts', () => {
  it('are parsed and printed exactly, to two decimals', () => {
    expect(parseWan('18651.06')).toBe(1865106);
    expect(parseWan('１８,６５１.０６')).toBe(1865106);
    expect(parseWan('12.5')).toBe(1250);
    expect(parseWan('0')).toBe(0);
    expect(parseWan('1.234')).toBeNull();
    expect(parseWan('-1')).toBeNull();
    expect(centsToText(1865106)).toBe('18651.06');
    expect(centsToText(1250)).toBe('12.5');
    expect(centsToText(7)).toBe('0.07');
    expect(centsToNumber(1865106)).toBe(18651.06);
  });
});

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let tree: Awaited<ReturnType<typeof buildHierarchy>>;
  let admin: Actor;
  let handler: Actor;
  beforeAll(async () => {
    ctx = testContext(getDb());
    tree = await buildHierarchy(ctx);
    admin = (await buildUser(ctx, 'agencyAdmin', tree.department.id)).actor;
    handler = (await buildUser(ctx, 'handler', tree.department.id)).actor;
  });
  const k = () => getDb().kysely;
  const lastAudit = () =>
    k().selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

  it('enters and corrects a year, keeping 万元 exact, with who, when and the source', async () => {
    const input = {
      year: '2024',
      licensing: '1,234',
      punishment: 56,
      coercion: '0',
      fees: '18651.06',
      source: '本机关行政审批系统导出',
    };
    const saved = await saveFigures(admin, ctx, tree.department.id, input);
    expect(saved).toMatchObject({
      year: 2024,
      licensing: 1234,
      punishment: 56,
      coercion: 0,
      feesCents: 1865106,
      fees: '18651.06',
      source: '本机关行政审批系统导出',
      enteredBy: admin.name,
      enteredById: admin.id,
    });
    const row = await k().selectFrom('yearly_figures').selectAll().executeTakeFirstOrThrow();
    expect(Number(row.fees_cents_wan)).toBe(1865106);
    await saveFigures(admin, ctx, tree.department.id, { ...input, punishment: '57' });
    const audit = await lastAudit();
    expect(audit.action).toBe('figures.save');
    expect(JSON.parse(audit.summary)).toMatchObject({ before: { punishment: 56 }, after: { punishment: 57 } });
    const list = await listFigures(handler, ctx, tree.department.id);
    expect(list.map((f) => [f.year, f.punishment])).toEqual([[2024, 57]]);
  });

  it('names the field of bad input, and refuses who may not set the agency', async () => {
    const good = { year: 2023, licensing: 1, punishment: 1, coercion: 1, fees: '1', source: '手工统计' };
    await expect(saveFigures(admin, ctx, tree.department.id, { ...good, fees: '1.234' })).rejects.toThrow(
      /^行政事业性收费（万元）：“1.234”不是以万元为单位、最多两位小数的金额/,
    );
    await expect(saveFigures(admin, ctx, tree.department.id, { ...good, licensing: '-3' })).rejects.toThrow(
      '行政许可（本年处理决定数量）：“-3”不是不小于0的整数',
    );
    await expect(saveFigures(admin, ctx, tree.department.id, { ...good, coercion: '' })).rejects.toThrow(
      '行政强制（本年处理决定数量）：必须填写（没有的填0）',
    );
    await expect(saveFigures(admin, ctx, tree.department.id, { ...good, source: ' ' })).rejects.toThrow('数据来源');
    await expect(saveFigures(handler, ctx, tree.department.id, good)).rejects.toThrow('无权修改该机构的设置');
    await expect(saveFigures(admin, ctx, tree.government.id, good)).rejects.toThrow('无权修改该机构的设置');
  });

  it('imports a CSV of several agencies and years in one transaction', async () => {
    const csv =
      '\uFEFF机构,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）,数据来源\n' +
      `${tree.government.name},2024,10,2,1,18651.06,审批系统\n` +
      `${tree.government.creditCode},2023,9,0,0,0,\n` +
      `${tree.unit.id},2024,3,4,5,0.5,执法平台\n`;
    const data = new TextEncoder().encode(csv);
    const checked = await importFigures(CLI, ctx, { name: 'figures.csv', data }, { check: true });
    expect(checked.rejected).toEqual([]);
    expect(checked.figures).toHaveLength(3);
    expect(await listFigures(CLI, ctx, tree.government.id)).toEqual([]);
    const report = await importFigures(CLI, ctx, { name: 'figures.csv', data });
    expect(report.imported).toBe(3);
    const gov = await listFigures(CLI, ctx, tree.government.id);
    expect(gov.map((f) => [f.year, f.fees, f.source])).toEqual([
      [2024, '18651.06', '审批系统'],
      [2023, '0', '导入：figures.csv'],
    ]);
    expect((await lastAudit()).action).toBe('figures.import');
  });

  it('imports nothing when any row is wrong, naming line and column', async () => {
    const csv =
      '机构,年度,行政许可,行政处罚,行政强制,行政事业性收费(万元)\n' +
      `${tree.other.name},2022,1,1,1,1\n` +
      '没有这个机构,2022,1,1,1,1\n' +
      `${tree.other.name},2022,1,x,1,1\n` +
      `${tree.other.name},2021,1,1,1,1.999\n` +
      `${tree.other.name},2022,2,2,2,2\n`;
    const report = await importFigures(CLI, ctx, { name: 'bad.csv', data: new TextEncoder().encode(csv) });
    expect(report.imported).toBe(0);
    expect(report.rejected.map((r) => [r.line, r.column])).toEqual([
      [3, '机构'],
      [4, '行政处罚'],
      [5, '行政事业性收费(万元)'],
      [6, '年度'],
    ]);
    expect(report.rejected[0]?.reason).toBe('找不到机构“没有这个机构”');
    expect(report.rejected[3]?.reason).toBe(`${tree.other.name}2022年度的数据与第2行重复`);
    expect(await listFigures(CLI, ctx, tree.other.id)).toEqual([]);
    const yuan = await importFigures(CLI, ctx, {
      name: 'yuan.csv',
      data: new TextEncoder().encode('机构,年度,行政许可,行政处罚,行政强制,行政事业性收费（元）\n'),
    });
    expect(yuan.rejected[0]).toMatchObject({ line: 1, column: '行政事业性收费（元）' });
    const agencyAdmin = await importFigures(admin, ctx, {
      name: 'other.csv',
      data: new TextEncoder().encode(
        `机构,年度,行政许可,行政处罚,行政强制,行政事业性收费\n${tree.other.id},2024,1,1,1,1\n`,
      ),
    });
    expect(agencyAdmin.rejected).toEqual([{ line: 2, column: '机构', reason: `无权修改${tree.other.name}的年度数据` }]);
  });

  it('imports an XLSX', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('年度数据');
    sheet.addRow(['机构', '年度', '行政许可', '行政处罚', '行政强制', '行政事业性收费（万元）']);
    sheet.addRow([tree.other.name, 2025, 7, 8, 9, 123.45]);
    const data = new Uint8Array(await book.xlsx.writeBuffer());
    const report = await importFigures(CLI, ctx, { name: 'figures.xlsx', data });
    expect(report).toMatchObject({ format: 'xlsx', imported: 1, rejected: [] });
    const [f] = await listFigures(CLI, ctx, tree.other.id);
    expect(f).toMatchObject({ year: 2025, licensing: 7, punishment: 8, coercion: 9, fees: '123.45' });
  });
});
