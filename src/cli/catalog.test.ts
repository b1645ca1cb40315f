// `gongkai catalog reindex` on every engine: an item written straight into the database (as an old import or an
// upgrade leaves it) is found by the search only after the rebuild, which is recorded in the audit log.
import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildAgencyInput, CLI, TEST_SECURITY, testContext } from '../../test/platform.ts';
import { createAgency } from '../agencies/service.ts';
import { listAuditEntries } from '../audit/query.ts';
import { searchCatalog } from '../catalog/search/query.ts';
import type { Config } from '../config.ts';
import type { Context } from '../context.ts';
import { catalogReindexCommand } from './catalog.ts';
import { memoryIo } from './io.ts';

forEachEngine((_engine, getDb, getTest) => {
  let ctx: Context;
  let config: Config;
  beforeAll(async () => {
    ctx = testContext(getDb(), () => new Date());
    config = { database: getTest().config, security: TEST_SECURITY };
    const agencyId = (await createAgency(CLI, ctx, buildAgencyInput())).id;
    const now = new Date().toISOString();
    await ctx.db.kysely
      .insertInto('catalog_items')
      .values({
        agency_id: agencyId,
        index_no: 'REINDEX-1',
        status: 'published',
        kind: 'notice',
        title: '关于开展双随机一公开抽查的通知',
        doc_no: null,
        issuer: '测试局',
        formed_on: '2025-01-02',
        published_on: '2025-01-03',
        changed_on: null,
        topic: null,
        article20: null,
        standard_area: null,
        disclosure_mode: 'active',
        withheld_reason: null,
        body_format: 'markdown',
        body: '抽查结果将向社会公开。',
        body_html: '<p>抽查结果将向社会公开。</p>',
        body_text: '抽查结果将向社会公开。',
        validity: null,
        validity_on: null,
        replaced_by_id: null,
        interprets_id: null,
        published_revision: null,
        created_at: now,
        created_by: 'test',
        updated_at: now,
      })
      .execute();
  });

  it('rebuilds the index, says how many items it holds, and records it', async () => {
    expect((await searchCatalog(ctx, { q: '抽查' })).total).toBe(0);
    const io = memoryIo();
    expect(await catalogReindexCommand([], io, { config })).toBe(0);
    expect(io.out).toContain('已重建站内检索索引：共 1 条已发布的信息');
    const result = await searchCatalog(ctx, { q: '抽查' });
    expect(result.rows.map((r) => r.item.indexNo)).toEqual(['REINDEX-1']);
    const audit = await listAuditEntries(CLI, ctx, { action: 'catalog.reindex' });
    expect(audit.entries).toHaveLength(1);
  });

  it('refuses extra arguments', async () => {
    const io = memoryIo();
    expect(await catalogReindexCommand(['now'], io, { config })).toBe(2);
    expect(io.err).toContain('多余的参数');
  });
});
