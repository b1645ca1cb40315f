// 主动公开 search (issue 5 point 6). Each published catalogue item is one document of the engine's full-text index:
// its heading (title, 文号, 索引号), its body, and its filters as tokens of their own (agency, kind, topic, year,
// validity), all made by catalog/search/segment.ts. A document's key orders it newest first (published_on, then id),
// so the best hits are read from the index in order without sorting. SQLite: a contentless FTS5 table whose rowid
// is the key (unicode61 only splits at the spaces already there; detail=column: which part has a word, no
// positions — no phrase is ever searched). PostgreSQL: two tsvectors, every token and the heading's (each with the
// filters), with GIN indexes: a word in the heading is then an exact index match, as the planner can estimate.
// catalog_search maps each item to its key (and holds the tsvectors on PostgreSQL).
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, traits: EngineTraits): Promise<void> {
  const postgres = traits.binaryType === 'bytea';
  let table = db.schema
    .createTable('catalog_search')
    .addColumn('item_id', 'bigint', (c) => c.primaryKey().references('catalog_items.id'))
    /** days since 1970-01-01 of published_on × 2^32 + item_id. */
    .addColumn('rank_key', 'bigint', (c) => c.notNull().unique());
  if (postgres)
    table = table
      .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
      .addColumn('heading_tsv', sql`tsvector`, (c) => c.notNull());
  await table.execute();
  if (postgres) {
    await sql`create index catalog_search_tsv_index on catalog_search using gin (tsv)`.execute(db);
    await sql`create index catalog_search_heading_tsv_index on catalog_search using gin (heading_tsv)`.execute(db);
  } else {
    await sql`create virtual table catalog_search_fts using fts5(
      heading, body, facets,
      content = '', contentless_delete = 1, detail = column,
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
  }
}
