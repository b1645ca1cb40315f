// The report's drill-down (issue 6 point 4): the records behind one cell of an agency's compiled report for a year,
// chosen by the very predicates the compiler counts with — table 三 by `placeApplication` (countYear), table 二 by
// `countedItems` + `VALIDITY_RULES` (validityCounts), table 四 by `caseCell` (appealCounts) — so the number of
// records listed is the cell's number by construction. The yearly figures (行政许可 …) are one entered record, not
// a list. No applicant names or contact data are read: the drill-down is for counting.

import type { Kysely } from 'kysely';
import { caseCell, casesFiledIn } from '../../appeals/counts.ts';
import { type CountedApplication, placeApplication } from '../../applications/counts.ts';
import { listForYear } from '../../applications/repository.ts';
import { countedItems, VALIDITY_RULES } from '../../catalog/counts.ts';
import { centsToNumber, type YearlyFigures } from '../../figures/model.ts';
import { findFigures } from '../../figures/repository.ts';
import type { Schema } from '../../storage/schema.ts';
import {
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  type AppealGroup,
  type ApplicantColumn,
  CASE_COLUMNS,
  type CaseColumn,
  DOC_COLUMNS,
  type DocColumn,
  isCellPath,
  REQUEST_ROWS,
  type RequestRow,
} from '../model.ts';

type Db = Kysely<Schema>;

export type FigureField = 'licensing' | 'punishment' | 'coercion' | 'feesTenThousandYuan';

/** What a cell path names: which records, and which part of them. */
export type CellSpec =
  | { source: 'applications'; row: RequestRow; column: ApplicantColumn }
  | { source: 'catalog'; kind: 'rule' | 'normative'; column: DocColumn }
  | { source: 'figures'; field: FigureField }
  | { source: 'appeals'; group: AppealGroup; column: CaseColumn };

const has = <T extends string>(values: readonly T[], v: string | undefined): v is T =>
  (values as readonly string[]).includes(v ?? '');

/** The cell a path names, or null when it is not one of the report's 200 cells. */
export function cellSpec(path: string): CellSpec | null {
  if (!isCellPath(path)) return null;
  const [table, a, b] = path.split('.');
  if (table === 'requests' && has(REQUEST_ROWS, a) && has(APPLICANT_COLUMNS, b))
    return { source: 'applications', row: a, column: b };
  if (table === 'appeals' && has(APPEAL_GROUPS, a) && has(CASE_COLUMNS, b))
    return { source: 'appeals', group: a, column: b };
  if (table === 'proactive' && (a === 'rules' || a === 'normativeDocuments') && has(DOC_COLUMNS, b))
    return { source: 'catalog', kind: a === 'rules' ? 'rule' : 'normative', column: b };
  if (table === 'proactive' && a && b === undefined) return { source: 'figures', field: a as FigureField };
  return null;
}

/** Whether an application counts in table 三's cell (row, column) for the year: the compiler's own placement. */
export function applicationInCell(app: CountedApplication, year: number, row: RequestRow, column: ApplicantColumn) {
  const place = placeApplication(app, year);
  if (!place) return false;
  if (column !== 'total' && app.applicantKind !== column) return false;
  if (row === 'received' || row === 'carriedOver') return place.entry === row;
  if (row === 'totalHandled') return place.exit !== 'carriedForward';
  return place.exit === row;
}

export interface ApplicationEntry extends CountedApplication {
  id: number;
  trackingNo: string;
}

export interface CatalogEntry {
  id: number;
  kind: 'rule' | 'normative';
  title: string;
  docNo: string | null;
  formedOn: string;
  publishedOn: string | null;
  /** The first day it went out of force (废止 or 失效), if it has. */
  endedOn: string | null;
  validity: string | null;
}

export interface AppealEntry {
  id: number;
  group: AppealGroup;
  /** The column it counts in for the year (as of 31 December). */
  column: Exclude<CaseColumn, 'total'>;
  caseNo: string | null;
  bodyName: string;
  filedOn: string;
  result: string;
  resultOn: string | null;
}

export type CellRecords =
  | { source: 'applications'; rows: ApplicationEntry[] }
  | { source: 'catalog'; rows: CatalogEntry[] }
  | { source: 'appeals'; rows: AppealEntry[] }
  | { source: 'figures'; field: FigureField; figures: YearlyFigures | null };

async function itemsOf(db: Db, agencyId: number, year: number, kind: 'rule' | 'normative', column: DocColumn) {
  const rows = await countedItems(db, agencyId)
    .where('i.kind', '=', kind)
    .where(VALIDITY_RULES[column](year))
    .select(['i.id', 'i.title', 'i.doc_no', 'i.formed_on', 'i.published_on', 'i.validity', 'ended.ended_on'])
    .orderBy('i.formed_on')
    .orderBy('i.id')
    .execute();
  return rows.map(
    (r): CatalogEntry => ({
      id: Number(r.id),
      kind,
      title: r.title,
      docNo: r.doc_no,
      formedOn: r.formed_on,
      publishedOn: r.published_on,
      endedOn: r.ended_on ?? null,
      validity: r.validity,
    }),
  );
}

async function casesOf(db: Db, agencyId: number, year: number, group: AppealGroup, column: CaseColumn) {
  const rows = await casesFiledIn(db, agencyId, year)
    .select(['id', 'kind', 'role', 'case_no', 'body_name', 'filed_on', 'result', 'result_on'])
    .orderBy('filed_on')
    .orderBy('id')
    .execute();
  const out: AppealEntry[] = [];
  for (const r of rows) {
    const cell = caseCell(r, year);
    if (!cell || cell.group !== group || (column !== 'total' && cell.column !== column)) continue;
    out.push({
      id: Number(r.id),
      group: cell.group,
      column: cell.column,
      caseNo: r.case_no,
      bodyName: r.body_name,
      filedOn: r.filed_on,
      result: r.result,
      resultOn: r.result_on,
    });
  }
  return out;
}

/** The records behind a cell of the agency's report for the year, as of today's records. */
export async function cellRecords(db: Db, agencyId: number, year: number, spec: CellSpec): Promise<CellRecords> {
  switch (spec.source) {
    case 'applications': {
      const all = await listForYear(db, agencyId, year);
      return { source: 'applications', rows: all.filter((a) => applicationInCell(a, year, spec.row, spec.column)) };
    }
    case 'catalog':
      return { source: 'catalog', rows: await itemsOf(db, agencyId, year, spec.kind, spec.column) };
    case 'appeals':
      return { source: 'appeals', rows: await casesOf(db, agencyId, year, spec.group, spec.column) };
    case 'figures':
      return { source: 'figures', field: spec.field, figures: (await findFigures(db, agencyId, year)) ?? null };
  }
}

/** The cell's number from today's records: the count of the list, or the entered figure (0 when none). */
export function liveValue(records: CellRecords): number {
  if (records.source !== 'figures') return records.rows.length;
  const f = records.figures;
  if (!f) return 0;
  return records.field === 'feesTenThousandYuan' ? centsToNumber(f.feesCents) : f[records.field];
}
