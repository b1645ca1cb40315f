// SQLite backup and restore through SQLite's online backup API (better-sqlite3 `.backup()`): it copies a consistent
// snapshot page by page while other connections keep working, and writes into a live target through SQLite's own
// locks, so neither side ever sees a half-copied file.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DomainError, errors } from '../../errors.ts';
import { KNOWN_MIGRATIONS, MIGRATION_TABLE } from '../migrate.ts';
import { openSqliteFile } from './index.ts';

/** Throws notGongkaiDatabase / databaseTooNew unless the file is an intact Gongkai database this version can use. */
export function checkGongkaiFile(file: string): { migrations: string[] } {
  if (!existsSync(file)) throw errors.notGongkaiDatabase(file, '文件不存在');
  let raw: ReturnType<typeof openSqliteFile> | undefined;
  try {
    raw = openSqliteFile(file, { readonly: true });
    const integrity = raw.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw errors.notGongkaiDatabase(file, `文件已损坏（${String(integrity)}）`);
    const hasTable = (name: string) =>
      raw?.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined;
    if (!hasTable('meta') || !hasTable(MIGRATION_TABLE)) throw errors.notGongkaiDatabase(file, '缺少本系统的数据表');
    const app = raw.prepare("select value from meta where key = 'application'").get() as { value?: string } | undefined;
    if (app?.value !== 'gongkai') throw errors.notGongkaiDatabase(file, '缺少本系统的标识');
    const migrations = (
      raw.prepare(`select name from ${MIGRATION_TABLE} order by name`).all() as { name: string }[]
    ).map((r) => r.name);
    const unknown = migrations.filter((m) => !KNOWN_MIGRATIONS.includes(m));
    if (unknown.length > 0) throw errors.databaseTooNew(unknown);
    return { migrations };
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // SQLITE_NOTADB and friends: not an SQLite file at all.
    const code = (e as { code?: string }).code;
    throw errors.notGongkaiDatabase(
      file,
      code === 'SQLITE_NOTADB' ? '不是 SQLite 数据库文件' : '无法作为 SQLite 数据库打开',
    );
  } finally {
    raw?.close();
  }
}

export interface CopyOptions {
  /** Overwrite an existing target. */
  force?: boolean;
}

/** What must hold before a backup starts (checked before the backup is recorded in the audit log). */
export function checkBackupTarget(source: string, dest: string, options: CopyOptions = {}): void {
  if (resolve(source) === resolve(dest)) throw errors.validation('file', '备份文件', '不能与数据库文件相同');
  if (existsSync(dest) && !options.force)
    throw errors.validation('file', '备份文件', `${dest} 已存在；确需覆盖请加 --force`);
  checkGongkaiFile(source);
}

/** Copy the live database `source` to `dest` (online; the server may keep running). */
export async function backupSqlite(
  source: string,
  dest: string,
  options: CopyOptions = {},
): Promise<{ pages: number }> {
  checkBackupTarget(source, dest, options);
  const raw = openSqliteFile(source, { readonly: true });
  try {
    const result = await raw.backup(dest);
    checkGongkaiFile(dest);
    return { pages: result.totalPages };
  } finally {
    raw.close();
  }
}

/** Replace the database `target` with the backup `file`, after checking the backup is a Gongkai database. */
export async function restoreSqlite(file: string, target: string, options: CopyOptions = {}): Promise<void> {
  if (resolve(file) === resolve(target)) throw errors.validation('file', '备份文件', '不能与数据库文件相同');
  checkGongkaiFile(file);
  // A running server keeps the file (and its -wal) open; overwriting is deliberate or not at all.
  if (existsSync(target) && !options.force) throw errors.databaseInUse(target);
  const raw = openSqliteFile(file, { readonly: true });
  try {
    await raw.backup(target);
  } finally {
    raw.close();
  }
}
