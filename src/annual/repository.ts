// Rows of annual_reports and annual_report_events in and out. No policy here: service.ts and queries.ts decide who
// may call what.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { AnnualReport } from '../report/model.ts';
import type { AnnualReportTable, Schema } from '../storage/schema.ts';
import type { Acknowledged, EventKind, Origin, ReportEvent, ReportRecord, Status } from './model.ts';

type Db = Kysely<Schema>;

export function toRecord(r: Selectable<AnnualReportTable>): ReportRecord {
  return {
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    year: Number(r.year),
    status: r.status as Status,
    origin: r.origin as Origin,
    texts: { overview: r.overview, problems: r.problems, other: r.other },
    snapshot: r.snapshot_json ? (JSON.parse(r.snapshot_json) as AnnualReport) : null,
    acknowledged: r.acknowledged_json ? (JSON.parse(r.acknowledged_json) as Acknowledged[]) : [],
    comment: r.comment,
    publishedOn: r.published_on,
    sourceName: r.source_name,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
  };
}

export async function findReport(db: Db, agencyId: number, year: number): Promise<ReportRecord | undefined> {
  const row = await db
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function findReportById(db: Db, id: number): Promise<ReportRecord | undefined> {
  const row = await db.selectFrom('annual_reports').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** The records of these agencies (all when null) for a year. */
export async function listReports(db: Db, year: number, agencyIds: readonly number[] | null): Promise<ReportRecord[]> {
  let q = db.selectFrom('annual_reports').selectAll().where('year', '=', year);
  if (agencyIds) {
    if (agencyIds.length === 0) return [];
    q = q.where('agency_id', 'in', [...agencyIds]);
  }
  return (await q.orderBy('agency_id').execute()).map(toRecord);
}

/** Every published report (open data, the portal), year descending then agency. */
export async function listPublished(db: Db, filter: { year?: number; agencyIds?: readonly number[] } = {}) {
  let q = db.selectFrom('annual_reports').selectAll().where('status', '=', 'published');
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  if (filter.agencyIds) {
    if (filter.agencyIds.length === 0) return [];
    q = q.where('agency_id', 'in', [...filter.agencyIds]);
  }
  return (await q.orderBy('year', 'desc').orderBy('agency_id').execute()).map(toRecord);
}

/** Years that have any report record, descending. */
export async function reportYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('annual_reports').select('year').distinct().orderBy('year', 'desc').execute();
  return rows.map((r) => Number(r.year));
}

export async function insertReport(db: Db, row: Insertable<AnnualReportTable>): Promise<ReportRecord> {
  const { id } = await db.insertInto('annual_reports').values(row).returning('id').executeTakeFirstOrThrow();
  return (await findReportById(db, Number(id))) as ReportRecord;
}

export async function updateReport(db: Db, id: number, changes: Updateable<AnnualReportTable>): Promise<ReportRecord> {
  await db.updateTable('annual_reports').set(changes).where('id', '=', id).execute();
  return (await findReportById(db, id)) as ReportRecord;
}

export async function addEvent(
  db: Db,
  event: {
    reportId: number;
    kind: EventKind;
    at: string;
    actor: string;
    actorId: number | null;
    comment?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('annual_report_events')
    .values({
      report_id: event.reportId,
      kind: event.kind,
      at: event.at,
      actor: event.actor,
      actor_id: event.actorId,
      comment: event.comment ?? null,
    })
    .execute();
}

export async function listEvents(db: Db, reportId: number): Promise<ReportEvent[]> {
  const rows = await db
    .selectFrom('annual_report_events')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    reportId: Number(r.report_id),
    kind: r.kind as EventKind,
    at: r.at,
    actor: r.actor,
    comment: r.comment,
  }));
}
