// `gongkai catalog import` on every engine: a good file is imported and listed; a file with a bad row imports
// nothing, names the line and exits 1; --check writes nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildAgencyInput, CLI, TEST_SECURITY, testContext } from '../../test/platform.ts';
import { createAgency } from '../agencies/service.ts';
import { listPublished } from '../catalog/queries.ts';
import type { Config } from '../config.ts';
import type { Context } from '../context.ts';
import { catalogImportCommand } from './catalog-import.ts';
import { memoryIo } from './io.ts';

forEachEngine((_engine, getDb, getTest) => {
  let ctx: Context;
  let config: Config;
  let agencyId: number;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
  beforeAll(async () => {
    ctx = testContext(getDb(), () => new Date());
    config = { database: getTest().config, security: TEST_SECURITY };
    agencyId = (await createAgency(CLI, ctx, buildAgencyInput({ name: '淮安市导入测试局' }))).id;
  });
  const count = async () => (await listPublished(ctx, { agencyId })).total;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('checks, then imports a CSV, printing the report', async () => {
    const path = file(
      'ok.csv',
      '索引号,标题,成文日期,发布日期,信息类别\nCLI-1,测试文件,2024-01-02,2024-01-03,其他文件\n',
    );
    const check = memoryIo();
    expect(await catalogImportCommand([path, '--agency', String(agencyId), '--check'], check, { config })).toBe(0);
    expect(check.out).toContain('检查通过：可导入 1 条信息');
    expect(await count()).toBe(0);
    const io = memoryIo();
    expect(await catalogImportCommand([path, '--agency', '淮安市导入测试局'], io, { config })).toBe(0);
    expect(io.out).toContain('已导入 1 条信息');
    expect(io.out).toContain('CLI-1');
    expect(await count()).toBe(1);
  });

  it('exits 1 naming the bad line, importing nothing', async () => {
    const path = file(
      'bad.csv',
      '索引号,标题,成文日期,发布日期,信息类别\nCLI-2,好的,2024-01-02,2024-01-03,其他文件\nCLI-3,坏的,2024-01-02,不知道,其他文件\n',
    );
    const io = memoryIo();
    expect(await catalogImportCommand([path, '--agency', String(agencyId)], io, { config })).toBe(1);
    expect(io.out).toContain('第3行“发布日期”列');
    expect(await count()).toBe(1);
  });

  it('asks for the agency', async () => {
    const io = memoryIo();
    expect(await catalogImportCommand([join(dir, 'ok.csv')], io, { config })).toBe(2);
    expect(io.err).toContain('--agency');
  });
});
