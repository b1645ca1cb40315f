import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, forEachEngine, type TestDatabase } from '../../test/engines.ts';
import { TEST_SECURITY } from '../../test/platform.ts';
import { dbCommand } from './db.ts';
import { memoryIo } from './io.ts';
import { runCli } from './main.ts';

forEachEngine((engine) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(engine, { migrate: false });
  });
  afterAll(() => test.dispose());

  it('applies the migrations once, then says the schema is current', async () => {
    const deps = { config: { database: test.config, security: TEST_SECURITY } };
    const first = memoryIo();
    expect(await dbCommand(['migrate'], first, deps)).toBe(0);
    expect(first.out).toMatch(
      /^已升级数据库结构（.*）：0001_foundation、0002_calendar、0003_applications、0004_letters、0005_decision_review、0006_attachments、0007_notifications、0008_catalog、0009_catalog_search、0010_feedback、0011_appeals、0012_yearly_figures、0013_annual_reports、0014_redactions、0015_personal_data_reviews\n$/,
    );
    const second = memoryIo();
    expect(await dbCommand(['migrate'], second, deps)).toBe(0);
    expect(second.out).toMatch(/^数据库结构已是最新/);
    const status = memoryIo();
    expect(await dbCommand(['status'], status, deps)).toBe(0);
    expect(status.out).toMatch(/0001_foundation {2}\d{4}-\d{2}-\d{2}T/);
  });

  it('explains a wrong subcommand in Chinese and exits 2', async () => {
    const io = memoryIo();
    expect(await dbCommand(['upgrade'], io)).toBe(2);
    expect(io.err).toContain('gongkai: 未知的 db 子命令“upgrade”');
    expect(io.err).toContain('gongkai db migrate');
  });
});

it('lists the database commands in the usage', async () => {
  const io = memoryIo();
  expect(await runCli(['help'], io)).toBe(0);
  for (const c of [
    'gongkai db migrate',
    'gongkai user create',
    'gongkai audit verify',
    'gongkai backup',
    'gongkai restore',
  ])
    expect(io.out).toContain(c);
});
