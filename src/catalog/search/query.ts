// 站内检索: the published catalogue searched with the words people type. The query is segmented as the index is
// (segment.ts); every word must occur (AND), and when nothing has them all, items with any of them are shown
// instead (OR). Ranking: items with every word in the heading (title, 文号, 索引号) first, then those with some
// word in it, then the rest; newest first within each (published_on, then id). Each group is read from the index
// in key order, so a page costs a few index reads however many items match; counts stop at TOTAL_CAP. Anything
// typed is safe: query syntax (quotes, *, -, OR, NEAR, :) never reaches an engine, only whole tokens of letters
// and digits do, quoted.

import { subtreeIds } from '../../agencies/service.ts';
import type { Context } from '../../context.ts';
import { errors } from '../../errors.ts';
import type { CatalogItem, Kind, Validity } from '../model.ts';
import { toItem } from '../repository.ts';
import { countMatching, type Expr, matchingItems } from './engine.ts';
import { facet } from './facets.ts';
import { type Marked, markAll, snippet } from './highlight.ts';
import { headingText } from './indexer.ts';
import { indexTokens, queryTokens } from './segment.ts';

export const SEARCH_PAGE_SIZE = 10;
/** Longer queries are cut here (a sentence pasted in still works; a document does not). */
export const MAX_QUERY_LENGTH = 100;
/** Matches are counted up to this many, and only these can be paged through (narrow the search for more). */
export const TOTAL_CAP = 1000;

export interface SearchInput {
  q: string;
  agencyId?: number | null;
  kind?: Kind | null;
  topic?: string | null;
  year?: number | null;
  validity?: Validity | null;
  page?: number;
  pageSize?: number;
}

export interface SearchRow {
  item: CatalogItem;
  /** 2: every word in the heading (title, 文号, 索引号); 1: some; 0: in the body only. */
  score: number;
  title: Marked;
  snippet: Marked;
  /** Escaped HTML with <mark> around the hits (the same as title.html / snippet.html). */
  titleHtml: string;
  snippetHtml: string;
}

export interface SearchResult {
  q: string;
  /** The words searched for, as segmented. */
  terms: string[];
  /** all: every word occurs in each result; any: nothing had them all, these have some. */
  matched: 'all' | 'any';
  rows: SearchRow[];
  /** How many match, at most TOTAL_CAP. */
  total: number;
  /** More than TOTAL_CAP match. */
  capped: boolean;
  page: number;
  pageSize: number;
  /** Milliseconds taken. */
  took: number;
}

export const EMPTY_QUERY_MESSAGE = '请输入要检索的词语，例如“预算”“政务公开”或文件的文号';

/** The words of a query, or a clear error when there are none (empty, only punctuation). */
export function searchTerms(q: string): string[] {
  const terms = queryTokens(q.slice(0, MAX_QUERY_LENGTH));
  if (terms.length === 0) throw errors.validation('q', '检索词', EMPTY_QUERY_MESSAGE);
  return terms;
}

async function filterExprs(ctx: Context, input: Omit<SearchInput, 'q'>): Promise<Expr[]> {
  const out: Expr[] = [];
  if (input.agencyId)
    out.push({ or: (await subtreeIds(ctx, input.agencyId)).map((id) => ({ facet: facet.agency(id) })) });
  if (input.kind) out.push({ facet: facet.kind(input.kind) });
  if (input.topic) out.push({ facet: facet.topic(input.topic) });
  if (input.year) out.push({ facet: facet.year(input.year) });
  if (input.validity) out.push({ facet: facet.validity(input.validity) });
  return out;
}

const words = (terms: readonly string[], where: 'heading' | 'any'): Expr[] =>
  terms.map((w) => ({ word: w, in: where }));

/** The groups of a search, best first, each with its score; together exactly the matching items. */
function groups(
  terms: readonly string[],
  mode: 'all' | 'any',
  filters: readonly Expr[],
): { expr: Expr; score: number }[] {
  const scope = (e: Expr): Expr => (filters.length === 0 ? e : { and: [e, ...filters] });
  const anywhere: Expr = mode === 'all' ? { and: words(terms, 'any') } : { or: words(terms, 'any') };
  const headingAny: Expr = { or: words(terms, 'heading') };
  const headingAll: Expr = { and: words(terms, 'heading') };
  const rest = { expr: scope({ not: [anywhere, headingAny] }), score: 0 };
  if (mode === 'any') return [{ expr: scope(headingAny), score: 1 }, rest];
  if (terms.length === 1) return [{ expr: scope(headingAll), score: 2 }, rest];
  return [
    { expr: scope(headingAll), score: 2 },
    { expr: scope({ not: [{ and: [anywhere, headingAny] }, headingAll] }), score: 1 },
    rest,
  ];
}

async function loadItems(ctx: Context, ids: readonly number[]): Promise<Map<number, CatalogItem>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.kysely
    .selectFrom('catalog_items')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [Number(r.id), toItem(r)]));
}

/** One page across the groups: read each in order, skipping whole groups that lie before the page. */
async function pageOf(ctx: Context, list: { expr: Expr; score: number }[], limit: number, offset: number) {
  const db = ctx.db.kysely;
  const hits: { itemId: number; score: number }[] = [];
  let skip = offset;
  for (const group of list) {
    const need = limit - hits.length;
    if (need <= 0) break;
    const ids = await matchingItems(db, group.expr, need, skip);
    for (const itemId of ids) hits.push({ itemId, score: group.score });
    if (ids.length > 0) skip = 0;
    else if (skip > 0) skip -= await countMatching(db, group.expr, skip);
  }
  return hits;
}

export async function searchCatalog(ctx: Context, input: SearchInput): Promise<SearchResult> {
  const started = performance.now();
  const terms = searchTerms(input.q);
  const pageSize = Math.min(Math.max(Math.floor(input.pageSize ?? SEARCH_PAGE_SIZE), 1), 50);
  const page = Math.max(Math.floor(input.page ?? 1), 1);
  const filters = await filterExprs(ctx, input);
  const db = ctx.db.kysely;
  let matched: 'all' | 'any' = 'all';
  let total = await countMatching(db, { and: [...words(terms, 'any'), ...filters] }, TOTAL_CAP + 1);
  if (total === 0 && terms.length > 1) {
    matched = 'any';
    const any: Expr = { or: words(terms, 'any') };
    total = await countMatching(db, filters.length === 0 ? any : { and: [any, ...filters] }, TOTAL_CAP + 1);
  }
  const capped = total > TOTAL_CAP;
  total = Math.min(total, TOTAL_CAP);
  const offset = (page - 1) * pageSize;
  const limit = Math.min(pageSize, total - offset);
  const hits = limit > 0 ? await pageOf(ctx, groups(terms, matched, filters), limit, offset) : [];
  const items = await loadItems(
    ctx,
    hits.map((h) => h.itemId),
  );
  const rows: SearchRow[] = [];
  for (const hit of hits) {
    const item = items.get(hit.itemId);
    // The index follows the catalogue in the same transaction; this only guards against a rebuild in progress.
    if (item?.status !== 'published') continue;
    const title = markAll(item.title, terms);
    const body = snippet(item.bodyText, terms);
    rows.push({ item, score: hit.score, title, snippet: body, titleHtml: title.html, snippetHtml: body.html });
  }
  return {
    q: input.q,
    terms,
    matched,
    rows,
    total,
    capped,
    page,
    pageSize,
    took: Math.round((performance.now() - started) * 10) / 10,
  };
}

export interface RelatedItem {
  item: CatalogItem;
  /** 0…1: the share of the text's words the item has, those in its heading counting double. */
  score: number;
  /** The text's words found in the item's heading. */
  inHeading: string[];
}

/** Candidates read for relatedItems (newest first) before they are scored. */
const RELATED_SCAN = 200;

/**
 * Published items whose heading (title, 文号, 索引号) has at least two of a text's words (one when it has only
 * one), scored by the share of the text's words they have (heading counting double), best first: what a request's
 * description may ask for that is already published (issue 4 point 8). Scored in code over the same candidates on
 * every engine, so the same on both.
 */
export async function relatedItems(
  ctx: Context,
  terms: readonly string[],
  options: { agencyIds?: readonly number[] | null; limit?: number; minScore?: number } = {},
): Promise<RelatedItem[]> {
  const list = [...new Set(terms)].slice(0, 10);
  if (list.length === 0) return [];
  const pairs: Expr[] = [];
  if (list.length === 1) pairs.push({ word: list[0] as string, in: 'heading' });
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++)
      pairs.push({ and: words([list[i] as string, list[j] as string], 'heading') });
  const filters: Expr[] = options.agencyIds
    ? [{ or: options.agencyIds.map((id) => ({ facet: facet.agency(id) })) }]
    : [];
  const ids = await matchingItems(ctx.db.kysely, { and: [{ or: pairs }, ...filters] }, RELATED_SCAN, 0);
  const items = await loadItems(ctx, ids);
  const scored: RelatedItem[] = [];
  for (const id of ids) {
    const item = items.get(id);
    if (item?.status !== 'published') continue;
    const heading = new Set(indexTokens(headingText(item)));
    const body = new Set(indexTokens(item.bodyText));
    const inHeading = list.filter((t) => heading.has(t));
    const inBody = list.filter((t) => body.has(t));
    const score = (2 * inHeading.length + inBody.length) / (3 * list.length);
    if (score >= (options.minScore ?? 0) && inHeading.length >= Math.min(2, list.length))
      scored.push({ item, score: Math.round(score * 100) / 100, inHeading });
  }
  // Stable: equal scores keep the index's order (newest first).
  return scored.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 5);
}
