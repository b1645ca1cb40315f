// Keeping the search index in step with the catalogue: called inside the transaction of every change of what the
// public sees (publication, validity, withdrawal), so the index never shows what the portal does not. Only
// published items are indexed; anything else is taken out. reindexAll rebuilds the whole index (imports, upgrades,
// a change of the dictionary): `gongkai catalog reindex`.
import type { Kysely } from 'kysely';
import type { Context } from '../../context.ts';
import type { Schema } from '../../storage/schema.ts';
import type { Tx } from '../../storage/transaction.ts';
import type { CatalogItem } from '../model.ts';
import { toItem } from '../repository.ts';
import { clearIndex, docKey, type IndexDoc, insertFreshDocs, optimizeIndex, removeDoc, upsertDoc } from './engine.ts';
import { facet } from './facets.ts';
import { indexTokens } from './segment.ts';

/** The heading that ranks first: the title, the 文号 and the 索引号. */
export const headingText = (item: Pick<CatalogItem, 'title' | 'docNo' | 'indexNo'>) =>
  [item.title, item.docNo ?? '', item.indexNo ?? ''].join(' ');

export function indexDoc(item: CatalogItem): IndexDoc {
  const publishedOn = item.publishedOn ?? item.formedOn;
  const facets = [facet.agency(item.agencyId), facet.kind(item.kind), facet.year(Number(publishedOn.slice(0, 4)))];
  if (item.topic) facets.push(facet.topic(item.topic));
  if (item.validity) facets.push(facet.validity(item.validity));
  return {
    itemId: item.id,
    key: docKey(publishedOn, item.id),
    heading: indexTokens(headingText(item)),
    body: indexTokens(item.bodyText),
    facets,
  };
}

const searchable = (item: CatalogItem) => item.status === 'published' && item.publishedOn !== null;

export async function indexItem(db: Kysely<Schema>, item: CatalogItem): Promise<void> {
  if (searchable(item)) await upsertDoc(db, indexDoc(item));
  else await removeDoc(db, item.id);
}

export async function reindexItem(tx: Tx, item: CatalogItem): Promise<void> {
  await indexItem(tx.kysely, item);
}

/** Rebuild the index from the catalogue inside the caller's transaction; returns how many items are searchable. */
export async function rebuildIndex(db: Kysely<Schema>, batch = 200): Promise<number> {
  await clearIndex(db);
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('catalog_items')
      .selectAll()
      .where('status', '=', 'published')
      .where('id', '>', after)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    const items = rows.map(toItem);
    const docs = items.filter(searchable).map(indexDoc);
    await insertFreshDocs(db, docs);
    count += docs.length;
    after = (items[items.length - 1] as CatalogItem).id;
  }
  await optimizeIndex(db);
  return count;
}

/** Rebuild the index in a transaction of its own (tests, the benchmark; the CLI records it in the audit log). */
export function reindexAll(ctx: Pick<Context, 'db'>): Promise<number> {
  return ctx.db.kysely.transaction().execute((trx) => rebuildIndex(trx));
}
