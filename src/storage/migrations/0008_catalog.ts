// 主动公开 (issue 5): the disclosure catalogue. An item's row holds what the public sees once it is published; every
// change, the first draft included, is a revision (its proposed fields as JSON) that goes draft → 审查 → approved →
// published, and every published revision is kept, so the history of a published item is never lost. Validity
// changes of 规章 and 行政规范性文件 are rows of their own, dated, so the state on any day can be counted (table 二).
// 索引号 come from per agency/year counters (never reused) formatted by the agency's pattern.
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// Written out here, not imported: a migration must not change when the code's lists do.
const KINDS = ['rule', 'normative', 'document', 'interpretation', 'notice', 'other'];
const ITEM_STATUSES = ['draft', 'published', 'withdrawn'];
const REVISION_STATUSES = ['draft', 'reviewing', 'approved', 'published', 'discarded'];
const MODES = ['active', 'onRequest', 'withheld'];
const VALIDITY = ['valid', 'amended', 'repealed', 'expired'];
const FORMATS = ['markdown', 'html'];

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  await db.schema
    .alterTable('agencies')
    /** How the agency's 索引号 are formed: {credit} {year} {seq:N} {id} (catalog/index-no.ts). */
    .addColumn('index_pattern', 'text')
    .execute();

  await db.schema
    .createTable('catalog_counters')
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_counters_pk', ['agency_id', 'year'])
    .execute();

  await traits
    .addId(db.schema.createTable('catalog_items'))
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('index_no', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('formed_on', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('changed_on', 'text')
    .addColumn('topic', 'text')
    .addColumn('article20', 'text')
    .addColumn('standard_area', 'text')
    .addColumn('disclosure_mode', 'text', (c) => c.notNull())
    .addColumn('withheld_reason', 'text')
    .addColumn('body_format', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('validity', 'text')
    .addColumn('validity_on', 'text')
    .addColumn('replaced_by_id', 'bigint', (c) => c.references('catalog_items.id'))
    .addColumn('interprets_id', 'bigint', (c) => c.references('catalog_items.id'))
    .addColumn('published_revision', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('catalog_items_kind_check', sql`kind in (${list(KINDS)})`)
    .addCheckConstraint('catalog_items_status_check', sql`status in (${list(ITEM_STATUSES)})`)
    .addCheckConstraint('catalog_items_mode_check', sql`disclosure_mode in (${list(MODES)})`)
    .addCheckConstraint('catalog_items_validity_check', sql`validity is null or validity in (${list(VALIDITY)})`)
    .addCheckConstraint('catalog_items_format_check', sql`body_format in (${list(FORMATS)})`)
    .execute();
  await db.schema
    .createIndex('catalog_items_public_index')
    .on('catalog_items')
    .columns(['status', 'published_on', 'id'])
    .execute();
  await db.schema
    .createIndex('catalog_items_agency_index')
    .on('catalog_items')
    .columns(['agency_id', 'status', 'published_on'])
    .execute();
  // The portal's filters: by kind (通知公告 on the home page) and the topic facet, read from the index alone.
  await db.schema
    .createIndex('catalog_items_kind_index')
    .on('catalog_items')
    .columns(['status', 'kind', 'published_on'])
    .execute();
  await db.schema.createIndex('catalog_items_topic_index').on('catalog_items').columns(['status', 'topic']).execute();
  await db.schema.createIndex('catalog_items_interprets_index').on('catalog_items').column('interprets_id').execute();

  await traits
    .addId(db.schema.createTable('catalog_revisions'))
    .addColumn('item_id', 'bigint', (c) => c.notNull().references('catalog_items.id'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    /** JSON text: the proposed fields (catalog/model.ts ItemFields). */
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text')
    /** 保密审查: the reviewer confirms the text holds no state secret (保守国家秘密法, 条例第十七条). */
    .addColumn('secrecy_checked', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_by_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('review_comment', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('published_by_id', 'bigint', (c) => c.references('users.id'))
    .addCheckConstraint('catalog_revisions_status_check', sql`status in (${list(REVISION_STATUSES)})`)
    .addUniqueConstraint('catalog_revisions_item_no_unique', ['item_id', 'no'])
    .execute();

  await traits
    .addId(db.schema.createTable('catalog_validity_changes'))
    .addColumn('item_id', 'bigint', (c) => c.notNull().references('catalog_items.id'))
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('replaced_by_id', 'bigint', (c) => c.references('catalog_items.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addCheckConstraint('catalog_validity_changes_check', sql`validity in (${list(VALIDITY)})`)
    .execute();
  await db.schema
    .createIndex('catalog_validity_changes_item_index')
    .on('catalog_validity_changes')
    .columns(['item_id', 'on_date'])
    .execute();

  await traits
    .addId(db.schema.createTable('catalog_attachments'))
    .addColumn('item_id', 'bigint', (c) => c.notNull().references('catalog_items.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', traits.binaryType, (c) => c.notNull())
    /** The revision that added it, and the one that removed it: public while added ≤ published < removed. */
    .addColumn('added_in', 'integer', (c) => c.notNull())
    .addColumn('removed_in', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_attachments_item_index')
    .on('catalog_attachments')
    .columns(['item_id', 'id'])
    .execute();
}
