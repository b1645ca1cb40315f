// `gongkai figures import` on every engine: a file of several agencies and years is checked, then imported; a file
// with a bad row imports nothing, names the line and column and exits 1; bad arguments exit 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, CLI, TEST_SECURITY, testContext } from '../../test/platform.ts';
import type { Config } from '../config.ts';
import type { Context } from '../context.ts';
import { listFigures } from '../figures/service.ts';
import { figuresCommand } from './figures.ts';
import { memoryIo } from './io.ts';

forEachEngine((_engine, getDb, getTest) => {
  let ctx: Context;
  let config: Config;
  let tree: Awaited<ReturnType<typeof buildHierarchy>>;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-figures-'));
  beforeAll(async () => {
    ctx = testContext(getDb());
    config = { database: getTest().config, security: TEST_SECURITY };
    tree = await buildHierarchy(ctx);
  });
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const header = '机构,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）,数据来源\n';

  it('checks, then imports figures of several agencies and years', async () => {
    const path = file(
      'ok.csv',
      `${header}${tree.government.name},2024,10,2,1,18651.06,审批系统\n${tree.department.id},2024,3,0,0,0,执法平台\n${tree.department.creditCode},2025,4,1,0,12.5,\n`,
    );
    const check = memoryIo();
    expect(await figuresCommand(['import', path, '--check'], check, { config })).toBe(0);
    expect(check.out).toContain('检查通过：可导入 3 条年度数据');
    expect(await listFigures(CLI, ctx, tree.department.id)).toEqual([]);
    const io = memoryIo();
    expect(await figuresCommand(['import', path], io, { config })).toBe(0);
    expect(io.out).toContain('已导入 3 条年度数据');
    expect(io.out).toContain(`${tree.government.name}\t2024年\t行政许可10\t行政处罚2\t行政强制1\t收费18651.06万元`);
    expect((await listFigures(CLI, ctx, tree.department.id)).map((f) => [f.year, f.fees])).toEqual([
      [2025, '12.5'],
      [2024, '0'],
    ]);
  });

  it('exits 1 naming the bad line and column, importing nothing; 2 on bad arguments', async () => {
    const path = file('bad.csv', `${header}${tree.other.name},2024,1,1,1,1,x\n${tree.other.name},2024,1,1,1,一万,x\n`);
    const io = memoryIo();
    expect(await figuresCommand(['import', path], io, { config })).toBe(1);
    expect(io.out).toContain('第3行“行政事业性收费（万元）”列');
    expect(io.out).toContain('未导入任何数据');
    expect(await listFigures(CLI, ctx, tree.other.id)).toEqual([]);
    const usage = memoryIo();
    expect(await figuresCommand(['import'], usage, { config })).toBe(2);
    expect(usage.err).toContain('请指定要导入的文件');
    expect(await figuresCommand(['export'], memoryIo(), { config })).toBe(2);
  });
});
