import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, CLI, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import type { Context } from '../context.ts';
import { parseCalendarFile } from './notice.ts';
import {
  type CalendarChange,
  enterCalendarDay,
  enterCalendarYear,
  getWorkingCalendar,
  importCalendarFile,
  listDays,
  listYears,
  markCalendarYear,
  onCalendarChanged,
} from './service.ts';

// An illustrative 2027 notice (the real one is published around November 2026).
const NOTICE_2027 = `# 2027年节假日安排（示例）
2027-01-01,holiday,元旦
2027-02-06,holiday,春节
2027-02-07,holiday,春节
2027-02-08,holiday,春节
2027-02-09,holiday,春节
2027-02-10,holiday,春节
2027-02-11,holiday,春节
2027-02-12,holiday,春节
2027-02-13,holiday,春节
2027-02-14,workday,春节
2027-02-20,workday,春节
`;

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let handler: Actor;
  beforeAll(async () => {
    ctx = testContext(getDb());
    const tree = await buildHierarchy(ctx);
    handler = (await buildUser(ctx, 'handler', tree.government.id)).actor;
  });
  afterEach(() => {
    onCalendarChanged.length = 0;
  });

  const lastAudit = () =>
    getDb().kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

  it('serves the seeded calendar', async () => {
    const calendar = await getWorkingCalendar(ctx);
    expect(calendar.addWorkingDays('2025-09-29', 20)).toBe('2025-11-03');
    expect(() => calendar.addWorkingDays('2026-12-20', 20)).toThrow('2027年的节假日安排尚未录入，无法计算期限');
  });

  it('imports a year, uses it only once marked complete, and audits each step', async () => {
    const seen: CalendarChange[] = [];
    onCalendarChanged.push((change) => {
      seen.push(change);
    });
    expect(await importCalendarFile(CLI, ctx, NOTICE_2027, { source: '国办发明电〔2026〕示例号' })).toEqual({
      years: [2027],
      days: 11,
    });
    expect(seen.map((c) => c.years)).toEqual([[2027]]);
    expect(seen[0]?.calendar.covers(2027)).toBe(false);
    const imported = await lastAudit();
    expect(imported).toMatchObject({ action: 'calendar.import', object_id: '2027', outcome: 'success' });
    expect(JSON.parse(imported.summary).after['2027'].days[0]).toBe('2027-01-01 节假日 元旦');
    await expect(getWorkingCalendar(ctx).then((c) => c.addWorkingDays('2026-12-20', 20))).rejects.toThrow(
      '2027年的节假日安排尚未录入',
    );

    await markCalendarYear(CLI, ctx, 2027, true);
    expect(seen[1]?.calendar.addWorkingDays('2027-02-05', 1)).toBe('2027-02-14');
    expect(await lastAudit()).toMatchObject({ action: 'calendar.markYear', object_id: '2027' });
    const calendar = await getWorkingCalendar(ctx);
    expect(calendar.addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
    expect((await listYears(ctx)).at(-1)).toEqual({ year: 2027, complete: true, source: '国办发明电〔2026〕示例号' });
  });

  it('enters one day, or replaces the day of that date, keeping the rest of the year and its completeness', async () => {
    const source = '国办发明电〔2028〕示例号';
    await enterCalendarYear(CLI, ctx, {
      year: 2029,
      source,
      days: [{ date: '2029-01-01', kind: 'holiday', name: '元旦' }],
      complete: true,
    });
    const seen: number[][] = [];
    onCalendarChanged.push((change) => {
      seen.push(change.years);
    });
    await enterCalendarDay(CLI, ctx, { date: '2029-02-10', kind: 'holiday', name: '春节', source });
    const days = await enterCalendarDay(CLI, ctx, { date: '2029-01-01', kind: 'holiday', name: '元旦节', source });
    expect(days.map((d) => `${d.date} ${d.name}`)).toEqual(['2029-01-01 元旦节', '2029-02-10 春节']);
    expect((await listDays(ctx, 2029)).map((d) => d.name)).toEqual(['元旦节', '春节']);
    expect((await listYears(ctx)).find((y) => y.year === 2029)).toMatchObject({ complete: true, source });
    expect(seen).toEqual([[2029], [2029]]); // deadlines recomputed after each
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: 'calendar.enterYear', object_id: '2029', outcome: 'success' });
    expect(JSON.parse(entry.summary).before['2029'].days).toEqual(['2029-01-01 节假日 元旦', '2029-02-10 节假日 春节']);

    const problem = (input: Parameters<typeof enterCalendarDay>[2]) =>
      enterCalendarDay(CLI, ctx, input).then(
        () => null,
        (e: { field?: string; message: string }) => [e.field, e.message],
      );
    expect(await problem({ date: '2029-01-02', kind: 'workday', name: '元旦', source })).toEqual([
      'date',
      '日期：2029-01-02不是周六或周日，无需登记为调休工作日',
    ]);
    expect(await problem({ date: '2029-01-02', kind: 'rest', name: '元旦', source })).toEqual([
      'kind',
      '类别：类别“rest”无效（应为 holiday（节假日）或 workday（调休工作日））',
    ]);
    expect(await problem({ date: '2029-01-02', kind: 'holiday', name: ' ', source })).toEqual([
      'name',
      '节日名称：缺少节日名称',
    ]);
    expect(await problem({ date: '2029-01-02', kind: 'holiday', name: '元旦', source: '' })).toEqual([
      'source',
      expect.stringContaining('依据：'),
    ]);
    await expect(
      enterCalendarDay(handler, ctx, { date: '2029-01-02', kind: 'holiday', name: '元旦', source }),
    ).rejects.toThrow('无权维护节假日安排');
    expect((await listDays(ctx, 2029)).map((d) => d.date)).toEqual(['2029-01-01', '2029-02-10']);
  });

  it('re-entering a year replaces its days', async () => {
    await enterCalendarYear(CLI, ctx, {
      year: 2028,
      source: '国办发明电〔2027〕示例号',
      days: [
        { date: '2028-01-01', kind: 'holiday', name: '元旦' },
        { date: '2028-01-03', kind: 'holiday', name: '元旦' },
      ],
      complete: true,
    });
    await enterCalendarYear(CLI, ctx, {
      year: 2028,
      source: '国办发明电〔2027〕示例号',
      days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }],
      complete: true,
    });
    expect((await listDays(ctx, 2028)).map((d) => d.date)).toEqual(['2028-01-01']);
    const entry = JSON.parse((await lastAudit()).summary);
    expect(entry.before['2028'].days).toHaveLength(2);
    expect(entry.after['2028']).toMatchObject({ complete: true, days: ['2028-01-01 节假日 元旦'] });
  });

  it('rejects a bad file as a whole, with line numbers, and changes nothing', async () => {
    const before = await listDays(ctx, 2029);
    const file = '2029-01-01,holiday,元旦\n2029-02-30,holiday,春节\n2029-02-05,workday,春节\n2029-01-01,holiday,元旦\n';
    await expect(importCalendarFile(CLI, ctx, file, { source: '示例' })).rejects.toMatchObject({
      code: 'validation',
      field: 'file',
      message:
        '节假日文件：第2行：日期“2029-02-30”无效（应为 YYYY-MM-DD）；第3行：2029-02-05不是周六或周日，无需登记为调休工作日；' +
        '第4行：日期2029-01-01重复（已见于第1行）',
    });
    expect(await listDays(ctx, 2029)).toEqual(before);
  });

  it('rolls the change back when a listener fails', async () => {
    onCalendarChanged.push(() => {
      throw new Error('recompute failed');
    });
    await expect(
      enterCalendarYear(CLI, ctx, {
        year: 2030,
        source: '示例',
        days: [{ date: '2030-01-01', kind: 'holiday', name: '元旦' }],
      }),
    ).rejects.toThrow('recompute failed');
    expect(await listDays(ctx, 2030)).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: 'calendar.enterYear', outcome: 'failure' });
  });

  it('lets only the system administrator change the calendar', async () => {
    await expect(markCalendarYear(handler, ctx, 2027, false)).rejects.toMatchObject({
      code: 'forbidden',
      message: '无权维护节假日安排',
    });
    expect(await lastAudit()).toMatchObject({ action: 'calendar.manage', outcome: 'failure', object_id: '2027' });
  });

  it('refuses to mark an empty year complete', async () => {
    await expect(markCalendarYear(CLI, ctx, 2031, true)).rejects.toThrow(
      '年份：2031年尚未录入任何节假日，不能标记为录入完毕',
    );
  });
});

describe('the file format', () => {
  it('accepts comments, blank lines, a BOM, Chinese commas and CRLF', () => {
    expect(parseCalendarFile('\uFEFF# 注释\r\n\r\n2027-01-01，holiday，元旦\r\n')).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ]);
  });

  it('names the line of a malformed row and an empty file', () => {
    expect(() => parseCalendarFile('2027-01-01,holiday\n')).toThrow(
      '节假日文件：第1行：应为“日期,类别,名称”三项，如 2027-01-01,holiday,元旦',
    );
    expect(() => parseCalendarFile('# 只有注释\n')).toThrow('节假日文件：文件中没有任何日期');
    expect(() => parseCalendarFile('2027-01-01,休息,元旦\n')).toThrow(
      '第1行：类别“休息”无效（应为 holiday（节假日）或 workday（调休工作日））',
    );
  });
});
