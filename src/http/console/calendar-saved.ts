// The confirmation shown after a calendar change (?saved=…), with what recomputing the open deadlines did.
import type { Context } from 'hono';
import { permits } from '../../agencies/authorize.ts';
import { listAuditEntries } from '../../audit/query.ts';
import { onCalendarChanged } from '../../calendar/service.ts';
import type { AppEnv } from '../env.ts';

const SAVED: Record<string, string> = {
  holiday: '已添加法定节假日。',
  workday: '已添加调休上班日。',
  removed: '已删除该日期。',
  complete: '已标记为已录入完整，本年度可用于计算答复期限。',
  incomplete: '已撤销“已录入完整”标记，本年度暂不能用于计算答复期限。',
  imported: '已导入。请与通知逐日核对，无误后标记为已录入完整。',
};

/**
 * The confirmation after a change, with what the recomputation did. The service does not return it; the applications
 * listener notes it in the change's audit entry (“重新计算N件办理中申请的答复期限，M件有变化”), read back here.
 */
export async function savedText(c: Context<AppEnv>): Promise<string | undefined> {
  const saved = SAVED[c.req.query('saved') ?? ''];
  if (!saved) return undefined;
  if (onCalendarChanged.length === 0) return saved;
  const { actor } = c.get('auth');
  const ctx = c.get('ctx');
  const general = `${saved}所有办理中申请的答复期限已按变更后的日历重新计算。`;
  if (actor.id === null || !(await permits(actor, ctx, 'audit.view', null))) return general;
  const filter = { objectType: 'calendarYear', actorId: actor.id, outcome: 'success' as const, pageSize: 1 };
  const summary = (await listAuditEntries(actor, ctx, filter)).entries[0]?.summary as { detail?: unknown } | undefined;
  if (typeof summary?.detail === 'string') return `${saved}已${summary.detail}。`;
  return summary ? `${saved}当前没有办理中的申请，无需重新计算答复期限。` : general;
}
