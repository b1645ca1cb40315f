import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, forEachEngine, testEngines } from './engines.ts';

describe('testEngines', () => {
  it('defaults to sqlite and reads a comma list', () => {
    expect(testEngines('')).toEqual(['sqlite']);
    expect(testEngines('sqlite, postgres')).toEqual(['sqlite', 'postgres']);
  });
  it('rejects an unknown engine', () => {
    expect(() => testEngines('mysql')).toThrow('unknown engine "mysql"');
  });
});

describe('an unreachable PostgreSQL', () => {
  it('fails with a clear message instead of skipping', async () => {
    await expect(
      createTestDatabase('postgres', { postgresUrl: 'postgres://postgres@127.0.0.1:1/none' }),
    ).rejects.toThrow(/GONGKAI_TEST_ENGINES names postgres, but PostgreSQL at .* is unreachable/);
  });
});

forEachEngine((engine, getDb) => {
  it('gives the file a migrated database of its own', async () => {
    const meta = await getDb().kysely.selectFrom('meta').selectAll().execute();
    expect(meta).toEqual([{ key: 'application', value: 'gongkai' }]);
    expect(getDb().engine).toBe(engine);
  });

  it('keeps two test databases apart', async () => {
    const other = await createTestDatabase(engine);
    try {
      await other.db.kysely.insertInto('meta').values({ key: 'probe', value: '1' }).execute();
      const mine = await getDb().kysely.selectFrom('meta').where('key', '=', 'probe').selectAll().execute();
      expect(mine).toEqual([]);
    } finally {
      await other.dispose();
    }
  });

  it('reads count(*) as a number and booleans as booleans', async () => {
    const db = getDb().kysely;
    const row = await db
      .selectFrom('meta')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(row.n).toBe(1);
    const b = await sql<{ t: boolean }>`select ${true} as t`.execute(db);
    expect(Boolean(b.rows[0]?.t)).toBe(true);
  });
});
