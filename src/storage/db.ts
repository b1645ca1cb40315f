// Opening the database. The only place that chooses an engine; callers get a Database and never ask which one.
import { type CreateTableBuilder, Kysely, type SelectQueryBuilder } from 'kysely';
import type { DatabaseConfig } from '../config.ts';
import { DomainError } from '../errors.ts';
import { violationToError } from './errors.ts';
import {
  POSTGRES_BINARY,
  postgresAddId,
  postgresDialect,
  postgresForUpdate,
  postgresForUpdateSkipLocked,
  postgresViolation,
} from './postgres/index.ts';
import type { Schema } from './schema.ts';
import { SQLITE_BINARY, sqliteAddId, sqliteDialect, sqliteForUpdate, sqliteViolation } from './sqlite/index.ts';
import type { Violation } from './violation.ts';

export type EngineName = 'sqlite' | 'postgres';

/** The few things that differ between engines, for storage/ and the audit chain only. */
export interface EngineTraits {
  /** Lock the selected rows until the end of the transaction (PostgreSQL); SQLite already holds the write lock. */
  forUpdate<DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** Lock the selected rows, passing over rows another transaction holds (PostgreSQL FOR UPDATE SKIP LOCKED);
   * SQLite's BEGIN IMMEDIATE already lets one writer at a time claim (the outbox sender). */
  forUpdateSkipLocked<DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  violation(e: unknown): Violation | null;
  /** Add an `id` primary key numbered by the database (migrations). */
  addId<TB extends string, C extends string>(tb: CreateTableBuilder<TB, C>): CreateTableBuilder<TB, C | 'id'>;
  /** The column type for bytes (migrations): BLOB on SQLite, bytea on PostgreSQL. */
  binaryType: 'blob' | 'bytea';
}

export interface Database {
  readonly engine: EngineName;
  readonly kysely: Kysely<Schema>;
  readonly traits: EngineTraits;
  /** For messages: the file or the server (without password). */
  readonly location: string;
  /** PostgreSQL: the schema in use when not the default (tests). */
  readonly schema?: string;
  close(): Promise<void>;
}

const TRAITS: Record<EngineName, EngineTraits> = {
  sqlite: {
    forUpdate: sqliteForUpdate,
    forUpdateSkipLocked: sqliteForUpdate,
    violation: sqliteViolation,
    addId: sqliteAddId,
    binaryType: SQLITE_BINARY,
  },
  postgres: {
    forUpdate: postgresForUpdate,
    forUpdateSkipLocked: postgresForUpdateSkipLocked,
    violation: postgresViolation,
    addId: postgresAddId,
    binaryType: POSTGRES_BINARY,
  },
};

export interface OpenOptions {
  /** PostgreSQL only: pool size. */
  poolSize?: number;
}

export function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Database {
  const dialect =
    config.engine === 'sqlite'
      ? sqliteDialect(config.file)
      : postgresDialect(config.url, {
          ...(config.schema ? { schema: config.schema } : {}),
          ...(options.poolSize ? { max: options.poolSize } : {}),
        });
  const kysely = new Kysely<Schema>({ dialect });
  return {
    engine: config.engine,
    kysely,
    traits: TRAITS[config.engine],
    location: config.engine === 'sqlite' ? config.file : redactUrl(config.url),
    ...(config.engine === 'postgres' && config.schema ? { schema: config.schema } : {}),
    close: () => kysely.destroy(),
  };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** A constraint violation from either engine as the domain error; anything else unchanged. */
export function translateError(db: Database, e: unknown): unknown {
  if (e instanceof DomainError) return e;
  const v = db.traits.violation(e);
  return v ? violationToError(v) : e;
}
