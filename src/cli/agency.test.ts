// `gongkai agency set 机构 --reply-review on|off` on every engine: the setting changes, audited as the console's
// (agency.replyReview, before and after); a bad value or an unknown agency is named in Chinese.
import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildAgencyInput, CLI, TEST_SECURITY, testContext } from '../../test/platform.ts';
import { createAgency } from '../agencies/service.ts';
import { replyReviewRequired } from '../applications/review.ts';
import type { Config } from '../config.ts';
import type { Context } from '../context.ts';
import { agencyCommand } from './agency.ts';
import { memoryIo } from './io.ts';

forEachEngine((_engine, getDb, getTest) => {
  let ctx: Context;
  let config: Config;
  let agencyId: number;
  beforeAll(async () => {
    ctx = testContext(getDb(), () => new Date());
    config = { database: getTest().config, security: TEST_SECURITY };
    const agency = await createAgency(CLI, ctx, buildAgencyInput({ name: '淮安市教育局', shortName: '市教育局' }));
    agencyId = agency.id;
  });

  const auditRows = () =>
    getDb()
      .kysely.selectFrom('audit_log')
      .select(['action', 'object_type', 'object_id', 'actor_name', 'summary', 'outcome'])
      .where('action', '=', 'agency.replyReview')
      .orderBy('id')
      .execute();

  it('turns the review of replies off and on again, by id or by name, audited', async () => {
    expect(await replyReviewRequired(ctx.db.kysely, agencyId)).toBe(true);
    const off = memoryIo();
    expect(await agencyCommand(['set', String(agencyId), '--reply-review', 'off'], off, { config })).toBe(0);
    expect(off.err).toBe('');
    expect(off.out.trim()).toBe(`已设置 淮安市教育局（编号 ${agencyId}）：答复无需审核，承办人直接记录答复`);
    expect(await replyReviewRequired(ctx.db.kysely, agencyId)).toBe(false);

    const on = memoryIo();
    expect(await agencyCommand(['set', '市教育局', '--reply-review', 'on'], on, { config })).toBe(0);
    expect(on.out).toContain('答复须经审核人审核后发出');
    expect(await replyReviewRequired(ctx.db.kysely, agencyId)).toBe(true);

    const rows = await auditRows();
    expect(rows.map((r) => [r.object_type, r.object_id, r.outcome])).toEqual([
      ['agency', String(agencyId), 'success'],
      ['agency', String(agencyId), 'success'],
    ]);
    expect(rows[0]?.actor_name).toMatch(/^命令行:/);
    expect(JSON.parse(rows[0]?.summary ?? '{}')).toMatchObject({
      before: { replyReview: true },
      after: { replyReview: false },
    });
    expect(JSON.parse(rows[1]?.summary ?? '{}')).toMatchObject({
      before: { replyReview: false },
      after: { replyReview: true },
    });
  });

  it('names the problem: a bad value, an unknown agency, a missing setting or agency', async () => {
    const before = (await auditRows()).length;
    const bad = memoryIo();
    expect(await agencyCommand(['set', String(agencyId), '--reply-review', 'maybe'], bad, { config })).toBe(1);
    expect(bad.err).toContain('答复审核：“maybe”无效，应为 on（须经审核）或 off（无需审核）');
    const unknown = memoryIo();
    expect(await agencyCommand(['set', '不存在的局', '--reply-review', 'off'], unknown, { config })).toBe(1);
    expect(unknown.err).toContain('机构：找不到机构“不存在的局”');
    const missing = memoryIo();
    expect(await agencyCommand(['set', String(agencyId)], missing, { config })).toBe(2);
    expect(missing.err).toContain('缺少要修改的设置：--reply-review on|off');
    const noAgency = memoryIo();
    expect(await agencyCommand(['set', '--reply-review', 'on'], noAgency, { config })).toBe(2);
    expect(noAgency.err).toContain('缺少机构');
    const other = memoryIo();
    expect(await agencyCommand(['set', String(agencyId), '--name', 'x'], other, { config })).toBe(2);
    expect(other.err).toContain('agency set 不接受 --name');
    expect(await auditRows()).toHaveLength(before);
    expect(await replyReviewRequired(ctx.db.kysely, agencyId)).toBe(true);
  });
});
