// 年度数据导入 (issue 6 point 2): the yearly figures of several agencies and years from one CSV or XLSX with the
// columns 机构 (full or short name, id or 统一社会信用代码), 年度, 行政许可, 行政处罚, 行政强制, 行政事业性收费（万元）
// and optionally 数据来源. Every row is checked first; if any is rejected nothing is written and the report names each
// rejected row's line, column and reason. The rows are then written in ONE transaction with one audit entry.
// Each row's agency must be one the actor may set (agency.update), as when entering them by hand.
import { createHash } from 'node:crypto';
import { authorize, permits } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { findAgencyByKey } from '../agencies/repository.ts';
import type { Context } from '../context.ts';
import { isDomainError } from '../errors.ts';
import { transaction } from '../storage/transaction.ts';
import { missingColumns, type Rejection, readUpload } from '../tables/table-file.ts';
import { parseInput } from '../validation.ts';
import { centsToText } from './model.ts';
import { findFigures, upsertFigures } from './repository.ts';
import { FIGURE_FIELD_LABELS, type FiguresFields, figuresInput } from './schema.ts';

/** The columns an import understands, each with the header variants in use (the first is the canonical one). */
export const FIGURE_COLUMNS = {
  agency: ['机构', '机关', '单位', '机构名称', '机关名称', '单位名称', '统一社会信用代码', '机构编号'],
  year: ['年度', '年份', '年'],
  licensing: ['行政许可', '行政许可决定数', '行政许可处理决定数量', '行政许可本年处理决定数量'],
  punishment: ['行政处罚', '行政处罚决定数', '行政处罚处理决定数量', '行政处罚本年处理决定数量'],
  coercion: ['行政强制', '行政强制决定数', '行政强制处理决定数量', '行政强制本年处理决定数量'],
  fees: ['行政事业性收费', '行政事业性收费金额', '本年收费金额', '收费金额'],
  source: ['数据来源', '来源'],
} as const;
export type FigureColumn = keyof typeof FIGURE_COLUMNS;
const REQUIRED: readonly FigureColumn[] = ['agency', 'year', 'licensing', 'punishment', 'coercion', 'fees'];
const LABEL: Record<FigureColumn, string> = {
  agency: '机构',
  year: '年度',
  licensing: '行政许可',
  punishment: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费（万元）',
  source: '数据来源',
};

export interface FiguresImportFile {
  name: string;
  data: Uint8Array;
}

export type RejectedFigureRow = Rejection;

export interface ImportedFigures {
  line: number;
  agencyId: number;
  agencyName: string;
  year: number;
  licensing: number;
  punishment: number;
  coercion: number;
  fees: string;
  /** Whether figures for that agency and year existed and are replaced. */
  replaces: boolean;
}

export interface FiguresImportReport {
  fileName: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  rows: number;
  imported: number;
  rejected: RejectedFigureRow[];
  check: boolean;
  figures: ImportedFigures[];
}

function normalizeHeader(raw: string): { name: string; unit: string | null } {
  const h = raw.replace(/^\uFEFF/, '').replace(/[\s*＊]/g, '');
  const m = /^(.*?)[（(]([^）)]*)[）)]$/.exec(h);
  return m ? { name: m[1] as string, unit: m[2] as string } : { name: h, unit: null };
}

/** Header cell → column. A fee column in 元 rather than 万元 is refused (the report's unit is 万元). */
function headerMap(header: string[]) {
  const columns = new Map<number, FigureColumn>();
  const names = new Map<FigureColumn, string>();
  const problems: { column: string; reason: string }[] = [];
  header.forEach((raw, i) => {
    const { name, unit } = normalizeHeader(raw);
    for (const [col, variants] of Object.entries(FIGURE_COLUMNS) as [FigureColumn, readonly string[]][])
      if (variants.includes(name) && !names.has(col)) {
        if (col === 'fees' && unit !== null && unit !== '万元' && unit !== '单位：万元')
          problems.push({
            column: raw.trim(),
            reason: `金额单位应为万元（表二“本年收费金额（单位：万元）”），表头写的是“${unit}”`,
          });
        columns.set(i, col);
        names.set(col, raw.trim());
      }
  });
  return { columns, names, problems };
}

export async function importFigures(
  actor: Actor,
  ctx: Context,
  file: FiguresImportFile,
  options: { check?: boolean } = {},
): Promise<FiguresImportReport> {
  await authorize(actor, ctx, 'agency.update', actor.agencyId, { type: 'yearlyFigures', id: null });
  const check = options.check ?? false;
  const report: FiguresImportReport = {
    fileName: file.name,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    format: 'csv',
    rows: 0,
    imported: 0,
    rejected: [],
    check,
    figures: [],
  };
  const upload = await readUpload(file.data, file.name);
  if (upload.rejection) {
    report.rejected.push(upload.rejection);
    return report;
  }
  const { head, data } = upload;
  report.format = upload.format;
  const { columns, names, problems } = headerMap(head.cells);
  for (const p of problems) report.rejected.push({ line: head.line, ...p });
  report.rejected.push(...missingColumns(head, names, REQUIRED, FIGURE_COLUMNS, LABEL));
  if (report.rejected.length > 0) return report;
  report.rows = data.length;
  if (data.length === 0) {
    report.rejected.push({ line: head.line + 1, column: null, reason: '没有数据行' });
    return report;
  }

  const db = ctx.db.kysely;
  const fieldColumn: Record<string, FigureColumn> = {
    year: 'year',
    licensing: 'licensing',
    punishment: 'punishment',
    coercion: 'coercion',
    fees: 'fees',
    source: 'source',
  };
  const checked: { line: number; agencyId: number; agencyName: string; v: FiguresFields }[] = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const cells: Partial<Record<FigureColumn, string>> = {};
    columns.forEach((col, i) => {
      cells[col] = (row.cells[i] ?? '').trim();
    });
    const reject = (col: FigureColumn | null, reason: string) =>
      report.rejected.push({ line: row.line, column: col ? (names.get(col) ?? LABEL[col]) : null, reason });
    const key = cells.agency ?? '';
    if (key === '') {
      reject('agency', '机构不能为空（填写全称、简称、编号或统一社会信用代码）');
      continue;
    }
    const agency = await findAgencyByKey(db, key);
    if (!agency) {
      reject('agency', `找不到机构“${key}”`);
      continue;
    }
    if (!(await permits(actor, ctx, 'agency.update', agency.id))) {
      reject('agency', `无权修改${agency.name}的年度数据`);
      continue;
    }
    let v: FiguresFields;
    try {
      v = parseInput(figuresInput, { ...cells, source: cells.source || `导入：${file.name}` }, FIGURE_FIELD_LABELS);
    } catch (e) {
      if (!isDomainError(e, 'validation')) throw e;
      reject(fieldColumn[e.field ?? ''] ?? null, e.message);
      continue;
    }
    const earlier = seen.get(`${agency.id}/${v.year}`);
    if (earlier !== undefined) {
      reject('year', `${agency.name}${v.year}年度的数据与第${earlier}行重复`);
      continue;
    }
    seen.set(`${agency.id}/${v.year}`, row.line);
    checked.push({ line: row.line, agencyId: agency.id, agencyName: agency.name, v });
  }
  report.rejected.sort((a, b) => a.line - b.line);
  if (report.rejected.length > 0) return report;
  for (const c of checked)
    report.figures.push({
      line: c.line,
      agencyId: c.agencyId,
      agencyName: c.agencyName,
      year: c.v.year,
      licensing: c.v.licensing,
      punishment: c.v.punishment,
      coercion: c.v.coercion,
      fees: centsToText(c.v.fees),
      replaces: (await findFigures(db, c.agencyId, c.v.year)) !== undefined,
    });
  if (check) return report;

  const intent = { action: 'figures.import', objectType: 'yearlyFigures', objectId: null };
  await transaction(ctx, actor, intent, async (tx) => {
    for (const c of checked)
      await upsertFigures(tx.kysely, {
        agencyId: c.agencyId,
        year: c.v.year,
        licensing: c.v.licensing,
        punishment: c.v.punishment,
        coercion: c.v.coercion,
        feesCents: c.v.fees,
        source: c.v.source,
        enteredAt: tx.now,
        enteredBy: actor.name,
        enteredById: actor.id,
      });
    report.imported = checked.length;
    tx.note({
      after: {
        fileName: file.name,
        sha256: report.sha256,
        format: report.format,
        rows: report.rows,
        imported: report.imported,
        figures: report.figures.map(({ agencyId, year, licensing, punishment, coercion, fees }) => ({
          agencyId,
          year,
          licensing,
          punishment,
          coercion,
          fees,
        })),
      },
    });
  });
  return report;
}

/** The report as lines of text (the console page's summary). */
export function figuresReportLines(r: FiguresImportReport): string[] {
  const lines = [`文件：${r.fileName}（${r.format.toUpperCase()}，SHA-256 ${r.sha256}）`, `数据行：${r.rows}`];
  if (r.rejected.length > 0) {
    lines.push(`有 ${r.rejected.length} 处问题，未导入任何数据（全部改正后重新导入）：`);
    for (const x of r.rejected) lines.push(`  第${x.line}行${x.column ? `“${x.column}”列` : ''}：${x.reason}`);
  } else if (r.check) lines.push(`检查通过：可导入 ${r.figures.length} 条年度数据（仅检查，未导入）。`);
  else lines.push(`已导入 ${r.figures.length} 条年度数据。`);
  return lines;
}
