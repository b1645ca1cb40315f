// Entering the yearly figures: each function authorizes on its first line and writes with its audit entry in one
// transaction. Entering is an agency setting (机构管理员: agency.update on the own agency); reading them is open to
// whoever may see the agency, since they are printed in its published report anyway.
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import type { Context } from '../context.ts';
import { transaction } from '../storage/transaction.ts';
import { parseInput } from '../validation.ts';
import { figuresSummary, type YearlyFigures } from './model.ts';
import { findFigures, listFigureRows, upsertFigures } from './repository.ts';
import { FIGURE_FIELD_LABELS, type FiguresInput, figuresInput } from './schema.ts';

/** Enter (or correct) the agency's figures for a year. */
export async function saveFigures(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  input: FiguresInput,
): Promise<YearlyFigures> {
  await authorize(actor, ctx, 'agency.update', agencyId, { type: 'agency', id: agencyId });
  const v = parseInput(figuresInput, input, FIGURE_FIELD_LABELS);
  const intent = { action: 'figures.save', objectType: 'yearlyFigures', objectId: `${agencyId}/${v.year}` };
  return transaction(ctx, actor, intent, async (tx) => {
    const before = await findFigures(tx.kysely, agencyId, v.year);
    const saved = await upsertFigures(tx.kysely, {
      agencyId,
      year: v.year,
      licensing: v.licensing,
      punishment: v.punishment,
      coercion: v.coercion,
      feesCents: v.fees,
      source: v.source,
      enteredAt: tx.now,
      enteredBy: actor.name,
      enteredById: actor.id,
    });
    tx.note({ ...(before ? { before: figuresSummary(before) } : {}), after: figuresSummary(saved) });
    return saved;
  });
}

/** The agency's figures, latest year first. */
export async function listFigures(actor: Actor, ctx: Context, agencyId: number): Promise<YearlyFigures[]> {
  await authorize(actor, ctx, 'agency.view', agencyId);
  return listFigureRows(ctx.db.kysely, agencyId);
}

/** One year's figures, or null when none were entered. */
export async function getFigures(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  year: number,
): Promise<YearlyFigures | null> {
  await authorize(actor, ctx, 'agency.view', agencyId);
  return (await findFigures(ctx.db.kysely, agencyId, year)) ?? null;
}
