// `gongkai db migrate|status`: bring the schema up to date (the server also does this at start), or show it.
import { migrateToLatest, migrationStatus } from '../storage/migrate.ts';
import { type CliDeps, parse, runGuarded, UsageError, withDatabase } from './deps.ts';
import type { Io } from './io.ts';

export const DB_USAGE = `  gongkai db migrate
      升级数据库结构（服务启动时也会自动执行）；数据库由 DATABASE_URL 指定，默认 ./data/gongkai.db
  gongkai db status
      列出数据库结构版本及执行时间`;

export async function dbCommand(args: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  return runGuarded(io, `用法：\n${DB_USAGE}`, async () => {
    const { positionals } = parse(args, {});
    const [sub, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`多余的参数：${extra.join(' ')}`);
    if (sub === 'migrate') {
      return withDatabase(deps, async (db) => {
        const { applied } = await migrateToLatest(db);
        io.stdout(
          applied.length === 0
            ? `数据库结构已是最新（${db.location}）`
            : `已升级数据库结构（${db.location}）：${applied.join('、')}`,
        );
        return 0;
      });
    }
    if (sub === 'status') {
      return withDatabase(deps, async (db) => {
        io.stdout(`数据库：${db.location}`);
        for (const m of await migrationStatus(db)) io.stdout(`  ${m.name}  ${m.appliedAt ?? '未执行'}`);
        return 0;
      });
    }
    throw new UsageError(sub ? `未知的 db 子命令“${sub}”` : '缺少 db 子命令');
  });
}
