import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { CLI, TEST_SECURITY, testContext } from '../../test/platform.ts';
import { enterCalendarYear } from '../calendar/service.ts';
import type { DatabaseConfig } from '../config.ts';
import { deadlineCommand } from './deadline.ts';
import { memoryIo } from './io.ts';
import { runCli } from './main.ts';

const run = async (args: string[], database: DatabaseConfig) => {
  const io = memoryIo();
  const code = await deadlineCommand(args, io, { config: { database, security: TEST_SECURITY } });
  return { code, out: io.out, err: io.err };
};

describe('gongkai deadline without a database (bundled calendar)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-deadline-'));
  const missing: DatabaseConfig = { engine: 'sqlite', file: join(dir, 'none.db') };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the 20th working day after the date', async () => {
    expect(await run(['2025-09-29'], missing)).toEqual({ code: 0, out: '2025-11-03\n', err: '' });
    expect(await run(['2025-01-24', '--days', '5'], missing)).toMatchObject({ code: 0, out: '2025-02-07\n' });
    expect(await run(['2025-09-29', '--days=0'], missing)).toMatchObject({ code: 0, out: '2025-09-29\n' });
  });

  it('does not create the database file', async () => {
    await run(['2025-09-29'], missing);
    expect(await import('node:fs').then((fs) => fs.existsSync(missing.file))).toBe(false);
  });

  it('exits 2 with the reason for a year without calendar data', async () => {
    expect(await run(['2026-12-20'], missing)).toEqual({
      code: 2,
      out: '',
      err: 'gongkai: 2027年的节假日安排尚未录入，无法计算期限\n',
    });
  });

  it('exits 2 naming a bad argument', async () => {
    expect(await run(['2025-02-30'], missing)).toMatchObject({
      code: 2,
      err: 'gongkai: 日期参数“2025-02-30”无效，应为 YYYY-MM-DD 格式的日期，如 2025-09-29\n',
    });
    expect(await run(['2025-09-29', '--days', 'x'], missing)).toMatchObject({
      code: 2,
      err: 'gongkai: 参数 --days“x”无效，应为0至1000之间的整数\n',
    });
    const none = await run([], missing);
    expect(none.code).toBe(2);
    expect(none.err).toContain('gongkai: 缺少日期');
  });

  it('is listed in the usage', async () => {
    const io = memoryIo();
    expect(await runCli(['help'], io)).toBe(0);
    expect(io.out).toContain('gongkai deadline DATE [--days N]');
  });
});

forEachEngine((_engine, getDb, getTest) => {
  it('uses the calendar from the database when there is one', async () => {
    await enterCalendarYear(CLI, testContext(getDb()), {
      year: 2027,
      source: '示例',
      complete: true,
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-04', kind: 'holiday', name: '元旦' },
      ],
    });
    expect(await run(['2026-12-30', '--days', '2'], getTest().config)).toEqual({
      code: 0,
      out: '2027-01-05\n',
      err: '',
    });
  });
});
