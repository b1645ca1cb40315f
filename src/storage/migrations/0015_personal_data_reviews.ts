// The personal-data guard (issue 8 point 5): before something goes public its text and the text layers of its files
// are scanned for 身份证号, mobile numbers, bank cards, e-mails and home addresses; every hit must be gone or
// acknowledged by the publisher with a reason. One row per acknowledged hit of an object. The personal data itself
// is never stored in clear: the hit is named by a fingerprint (sha256 of kind, normalised text and object) and
// shown by its masked form (个人信息保护法 第五十一条: measures against unauthorised disclosure).
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  await traits
    .addId(db.schema.createTable('personal_data_reviews'))
    /** What is published: 'catalogItem' | 'feedback' | 'annualReport' (object_id: the annual_reports row). */
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'bigint', (c) => c.notNull())
    /** sha256 hex of kind, normalised text and object: names the hit without holding it. */
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The hit as lists and the audit log may show it ("身份证号码 3201**********1234"). */
    .addColumn('masked', 'text', (c) => c.notNull())
    /** Where it was found when acknowledged (标题, 正文, 附件“…”第2页 …). */
    .addColumn('place', 'text', (c) => c.notNull())
    /** Why it may stand, in the publisher's words. */
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'bigint', (c) => c.references('users.id'))
    .addCheckConstraint('personal_data_reviews_fingerprint_check', sql`length(fingerprint) = 64`)
    .addUniqueConstraint('personal_data_reviews_unique', ['object_type', 'object_id', 'fingerprint'])
    .execute();
}
