// Repository and service tests run once per engine named in GONGKAI_TEST_ENGINES (comma list: sqlite, postgres;
// default sqlite). Each test file gets its own database with every migration applied: a SQLite file in a temporary
// folder, or a fresh PostgreSQL schema that is dropped afterwards. A named engine that cannot be reached fails the
// tests with a clear message; it is never skipped silently.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { DatabaseConfig } from '../src/config.ts';
import { type Database, type EngineName, openDatabase, redactUrl } from '../src/storage/db.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';

export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testEngines(value = process.env.GONGKAI_TEST_ENGINES): EngineName[] {
  const names = (value ?? 'sqlite')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) {
    if (name !== 'sqlite' && name !== 'postgres')
      throw new Error(`GONGKAI_TEST_ENGINES: unknown engine "${name}" (expected sqlite, postgres)`);
  }
  return names.length > 0 ? [...new Set(names as EngineName[])] : ['sqlite'];
}

export function testPostgresUrl(): string {
  return process.env.GONGKAI_TEST_DATABASE_URL || DEFAULT_TEST_POSTGRES_URL;
}

export interface TestDatabase {
  db: Database;
  /** How another process (or a second connection) reaches the same database (the schema included). */
  config: DatabaseConfig;
  /** PostgreSQL: the schema this test file owns. */
  schema?: string;
  /** A second, independent connection to the same database (as another server process would have). */
  reopen(): Database;
  dispose(): Promise<void>;
}

export async function createTestDatabase(
  engine: EngineName,
  options: { postgresUrl?: string; migrate?: boolean } = {},
): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
    const config: DatabaseConfig = { engine: 'sqlite', file: join(dir, 'gongkai.db') };
    const db = openDatabase(config);
    if (options.migrate !== false) await migrateToLatest(db);
    return {
      db,
      config,
      reopen: () => openDatabase(config),
      dispose: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = options.postgresUrl ?? testPostgresUrl();
  const schema = `gk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
  } catch (e) {
    await admin.end().catch(() => {});
    throw new Error(
      `GONGKAI_TEST_ENGINES names postgres, but PostgreSQL at ${redactUrl(url)} is unreachable ` +
        `(${(e as Error).message}). Start it, set GONGKAI_TEST_DATABASE_URL, or run with GONGKAI_TEST_ENGINES=sqlite.`,
    );
  }
  const config: DatabaseConfig = { engine: 'postgres', url, schema };
  const db = openDatabase(config);
  try {
    if (options.migrate !== false) await migrateToLatest(db);
  } catch (e) {
    await db.close();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    throw e;
  }
  return {
    db,
    config,
    schema,
    reopen: () => openDatabase(config),
    dispose: async () => {
      await db.close();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    },
  };
}

/**
 * Declare a test suite once per engine. `getDb()` (and `getTest()`) are valid inside tests and hooks.
 *
 *   forEachEngine((engine, getDb) => { it('stores an agency', async () => { … getDb() … }) });
 */
export function forEachEngine(
  suite: (engine: EngineName, getDb: () => Database, getTest: () => TestDatabase) => void,
): void {
  for (const engine of testEngines()) {
    describe(`[${engine}]`, () => {
      let test: TestDatabase | undefined;
      let setupError: unknown;
      beforeAll(async () => {
        // Kept, not thrown: every test of the engine then fails with this message instead of being reported skipped.
        test = await createTestDatabase(engine).catch((e) => {
          setupError = e;
          return undefined;
        });
      });
      afterAll(async () => {
        await test?.dispose();
      });
      const getTest = () => {
        if (setupError) throw setupError;
        if (!test) throw new Error(`the ${engine} test database is used before beforeAll ran`);
        return test;
      };
      suite(engine, () => getTest().db, getTest);
    });
  }
}
