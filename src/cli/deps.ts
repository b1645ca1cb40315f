// What the database commands of `gongkai` share: the configuration, the acting identity, stdin, and opening the
// database with migrations applied. Injected so tests run the commands in-process against a test database.
import { userInfo } from 'node:os';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type Actor, cliActor } from '../agencies/model.ts';
import { type Config, getConfig } from '../config.ts';
import type { Context } from '../context.ts';
import { DomainError } from '../errors.ts';
import { type Database, openDatabase } from '../storage/db.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import type { Io } from './io.ts';

export interface CliDeps {
  config?: Config;
  clock?: () => Date;
  /** The whole of standard input (for --password-stdin). */
  readStdin?: () => Promise<string>;
}

export class UsageError extends Error {}

export function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`参数有误：${(e as Error).message}`);
  }
}

export function actor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // Containers may run as a uid without a name.
  }
  return cliActor(name);
}

export async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function configOf(deps: CliDeps): Config {
  return deps.config ?? getConfig();
}

/** Open the configured database, run fn, close. */
export async function withDatabase<T>(deps: CliDeps, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = openDatabase(configOf(deps).database);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Open the configured database, bring its schema up to date, run fn with a service context, close. */
export async function withContext<T>(deps: CliDeps, fn: (ctx: Context) => Promise<T>): Promise<T> {
  return withDatabase(deps, async (db) => {
    await migrateToLatest(db);
    return fn({ db, clock: deps.clock ?? (() => new Date()), security: configOf(deps).security });
  });
}

/** Run a subcommand: usage errors exit 2, domain errors (a clerk's mistake) exit 1, both printed in Chinese. */
export async function runGuarded(io: Io, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`gongkai: ${e.message}\n\n${usage}`);
      return 2;
    }
    if (e instanceof DomainError) {
      io.stderr(`gongkai: ${e.message}`);
      return 1;
    }
    io.stderr(`gongkai: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}
