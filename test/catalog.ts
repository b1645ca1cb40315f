// Builders for catalogue tests: an item taken through the whole workflow (draft → 审查 → published).
import type { Actor } from '../src/agencies/model.ts';
import type { CatalogItem } from '../src/catalog/model.ts';
import type { ItemInput } from '../src/catalog/schema.ts';
import { createItem, publishItem, reviewItem, submitForReview } from '../src/catalog/service.ts';
import type { Context } from '../src/context.ts';

let itemSeq = 0;

export function buildItemInput(overrides: Partial<ItemInput> = {}): ItemInput {
  itemSeq += 1;
  return {
    kind: 'normative',
    title: `测试市关于进一步优化营商环境的若干措施（${itemSeq}）`,
    docNo: `测政规〔2025〕${itemSeq}号`,
    formedOn: '2025-09-01',
    topic: '综合政务',
    bodyFormat: 'markdown',
    body: '为进一步优化营商环境，激发市场主体活力，制定本措施。\n\n一、压缩企业开办时间。\n\n二、推进政务公开标准化规范化。',
    ...overrides,
  };
}

export interface Workflow {
  publisher: Actor;
  reviewer: Actor;
}

/** A 发布员 and a 审核人 of the agency, as actors without user rows (for the service builders). */
export const workflowOf = (agency: { id: number }): Workflow => ({
  publisher: { id: null, name: `测试发布员${agency.id}`, role: 'publisher', agencyId: agency.id },
  reviewer: { id: null, name: `测试审核人${agency.id}`, role: 'reviewer', agencyId: agency.id },
});

/** Create, submit, approve and publish an item; returns it as published. */
export async function buildPublishedItem(
  ctx: Context,
  agencyId: number,
  who: Workflow,
  overrides: Partial<ItemInput> = {},
  publishedOn?: string,
): Promise<CatalogItem> {
  const { item } = await createItem(who.publisher, ctx, agencyId, buildItemInput(overrides));
  await submitForReview(who.publisher, ctx, item.id);
  await reviewItem(who.reviewer, ctx, item.id, { approve: true, secrecyChecked: true });
  return publishItem(who.publisher, ctx, item.id, publishedOn ? { publishedOn } : {});
}
