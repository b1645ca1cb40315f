// `gongkai backup FILE` and `gongkai restore FILE [--force]`. SQLite: done here with the online backup API.
// PostgreSQL: the database server's own tools do it better; print how.
import { basename } from 'node:path';
import { verifyChain } from '../audit/verify.ts';
import { redactUrl } from '../storage/db.ts';
import { backupSqlite, checkBackupTarget, checkGongkaiFile, restoreSqlite } from '../storage/sqlite/backup.ts';
import { recordFailure, transaction } from '../storage/transaction.ts';
import { actor, type CliDeps, configOf, parse, runGuarded, UsageError, withContext } from './deps.ts';
import type { Io } from './io.ts';

export const BACKUP_USAGE = `  gongkai backup 文件 [--force]
      在线备份 SQLite 数据库（服务无需停止）；--force 覆盖已有的备份文件
  gongkai restore 文件 [--force]
      用备份文件恢复 SQLite 数据库；先核验备份是本系统的完整数据库；覆盖现有数据库须加 --force
      PostgreSQL 数据库请用 pg_dump / pg_restore（运行本命令可显示具体做法）`;

function postgresRecipe(url: string, file: string): string {
  const u = redactUrl(url);
  return `PostgreSQL 数据库请用其自带工具备份与恢复（与服务同时运行亦可）：
  备份：pg_dump --format=custom --no-owner --file="${file}" "${u}"
  恢复：pg_restore --clean --if-exists --no-owner --single-transaction --dbname="${u}" "${file}"
恢复前请停止服务；恢复后运行 gongkai db migrate 并 gongkai audit verify 核验审计链。`;
}

function oneFile(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} 需要且只需要一个文件`);
  return positionals[0] as string;
}

export async function backupCommand(args: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  return runGuarded(io, `用法：\n${BACKUP_USAGE}`, async () => {
    const { values, positionals } = parse(args, { force: { type: 'boolean' } });
    const file = oneFile(positionals, 'backup');
    const { database } = configOf(deps);
    if (database.engine === 'postgres') {
      io.stdout(postgresRecipe(database.url, file));
      io.stderr('gongkai: 未执行备份：PostgreSQL 数据库请按上述方法使用 pg_dump');
      return 2;
    }
    const force = Boolean(values.force);
    checkBackupTarget(database.file, file, { force });
    // Recorded first, so the backup itself carries the record of its making.
    return withContext(deps, async (ctx) => {
      const intent = { action: 'database.backup', objectType: 'database' };
      await transaction(ctx, actor(), intent, async (tx) => tx.note({ detail: basename(file) }));
      try {
        const { pages } = await backupSqlite(database.file, file, { force: true });
        io.stdout(`已备份 ${database.file} 到 ${file}（${pages} 页）`);
        return 0;
      } catch (e) {
        await recordFailure(ctx, actor(), intent, e, { detail: basename(file) });
        throw e;
      }
    });
  });
}

export async function restoreCommand(args: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  return runGuarded(io, `用法：\n${BACKUP_USAGE}`, async () => {
    const { values, positionals } = parse(args, { force: { type: 'boolean' } });
    const file = oneFile(positionals, 'restore');
    const { database } = configOf(deps);
    if (database.engine === 'postgres') {
      io.stdout(postgresRecipe(database.url, file));
      io.stderr('gongkai: 未执行恢复：PostgreSQL 数据库请按上述方法使用 pg_restore');
      return 2;
    }
    const { migrations } = checkGongkaiFile(file);
    await restoreSqlite(file, database.file, { force: Boolean(values.force) });
    // Bring an older backup up to date, record the restore in the restored chain, and check that chain.
    return withContext(deps, async (ctx) => {
      await transaction(ctx, actor(), { action: 'database.restore', objectType: 'database' }, async (tx) =>
        tx.note({ detail: basename(file) }),
      );
      const report = await verifyChain(ctx.db);
      io.stdout(`已用 ${file} 恢复数据库 ${database.file}（结构版本：${migrations.at(-1) ?? '无'}）`);
      if (report.ok) io.stdout(`审计链完整：共 ${report.count} 条`);
      else for (const p of report.problems) io.stdout(`警告：第${p.id}条：${p.message}`);
      return report.ok ? 0 : 1;
    });
  });
}
