// SQL for applications and their clock ledger. Takes any Kysely executor (the database or a transaction); maps rows
// to the model's types here and nowhere else.
import type { Kysely, Selectable } from 'kysely';
import type { ApplicationTable, Schema } from '../storage/schema.ts';
import type { ClockEvent } from './ledger.ts';
import type {
  ApplicantKind,
  Application,
  ApplicationStatus,
  Channel,
  Delivery,
  IdType,
  OutcomeCode,
  ProvisionForm,
} from './model.ts';
import type { ApplicantData } from './schema.ts';

type Db = Kysely<Schema>;
const num = (v: number | null) => (v === null ? null : Number(v));

export function toApplication(r: Selectable<ApplicationTable>): Application {
  return {
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    trackingNo: r.tracking_no,
    applicantKind: r.applicant_kind as ApplicantKind,
    applicantName: r.applicant_name,
    contactPerson: r.contact_person,
    idType: r.id_type as IdType | null,
    idNumber: r.id_number,
    creditCode: r.credit_code,
    phone: r.phone,
    email: r.email,
    address: r.address,
    postcode: r.postcode,
    description: r.description,
    documentRef: r.document_ref,
    provisionForm: r.provision_form as ProvisionForm,
    delivery: r.delivery as Delivery,
    channel: r.channel as Channel,
    submittedAt: r.submitted_at,
    receivedOn: r.received_on,
    status: r.status as ApplicationStatus,
    dueDate: r.due_date,
    handlerUserId: num(r.handler_user_id),
    outcome: r.outcome as OutcomeCode | null,
    decidedOn: r.decided_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The next sequence number of an agency's 查询号 in a year: one atomic upsert, so numbers are never reused. */
export async function nextTrackingSeq(db: Db, agencyId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('application_counters')
    .values({ agency_id: agencyId, year, last_no: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet((eb) => ({ last_no: eb('application_counters.last_no', '+', 1) })),
    )
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return Number(row.last_no);
}

export interface NewApplication {
  agencyId: number;
  trackingNo: string;
  queryCodeHash: string;
  applicant: ApplicantData;
  channel: Channel;
  submittedAt: string;
  status: ApplicationStatus;
}

export async function insertApplication(db: Db, a: NewApplication, now: string): Promise<Application> {
  const p = a.applicant;
  const row = await db
    .insertInto('applications')
    .values({
      agency_id: a.agencyId,
      tracking_no: a.trackingNo,
      query_code_hash: a.queryCodeHash,
      applicant_kind: p.applicantKind,
      applicant_name: p.applicantName,
      contact_person: p.contactPerson,
      id_type: p.idType,
      id_number: p.idNumber,
      credit_code: p.creditCode,
      phone: p.phone,
      email: p.email,
      address: p.address,
      postcode: p.postcode,
      description: p.description,
      document_ref: p.documentRef,
      provision_form: p.provisionForm,
      delivery: p.delivery,
      channel: a.channel,
      submitted_at: a.submittedAt,
      received_on: null,
      status: a.status,
      due_date: null,
      handler_user_id: null,
      outcome: null,
      decided_on: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toApplication(row);
}

export async function findApplication(db: Db, id: number): Promise<Application | undefined> {
  const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toApplication(row) : undefined;
}

/** For the applicant's status page: the application with its query code hash. */
export async function findByTrackingNo(db: Db, trackingNo: string) {
  const row = await db.selectFrom('applications').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirst();
  return row ? { application: toApplication(row), queryCodeHash: row.query_code_hash } : undefined;
}

export interface ApplicationPatch {
  receivedOn?: string | null;
  status?: ApplicationStatus;
  dueDate?: string | null;
  handlerUserId?: number | null;
  outcome?: OutcomeCode | null;
  decidedOn?: string | null;
}

export async function updateApplicationRow(db: Db, id: number, patch: ApplicationPatch, now: string) {
  const cols = {
    received_on: patch.receivedOn,
    status: patch.status,
    due_date: patch.dueDate,
    handler_user_id: patch.handlerUserId,
    outcome: patch.outcome,
    decided_on: patch.decidedOn,
  };
  const set = Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));
  const row = await db
    .updateTable('applications')
    .set({ ...set, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toApplication(row);
}

/** The ledger in the order the clock reads it: by date, then as recorded. */
export async function listEvents(db: Db, applicationId: number): Promise<ClockEvent[]> {
  const rows = await db
    .selectFrom('application_events')
    .select(['kind', 'on_date', 'details'])
    .where('application_id', '=', applicationId)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...JSON.parse(r.details), type: r.kind, date: r.on_date }) as ClockEvent);
}

export async function insertEvent(db: Db, applicationId: number, event: ClockEvent, actor: string, now: string) {
  const { type, date, ...details } = event;
  await db
    .insertInto('application_events')
    .values({
      application_id: applicationId,
      kind: type,
      on_date: date,
      details: JSON.stringify(details),
      actor,
      created_at: now,
    })
    .execute();
}

/** Every application whose clock is running or paused: what a calendar change must recompute. */
export async function listOpenIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('status', 'in', ['received', 'awaitingCorrection', 'paused'])
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

export interface DueFilter {
  agencyIds: readonly number[];
  handlerUserId?: number;
  /** due_date >= from (inclusive), when given. */
  from?: string;
  /** due_date <= to (inclusive), when given. */
  to?: string;
  /** due_date < before, when given. */
  before?: string;
}

/** Open applications with a running clock whose deadline falls in the range, soonest first. */
export async function listByDueDate(db: Db, f: DueFilter): Promise<Application[]> {
  if (f.agencyIds.length === 0) return [];
  let q = db
    .selectFrom('applications')
    .selectAll()
    .where('agency_id', 'in', [...f.agencyIds])
    .where('status', '=', 'received')
    .where('due_date', 'is not', null);
  if (f.handlerUserId !== undefined) q = q.where('handler_user_id', '=', f.handlerUserId);
  if (f.from) q = q.where('due_date', '>=', f.from);
  if (f.to) q = q.where('due_date', '<=', f.to);
  if (f.before) q = q.where('due_date', '<', f.before);
  const rows = await q.orderBy('due_date').orderBy('id').execute();
  return rows.map(toApplication);
}

/** What the year's counts (counts.ts) are computed from: every received application touching the year. */
/**
 * The applications that count in an agency's report for a year (received by 31 December, not decided before the
 * year), in order of receipt: the compiler counts them (countYear) and the drill-down lists them.
 */
export async function listForYear(db: Db, agencyId: number, year: number) {
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'tracking_no', 'applicant_kind', 'received_on', 'decided_on', 'outcome'])
    .where('agency_id', '=', agencyId)
    .where('received_on', 'is not', null)
    .where('received_on', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('decided_on', 'is', null), eb('decided_on', '>=', `${year}-01-01`)]))
    .orderBy('received_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    trackingNo: r.tracking_no,
    applicantKind: r.applicant_kind as ApplicantKind,
    receivedOn: r.received_on as string,
    decidedOn: r.decided_on,
    outcome: r.outcome as OutcomeCode | null,
  }));
}
