import { afterEach, expect, it } from 'vitest';
import { createTestDatabase, forEachEngine, type TestDatabase } from '../../test/engines.ts';
import { buildAgencyInput, CLI, testContext } from '../../test/platform.ts';
import { createAgency } from '../agencies/service.ts';
import { entryHash } from './log.ts';
import { verifyChain } from './verify.ts';

forEachEngine((engine) => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.dispose();
    test = undefined;
  });

  /** A fresh database whose audit chain holds five entries. */
  async function chainOfFive() {
    test = await createTestDatabase(engine);
    const ctx = testContext(test.db);
    for (let i = 0; i < 5; i++) await createAgency(CLI, ctx, buildAgencyInput());
    return test.db;
  }

  it('finds nothing wrong with an untouched chain', async () => {
    const db = await chainOfFive();
    const report = await verifyChain(db);
    expect(report).toMatchObject({ ok: true, count: 5, lastId: 5, problems: [] });
    expect(report.lastHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyChain(db, { anchor: { id: 5, hash: report.lastHash } })).ok).toBe(true);
  });

  it('names an entry whose content was edited in the database', async () => {
    const db = await chainOfFive();
    await db.kysely.updateTable('audit_log').set({ actor_name: '他人' }).where('id', '=', 3).execute();
    const report = await verifyChain(db);
    expect(report.problems).toEqual([{ id: 3, kind: 'altered', message: '第3条审计记录的内容已被改动（哈希不符）' }]);
  });

  it('names an entry edited with its hash recomputed, through the broken link after it', async () => {
    const db = await chainOfFive();
    const row = await db.kysely.selectFrom('audit_log').selectAll().where('id', '=', 2).executeTakeFirstOrThrow();
    const forged = { ...row, id: 2, actor_id: null, outcome: 'failure' };
    const { hash: _, ...rest } = forged;
    await db.kysely
      .updateTable('audit_log')
      .set({ outcome: 'failure', hash: entryHash(rest) })
      .where('id', '=', 2)
      .execute();
    const report = await verifyChain(db);
    expect(report.problems).toEqual([
      { id: 3, kind: 'relinked', message: '第3条审计记录与第2条衔接不上：第2条可能被替换，或第3条被改动' },
    ]);
  });

  it('names a deleted entry', async () => {
    const db = await chainOfFive();
    await db.kysely.deleteFrom('audit_log').where('id', '=', 4).execute();
    expect((await verifyChain(db)).problems).toEqual([{ id: 4, kind: 'deleted', message: '第4条审计记录已被删除' }]);
  });

  it('names deleted entries at the end of the chain', async () => {
    const db = await chainOfFive();
    await db.kysely.deleteFrom('audit_log').where('id', '>=', 4).execute();
    expect((await verifyChain(db)).problems).toEqual([{ id: 4, kind: 'deleted', message: '第4至5条审计记录已被删除' }]);
  });

  it('names an inserted entry, even one with a correctly computed hash', async () => {
    const db = await chainOfFive();
    const last = await db.kysely.selectFrom('audit_log').selectAll().where('id', '=', 5).executeTakeFirstOrThrow();
    const base = {
      id: 6,
      at: '2025-10-01T00:00:00.000Z',
      actor_id: null,
      actor_name: '伪造',
      action: 'agency.update',
      object_type: 'agency',
      object_id: '1',
      summary: '{}',
      outcome: 'success',
      client_address: null,
      prev_hash: last.hash,
    };
    await db.kysely
      .insertInto('audit_log')
      .values({ ...base, hash: entryHash(base) })
      .execute();
    expect((await verifyChain(db)).problems).toEqual([
      { id: 6, kind: 'inserted', message: '第6条审计记录位于链尾（第5条）之后，是插入的' },
    ]);
  });

  it('names an entry inserted in the middle, between renumbered neighbours', async () => {
    const db = await chainOfFive();
    // Make room after entry 2 by moving 3..5 up one (descending, so the primary key never collides).
    for (const id of [5, 4, 3])
      await db.kysely
        .updateTable('audit_log')
        .set({ id: id + 1 })
        .where('id', '=', id)
        .execute();
    const two = await db.kysely.selectFrom('audit_log').selectAll().where('id', '=', 2).executeTakeFirstOrThrow();
    const base = { ...two, id: 3, actor_id: null, actor_name: '伪造', prev_hash: two.hash };
    const { hash: _, ...rest } = base;
    await db.kysely
      .insertInto('audit_log')
      .values({ ...rest, hash: entryHash(rest) })
      .execute();
    const problems = (await verifyChain(db)).problems;
    expect(problems.map((p) => `${p.kind} ${p.id}`)).toEqual([
      'inserted 3',
      'altered 4',
      'altered 5',
      'altered 6',
      'inserted 6',
    ]);
  });

  it('detects a rewritten chain against a recorded anchor', async () => {
    const db = await chainOfFive();
    const anchor = { id: 5, hash: (await verifyChain(db)).lastHash };
    await db.kysely
      .updateTable('audit_log')
      .set({ hash: '0'.repeat(64) })
      .where('id', '=', 5)
      .execute();
    await db.kysely
      .updateTable('audit_head')
      .set({ last_hash: '0'.repeat(64) })
      .execute();
    const problems = (await verifyChain(db, { anchor })).problems;
    expect(problems.map((p) => p.kind)).toEqual(['altered', 'anchor']);
    expect(problems[1]?.message).toBe('第5条审计记录的哈希与留存的核验值不同，审计链已被重写');
  });
});
