// `gongkai report parse|check|render` — the stable contract of spec §9.
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { hasErrors, ReadError } from '../report/diagnostics.ts';
import type { AnnualReport } from '../report/model.ts';
import { type ReadOptions, readReportFile } from '../report/read/index.ts';
import { checkReport } from '../report/rules.ts';
import { renderJson } from '../report/write/json.ts';
import type { Io } from './io.ts';
import { type FileOutcome, formatFile, formatSummary, progressLine, toCsv } from './output.ts';
import { REPORT_COMPILE_USAGE, reportCompileCommand } from './report-compile.ts';
import { REPORT_IMPORT_USAGE, reportImportCommand } from './report-import.ts';
import { expandInputs } from './walk.ts';

export const REPORT_USAGE = `用法：
  gongkai report parse 文件 [--year 年度] [--agency 机关名称]
      读取年度报告（文本、网页、Word、PDF 或 JSON），输出符合 schema 的 JSON
  gongkai report check 文件或文件夹... [--previous 上年报告] [--json] [--csv 输出.csv] [--year 年度] [--agency 机关名称]
      逐项检查勾稽关系、合计、空白单元格、章节标题等，列出问题
  gongkai report render 文件 --to html|docx|pdf|md|json|xlsx [-o 输出文件]
      按全国统一格式生成报告文件
${REPORT_COMPILE_USAGE}
${REPORT_IMPORT_USAGE}

退出码：0 无错误；1 有错误级问题（check、compile）或导入被拒绝（import）；2 文件无法读取或不含年度报告，或参数有误`;

class UsageError extends Error {}

function readOptions(values: { year?: string; agency?: string }): ReadOptions {
  const options: ReadOptions = {};
  if (values.year !== undefined) {
    const year = Number(values.year);
    if (!Number.isInteger(year) || year < 2008 || year > 2100)
      throw new UsageError(`--year 应为2008至2100之间的年份，收到“${values.year}”`);
    options.year = year;
  }
  if (values.agency !== undefined) options.agency = values.agency;
  return options;
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`参数有误：${(e as Error).message}`);
  }
}

async function parseCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { year: { type: 'string' }, agency: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('report parse 需要且只需要一个文件');
  const file = positionals[0] as string;
  const { report } = await readReportFile(file, readOptions(values as { year?: string; agency?: string }));
  io.stdout(renderJson(report).replace(/\n$/, ''));
  return 0;
}

async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    previous: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'string' },
    year: { type: 'string' },
    agency: { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('report check 需要至少一个文件或文件夹');
  const options = readOptions(values as { year?: string; agency?: string });
  let previous: AnnualReport | null = null;
  if (typeof values.previous === 'string') {
    try {
      previous = (await readReportFile(values.previous)).report;
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      io.stderr(`gongkai: 无法读取上年报告 ${values.previous}：${e.message}`);
      return 2;
    }
  }
  const files = await expandInputs(positionals);
  if (files.length === 0) {
    io.stderr('gongkai: 所给文件夹中没有可检查的报告文件（.txt .md .html .docx .pdf .json）');
    return 2;
  }
  const showProgress = io.stderrIsTTY && files.length > 1 && !values.json;
  const outcomes: FileOutcome[] = [];
  for (const [i, file] of files.entries()) {
    if (showProgress) io.stderrRaw(progressLine(i, files.length, file));
    outcomes.push(await checkOne(file, options, previous));
  }
  if (showProgress) io.stderrRaw(`${progressLine(files.length, files.length, '')}\n`);

  if (values.json) {
    io.stdout(JSON.stringify(outcomes, null, 2));
  } else {
    for (const o of outcomes) io.stdout(formatFile(o));
    if (outcomes.length > 1) io.stdout(`\n${formatSummary(outcomes)}`);
  }
  for (const o of outcomes) if (o.error && !values.json) io.stderr(`gongkai: 无法读取 ${o.file}：${o.error}`);
  if (typeof values.csv === 'string') await writeFile(values.csv, toCsv(outcomes));
  if (outcomes.some((o) => o.error)) return 2;
  return outcomes.some((o) => hasErrors(o.diagnostics)) ? 1 : 0;
}

async function checkOne(file: string, options: ReadOptions, previous: AnnualReport | null): Promise<FileOutcome> {
  try {
    const { report, diagnostics } = await readReportFile(file, options);
    return { file, report, diagnostics: [...diagnostics, ...checkReport(report, { previous })] };
  } catch (e) {
    if (!(e instanceof ReadError)) {
      // A reader bug must not stop a run over thousands of files; it is reported as unreadable.
      return { file, report: null, diagnostics: [], error: `读取时出现内部错误：${(e as Error).message}` };
    }
    return { file, report: null, diagnostics: [], error: e.message };
  }
}

async function renderCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
    year: { type: 'string' },
    agency: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('report render 需要且只需要一个文件');
  // Writers load docx, exceljs and playwright: only when rendering.
  const { FORMAT_EXTENSIONS, renderReport } = await import('../report/write/index.ts');
  const format = values.to as keyof typeof FORMAT_EXTENSIONS | undefined;
  if (!format || !(format in FORMAT_EXTENSIONS)) throw new UsageError('--to 应为 html、docx、pdf、md、json、xlsx 之一');
  const file = positionals[0] as string;
  const { report } = await readReportFile(file, readOptions(values as { year?: string; agency?: string }));
  const output = await renderReport(report, format);
  let target = values.output as string | undefined;
  if (!target && typeof output !== 'string' && io.stdoutIsTTY) {
    target = `${basename(file, extname(file))}${FORMAT_EXTENSIONS[format]}`;
  }
  if (target) {
    await writeFile(target, output);
    io.stderr(`已生成 ${target}`);
  } else if (typeof output === 'string') io.stdout(output.replace(/\n$/, ''));
  else io.stdoutRaw(output);
  return 0;
}

export async function reportCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'parse':
        return await parseCommand(rest, io);
      case 'check':
        return await checkCommand(rest, io);
      case 'render':
        return await renderCommand(rest, io);
      case 'compile':
        return await reportCompileCommand(rest, io);
      case 'import':
        return await reportImportCommand(rest, io);
      default:
        io.stderr(REPORT_USAGE);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`gongkai: ${e.message}\n\n${REPORT_USAGE}`);
      return 2;
    }
    if (e instanceof ReadError) {
      io.stderr(`gongkai: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
