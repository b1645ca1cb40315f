// Walk the audit chain and name every entry that was altered, inserted or deleted. `gongkai audit verify` prints
// the result. A hash chain is only as trustworthy as its end: someone with write access to the database could
// recompute every hash after a forgery, so verify prints the last entry's hash for the operator to record outside
// the system (e.g. in the monthly security log), and checks it later with --anchor ID:HASH.
import type { Database } from '../storage/db.ts';
import { type AuditRow, entryHash, GENESIS_HASH } from './log.ts';

export type ProblemKind = 'altered' | 'inserted' | 'deleted' | 'relinked' | 'anchor';

export interface ChainProblem {
  /** The entry concerned (for deletions: the first missing id). */
  id: number;
  kind: ProblemKind;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  count: number;
  lastId: number;
  lastHash: string;
  problems: ChainProblem[];
}

export interface Anchor {
  id: number;
  hash: string;
}

const PAGE = 1000;

function deleted(from: number, to: number): ChainProblem {
  const range = from === to ? `第${from}条` : `第${from}至${to}条`;
  return { id: from, kind: 'deleted', message: `${range}审计记录已被删除` };
}

export async function verifyChain(db: Database, options: { anchor?: Anchor } = {}): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  const head = await db.kysely.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  const headId = Number(head.last_id);
  let prev: { id: number; hash: string } | null = null;
  let prevPrevHash: string | null = null;
  let count = 0;
  let anchorSeen = false;
  let after = 0;
  for (;;) {
    const rows = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const raw of rows) {
      const r: AuditRow = { ...raw, id: Number(raw.id), actor_id: raw.actor_id === null ? null : Number(raw.actor_id) };
      count += 1;
      const { hash, ...rest } = r;
      if (entryHash(rest) !== hash) {
        problems.push({ id: r.id, kind: 'altered', message: `第${r.id}条审计记录的内容已被改动（哈希不符）` });
      }
      const expectedPrev = prev?.hash ?? GENESIS_HASH;
      const expectedId = (prev?.id ?? 0) + 1;
      if (r.prev_hash !== expectedPrev) {
        if (prev && r.prev_hash === prevPrevHash) {
          problems.push({ id: prev.id, kind: 'inserted', message: `第${prev.id}条审计记录是插入的（不在原链中）` });
        } else if (r.id > expectedId) {
          problems.push(deleted(expectedId, r.id - 1));
        } else {
          const before = prev ? `第${prev.id}条` : '链首';
          problems.push({
            id: r.id,
            kind: 'relinked',
            message: `第${r.id}条审计记录与${before}衔接不上：${before}可能被替换，或第${r.id}条被改动`,
          });
        }
      } else if (r.id > expectedId) {
        problems.push(deleted(expectedId, r.id - 1));
      }
      if (r.id > headId) {
        problems.push({
          id: r.id,
          kind: 'inserted',
          message: `第${r.id}条审计记录位于链尾（第${headId}条）之后，是插入的`,
        });
      }
      if (options.anchor && r.id === options.anchor.id) {
        anchorSeen = true;
        if (r.hash !== options.anchor.hash)
          problems.push({
            id: r.id,
            kind: 'anchor',
            message: `第${r.id}条审计记录的哈希与留存的核验值不同，审计链已被重写`,
          });
      }
      prevPrevHash = prev?.hash ?? GENESIS_HASH;
      prev = { id: r.id, hash: r.hash };
    }
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1]?.id);
  }
  const lastId = prev?.id ?? 0;
  if (headId > lastId) problems.push(deleted(lastId + 1, headId));
  else if (prev && headId === lastId && head.last_hash !== prev.hash) {
    problems.push({ id: lastId, kind: 'altered', message: `第${lastId}条审计记录与链尾登记的哈希不符` });
  }
  if (options.anchor && !anchorSeen) problems.push(deleted(options.anchor.id, options.anchor.id));
  problems.sort((a, b) => a.id - b.id);
  return { ok: problems.length === 0, count, lastId, lastHash: prev?.hash ?? GENESIS_HASH, problems };
}
