// 依申请公开 (issue 4): applications, the ledger of events that move their deadline (the clock's input, persisted),
// and the per agency/year counters of 查询号 (never reused: applications are never deleted and counters only grow).
// One migration for both engines; the id columns come from EngineTraits.
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// Written out here, not imported: a migration must not change when the code's lists do.
const KINDS = ['naturalPerson', 'business', 'research', 'nonprofit', 'legalService', 'otherOrg'];
const CHANNELS = ['online', 'inPerson', 'registeredPost', 'ordinaryPost', 'fax', 'oral'];
const STATUSES = ['submitted', 'received', 'awaitingCorrection', 'paused', 'closed'];
const OUTCOMES = [
  'granted',
  'partlyGranted',
  'withheldStateSecret',
  'withheldProhibitedByLaw',
  'withheldSecurityStability',
  'withheldThirdPartyRights',
  'withheldInternalAffairs',
  'withheldDeliberative',
  'withheldEnforcementFile',
  'withheldQueryMatter',
  'unableNotHeld',
  'unableNeedsCreation',
  'unableStillUnclear',
  'rejectedPetition',
  'rejectedDuplicate',
  'rejectedPublication',
  'rejectedExcessive',
  'rejectedConfirmation',
  'otherNoCorrection',
  'otherUnpaidFee',
  'otherOther',
];
const EVENTS = [
  'received',
  'correctionRequested',
  'correctionReceived',
  'correctionExpired',
  'consultationStarted',
  'consultationEnded',
  'extensionApproved',
  'feeNoticeSent',
  'feePaid',
  'decided',
];

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  await db.schema
    .createTable('application_counters')
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_counters_pk', ['agency_id', 'year'])
    .execute();

  await traits
    .addId(db.schema.createTable('applications'))
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('tracking_no', 'text', (c) => c.notNull().unique())
    .addColumn('query_code_hash', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('contact_person', 'text')
    .addColumn('id_type', 'text')
    .addColumn('id_number', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('document_ref', 'text')
    .addColumn('provision_form', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('handler_user_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('outcome', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('applications_kind_check', sql`applicant_kind in (${list(KINDS)})`)
    .addCheckConstraint('applications_channel_check', sql`channel in (${list(CHANNELS)})`)
    .addCheckConstraint('applications_status_check', sql`status in (${list(STATUSES)})`)
    .addCheckConstraint('applications_outcome_check', sql`outcome is null or outcome in (${list(OUTCOMES)})`)
    .execute();
  // The due-soon and overdue lists: per agency and per handler, open cases by due date.
  await db.schema
    .createIndex('applications_agency_due_index')
    .on('applications')
    .columns(['agency_id', 'status', 'due_date'])
    .execute();
  await db.schema
    .createIndex('applications_handler_due_index')
    .on('applications')
    .columns(['handler_user_id', 'status', 'due_date'])
    .execute();
  // The annual report's counts (table 三): by receipt and decision dates.
  await db.schema
    .createIndex('applications_agency_received_index')
    .on('applications')
    .columns(['agency_id', 'received_on'])
    .execute();
  await db.schema
    .createIndex('applications_agency_decided_index')
    .on('applications')
    .columns(['agency_id', 'decided_on'])
    .execute();

  await traits
    .addId(db.schema.createTable('application_events'))
    .addColumn('application_id', 'bigint', (c) => c.notNull().references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('application_events_kind_check', sql`kind in (${list(EVENTS)})`)
    .execute();
  await db.schema
    .createIndex('application_events_application_index')
    .on('application_events')
    .columns(['application_id', 'on_date'])
    .execute();
}
