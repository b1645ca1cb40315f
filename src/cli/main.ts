// Entry of the `gongkai` command.
import { type Io, processIo } from './io.ts';
import { REPORT_USAGE, reportCommand } from './report.ts';

const USAGE = `gongkai — 政府信息公开工作系统

${REPORT_USAGE}`;

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'report':
      return reportCommand(rest, io);
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
