// 审核 before the reply (issue 4 point 5) and delivery of letters (point 6). An agency may require a reviewer
// (审核人) to approve each reply its handlers propose (agencies.reply_review, on by default); each proposal is a row
// kept for good — pending, returned with a comment, or approved — and at most one is pending per application.
// A letter's delivery (送达: how, when, the proof) is recorded in letter_deliveries. One migration for both engines.
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// Written out here, not imported: a migration must not change when the code's lists do.
const PROPOSAL_STATUSES = ['pending', 'returned', 'approved'];
const DELIVERY_METHODS = ['post', 'email', 'inPerson', 'online'];

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  await db.schema
    .alterTable('agencies')
    .addColumn('reply_review', 'boolean', (c) => c.notNull().defaultTo(sql`true`))
    .execute();

  await traits
    .addId(db.schema.createTable('reply_proposals'))
    .addColumn('application_id', 'bigint', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('basis', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_by_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_by_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('review_comment', 'text')
    /** The decision date when approved (the date of the 答复书). */
    .addColumn('decided_on', 'text')
    .addCheckConstraint('reply_proposals_status_check', sql`status in (${list(PROPOSAL_STATUSES)})`)
    .execute();
  await db.schema
    .createIndex('reply_proposals_application_index')
    .on('reply_proposals')
    .columns(['application_id', 'id'])
    .execute();
  // One proposal awaiting review per application: a second one while the first is pending is refused.
  await db.schema
    .createIndex('reply_proposals_one_pending')
    .on('reply_proposals')
    .column('application_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  await traits
    .addId(db.schema.createTable('letter_deliveries'))
    .addColumn('letter_id', 'bigint', (c) => c.notNull().references('letters.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('delivered_on', 'text', (c) => c.notNull())
    .addColumn('proof', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'bigint', (c) => c.references('users.id'))
    .addCheckConstraint('letter_deliveries_method_check', sql`method in (${list(DELIVERY_METHODS)})`)
    .execute();
  await db.schema
    .createIndex('letter_deliveries_letter_index')
    .on('letter_deliveries')
    .columns(['letter_id', 'id'])
    .execute();
}
