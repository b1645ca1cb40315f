// 可能已主动公开的信息 (issue 4 point 8): the published catalogue searched with what a request asks for, so the handler
// sees at once whether the information is already public — then the answer is 予以公开 with where to find it
// (条例第三十六条第（一）项: the letter's “已主动公开的获取途径”). Shown to the handler, who decides; nothing is
// automatic. The search is the portal's (catalog/search/), over the whole published catalogue: a department's
// information is often published by its government.
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import type { CatalogItem } from '../catalog/model.ts';
import { relatedItems } from '../catalog/search/query.ts';
import { queryTokens } from '../catalog/search/segment.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { findApplication } from './repository.ts';
import { REQUEST_STOP_WORDS, soughtText } from './similarity.ts';

/** At most this many are shown. */
export const PUBLISHED_MATCH_LIMIT = 5;
/**
 * From this score up (the share of the request's words an item has, those in its title, 文号 or 索引号 counting
 * double) an item is shown; it must also have two of the words in its heading. Chosen on real phrasings: a request
 * naming a published document's title scores 0.8–1, one that shares only its subject (预算, another year) about
 * 0.4.
 */
export const PUBLISHED_MATCH_THRESHOLD = 0.5;

/** Words of every request (“申请公开……的政府信息”), with the pieces the search segmenter splits (政府, 贵单, 单位), and 材料. */
const REQUEST_WORDS = new Set([...REQUEST_STOP_WORDS, '政府', '贵单', '单位', '材料']);

/** The words of a request that say what is sought. */
export function soughtWords(text: string): string[] {
  return queryTokens(text.slice(0, 300)).filter((w) => !REQUEST_WORDS.has(w));
}

export interface PublishedMatch {
  item: CatalogItem;
  /** 0…1, two decimals. */
  score: number;
  /** The request's words found in the item's title, 文号 or 索引号. */
  words: string[];
}

/** Published items that may be what the application asks for, best first, for staff who may view it. */
export async function publishedMatches(actor: Actor, ctx: Context, applicationId: number): Promise<PublishedMatch[]> {
  const app = await findApplication(ctx.db.kysely, applicationId);
  await authorize(actor, ctx, 'application.view', app?.agencyId ?? null, { type: 'application', id: applicationId });
  if (!app) throw errors.notFound('申请', applicationId);
  const related = await relatedItems(ctx, soughtWords(soughtText(app)), {
    limit: PUBLISHED_MATCH_LIMIT,
    minScore: PUBLISHED_MATCH_THRESHOLD,
  });
  return related.map((r) => ({ item: r.item, score: r.score, words: r.inHeading }));
}
