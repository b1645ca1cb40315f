// The first line of every service function: may this actor do this to records of this agency? The decision is the
// table in policy.ts; this only finds where the actor and the target stand in the hierarchy. A refusal is recorded
// in the audit log (GB/T 22239 安全审计: 重要的安全相关事件).
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { recordFailure } from '../storage/transaction.ts';
import type { Actor } from './model.ts';
import { ACTION_LABELS, type Action, decide, relationOf } from './policy.ts';
import { agencyPath } from './repository.ts';

export interface Target {
  type: string;
  id: string | number | null;
}

export async function authorize(
  actor: Actor,
  ctx: Context,
  action: Action,
  agencyId: number | null,
  target: Target = { type: 'agency', id: agencyId },
): Promise<void> {
  if (await permits(actor, ctx, action, agencyId)) return;
  const error = errors.forbidden(ACTION_LABELS[action]);
  await recordFailure(ctx, actor, { action, objectType: target.type, objectId: target.id }, error);
  throw error;
}

/** The same decision without recording anything: for pages deciding which links and forms to offer. */
export async function permits(actor: Actor, ctx: Context, action: Action, agencyId: number | null): Promise<boolean> {
  const actorPath = await agencyPath(ctx.db.kysely, actor.agencyId);
  const targetPath = await agencyPath(ctx.db.kysely, agencyId);
  return decide(actor.role, action, relationOf(actorPath, targetPath));
}
