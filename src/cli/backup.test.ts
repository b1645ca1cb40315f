import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testPostgresUrl } from '../../test/engines.ts';
import { buildAgencyInput, CLI, TEST_SECURITY, testContext } from '../../test/platform.ts';
import { createAgency, listAgencies } from '../agencies/service.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../storage/db.ts';
import { KNOWN_MIGRATIONS } from '../storage/migrate.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { memoryIo } from './io.ts';

// Backup and restore are SQLite's (PostgreSQL has pg_dump); this file always runs on SQLite.
describe('backup and restore (SQLite)', () => {
  let test: TestDatabase;
  let dir: string;
  let config: Config;
  beforeAll(async () => {
    test = await createTestDatabase('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
    config = { database: test.config, security: TEST_SECURITY };
    await createAgency(CLI, testContext(test.db), buildAgencyInput({ name: '备份前的机构' }));
  });
  afterAll(async () => {
    await test.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips the database, refusing to overwrite a live one without --force', async () => {
    const file = join(dir, 'backup.db');
    const io = memoryIo();
    expect(await backupCommand([file], io, { config })).toBe(0);
    expect(io.out).toMatch(/^已备份 .* 到 .*backup\.db（\d+ 页）\n$/);
    expect(existsSync(file)).toBe(true);

    // A change after the backup, while the database stays open (a running server).
    await createAgency(CLI, testContext(test.db), buildAgencyInput({ name: '备份后的机构' }));

    const refused = memoryIo();
    expect(await restoreCommand([file], refused, { config })).toBe(1);
    expect(refused.err).toMatch(/^gongkai: 数据库 .* 已存在且可能正在使用；确需覆盖请加 --force\n$/);

    const restored = memoryIo();
    expect(await restoreCommand([file, '--force'], restored, { config })).toBe(0);
    expect(restored.out).toContain(`结构版本：${KNOWN_MIGRATIONS.at(-1)}`);
    expect(restored.out).toContain('审计链完整');

    // The open connection sees the restored content: the restore wrote through SQLite's locks.
    const names = (await listAgencies(CLI, testContext(test.db))).map((a) => a.name);
    expect(names).toEqual(['备份前的机构']);
    const actions = await test.db.kysely.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['agency.create', 'database.backup', 'database.restore']);
  });

  it('refuses to overwrite an existing backup file without --force', async () => {
    const file = join(dir, 'exists.db');
    writeFileSync(file, 'x');
    const io = memoryIo();
    expect(await backupCommand([file], io, { config })).toBe(1);
    expect(io.err).toContain('备份文件：');
    expect(io.err).toContain('已存在；确需覆盖请加 --force');
  });

  it('checks that a file is a Gongkai database before restoring it', async () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all, just some text long enough to have a header.'.repeat(10));
    const io = memoryIo();
    expect(await restoreCommand([junk, '--force'], io, { config })).toBe(1);
    expect(io.err).toBe(`gongkai: ${junk} 不是有效的本系统数据库：不是 SQLite 数据库文件\n`);

    const other = join(dir, 'other.db');
    const foreign = openDatabase({ engine: 'sqlite', file: other });
    await foreign.kysely.schema.createTable('t').addColumn('x', 'integer').execute();
    await foreign.close();
    const io2 = memoryIo();
    expect(await restoreCommand([other, '--force'], io2, { config })).toBe(1);
    expect(io2.err).toBe(`gongkai: ${other} 不是有效的本系统数据库：缺少本系统的数据表\n`);
  });

  it('prints the pg_dump recipe for PostgreSQL and exits 2', async () => {
    const io = memoryIo();
    const pgConfig: Config = { database: { engine: 'postgres', url: testPostgresUrl() }, security: TEST_SECURITY };
    expect(await backupCommand([join(dir, 'x.dump')], io, { config: pgConfig })).toBe(2);
    expect(io.out).toContain('pg_dump --format=custom');
    expect(io.err).toContain('未执行备份');
    const restore = memoryIo();
    expect(await restoreCommand([join(dir, 'x.dump')], restore, { config: pgConfig })).toBe(2);
    expect(restore.out).toContain('pg_restore --clean');
  });
});
