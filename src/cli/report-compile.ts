// `gongkai report compile --agency 机构 --year 年度 [--to FORMAT] [-o 文件]`: an agency's annual report compiled from
// its records (report/compile), printed as JSON in the schema or rendered in the national layout. Exit 0 when the
// report passes every error-severity rule (by construction it always should), 1 when it does not, 2 on bad
// arguments (an unknown agency included).
import { writeFile } from 'node:fs/promises';
import { findAgencyByKey } from '../agencies/repository.ts';
import { DomainError } from '../errors.ts';
import { compileReport } from '../report/compile/index.ts';
import { hasErrors } from '../report/diagnostics.ts';
import { checkReport } from '../report/rules.ts';
import { type CliDeps, parse, UsageError, withContext } from './deps.ts';
import type { Io } from './io.ts';

export const REPORT_COMPILE_USAGE = `  gongkai report compile --agency 机构 --year 年度 [--to json|html|docx|pdf|md|xlsx] [-o 输出文件]
      根据本系统中的记录（公开目录、依申请公开件、复议诉讼案件、年度数据、收费记录）生成该机构的年度报告，
      默认输出 JSON；机构可为编号、全称、简称或统一社会信用代码`;

const FORMATS = ['json', 'html', 'docx', 'pdf', 'md', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

export async function reportCompileCommand(args: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  try {
    const { values, positionals } = parse(args, {
      agency: { type: 'string' },
      year: { type: 'string' },
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
    });
    if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
    const key = (values.agency as string | undefined)?.trim();
    if (!key) throw new UsageError('缺少 --agency：请给出机构的编号、全称、简称或统一社会信用代码');
    const yearText = values.year as string | undefined;
    if (yearText === undefined) throw new UsageError('缺少 --year：请给出报告年度，如 --year 2025');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 2008 || year > 2100)
      throw new UsageError(`--year 应为2008至2100之间的年份，收到“${yearText}”`);
    const format = ((values.to as string | undefined) ?? 'json') as Format;
    if (!FORMATS.includes(format))
      throw new UsageError(`--to 应为 ${FORMATS.join('、')} 之一，收到“${String(values.to)}”`);
    return await withContext(deps, async (ctx) => {
      const agency = await findAgencyByKey(ctx.db.kysely, key);
      if (!agency) throw new UsageError(`--agency：找不到机构“${key}”（可用 gongkai agency list 查看全部机构）`);
      const report = await compileReport(ctx, agency.id, year);
      const errors = checkReport(report).filter((d) => d.severity === 'error');
      // Writers load docx, exceljs and playwright: only when rendering.
      const { FORMAT_EXTENSIONS, renderReport } = await import('../report/write/index.ts');
      const output = await renderReport(report, format);
      let target = values.output as string | undefined;
      if (!target && typeof output !== 'string' && io.stdoutIsTTY)
        target = `${agency.shortName ?? agency.name}${year}年度政府信息公开工作年度报告${FORMAT_EXTENSIONS[format]}`;
      if (target) {
        await writeFile(target, output);
        io.stderr(`已生成 ${target}`);
      } else if (typeof output === 'string') io.stdout(output.replace(/\n$/, ''));
      else io.stdoutRaw(output);
      for (const d of errors) io.stderr(`gongkai: [${d.rule}] ${d.message}`);
      return hasErrors(errors) ? 1 : 0;
    });
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`gongkai: ${e.message}\n\n用法：\n${REPORT_COMPILE_USAGE}`);
      return 2;
    }
    if (e instanceof DomainError) {
      io.stderr(`gongkai: ${e.message}`);
      return e.code === 'validation' ? 2 : 1;
    }
    throw e;
  }
}
