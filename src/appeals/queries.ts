// Reading appeal cases: the staff's list with filters and paging, one case with its documents, a document's bytes,
// the cases of one application, and table 四 of an agency for a year. Staff read their own agency's cases and
// inspectors their subtree (application.view); the applicant's or plaintiff's name is shown in full only to the
// staff of the agency the case is brought against, masked for everyone else.

import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { listAgencyRows } from '../agencies/repository.ts';
import { subtreeIds } from '../agencies/service.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import type { Page } from '../paging.ts';
import { type AppealGroup, CASE_COLUMNS, type CaseColumn, type CaseResults } from '../report/model.ts';
import { appealCounts } from './counts.ts';
import {
  type AppealCase,
  type CaseDocument,
  KIND_LABELS,
  KINDS,
  type Kind,
  maskName,
  RESULT_LABELS,
  RESULTS,
  type Result,
  ROLE_LABELS,
} from './model.ts';
import { documentsOf, findCase, findDocument, toCase } from './repository.ts';

export const PAGE_SIZE = 20;

/** Whether the actor sees the applicant's or plaintiff's name: staff of the agency, not inspectors. */
export const seesPersonalData = (actor: Actor, c: Pick<AppealCase, 'agencyId'>) =>
  actor.agencyId === c.agencyId && actor.role !== 'inspector';

export interface CaseView extends Omit<AppealCase, 'appellantName'> {
  agencyName: string;
  kindLabel: string;
  roleLabel: string;
  resultLabel: string;
  /** Counted in the agency's table 四 (false for a 复议机关 named as co-defendant, 201号). */
  counted: boolean;
  /** 查询号 of the application the case concerns. */
  trackingNo: string | null;
  earlierCaseNo: string | null;
  /** Masked (张*) for anyone but the agency's staff. */
  appellantName: string;
  personalDataMasked: boolean;
}

interface Lookups {
  agencyNames: Map<number, string>;
  trackingNos: Map<number, string>;
  caseNos: Map<number, string | null>;
}

async function lookupsFor(ctx: Context, cases: readonly AppealCase[]): Promise<Lookups> {
  const db = ctx.db.kysely;
  const agencies = await listAgencyRows(db);
  const appIds = [...new Set(cases.map((c) => c.applicationId).filter((v): v is number => v !== null))];
  const apps =
    appIds.length === 0
      ? []
      : await db.selectFrom('applications').select(['id', 'tracking_no']).where('id', 'in', appIds).execute();
  const earlierIds = [...new Set(cases.map((c) => c.earlierCaseId).filter((v): v is number => v !== null))];
  const earlier =
    earlierIds.length === 0
      ? []
      : await db.selectFrom('appeal_cases').select(['id', 'case_no']).where('id', 'in', earlierIds).execute();
  return {
    agencyNames: new Map(agencies.map((a) => [a.id, a.name])),
    trackingNos: new Map(apps.map((a) => [Number(a.id), a.tracking_no])),
    caseNos: new Map(earlier.map((e) => [Number(e.id), e.case_no])),
  };
}

function present(actor: Actor, c: AppealCase, l: Lookups): CaseView {
  const full = seesPersonalData(actor, c);
  return {
    ...c,
    agencyName: l.agencyNames.get(c.agencyId) ?? '',
    kindLabel: KIND_LABELS[c.kind],
    roleLabel: ROLE_LABELS[c.role],
    resultLabel: RESULT_LABELS[c.result],
    counted: c.role === 'original',
    trackingNo: c.applicationId === null ? null : (l.trackingNos.get(c.applicationId) ?? null),
    earlierCaseNo: c.earlierCaseId === null ? null : (l.caseNos.get(c.earlierCaseId) ?? null),
    appellantName: full ? c.appellantName : (maskName(c.appellantName) ?? ''),
    personalDataMasked: !full,
  };
}

/** The agencies whose cases the actor reads: their own, and an inspector's whole subtree. */
export async function scopeOf(actor: Actor, ctx: Context): Promise<number[]> {
  await authorize(actor, ctx, 'application.view', actor.agencyId, { type: 'appeal', id: null });
  const home = actor.agencyId as number;
  return actor.role === 'inspector' ? subtreeIds(ctx, home) : [home];
}

export interface CaseFilter {
  /** One agency within the actor's scope. */
  agencyId?: number | null;
  /** Filed (受理/立案) in this year. */
  year?: number | null;
  kind?: Kind | null;
  result?: Result | null;
  /** Only cases not yet concluded. */
  pending?: boolean;
  /** With `year`: the cases behind one column of table 四 (counted only, result as of 31 December). */
  column?: CaseColumn | null;
  page?: number;
  pageSize?: number;
}

export type { Page } from '../paging.ts';

const isKind = (v: unknown): v is Kind => (KINDS as readonly unknown[]).includes(v);
const isResult = (v: unknown): v is Result => (RESULTS as readonly unknown[]).includes(v);

/** The staff's list, latest filed first. */
export async function listCases(actor: Actor, ctx: Context, filter: CaseFilter = {}): Promise<Page<CaseView>> {
  let agencyIds = await scopeOf(actor, ctx);
  if (filter.agencyId) agencyIds = agencyIds.filter((id) => id === filter.agencyId);
  const pageSize = Math.min(Math.max(filter.pageSize ?? PAGE_SIZE, 1), 100);
  const page = Math.max(filter.page ?? 1, 1);
  if (agencyIds.length === 0) return { rows: [], total: 0, page, pageSize };
  let q = ctx.db.kysely.selectFrom('appeal_cases').where('agency_id', 'in', agencyIds);
  if (filter.year)
    q = q.where('filed_on', '>=', `${filter.year}-01-01`).where('filed_on', '<=', `${filter.year}-12-31`);
  if (isKind(filter.kind)) q = q.where('kind', '=', filter.kind);
  if (isResult(filter.result)) q = q.where('result', '=', filter.result);
  if (filter.pending) q = q.where('result', '=', 'pending');
  if (filter.year && (CASE_COLUMNS as readonly unknown[]).includes(filter.column)) {
    const end = `${filter.year}-12-31`;
    q = q.where('role', '=', 'original');
    if (filter.column === 'pending')
      q = q.where((eb) => eb.or([eb('result', '=', 'pending'), eb('result_on', '>', end)]));
    else if (filter.column !== 'total')
      q = q.where('result', '=', filter.column as Result).where('result_on', '<=', end);
  }
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = (
    await q
      .selectAll()
      .orderBy('filed_on', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute()
  ).map(toCase);
  const l = await lookupsFor(ctx, rows);
  return { rows: rows.map((c) => present(actor, c, l)), total: Number(count.n), page, pageSize };
}

export interface CaseDetail extends CaseView {
  documents: CaseDocument[];
  /** Suits after reconsideration that name this case as their earlier one. */
  laterCases: { id: number; caseNo: string | null; kindLabel: string }[];
}

/** One case with its documents. */
export async function getCase(actor: Actor, ctx: Context, id: number): Promise<CaseDetail> {
  const c = await findCase(ctx.db.kysely, id);
  await authorize(actor, ctx, 'application.view', c?.agencyId ?? null, { type: 'appeal', id });
  if (!c) throw errors.notFound('复议诉讼案件', id);
  const later = await ctx.db.kysely
    .selectFrom('appeal_cases')
    .select(['id', 'case_no', 'kind'])
    .where('earlier_case_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...present(actor, c, await lookupsFor(ctx, [c])),
    documents: await documentsOf(ctx.db.kysely, id),
    laterCases: later.map((r) => ({
      id: Number(r.id),
      caseNo: r.case_no,
      kindLabel: KIND_LABELS[r.kind as Kind] ?? r.kind,
    })),
  };
}

/** A document's bytes, for whoever may read its case. */
export async function caseDocument(actor: Actor, ctx: Context, documentId: number) {
  const found = await findDocument(ctx.db.kysely, documentId);
  const owner = found ? await findCase(ctx.db.kysely, found.document.caseId) : null;
  await authorize(actor, ctx, 'application.view', owner?.agencyId ?? null, { type: 'appealDocument', id: documentId });
  if (!found || !owner) throw errors.notFound('文书', documentId);
  return found;
}

/** The cases about one application (shown on its console page). */
export async function casesOfApplication(actor: Actor, ctx: Context, applicationId: number): Promise<CaseView[]> {
  const app = await ctx.db.kysely
    .selectFrom('applications')
    .select(['agency_id'])
    .where('id', '=', applicationId)
    .executeTakeFirst();
  const agencyId = app ? Number(app.agency_id) : null;
  await authorize(actor, ctx, 'application.view', agencyId, { type: 'application', id: applicationId });
  if (!app) throw errors.notFound('申请', applicationId);
  const rows = (
    await ctx.db.kysely
      .selectFrom('appeal_cases')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('filed_on')
      .orderBy('id')
      .execute()
  ).map(toCase);
  const l = await lookupsFor(ctx, rows);
  return rows.map((c) => present(actor, c, l));
}

/** Table 四 of an agency's report for a year, for whoever may read its cases. */
export async function tableFour(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  year: number,
): Promise<Record<AppealGroup, CaseResults>> {
  await authorize(actor, ctx, 'application.view', agencyId, { type: 'agency', id: agencyId });
  return appealCounts(ctx.db.kysely, agencyId, year);
}
