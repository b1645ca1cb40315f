import { describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { creditCodeProblem } from '../agencies/credit-code.ts';
import { ROLES } from '../agencies/model.ts';
import { listAgencyRows, listUserRows } from '../agencies/repository.ts';
import { login } from '../agencies/sessions.ts';
import { listPublished, publicItem, publishedWithTitle } from '../catalog/queries.ts';
import { DEFAULT_SECURITY } from '../config.ts';
import { seedDemoCatalog } from './catalog.ts';
import { formatCredentials, isDemoDatabase, seedDemo } from './seed.ts';

const security = { ...DEFAULT_SECURITY, argon2MemoryKib: 8192, argon2TimeCost: 1 };

describe('demo seed', () => {
  forEachEngine((_engine, getDb) => {
    it("seeds a district with one user per role (and the district office's reviewer) into an empty database, once", async () => {
      const ctx = { db: getDb(), clock: () => new Date(), security };
      expect(await isDemoDatabase(ctx.db)).toBe(false);
      const credentials = await seedDemo(ctx);
      // One per role, and the 政务公开办's reviewer at the district government who approves the departments' reports.
      expect(credentials?.map((c) => c.roleLabel)).toHaveLength(ROLES.length + 1);
      expect(new Set(credentials?.map((c) => c.roleLabel))).toHaveProperty('size', ROLES.length);
      const agencies = await listAgencyRows(ctx.db.kysely);
      expect(agencies.map((a) => a.name)).toEqual([
        '示例区人民政府',
        '示例区人民政府办公室',
        '示例区市场监督管理局',
        '示例区教育局',
      ]);
      for (const a of agencies) expect(creditCodeProblem(a.creditCode ?? '')).toBeNull();
      expect(await isDemoDatabase(ctx.db)).toBe(true);
      const handler = credentials?.find((c) => c.username === 'scjg.handler');
      const result = await login(ctx, { username: 'scjg.handler', password: handler?.password ?? '' });
      expect(result.mustChangePassword).toBe(false);
      expect((await listUserRows(ctx.db.kysely, null)).map((u) => u.username)).toEqual(['admin']);
      expect(await seedDemo(ctx)).toBeNull();
      const text = formatCredentials(credentials ?? []);
      expect(text.match(/^ {2}[a-z][\w.-]+ +.*密码：\S+$/gm)).toHaveLength(ROLES.length + 1);
      // Without { catalog: true } (as the tests' demo users) the catalogue stays empty.
      expect((await listPublished(ctx)).total).toBe(0);
    });

    it('publishes a living catalogue for `npm start` through the catalogue services', async () => {
      const ctx = { db: getDb(), clock: () => new Date('2025-11-20T02:00:00Z'), security };
      // The district of the test above (one database per file): seedDemo(ctx, { catalog: true }) runs this on it.
      const agencies = await listAgencyRows(ctx.db.kysely);
      const started = Date.now();
      const items = await seedDemoCatalog(ctx, agencies);
      expect(Date.now() - started).toBeLessThan(15_000);
      const all = await listPublished(ctx, { pageSize: 100 });
      expect(all.total).toBe(items.length);
      expect(all.total).toBeGreaterThanOrEqual(28);
      const kinds = new Set(all.rows.map((i) => i.kind));
      for (const k of ['rule', 'normative', 'interpretation', 'notice', 'document'] as const)
        expect(kinds).toContain(k);
      const repealed = all.rows.find((i) => i.validity === 'repealed');
      expect(repealed?.replacedById).toBeTruthy();
      const replacement = await publicItem(ctx, repealed?.replacedById ?? 0);
      expect(replacement?.interpretations.length).toBe(1);
      expect(all.rows.some((i) => i.validity === 'amended')).toBe(true);
      expect(all.rows.some((i) => i.validity === 'expired')).toBe(true);
      const reports = await publishedWithTitle(ctx, '2024年政府信息公开工作年度报告');
      expect(reports.length).toBe(agencies.length);
      const withPdf = await Promise.all(reports.map((r) => publicItem(ctx, r.id)));
      expect(withPdf.flatMap((v) => v?.attachments ?? []).map((a) => a.mediaType)).toEqual(['application/pdf']);
      for (const i of all.rows) expect(i.indexNo).toBeTruthy();
    });
  });
});
