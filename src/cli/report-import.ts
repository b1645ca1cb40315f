// `gongkai report import 文件 --agency 机构 [--year 年度] [--published-on YYYY-MM-DD]`: an agency's annual report
// published before the system was installed (Word, PDF, web page, text or JSON), read by the report engine's readers
// and stored as published (annual/service.ts importReport) for the cross-year rules and the open data. Prints what
// was imported and the report's diagnostics. Exit 0 when imported, 1 on a domain error (a year compiled in the
// system, a missing publication date…), 2 on bad arguments or a file that cannot be read. The command line acts as
// a 承办人 of that agency (the import needs report.edit); the audit entry names the operating system user.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Actor } from '../agencies/model.ts';
import { findAgencyByKey } from '../agencies/repository.ts';
import { importReport } from '../annual/service.ts';
import { isIsoDate } from '../calendar/dates.ts';
import { DomainError } from '../errors.ts';
import { ReadError } from '../report/diagnostics.ts';
import { actor, type CliDeps, parse, UsageError, withContext } from './deps.ts';
import type { Io } from './io.ts';

export const REPORT_IMPORT_USAGE = `  gongkai report import 文件 --agency 机构 [--year 年度] [--published-on YYYY-MM-DD]
      导入机构在使用本系统以前已发布的年度报告（文本、网页、Word、PDF 或 JSON），保存为已发布状态，
      用于跨年度核对和开放数据；文件中未写明年度或发布日期时用 --year、--published-on 指定`;

const USAGE = `用法：\n${REPORT_IMPORT_USAGE}`;

export async function reportImportCommand(args: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  try {
    const { values, positionals } = parse(args, {
      agency: { type: 'string' },
      year: { type: 'string' },
      'published-on': { type: 'string' },
    });
    const [path, ...rest] = positionals;
    if (!path) throw new UsageError('请指定要导入的报告文件');
    if (rest.length > 0) throw new UsageError(`多余的参数：${rest.join(' ')}`);
    const key = (values.agency as string | undefined)?.trim();
    if (!key) throw new UsageError('缺少 --agency：请给出机构的编号、全称、简称或统一社会信用代码');
    const yearText = values.year as string | undefined;
    const year = yearText === undefined ? undefined : Number(yearText);
    if (yearText !== undefined && (!/^\d{4}$/.test(yearText) || (year as number) < 2008 || (year as number) > 2100))
      throw new UsageError(`--year 应为2008至2100之间的年份，收到“${yearText}”`);
    const publishedOn = values['published-on'] as string | undefined;
    if (publishedOn !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(publishedOn) && isIsoDate(publishedOn)))
      throw new UsageError(`--published-on 应为YYYY-MM-DD格式的日期，收到“${publishedOn}”`);
    let data: Uint8Array;
    try {
      data = new Uint8Array(await readFile(path));
    } catch (e) {
      throw new ReadError(`无法读取文件“${path}”：${(e as Error).message}`);
    }
    return await withContext(deps, async (ctx) => {
      const agency = await findAgencyByKey(ctx.db.kysely, key);
      if (!agency) throw new UsageError(`--agency：找不到机构“${key}”（可用 gongkai agency list 查看全部机构）`);
      const operator: Actor = { ...actor(), role: 'handler', agencyId: agency.id };
      const { record, diagnostics } = await importReport(operator, ctx, agency.id, {
        data,
        name: basename(path),
        ...(year !== undefined ? { year } : {}),
        ...(publishedOn !== undefined ? { publishedOn } : {}),
      });
      io.stdout(`已导入 ${agency.name} ${record.year}年度报告（发布日期 ${record.publishedOn}），状态为已发布`);
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      io.stdout(
        diagnostics.length === 0
          ? '检查未发现问题'
          : `检查发现 ${errors} 个错误、${diagnostics.length - errors} 个警告（往年报告按原样导入）：`,
      );
      for (const d of diagnostics) io.stdout(`  ${d.severity === 'error' ? '错误' : '警告'} [${d.rule}] ${d.message}`);
      return 0;
    });
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`gongkai: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof ReadError) {
      io.stderr(`gongkai: 无法导入：${e.message}`);
      return 2;
    }
    if (e instanceof DomainError) {
      io.stderr(`gongkai: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
