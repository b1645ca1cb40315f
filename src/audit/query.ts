// Reading the audit log for the administrators' page: filter by actor, action, object, date range and outcome,
// newest first, a page at a time.
import { z } from 'zod';
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import type { Context } from '../context.ts';
import { parseInput } from '../validation.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期，格式 YYYY-MM-DD');

export const auditFilter = z.object({
  actorId: z.number().int().optional(),
  actorName: z.string().trim().min(1).optional(),
  action: z.string().trim().min(1).optional(),
  objectType: z.string().trim().min(1).optional(),
  objectId: z.union([z.string(), z.number()]).transform(String).optional(),
  /** Inclusive, by Beijing date (the clerks' calendar). */
  from: date.optional(),
  to: date.optional(),
  outcome: z.enum(['success', 'failure'], { error: '应为 success 或 failure' }).optional(),
  page: z.number().int().min(1, '不得小于1').default(1),
  pageSize: z.number().int().min(1).max(500, '不得大于500').default(50),
});
export type AuditFilter = z.input<typeof auditFilter>;

const LABELS: Record<string, string> = {
  actorId: '操作人',
  actorName: '操作人',
  action: '操作',
  objectType: '对象类型',
  objectId: '对象编号',
  from: '起始日期',
  to: '截止日期',
  outcome: '结果',
  page: '页码',
  pageSize: '每页条数',
};

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  objectType: string;
  objectId: string | null;
  summary: unknown;
  outcome: 'success' | 'failure';
  clientAddress: string | null;
}

/** Midnight of a Beijing date (UTC+8) as an ISO-8601 UTC instant. */
function beijingMidnight(day: string, plusDays = 0): string {
  const t = Date.parse(`${day}T00:00:00.000Z`) - 8 * 3_600_000 + plusDays * 86_400_000;
  return new Date(t).toISOString();
}

export async function listAuditEntries(
  actor: Actor,
  ctx: Context,
  input: AuditFilter = {},
): Promise<{ entries: AuditEntry[]; total: number; page: number; pageSize: number }> {
  await authorize(actor, ctx, 'audit.view', null, { type: 'audit', id: null });
  const f = parseInput(auditFilter, input, LABELS);
  let q = ctx.db.kysely.selectFrom('audit_log');
  if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
  if (f.actorName !== undefined) q = q.where('actor_name', '=', f.actorName);
  if (f.action !== undefined) q = q.where('action', '=', f.action);
  if (f.objectType !== undefined) q = q.where('object_type', '=', f.objectType);
  if (f.objectId !== undefined) q = q.where('object_id', '=', f.objectId);
  if (f.from !== undefined) q = q.where('at', '>=', beijingMidnight(f.from));
  if (f.to !== undefined) q = q.where('at', '<', beijingMidnight(f.to, 1));
  if (f.outcome !== undefined) q = q.where('outcome', '=', f.outcome);
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    total: Number(count.n),
    page: f.page,
    pageSize: f.pageSize,
    entries: rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorId: r.actor_id === null ? null : Number(r.actor_id),
      actorName: r.actor_name,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      summary: JSON.parse(r.summary),
      outcome: r.outcome as 'success' | 'failure',
      clientAddress: r.client_address,
    })),
  };
}
