// Everything that is particular to SQLite (better-sqlite3): connection pragmas, write transactions that take the
// write lock at once, booleans stored as 0/1, and the meaning of its constraint error codes.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type CreateTableBuilder,
  type DatabaseConnection,
  type SelectQueryBuilder,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type SqliteStatement,
} from 'kysely';
import type { Violation } from '../violation.ts';

/** Open a better-sqlite3 connection with the settings Gongkai relies on. */
export function openSqliteFile(file: string, options: { readonly?: boolean } = {}): BetterSqlite3.Database {
  if (!options.readonly && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  if (!options.readonly) {
    // WAL lets readers proceed while one process writes; NORMAL is durable across application crashes in WAL mode.
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
  }
  raw.pragma('foreign_keys = ON');
  // Several server processes may share the file: wait for the write lock rather than fail at once.
  raw.pragma('busy_timeout = 10000');
  return raw;
}

/**
 * Booleans: SQLite has none. Columns are declared `boolean` in the migrations, so the declared type tells which
 * result columns to turn from 0/1 into false/true; boolean parameters become 0/1.
 */
function withBooleans(raw: BetterSqlite3.Database): SqliteDatabase {
  const toParam = (values: ReadonlyArray<unknown>) => values.map((v) => (typeof v === 'boolean' ? Number(v) : v));
  return {
    close: () => raw.close(),
    prepare(sql: string): SqliteStatement {
      const stmt = raw.prepare(sql);
      const booleans = stmt.reader
        ? stmt
            .columns()
            .filter((c) => c.type?.toLowerCase() === 'boolean')
            .map((c) => c.name)
        : [];
      const fix = (row: unknown) => {
        const r = row as Record<string, unknown>;
        for (const name of booleans) if (typeof r[name] === 'number') r[name] = r[name] !== 0;
        return r;
      };
      return {
        reader: stmt.reader,
        all: (p) => stmt.all(toParam(p)).map(fix),
        run: (p) => stmt.run(toParam(p)),
        *iterate(p) {
          for (const row of stmt.iterate(toParam(p))) yield fix(row);
        },
      };
    },
  };
}

/** BEGIN IMMEDIATE: a write transaction takes the write lock at its start, so another process cannot slip a write
 * between our read of the audit chain's head and our append (a deferred BEGIN would fail with SQLITE_BUSY). */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class GongkaiSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config);
  }
}

export function sqliteDialect(file: string): SqliteDialect {
  return new GongkaiSqliteDialect({ database: async () => withBooleans(openSqliteFile(file)) });
}

/** SQLite serializes writers with BEGIN IMMEDIATE; no row lock is needed. */
export function sqliteForUpdate<DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>) {
  return qb;
}

export function sqliteViolation(e: unknown): Violation | null {
  const err = e as { code?: unknown; message?: unknown };
  if (typeof err?.code !== 'string' || !err.code.startsWith('SQLITE_CONSTRAINT')) return null;
  const message = String(err.message ?? '');
  if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // "UNIQUE constraint failed: users.username"
    const m = /failed: (\w+)\.(\w+)/.exec(message);
    return m ? { kind: 'unique', table: m[1] as string, column: m[2] as string } : { kind: 'unique' };
  }
  if (err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    // SQLite does not say which key; a failing DELETE means the row is still referenced.
    return { kind: 'foreignKeyMissing' };
  }
  return null;
}

/** AUTOINCREMENT: ids of deleted rows are never reused, so an old reference (e.g. in the audit log) stays true. */
export function sqliteAddId<TB extends string, C extends string>(tb: CreateTableBuilder<TB, C>) {
  return tb.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Bytes are a BLOB; better-sqlite3 takes a Buffer or Uint8Array and returns a Buffer. */
export const SQLITE_BINARY = 'blob';
