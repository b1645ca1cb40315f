// `gongkai catalog reindex`: rebuild the search index of the published catalogue (after an import straight into
// the database, an upgrade that changes segmentation or the dictionary). One transaction, recorded in the audit log;
// the portal keeps answering from the old index until it commits.
import { rebuildIndex } from '../catalog/search/indexer.ts';
import { transaction } from '../storage/transaction.ts';
import { actor, type CliDeps, parse, runGuarded, UsageError, withContext } from './deps.ts';
import type { Io } from './io.ts';

export const CATALOG_REINDEX_USAGE = `  gongkai catalog reindex
      重建站内检索的索引（导入或升级后使用）；检索照常进行，重建完成后生效`;

export async function catalogReindexCommand(args: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  return runGuarded(io, `用法：\n${CATALOG_REINDEX_USAGE}`, async () => {
    const { positionals } = parse(args, {});
    if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
    return withContext(deps, async (ctx) => {
      const started = performance.now();
      const intent = { action: 'catalog.reindex', objectType: 'catalogSearch' };
      const count = await transaction(ctx, actor(), intent, async (tx) => {
        const n = await rebuildIndex(tx.kysely);
        tx.note({ after: { indexed: n } });
        return n;
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.stdout(`已重建站内检索索引：共 ${count} 条已发布的信息，用时 ${seconds} 秒。`);
      return 0;
    });
  });
}
