// `gongkai catalog import 文件 --agency 机构 [--check]`: an agency's existing catalogue (CSV or XLSX) imported as
// published items in one transaction, with the row-by-row report (exit 1 when any row is rejected: nothing is
// imported then). The command line acts as a 发布员 of that agency (the import needs catalog.publish); the audit
// entry names the operating system user.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Actor } from '../agencies/model.ts';
import { findAgencyByKey } from '../agencies/repository.ts';
import { importCatalog, reportLines } from '../catalog/import.ts';
import { errors } from '../errors.ts';
import { actor, type CliDeps, parse, runGuarded, UsageError, withContext } from './deps.ts';
import type { Io } from './io.ts';

export const CATALOG_IMPORT_USAGE = `  gongkai catalog import 文件.csv|文件.xlsx --agency 机构 [--check]
      导入机构已有的政府信息公开目录（表头如：索引号、标题、文号、发布机构、成文日期、发布日期、主题分类、
      信息类别、效力状态、正文），导入后为已发布状态；任何一行有误则全部不导入，并逐行列出问题。
      --check 只检查不导入（机构可为编号、全称、简称或统一社会信用代码）`;

export async function catalogImportCommand(args: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  return runGuarded(io, `用法：\n${CATALOG_IMPORT_USAGE}`, async () => {
    const { values, positionals } = parse(args, { agency: { type: 'string' }, check: { type: 'boolean' } });
    const [path, ...rest] = positionals;
    if (!path) throw new UsageError('请指定要导入的文件');
    if (rest.length > 0) throw new UsageError(`多余的参数：${rest.join(' ')}`);
    if (!values.agency) throw new UsageError('请用 --agency 指定导入到哪个机构');
    let data: Uint8Array;
    try {
      data = new Uint8Array(await readFile(path));
    } catch (e) {
      throw errors.validation('file', '文件', `无法读取“${path}”：${(e as Error).message}`);
    }
    return withContext(deps, async (ctx) => {
      const agency = await findAgencyByKey(ctx.db.kysely, values.agency as string);
      if (!agency) throw errors.validation('agency', '机构', `找不到机构“${values.agency}”`);
      const operator: Actor = { ...actor(), role: 'publisher', agencyId: agency.id };
      const report = await importCatalog(
        operator,
        ctx,
        agency.id,
        { name: basename(path), data },
        {
          check: values.check === true,
        },
      );
      for (const line of reportLines(report)) io.stdout(line);
      if (report.rejected.length === 0 && !report.check)
        for (const item of report.items) io.stdout(`  ${item.indexNo}\t编号 ${item.id}\t${item.title}`);
      return report.rejected.length > 0 ? 1 : 0;
    });
  });
}
