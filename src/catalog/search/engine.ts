// Everything in search that differs between the engines, and nowhere else. A query is an expression over whole
// tokens (segment.ts) built in plain code — a word in the heading or anywhere, a filter token, and/or/not — and is
// written out here as an FTS5 MATCH string for SQLite or as tsquery conditions on two tsvectors for PostgreSQL; both
// are read newest first by the document key. Neither engine's parser or relevance function decides anything (bm25 and ts_rank_cd weigh
// differently and would order the results differently), so both engines return the same items in the same order.
import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { EngineName } from '../../storage/db.ts';
import type { Schema } from '../../storage/schema.ts';

type Db = Kysely<Schema>;

/** One published item as the index holds it. */
export interface IndexDoc {
  itemId: number;
  /** Newest first: see docKey. */
  key: number;
  heading: readonly string[];
  body: readonly string[];
  facets: readonly string[];
}

export type Expr =
  | { word: string; in: 'heading' | 'any' }
  | { facet: string }
  | { and: Expr[] }
  | { or: Expr[] }
  | { not: [Expr, Expr] };

const DAY = 86_400_000;
const ID_SPACE = 2 ** 32;

/** The document key: later publication first, then the larger id — one integer, exact in a double (< 2^53). */
export function docKey(publishedOn: string, itemId: number): number {
  const days = Math.floor(Date.parse(`${publishedOn}T00:00:00Z`) / DAY);
  return Math.max(days, 0) * ID_SPACE + itemId;
}
export const itemOfKey = (key: number) => key % ID_SPACE;

/** Which engine a Kysely instance (or a transaction) talks to. */
export function engineOf(db: Db): EngineName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

interface Dialect {
  upsert(db: Db, doc: IndexDoc): Promise<void>;
  insertFresh(db: Db, docs: readonly IndexDoc[]): Promise<void>;
  remove(db: Db, itemId: number): Promise<void>;
  clear(db: Db): Promise<void>;
  /** After a rebuild: make the index fast to read (SQLite: merge FTS5's segments into one). */
  optimize(db: Db): Promise<void>;
  keys(db: Db, e: Expr, limit: number, offset: number): Promise<number[]>;
  count(db: Db, e: Expr, cap: number): Promise<number>;
}

const joined = (parts: string[], op: string) => (parts.length === 1 ? (parts[0] as string) : `(${parts.join(op)})`);
/** Each token once: the index keeps which part has a word, not where or how often. */
const spaced = (tokens: readonly string[]) => [...new Set(tokens)].join(' ');
const quoteFts = (t: string) => `"${t.replace(/"/g, '""')}"`;

function renderFts(e: Expr): string {
  if ('word' in e) return `${e.in === 'heading' ? 'heading' : '{heading body}'} : ${quoteFts(e.word)}`;
  if ('facet' in e) return `facets : ${quoteFts(e.facet)}`;
  if ('and' in e) return joined(e.and.map(renderFts), ' AND ');
  if ('or' in e) return joined(e.or.map(renderFts), ' OR ');
  return `(${renderFts(e.not[0])} NOT ${renderFts(e.not[1])})`;
}

async function oldKey(db: Db, itemId: number): Promise<number | null> {
  const { rows } = await sql<{ rank_key: number | string }>`
    select rank_key from catalog_search where item_id = ${itemId}`.execute(db);
  return rows[0] ? Number(rows[0].rank_key) : null;
}

const sqlite: Dialect = {
  async upsert(db, doc) {
    const old = await oldKey(db, doc.itemId);
    if (old !== null) {
      await sql`delete from catalog_search_fts where rowid = ${old}`.execute(db);
      await sql`delete from catalog_search where item_id = ${doc.itemId}`.execute(db);
    }
    await sqlite.insertFresh(db, [doc]);
  },
  async insertFresh(db, docs) {
    if (docs.length === 0) return;
    await sql`insert into catalog_search (item_id, rank_key)
      values ${sql.join(docs.map((d) => sql`(${d.itemId}, ${d.key})`))}`.execute(db);
    await sql`insert into catalog_search_fts (rowid, heading, body, facets)
      values ${sql.join(
        docs.map((d) => sql`(${d.key}, ${spaced(d.heading)}, ${spaced(d.body)}, ${spaced(d.facets)})`),
      )}`.execute(db);
  },
  async remove(db, itemId) {
    const old = await oldKey(db, itemId);
    if (old === null) return;
    await sql`delete from catalog_search_fts where rowid = ${old}`.execute(db);
    await sql`delete from catalog_search where item_id = ${itemId}`.execute(db);
  },
  async clear(db) {
    await sql`delete from catalog_search_fts`.execute(db);
    await sql`delete from catalog_search`.execute(db);
  },
  async optimize(db) {
    await sql`insert into catalog_search_fts (catalog_search_fts) values ('optimize')`.execute(db);
  },
  async keys(db, e, limit, offset) {
    const { rows } = await sql<{ rowid: number }>`
      select rowid from catalog_search_fts where catalog_search_fts match ${renderFts(e)}
      order by rowid desc limit ${limit} offset ${offset}`.execute(db);
    return rows.map((r) => Number(r.rowid));
  },
  async count(db, e, cap) {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from (
        select rowid from catalog_search_fts where catalog_search_fts match ${renderFts(e)} limit ${cap}
      ) hits`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },
};

const quoteLexeme = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

// PostgreSQL: `tsv` holds every token, `heading_tsv` the heading's; both hold the filters. Each part of an
// expression that reads one of them becomes one `column @@ tsquery` (so GIN answers it exactly); the rest is SQL.
type Column = 'tsv' | 'heading_tsv';
function columnOf(e: Expr): Column | 'either' | 'mixed' {
  if ('word' in e) return e.in === 'heading' ? 'heading_tsv' : 'tsv';
  if ('facet' in e) return 'either';
  const parts = 'and' in e ? e.and : 'or' in e ? e.or : e.not;
  const columns = new Set(parts.map(columnOf).filter((c) => c !== 'either'));
  if (columns.has('mixed') || columns.size > 1) return 'mixed';
  return columns.size === 0 ? 'either' : ([...columns][0] as Column);
}

function tsquery(e: Expr): string {
  if ('word' in e) return quoteLexeme(e.word);
  if ('facet' in e) return quoteLexeme(e.facet);
  if ('and' in e) return joined(e.and.map(tsquery), ' & ');
  if ('or' in e) return joined(e.or.map(tsquery), ' | ');
  return `(${tsquery(e.not[0])} & !${tsquery(e.not[1])})`;
}

function condition(e: Expr): RawBuilder<unknown> {
  const column = columnOf(e);
  if (column !== 'mixed')
    return sql`${sql.ref(column === 'either' ? 'tsv' : column)} @@ cast(${tsquery(e)} as tsquery)`;
  if ('and' in e) return sql`(${sql.join(e.and.map(condition), sql` and `)})`;
  if ('or' in e) return sql`(${sql.join(e.or.map(condition), sql` or `)})`;
  if ('not' in e) return sql`(${condition(e.not[0])} and not ${condition(e.not[1])})`;
  throw new Error('unreachable');
}

const tsvectorText = (tokens: readonly string[]) => [...new Set(tokens)].map(quoteLexeme).join(' ');
const tsvectors = (d: IndexDoc) =>
  sql`cast(${tsvectorText([...d.heading, ...d.body, ...d.facets])} as tsvector), cast(${tsvectorText([...d.heading, ...d.facets])} as tsvector)`;

/** PostgreSQL: how many of the newest documents are read by the key index before the GIN bitmap is used. */
export const SEARCH_TUNING = { window: 5000 };

/** The key of the window-th newest document (0 when there are fewer). */
async function windowFloor(db: Db): Promise<number> {
  const { rows } = await sql<{ rank_key: number | string }>`
    select rank_key from catalog_search order by rank_key desc offset ${SEARCH_TUNING.window - 1} limit 1`.execute(db);
  return rows[0] ? Number(rows[0].rank_key) : 0;
}

const postgres: Dialect = {
  async upsert(db, doc) {
    await sql`insert into catalog_search (item_id, rank_key, tsv, heading_tsv)
      values (${doc.itemId}, ${doc.key}, ${tsvectors(doc)})
      on conflict (item_id) do update
      set rank_key = excluded.rank_key, tsv = excluded.tsv, heading_tsv = excluded.heading_tsv`.execute(db);
  },
  async insertFresh(db, docs) {
    if (docs.length === 0) return;
    await sql`insert into catalog_search (item_id, rank_key, tsv, heading_tsv)
      values ${sql.join(docs.map((d) => sql`(${d.itemId}, ${d.key}, ${tsvectors(d)})`))}`.execute(db);
  },
  async remove(db, itemId) {
    await sql`delete from catalog_search where item_id = ${itemId}`.execute(db);
  },
  async clear(db) {
    await sql`delete from catalog_search`.execute(db);
  },
  async optimize(db) {
    await sql`analyze catalog_search`.execute(db);
  },
  // The planner cannot know how often heading words come together, and misjudges either way: reading the key
  // index backwards is instant for a common word but scans the whole table for a rare combination; the GIN bitmap
  // is the reverse. So first the newest documents (SEARCH_TUNING.window) by the key index (enough whenever the matches are dense),
  // and only when they do not fill the page, the bitmap (the matches are then sparse).
  async keys(db, e, limit, offset) {
    const floor = await windowFloor(db);
    const { rows } = await sql<{ rank_key: number | string }>`
      select rank_key from catalog_search where rank_key >= ${floor} and ${condition(e)}
      order by rank_key desc limit ${limit} offset ${offset}`.execute(db);
    if (rows.length === limit || floor === 0) return rows.map((r) => Number(r.rank_key));
    const all = await sql<{ rank_key: number | string }>`
      select rank_key from catalog_search where ${condition(e)}
      order by rank_key + 0 desc limit ${limit} offset ${offset}`.execute(db);
    return all.rows.map((r) => Number(r.rank_key));
  },
  async count(db, e, cap) {
    const floor = await windowFloor(db);
    const counted = async (from: number) => {
      const { rows } = await sql<{ n: number | string }>`
        select count(*) as n from (
          select 1 from catalog_search where rank_key >= ${from} and ${condition(e)} limit ${cap}
        ) hits`.execute(db);
      return Number(rows[0]?.n ?? 0);
    };
    const inWindow = await counted(floor);
    return inWindow >= cap || floor === 0 ? inWindow : counted(0);
  },
};

const DIALECTS: Record<EngineName, Dialect> = { sqlite, postgres };
const dialectOf = (db: Db) => DIALECTS[engineOf(db)];

export const upsertDoc = (db: Db, doc: IndexDoc) => dialectOf(db).upsert(db, doc);
/** For a rebuild after clearIndex: items known not to be in the index, many at once. */
export const insertFreshDocs = (db: Db, docs: readonly IndexDoc[]) => dialectOf(db).insertFresh(db, docs);
export const optimizeIndex = (db: Db) => dialectOf(db).optimize(db);
export const removeDoc = (db: Db, itemId: number) => dialectOf(db).remove(db, itemId);
export const clearIndex = (db: Db) => dialectOf(db).clear(db);

/** Item ids of the matching documents, newest first. */
export async function matchingItems(db: Db, e: Expr, limit: number, offset: number): Promise<number[]> {
  return (await dialectOf(db).keys(db, e, limit, offset)).map(itemOfKey);
}

/** How many documents match, counting at most `cap`. */
export const countMatching = (db: Db, e: Expr, cap: number) => dialectOf(db).count(db, e, cap);
