import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildAgencyInput, CLI, TEST_SECURITY, testContext } from '../../test/platform.ts';
import { createAgency } from '../agencies/service.ts';
import type { Config } from '../config.ts';
import { auditCommand } from './audit.ts';
import { memoryIo } from './io.ts';

forEachEngine((_engine, getDb, getTest) => {
  let config: Config;
  beforeAll(async () => {
    config = { database: getTest().config, security: TEST_SECURITY };
    const ctx = testContext(getDb());
    for (let i = 0; i < 3; i++) await createAgency(CLI, ctx, buildAgencyInput());
  });

  it('reports an intact chain with its end for the record, then checks against it', async () => {
    const io = memoryIo();
    expect(await auditCommand(['verify'], io, { config })).toBe(0);
    expect(io.out).toContain('审计链完整：共 3 条，末条为第 3 条。');
    const anchor = /末条哈希：(\d+:[0-9a-f]{64})/.exec(io.out)?.[1] as string;
    const again = memoryIo();
    expect(await auditCommand(['verify', '--anchor', anchor], again, { config })).toBe(0);
    const bad = memoryIo();
    expect(await auditCommand(['verify', '--anchor', '3:abc'], bad, { config })).toBe(2);
    expect(bad.err).toContain('--anchor 应为“编号:64位十六进制哈希”，收到“3:abc”');
  });

  it('lists entries with filters', async () => {
    const io = memoryIo();
    expect(await auditCommand(['list', '--action', 'agency.create', '--page-size', '2'], io, { config })).toBe(0);
    const lines = io.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^3\t2025-09-29T01:00:00.000Z\t命令行:tester\tlocal\tagency.create\tagency:3\t成功\t/);
    expect(lines[2]).toBe('共 3 条，第 1/2 页');
  });

  it('names the altered entry and exits 1', async () => {
    await getDb().kysely.updateTable('audit_log').set({ summary: '{}' }).where('id', '=', 2).execute();
    const io = memoryIo();
    expect(await auditCommand(['verify'], io, { config })).toBe(1);
    expect(io.out).toContain('第2条：第2条审计记录的内容已被改动（哈希不符）');
    expect(io.out).toContain('审计链有 1 处问题（共 3 条）。');
  });
});
