// `gongkai report compile` on every engine: the agency named by id, name, short name or credit code; JSON valid
// against the schema on stdout by default; other formats to a file; bad arguments exit 2 naming the argument.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildAgencyInput, buildUser, CLI, TEST_SECURITY, testClock, testContext } from '../../test/platform.ts';
import type { Agency } from '../agencies/model.ts';
import { createAgency } from '../agencies/service.ts';
import { setReplyReview } from '../applications/review.ts';
import { decide } from '../applications/service.ts';
import type { Config } from '../config.ts';
import type { Context } from '../context.ts';
import { saveFigures } from '../figures/service.ts';
import { schemaErrors } from '../report/schema.ts';
import { memoryIo } from './io.ts';
import { runCli } from './main.ts';
import { reportCompileCommand } from './report-compile.ts';

forEachEngine((_engine, getDb, getTest) => {
  let ctx: Context;
  let config: Config;
  let agency: Agency;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-compile-'));
  beforeAll(async () => {
    ctx = testContext(getDb(), testClock('2026-01-10T02:00:00.000Z'));
    config = { database: getTest().config, security: TEST_SECURITY };
    const parent = await createAgency(CLI, ctx, buildAgencyInput());
    agency = await createAgency(
      CLI,
      ctx,
      buildAgencyInput({ name: '测试市编译测试局', shortName: '编译局', kind: 'department', parentId: parent.id }),
    );
    await setReplyReview(CLI, ctx, agency.id, false);
    const handler = (await buildUser(ctx, 'handler', agency.id)).actor;
    const { application } = await buildApplication(ctx, handler, agency.id, { receivedOn: '2025-03-03' });
    await decide(handler, ctx, application.id, 'granted', '2025-03-10');
    await buildApplication(ctx, handler, agency.id, { receivedOn: '2025-12-30' });
    await saveFigures(CLI, ctx, agency.id, {
      year: 2025,
      licensing: 3,
      punishment: 2,
      coercion: 1,
      fees: '18651.06',
      source: '本机关行政审批系统导出',
    });
  });
  const compile = async (...args: string[]) => {
    const io = memoryIo();
    const code = await reportCompileCommand(args, io, { config });
    return { code, out: io.out, err: io.err };
  };

  it('prints the compiled report as JSON valid against the schema, whichever way the agency is named', async () => {
    const byId = await compile('--agency', String(agency.id), '--year', '2025');
    expect(byId.code).toBe(0);
    const report = JSON.parse(byId.out);
    expect(schemaErrors(report)).toEqual([]);
    expect(report).toMatchObject({ agency: '测试市编译测试局', year: 2025, formatVersion: '2021', publishedOn: null });
    expect(report.proactive.feesTenThousandYuan).toBe(18651.06);
    expect(report.requests.received.naturalPerson).toBe(2);
    expect(report.requests.granted.total).toBe(1);
    expect(report.requests.carriedForward.total).toBe(1);
    for (const key of ['测试市编译测试局', '编译局', agency.creditCode as string]) {
      const r = await compile('--agency', key, '--year', '2025');
      expect(r.code, key).toBe(0);
      expect(JSON.parse(r.out)).toEqual(report);
    }
  });

  it('renders other formats to a file', async () => {
    const md = await compile('--agency', '编译局', '--year', '2025', '--to', 'md');
    expect(md.code).toBe(0);
    expect(md.out).toContain('测试市编译测试局');
    const path = join(dir, 'report.xlsx');
    const xlsx = await compile('--agency', '编译局', '--year', '2025', '--to', 'xlsx', '-o', path);
    expect(xlsx.code).toBe(0);
    expect(xlsx.err).toContain(`已生成 ${path}`);
    expect([...readFileSync(path).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('exits 2 on bad arguments, naming the argument', async () => {
    const cases: [string[], string][] = [
      [['--year', '2025'], '缺少 --agency'],
      [['--agency', '编译局'], '缺少 --year'],
      [['--agency', '编译局', '--year', '25'], '--year 应为2008至2100之间的年份，收到“25”'],
      [['--agency', '编译局', '--year', '2025', '--to', 'rtf'], '--to 应为 json、html、docx、pdf、md、xlsx 之一'],
      [['--agency', '没有这个局', '--year', '2025'], '--agency：找不到机构“没有这个局”'],
      [['--agency', '编译局', '--year', '2025', '--bogus'], '参数有误'],
    ];
    for (const [args, message] of cases) {
      const r = await compile(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(message);
      expect(r.out).toBe('');
    }
  });
});

it('is reached through `gongkai report compile` and listed in the usage', async () => {
  const io = memoryIo();
  expect(await runCli(['report', 'compile', '--year', '2025'], io)).toBe(2);
  expect(io.err).toContain('缺少 --agency');
  const help = memoryIo();
  await runCli(['help'], help);
  expect(help.out).toContain('gongkai report compile --agency 机构 --year 年度');
});
