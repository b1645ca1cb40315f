// `gongkai figures import 文件.csv|文件.xlsx [--check]`: the yearly figures (行政许可, 行政处罚, 行政强制,
// 行政事业性收费) of several agencies and years in one transaction, all rows or none, with the row-by-row report
// (exit 1 when any row is rejected). The command line acts as the system administrator (agency.update on every
// agency); the audit entry names the operating system user.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { errors } from '../errors.ts';
import { figuresReportLines, importFigures } from '../figures/import.ts';
import { actor, type CliDeps, parse, runGuarded, UsageError, withContext } from './deps.ts';
import type { Io } from './io.ts';

export const FIGURES_USAGE = `  gongkai figures import 文件.csv|文件.xlsx [--check]
      导入各机构各年度的行政许可、行政处罚、行政强制处理决定数量和行政事业性收费金额（表头：机构、年度、行政许可、
      行政处罚、行政强制、行政事业性收费（万元），可加“数据来源”；机构可为编号、全称、简称或统一社会信用代码）；
      任何一行有误则全部不导入，并逐行列出问题。--check 只检查不导入`;

export async function figuresCommand(args: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  return runGuarded(io, `用法：\n${FIGURES_USAGE}`, async () => {
    const { values, positionals } = parse(args, { check: { type: 'boolean' } });
    const [sub, path, ...rest] = positionals;
    if (sub !== 'import') throw new UsageError(sub ? `未知的 figures 子命令“${sub}”` : '缺少 figures 子命令 import');
    if (!path) throw new UsageError('请指定要导入的文件');
    if (rest.length > 0) throw new UsageError(`多余的参数：${rest.join(' ')}`);
    let data: Uint8Array;
    try {
      data = new Uint8Array(await readFile(path));
    } catch (e) {
      throw errors.validation('file', '文件', `无法读取“${path}”：${(e as Error).message}`);
    }
    return withContext(deps, async (ctx) => {
      const report = await importFigures(
        actor(),
        ctx,
        { name: basename(path), data },
        { check: values.check === true },
      );
      for (const line of figuresReportLines(report)) io.stdout(line);
      if (report.rejected.length === 0)
        for (const f of report.figures)
          io.stdout(
            `  ${f.agencyName}\t${f.year}年\t行政许可${f.licensing}\t行政处罚${f.punishment}\t行政强制${f.coercion}\t收费${f.fees}万元${f.replaces ? '\t（替换已有数据）' : ''}`,
          );
      return report.rejected.length > 0 ? 1 : 0;
    });
  });
}
