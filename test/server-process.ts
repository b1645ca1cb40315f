// The real server in a process of its own, as production runs it (`node --import tsx src/main.ts`, settings in the
// environment), on a database made for the occasion. Used where the server must be killed (test/crash.test.ts),
// backed up while it works (test/backup-load.test.ts) or loaded without sharing the load generator's event loop
// (bench/load.ts). Unlike test/browser/server.ts (npx tsx) the child is node itself, so SIGKILL reaches the very
// process that holds the database, with nothing in between to forward or swallow the signal.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { databaseConfig } from '../src/config.ts';
import { type Database, type EngineName, openDatabase, redactUrl } from '../src/storage/db.ts';
import { watchServer } from './browser/server.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  origin: string;
  pid: number;
  /** Everything it printed so far (stdout then stderr). */
  output(): string;
  /** SIGKILL: no handler runs, nothing is flushed or closed. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (the server finishes requests in flight and closes the database); resolves once it has exited. */
  stop(): Promise<void>;
}

/** Start `node --import tsx src/main.ts` with `env` on a free loopback port; resolves once it listens. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', GONGKAI_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watched = watchServer(child, timeoutMs);
  const { exited } = watched;
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  const origin = await watched.origin.catch(async (e) => {
    await signal('SIGKILL');
    throw e;
  });
  return {
    origin,
    pid: child.pid as number,
    output: watched.output,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

export interface ServerDatabase {
  engine: EngineName;
  /** DATABASE_URL for the server and the `gongkai` command. */
  url: string;
  /** A connection of the test's own (no migration run: the server brings the schema up to date). */
  open(): Database;
  dispose(): Promise<void>;
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`PostgreSQL at ${redactUrl(adminUrl)} is unreachable (${(e as Error).message})`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * An empty database a server process can be pointed at: a SQLite file in a temporary folder, or a PostgreSQL
 * database of its own on the server of `postgresUrl` (a schema would not do: DATABASE_URL names no schema).
 */
export async function createServerDatabase(
  engine: EngineName,
  options: { postgresUrl?: string; label?: string } = {},
): Promise<ServerDatabase> {
  const label = options.label ?? 'gk_proc';
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `${label}-`));
    const url = join(dir, 'gongkai.db');
    return {
      engine,
      url,
      open: () => openDatabase(databaseConfig(url)),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = options.postgresUrl;
  if (!adminUrl) throw new Error('createServerDatabase: postgres needs postgresUrl');
  const name = `${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    engine,
    url,
    open: () => openDatabase(databaseConfig(url)),
    dispose: () => withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}

/** Run the `gongkai` command (as bin/gongkai.js does, through tsx) with `env`; its exit code and output. */
export function runGongkai(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
