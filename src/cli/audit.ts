// `gongkai audit verify|list`: check the hash chain (naming every altered, inserted or deleted entry), read entries.
import { listAuditEntries } from '../audit/query.ts';
import { type Anchor, verifyChain } from '../audit/verify.ts';
import { actor, type CliDeps, parse, runGuarded, UsageError, withContext } from './deps.ts';
import type { Io } from './io.ts';

export const AUDIT_USAGE = `  gongkai audit verify [--anchor 编号:哈希]
      核验审计日志的哈希链，逐条指出被改动、插入或删除的记录；退出码 0 完整，1 有问题
      --anchor：与此前抄录留存的末条哈希比对，可发现整条链被重算
  gongkai audit list [--actor 用户名] [--action 操作] [--object 类型[:编号]] [--from 日期] [--to 日期]
        [--outcome success|failure] [--page 页码] [--page-size 每页条数]
      按条件列出审计记录（日期为北京时间 YYYY-MM-DD，新的在前）

审计记录由系统永久保存，不提供删除；《网络安全法》第二十一条要求网络日志留存不少于六个月。`;

function parseAnchor(text: string): Anchor {
  const m = /^(\d+):([0-9a-f]{64})$/i.exec(text.trim());
  if (!m) throw new UsageError(`--anchor 应为“编号:64位十六进制哈希”，收到“${text}”`);
  return { id: Number(m[1]), hash: (m[2] as string).toLowerCase() };
}

function positiveInt(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`${name} 应为正整数，收到“${text}”`);
  return Number(text);
}

export async function auditCommand(args: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  return runGuarded(io, `用法：\n${AUDIT_USAGE}`, async () => {
    const { values, positionals } = parse(args, {
      anchor: { type: 'string' },
      actor: { type: 'string' },
      action: { type: 'string' },
      object: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      outcome: { type: 'string' },
      page: { type: 'string' },
      'page-size': { type: 'string' },
    });
    const v = values as Record<string, string | undefined>;
    const [sub, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`多余的参数：${extra.join(' ')}`);
    if (sub === 'verify') {
      const anchor = v.anchor === undefined ? undefined : parseAnchor(v.anchor);
      return withContext(deps, async (ctx) => {
        const report = await verifyChain(ctx.db, anchor ? { anchor } : {});
        for (const p of report.problems) io.stdout(`第${p.id}条：${p.message}`);
        if (report.ok) {
          io.stdout(`审计链完整：共 ${report.count} 条，末条为第 ${report.lastId} 条。`);
        } else {
          io.stdout(`审计链有 ${report.problems.length} 处问题（共 ${report.count} 条）。`);
        }
        io.stdout(`末条哈希：${report.lastId}:${report.lastHash}`);
        io.stdout('请将上行抄录留存（如安全管理台账），日后可用 --anchor 核验整条链未被重算。');
        return report.ok ? 0 : 1;
      });
    }
    if (sub === 'list') {
      const [objectType, objectId] = (v.object ?? '').split(':');
      return withContext(deps, async (ctx) => {
        const page = await listAuditEntries(actor(), ctx, {
          ...(v.actor ? { actorName: v.actor } : {}),
          ...(v.action ? { action: v.action } : {}),
          ...(objectType ? { objectType } : {}),
          ...(objectId ? { objectId } : {}),
          ...(v.from ? { from: v.from } : {}),
          ...(v.to ? { to: v.to } : {}),
          ...(v.outcome ? { outcome: v.outcome as 'success' } : {}),
          ...(v.page ? { page: positiveInt('--page', v.page) } : {}),
          ...(v['page-size'] ? { pageSize: positiveInt('--page-size', v['page-size']) } : {}),
        });
        for (const e of page.entries) {
          const object = e.objectId ? `${e.objectType}:${e.objectId}` : e.objectType;
          const outcome = e.outcome === 'success' ? '成功' : '失败';
          io.stdout(
            `${e.id}\t${e.at}\t${e.actorName}\t${e.clientAddress ?? ''}\t${e.action}\t${object}\t${outcome}\t${JSON.stringify(e.summary)}`,
          );
        }
        const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
        io.stdout(`共 ${page.total} 条，第 ${page.page}/${pages} 页`);
        return 0;
      });
    }
    throw new UsageError(sub ? `未知的 audit 子命令“${sub}”` : '缺少 audit 子命令');
  });
}
