import { spawn } from 'node:child_process';
import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildAgencyInput, buildUser, CLI, testContext } from '../../test/platform.ts';
import { createAgency } from '../agencies/service.ts';
import type { Context } from '../context.ts';
import { transaction } from '../storage/transaction.ts';
import { canonicalJson, entryHash, GENESIS_HASH } from './log.ts';
import { listAuditEntries } from './query.ts';
import { verifyChain } from './verify.ts';

function runWorker(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/audit-append-worker.ts', ...args], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

forEachEngine((_engine, getDb, getTest) => {
  let ctx: Context;
  beforeAll(() => {
    ctx = testContext(getDb());
  });

  it('serializes canonically: keys sorted, undefined dropped', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[1,"x"]},"b":1}',
    );
  });

  it('chains each entry to the previous one', async () => {
    await createAgency(CLI, ctx, buildAgencyInput());
    const rows = await getDb().kysely.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (const [i, row] of rows.entries()) {
      const { hash, ...rest } = row;
      expect(
        entryHash({ ...rest, id: Number(rest.id), actor_id: rest.actor_id === null ? null : Number(rest.actor_id) }),
      ).toBe(hash);
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]?.hash);
    }
    expect(rows.at(-1)).toMatchObject({
      action: 'agency.create',
      actor_name: '命令行:tester',
      client_address: 'local',
    });
  });

  it('writes no success entry when the change rolls back, and records the failure instead', async () => {
    const intent = { action: 'test.rollback', objectType: 'test', objectId: 1 };
    await expect(
      transaction(ctx, CLI, intent, async (tx) => {
        await tx.kysely.insertInto('meta').values({ key: 'rolled-back', value: '1' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const meta = await getDb().kysely.selectFrom('meta').selectAll().where('key', '=', 'rolled-back').execute();
    expect(meta).toEqual([]);
    const entries = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['outcome', 'summary'])
      .where('action', '=', 'test.rollback')
      .execute();
    expect(entries).toEqual([{ outcome: 'failure', summary: '{"error":"internal"}' }]);
  });

  it('keeps one chain when two processes append at once', async () => {
    const test = getTest();
    const startAt = String(Date.now() + 3000);
    const args = (label: string) => [JSON.stringify(test.config), '100', label, startAt];
    const before = (await verifyChain(getDb())).count;
    await Promise.all([runWorker(args('a')), runWorker(args('b'))]);
    const report = await verifyChain(getDb());
    expect(report.problems).toEqual([]);
    expect(report.count).toBe(before + 200);
    expect(report.lastId).toBe(report.count);
  }, 60_000);

  it('lists entries by actor, action, object, date and outcome, a page at a time', async () => {
    const { actor } = await buildUser(ctx, 'sysadmin', null);
    const all = await listAuditEntries(actor, ctx, { action: 'test.append', pageSize: 10 });
    expect(all.total).toBe(200);
    expect(all.entries).toHaveLength(10);
    expect(all.entries[0]?.id).toBeGreaterThan(all.entries[1]?.id as number);
    const byActor = await listAuditEntries(actor, ctx, { actorName: 'worker-a', page: 3, pageSize: 10 });
    expect(byActor).toMatchObject({ total: 100, page: 3 });
    expect(byActor.entries).toHaveLength(10);
    const byObject = await listAuditEntries(actor, ctx, { objectType: 'test', objectId: 1, outcome: 'failure' });
    expect(byObject.entries.map((e) => e.action)).toEqual(['test.rollback']);
    // testContext's clock says 2025-09-29 01:00 UTC = 09:00 Beijing; the workers use the real clock.
    const day = await listAuditEntries(actor, ctx, { from: '2025-09-29', to: '2025-09-29' });
    expect(day.entries.every((e) => e.at.startsWith('2025-09-29'))).toBe(true);
    expect(day.total).toBeGreaterThan(0);
    await expect(listAuditEntries(actor, ctx, { from: '29/09/2025' })).rejects.toThrow(
      '起始日期：应为日期，格式 YYYY-MM-DD',
    );
    const { actor: handler } = await buildUser(ctx, 'handler', (await createAgency(CLI, ctx, buildAgencyInput())).id);
    await expect(listAuditEntries(handler, ctx)).rejects.toThrow('无权查看审计日志');
  });
});
