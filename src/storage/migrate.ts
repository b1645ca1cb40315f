// Bring the schema up to date: at server start and with `gongkai db migrate`. Kysely's Migrator records what ran
// in kysely_migration and, on PostgreSQL, holds an advisory lock so two starting processes do not race.
import { type Migration, type MigrationResult, Migrator } from 'kysely';
import type { DatabaseConfig } from '../config.ts';
import { type Database, openDatabase } from './db.ts';
import { MIGRATIONS } from './migrations/index.ts';

export const MIGRATION_TABLE = 'kysely_migration';

function migrator(db: Database): Migrator {
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (k) => m.up(k, db.traits) };
  }
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
    // Without this Kysely finds a migration table of another schema in the same database and skips creating ours.
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
}

export interface MigrateOutcome {
  applied: string[];
}

/** Apply every pending migration; throws (with the failing migration named) if one fails. */
export async function migrateToLatest(db: Database): Promise<MigrateOutcome> {
  const { error, results } = await migrator(db).migrateToLatest();
  const failed = results?.find((r: MigrationResult) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`数据库结构升级失败${failed ? `（${failed.migrationName}）` : ''}：${reason}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

export interface MigrationState {
  name: string;
  appliedAt: string | null;
}

export async function migrationStatus(db: Database): Promise<MigrationState[]> {
  const list = await migrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, appliedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}

export const KNOWN_MIGRATIONS: readonly string[] = Object.keys(MIGRATIONS);

/** What a server process does first: open the configured database and bring its schema up to date. */
export async function openMigrated(config: DatabaseConfig): Promise<Database> {
  const db = openDatabase(config);
  try {
    await migrateToLatest(db);
    return db;
  } catch (e) {
    await db.close();
    throw e;
  }
}
