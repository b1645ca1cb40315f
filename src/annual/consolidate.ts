// Consolidation for the supervising office (issue 6 point 6): its subtree for a year as a matrix — one row per
// agency, in tree order: where its report stands (未开始 … 已发布), late, has errors — and the tables of the subtree
// summed cell by cell, for the office's own report. Each agency's report is taken as it stands: the frozen snapshot
// once submitted, else compiled live from the records (`reportView`), so one compilation per agency.
import { authorize } from '../agencies/authorize.ts';
import type { Actor, Agency } from '../agencies/model.ts';
import { decide } from '../agencies/policy.ts';
import { listAgencyRows } from '../agencies/repository.ts';
import { beijingDate } from '../calendar/dates.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { type AnnualReport, CELL_PATHS, emptyReport, getCell, isDecimalCell, setCell } from '../report/model.ts';
import { STANDING_LABELS, type Standing } from './model.ts';
import { type ReportView, reportView } from './service.ts';

/** The matrix's count columns besides the standings. */
export type MatrixCount = Standing | 'late' | 'hasErrors';

export interface MatrixRow {
  agency: Agency;
  /** 0 for the root, 1 for its departments, … (for indentation). */
  depth: number;
  standing: Standing;
  late: boolean;
  hasErrors: boolean;
  /** Error-severity diagnostics of its report as it stands. */
  errorCount: number;
  due: string;
  /** Beijing dates; null when not (yet). */
  submittedOn: string | null;
  publishedOn: string | null;
}

export interface Matrix {
  root: Agency;
  year: number;
  rows: MatrixRow[];
  counts: Record<MatrixCount, number>;
}

export type SumScope = 'approved' | 'all';
export const SUM_SCOPE_LABELS: Record<SumScope, string> = {
  approved: '仅汇总已审核通过和已发布的报告',
  all: '汇总全部机关（含未报送的，按当前记录编制）',
};

export interface Summed {
  /** The subtree's tables summed; agency = the root's name; texts empty. */
  report: AnnualReport;
  contributors: { agency: Agency; standing: Standing }[];
  /** Which agencies and in which state were included, in Chinese. */
  note: string;
}

interface Entry {
  agency: Agency;
  depth: number;
  view: ReportView;
}

/** The agency and everything below it, depth-first in id order (as subtreeIds finds them, but as a tree). */
function treeOf(all: readonly Agency[], root: Agency): { agency: Agency; depth: number }[] {
  const out: { agency: Agency; depth: number }[] = [];
  const walk = (agency: Agency, depth: number) => {
    out.push({ agency, depth });
    if (depth < 16) for (const a of all) if (a.parentId === agency.id) walk(a, depth + 1);
  };
  walk(root, 0);
  return out;
}

/**
 * Every report of the subtree the actor may see, as it stands: the actor must see the root; an agency's own user
 * (report.view on its own agency only) sees just the root's row.
 */
async function subtreeViews(actor: Actor, ctx: Context, rootId: number, year: number) {
  await authorize(actor, ctx, 'report.view', rootId, { type: 'annualReport', id: `subtree:${rootId}/${year}` });
  const all = await listAgencyRows(ctx.db.kysely);
  const root = all.find((a) => a.id === rootId);
  if (!root) throw errors.notFound('机构', rootId);
  const nodes = decide(actor.role, 'report.view', 'child') ? treeOf(all, root) : [{ agency: root, depth: 0 }];
  const entries: Entry[] = [];
  for (const node of nodes) entries.push({ ...node, view: await reportView(ctx, node.agency.id, year) });
  return { root, entries };
}

const standingOf = (view: ReportView): Standing => view.record?.status ?? 'notStarted';
const dateOf = (instant: string | null) => (instant ? beijingDate(new Date(instant)) : null);

function matrixOf(root: Agency, year: number, entries: readonly Entry[]): Matrix {
  const rows = entries.map(({ agency, depth, view }): MatrixRow => {
    const errorCount = view.diagnostics.filter((d) => d.severity === 'error').length;
    return {
      agency,
      depth,
      standing: standingOf(view),
      late: view.late,
      hasErrors: errorCount > 0,
      errorCount,
      due: view.due,
      submittedOn: dateOf(view.record?.submittedAt ?? null),
      publishedOn: view.record?.publishedOn ?? null,
    };
  });
  const counts = Object.fromEntries(
    [...Object.keys(STANDING_LABELS), 'late', 'hasErrors'].map((k) => [k, 0]),
  ) as Record<MatrixCount, number>;
  for (const r of rows) {
    counts[r.standing] += 1;
    if (r.late) counts.late += 1;
    if (r.hasErrors) counts.hasErrors += 1;
  }
  return { root, year, rows, counts };
}

/** The tables of these reports summed cell by cell; 万元 summed in hundredths so that no float drift creeps in. */
export function sumReports(reports: readonly AnnualReport[], year: number, agency: string | null): AnnualReport {
  const out = emptyReport(year, agency);
  for (const path of CELL_PATHS) {
    if (isDecimalCell(path)) {
      const cents = reports.reduce((s, r) => s + Math.round(getCell(r, path) * 100), 0);
      setCell(out, path, cents / 100);
    } else
      setCell(
        out,
        path,
        reports.reduce((s, r) => s + getCell(r, path), 0),
      );
  }
  return out;
}

function summedOf(root: Agency, year: number, entries: readonly Entry[], include: SumScope): Summed {
  const chosen = entries.filter((e) => include === 'all' || ['approved', 'published'].includes(standingOf(e.view)));
  const contributors = chosen.map((e) => ({ agency: e.agency, standing: standingOf(e.view) }));
  const report = sumReports(
    chosen.map((e) => e.view.report),
    year,
    root.name,
  );
  const list = contributors.map((c) => `${c.agency.name}（${STANDING_LABELS[c.standing]}）`).join('、');
  const note =
    contributors.length === 0
      ? `${year}年度尚无可汇总的报告（${SUM_SCOPE_LABELS[include]}）。`
      : `本表汇总了${contributors.length}个机关${year}年度报告的表格：${list}。`;
  return { report, contributors, note };
}

/** The subtree's matrix for a year. */
export async function subtreeMatrix(actor: Actor, ctx: Context, rootId: number, year: number): Promise<Matrix> {
  const { root, entries } = await subtreeViews(actor, ctx, rootId, year);
  return matrixOf(root, year, entries);
}

/** The subtree's tables summed: only approved/published reports, or all as they stand. */
export async function summedReport(
  actor: Actor,
  ctx: Context,
  rootId: number,
  year: number,
  options: { include: SumScope } = { include: 'approved' },
): Promise<Summed> {
  const { root, entries } = await subtreeViews(actor, ctx, rootId, year);
  return summedOf(root, year, entries, options.include);
}

/** Both from one compilation of each report (the overview page shows both). */
export async function consolidation(
  actor: Actor,
  ctx: Context,
  rootId: number,
  year: number,
  options: { include: SumScope } = { include: 'approved' },
): Promise<{ matrix: Matrix; summed: Summed }> {
  const { root, entries } = await subtreeViews(actor, ctx, rootId, year);
  return { matrix: matrixOf(root, year, entries), summed: summedOf(root, year, entries, options.include) };
}
