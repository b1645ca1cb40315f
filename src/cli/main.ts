// Entry of the `gongkai` command.
import { AGENCY_USAGE, agencyCommand } from './agency.ts';
import { AUDIT_USAGE, auditCommand } from './audit.ts';
import { BACKUP_USAGE, backupCommand, restoreCommand } from './backup.ts';
import { CATALOG_REINDEX_USAGE, catalogReindexCommand } from './catalog.ts';
import { CATALOG_IMPORT_USAGE, catalogImportCommand } from './catalog-import.ts';
import { DB_USAGE, dbCommand } from './db.ts';
import { DEADLINE_USAGE, deadlineCommand } from './deadline.ts';
import { FEE_USAGE, feeCommand } from './fee.ts';
import { FIGURES_USAGE, figuresCommand } from './figures.ts';
import { type Io, processIo } from './io.ts';
import { REPORT_USAGE, reportCommand } from './report.ts';
import { USER_USAGE, userCommand } from './user.ts';

const USAGE = `gongkai — 政府信息公开工作系统

${REPORT_USAGE}

期限计算：
${DEADLINE_USAGE}

信息处理费：
${FEE_USAGE}

数据库与账户（数据库由环境变量 DATABASE_URL 指定，默认 ./data/gongkai.db）：
${DB_USAGE}
${AGENCY_USAGE}
${USER_USAGE}
${AUDIT_USAGE}
${BACKUP_USAGE}

主动公开目录：
${CATALOG_IMPORT_USAGE}
${CATALOG_REINDEX_USAGE}

年度报告表二的年度数据：
${FIGURES_USAGE}`;

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'report':
      return reportCommand(rest, io);
    case 'deadline':
      return deadlineCommand(rest, io);
    case 'fee':
      return feeCommand(rest, io);
    case 'db':
      return dbCommand(rest, io);
    case 'agency':
      return agencyCommand(rest, io);
    case 'user':
      return userCommand(rest, io);
    case 'audit':
      return auditCommand(rest, io);
    case 'catalog':
      if (rest[0] === 'import') return catalogImportCommand(rest.slice(1), io);
      if (rest[0] === 'reindex') return catalogReindexCommand(rest.slice(1), io);
      io.stderr(
        rest[0] === undefined
          ? `gongkai: 请给出 catalog 的子命令 import 或 reindex\n\n${USAGE}`
          : `gongkai: 未知命令“catalog ${rest[0]}”\n\n${USAGE}`,
      );
      return 2;
    case 'figures':
      return figuresCommand(rest, io);
    case 'backup':
      return backupCommand(rest, io);
    case 'restore':
      return restoreCommand(rest, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`gongkai: 未知命令“${command}”\n\n${USAGE}`);
      return 2;
  }
}

// Run when executed directly (bin/gongkai.js or `tsx src/cli/main.ts`), not when imported by tests.
const invokedDirectly = process.argv[1] && /(?:cli[\\/]main\.ts|bin[\\/]gongkai(?:\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  process.exitCode = await runCli(process.argv.slice(2), processIo);
}
