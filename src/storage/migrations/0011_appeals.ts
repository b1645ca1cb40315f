// 行政复议 and 行政诉讼 about disclosure (issue 6 point 1; report table 四): a case brought against an agency — a
// reconsideration, a suit filed directly, or a suit after reconsideration — with the body that hears it, its
// number, the applicant or plaintiff, the date it was filed, its result and the result's date, and its documents.
// The agency's role tells an original respondent from a 复议机关 named as co-defendant (共同被告), which records
// the suit but does not count it (国办公开办函〔2016〕201号). A case may concern one of the agency's applications,
// and a suit after reconsideration may name the earlier reconsideration case.
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// Written out here, not imported: a migration must not change when the code's lists do.
const KINDS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'];
const ROLES = ['original', 'reviewBodyCoDefendant'];
const RESULTS = ['pending', 'upheld', 'corrected', 'other'];

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  await traits
    .addId(db.schema.createTable('appeal_cases'))
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('application_id', 'bigint', (c) => c.references('applications.id'))
    .addColumn('earlier_case_id', 'bigint', (c) => c.references('appeal_cases.id'))
    /** The 复议机关 or the court. */
    .addColumn('body_name', 'text', (c) => c.notNull())
    /** 案号 or 复议决定书文号 (may be unknown at first). */
    .addColumn('case_no', 'text')
    /** The applicant (复议申请人) or plaintiff (原告): personal data. */
    .addColumn('appellant_name', 'text', (c) => c.notNull())
    /** 受理/立案 date, YYYY-MM-DD Beijing: the year the case counts in. */
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('result_on', 'text')
    .addColumn('result_note', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addCheckConstraint('appeal_cases_kind_check', sql`kind in (${list(KINDS)})`)
    .addCheckConstraint('appeal_cases_role_check', sql`role in (${list(ROLES)})`)
    .addCheckConstraint('appeal_cases_result_check', sql`result in (${list(RESULTS)})`)
    // Only a suit after reconsideration has a 复议机关 as co-defendant.
    .addCheckConstraint(
      'appeal_cases_role_kind_check',
      sql`role = 'original' or kind = 'litigationAfterReconsideration'`,
    )
    // A concluded case has its date, a pending one none; a result is never dated before the filing.
    .addCheckConstraint(
      'appeal_cases_result_on_check',
      sql`(result = 'pending' and result_on is null) or (result <> 'pending' and result_on is not null and result_on >= filed_on)`,
    )
    .execute();
  await db.schema
    .createIndex('appeal_cases_agency_index')
    .on('appeal_cases')
    .columns(['agency_id', 'filed_on', 'id'])
    .execute();
  await db.schema.createIndex('appeal_cases_application_index').on('appeal_cases').column('application_id').execute();

  await traits
    .addId(db.schema.createTable('appeal_documents'))
    .addColumn('case_id', 'bigint', (c) => c.notNull().references('appeal_cases.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', traits.binaryType, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appeal_documents_case_index')
    .on('appeal_documents')
    .columns(['case_id', 'id'])
    .execute();
}
