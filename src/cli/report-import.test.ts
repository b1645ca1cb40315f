// `gongkai report import` on every engine: the seed report (a text file stating 2024 but no publication date) is
// imported for an agency named by its short name with --published-on, stored as published and imported, with its
// diagnostics printed; an unreadable file exits 2 with the reason, a refused import (a year compiled in the system,
// no publication date) exits 1, bad arguments exit 2 naming the argument.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildAgencyInput, buildUser, CLI, TEST_SECURITY, testClock, testContext } from '../../test/platform.ts';
import type { Agency } from '../agencies/model.ts';
import { createAgency } from '../agencies/service.ts';
import { findReport } from '../annual/repository.ts';
import { saveTexts } from '../annual/service.ts';
import type { Config } from '../config.ts';
import type { Context } from '../context.ts';
import { memoryIo } from './io.ts';
import { runCli } from './main.ts';
import { reportImportCommand } from './report-import.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = join(root, 'test/fixtures/seed/000_c1efcce95eb0748a.txt');

forEachEngine((_engine, getDb, getTest) => {
  let ctx: Context;
  let config: Config;
  let agency: Agency;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
  beforeAll(async () => {
    ctx = testContext(getDb(), testClock('2026-02-10T02:00:00.000Z'));
    config = { database: getTest().config, security: TEST_SECURITY };
    agency = await createAgency(CLI, ctx, buildAgencyInput({ name: '测试市导入测试局', shortName: '导入局' }));
  });
  const run = async (...args: string[]) => {
    const io = memoryIo();
    const code = await reportImportCommand(args, io, { config, clock: () => new Date('2026-02-10T02:00:00Z') });
    return { code, out: io.out, err: io.err };
  };

  it('imports a report published before the system, printing it and its diagnostics', async () => {
    const missingDate = await run(seed, '--agency', '导入局');
    expect(missingDate.code).toBe(1);
    expect(missingDate.err).toContain('发布日期：文件中未写明发布日期，请填写');
    expect(await findReport(ctx.db.kysely, agency.id, 2024)).toBeUndefined();

    const r = await run(seed, '--agency', '导入局', '--published-on', '2025-01-22');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已导入 测试市导入测试局 2024年度报告（发布日期 2025-01-22），状态为已发布');
    expect(r.out).toMatch(/检查(未发现问题|发现 \d+ 个错误、\d+ 个警告)/);
    const record = await findReport(ctx.db.kysely, agency.id, 2024);
    expect(record).toMatchObject({ status: 'published', origin: 'imported', publishedOn: '2025-01-22' });
    expect(record?.sourceName).toBe('000_c1efcce95eb0748a.txt');
    expect(record?.snapshot).toMatchObject({ year: 2024, agency: '测试市导入测试局' });
  });

  it('refuses a year compiled in the system (exit 1) and unreadable files (exit 2)', async () => {
    const handler = (await buildUser(ctx, 'handler', agency.id)).actor;
    await saveTexts(handler, ctx, agency.id, 2023, { problems: '草稿' });
    const text = join(dir, 'r2023.txt');
    writeFileSync(text, '这是一份没有表格的文件');
    const unreadable = await run(text, '--agency', '导入局', '--year', '2023', '--published-on', '2024-01-20');
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toContain('gongkai: 无法导入：文件中没有找到政府信息公开工作年度报告的统计表格');
    const missing = await run(join(dir, 'nope.docx'), '--agency', '导入局');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法读取文件');
    const json = join(dir, 'r2023.json');
    const earlier = (await findReport(ctx.db.kysely, agency.id, 2024))?.snapshot;
    writeFileSync(json, JSON.stringify({ ...earlier, year: 2023 }));
    const compiled = await run(json, '--agency', String(agency.id));
    expect(compiled.code).toBe(1);
    expect(compiled.err).toContain('2023年度报告已在本系统中编制，不能用导入的文件替换');
  });

  it('exits 2 on bad arguments, naming the argument', async () => {
    const cases: [string[], string][] = [
      [['--agency', '导入局'], '请指定要导入的报告文件'],
      [[seed], '缺少 --agency'],
      [[seed, '--agency', '导入局', '--year', '24'], '--year 应为2008至2100之间的年份，收到“24”'],
      [[seed, '--agency', '导入局', '--published-on', '2025-02-30'], '--published-on 应为YYYY-MM-DD格式的日期'],
      [[seed, '--agency', '没有这个局'], '--agency：找不到机构“没有这个局”'],
      [[seed, '--agency', '导入局', '--bogus'], '参数有误'],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(message);
      expect(r.out).toBe('');
    }
  });
});

it('is reached through `gongkai report import` and listed in the usage', async () => {
  const io = memoryIo();
  expect(await runCli(['report', 'import'], io)).toBe(2);
  expect(io.err).toContain('请指定要导入的报告文件');
  const help = memoryIo();
  await runCli(['help'], help);
  expect(help.out).toContain('gongkai report import 文件 --agency 机构');
});
