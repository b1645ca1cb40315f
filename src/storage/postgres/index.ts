// Everything that is particular to PostgreSQL (node-postgres): int8 as numbers, row locks, and the meaning of
// its SQLSTATE error codes.
import { type CreateTableBuilder, PostgresDialect, type SelectQueryBuilder } from 'kysely';
import pg from 'pg';
import type { Violation } from '../violation.ts';

const INT8_OID = 20;

/** count(*) and bigint ids arrive as strings from node-postgres; ours stay far below 2^53, so make them numbers. */
function typeParser(oid: number, format?: string) {
  if (oid === INT8_OID) return (value: string) => Number(value);
  return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format as 'text');
}

export interface PostgresOptions {
  /** Use this schema (search_path) — the tests give each file its own. */
  schema?: string;
  max?: number;
}

export function postgresPool(url: string, options: PostgresOptions = {}): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: { getTypeParser: typeParser } as pg.CustomTypesConfig,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
}

export function postgresDialect(url: string, options: PostgresOptions = {}): PostgresDialect {
  return new PostgresDialect({ pool: postgresPool(url, options) });
}

/** Lock the selected row until the transaction ends, so two processes cannot both extend the audit chain. */
export function postgresForUpdate<DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>) {
  return qb.forUpdate();
}

export function postgresViolation(e: unknown): Violation | null {
  const err = e as { code?: unknown; table?: string; detail?: string };
  if (err?.code === '23505') {
    // detail: Key (username)=(zhang) already exists.
    const m = /^Key \(([\w, ]+)\)=/.exec(err.detail ?? '');
    return { kind: 'unique', ...(err.table ? { table: err.table } : {}), ...(m ? { column: m[1] as string } : {}) };
  }
  if (err?.code === '23503') {
    // detail: Key (parent_id)=(9) is not present in table "agencies".  |  … is still referenced from table "users".
    const detail = err.detail ?? '';
    const referenced = /still referenced from table "(\w+)"/.exec(detail);
    if (referenced) return { kind: 'foreignKeyInUse', table: referenced[1] as string };
    const m = /^Key \((\w+)\)=/.exec(detail);
    return { kind: 'foreignKeyMissing', ...(m ? { column: m[1] as string } : {}) };
  }
  return null;
}

export function postgresAddId<TB extends string, C extends string>(tb: CreateTableBuilder<TB, C>) {
  return tb.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}

/** Bytes are bytea; node-postgres takes a Buffer (the repository passes one) and returns a Buffer. */
export const POSTGRES_BINARY = 'bytea';

/** Lock the selected rows, passing over those another transaction holds: each sender claims different messages. */
export function postgresForUpdateSkipLocked<DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>) {
  return qb.forUpdate().skipLocked();
}
