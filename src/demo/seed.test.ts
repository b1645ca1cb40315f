import { describe, expect, it } from 'vitest';
import { createTestDatabase, forEachEngine } from '../../test/engines.ts';
import { creditCodeProblem } from '../agencies/credit-code.ts';
import { ROLES, userActor } from '../agencies/model.ts';
import { listAgencyRows, listUserRows } from '../agencies/repository.ts';
import { login } from '../agencies/sessions.ts';
import { reportView } from '../annual/service.ts';
import { listForYear } from '../applications/repository.ts';
import { listPublished, publicItem, publishedWithTitle } from '../catalog/queries.ts';
import { DEFAULT_SECURITY } from '../config.ts';
import { listMyNotices } from '../notifications/notices.ts';
import { CELL_PATHS, getCell } from '../report/model.ts';
import { checkReport } from '../report/rules.ts';
import { seedDemoCatalog } from './catalog.ts';
import { formatCredentials, isDemoDatabase, seedDemo } from './seed.ts';

const security = { ...DEFAULT_SECURITY, argon2MemoryKib: 8192, argon2TimeCost: 1 };

describe('demo seed', () => {
  forEachEngine((engine, getDb) => {
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

    it("`npm start`'s district has last year's records and their published reports, sound and on time", async () => {
      // A database of its own: the one of this file holds the users-only district of the first test.
      const test = await createTestDatabase(engine);
      try {
        const ctx = { db: test.db, clock: () => new Date('2026-11-20T02:00:00Z'), security };
        await seedDemo(ctx, { catalog: true });
        const agencies = await listAgencyRows(ctx.db.kysely);
        const [government, office, market, education] = agencies.map((a) => a.id) as number[];
        const received = async (id: number) =>
          (await listForYear(ctx.db.kysely, id, 2025)).filter((a) => a.receivedOn >= '2025-01-01').length;
        expect(await received(market as number)).toBeGreaterThanOrEqual(20);
        expect(await received(education as number)).toBeGreaterThanOrEqual(10);
        expect(await received(office as number)).toBeGreaterThanOrEqual(3);
        // The replies were proposed and approved last year: the reviewer's notices about them are read.
        const reviewer = (await listUserRows(ctx.db.kysely, market as number)).find((u) => u.role === 'reviewer');
        const notices = await listMyNotices(userActor(reviewer as NonNullable<typeof reviewer>), ctx, 1000);
        const aboutCases = notices.filter((n) => n.link?.startsWith('/console/applications/'));
        expect(aboutCases.length).toBeGreaterThanOrEqual(20);
        expect(aboutCases.filter((n) => n.readAt === null)).toEqual([]);
        for (const agency of agencies) {
          const view = await reportView(ctx, agency.id, 2025);
          expect(view.record, agency.name).toMatchObject({ status: 'published', origin: 'compiled' });
          expect(view.report.publishedOn).toBe(view.record?.publishedOn);
          expect(view.record?.publishedOn && view.record.publishedOn <= view.due, agency.name).toBe(true);
          expect(view.late).toBe(false);
          expect(checkReport(view.report, { previous: view.previous }).filter((d) => d.severity === 'error')).toEqual(
            [],
          );
          expect(view.report.text.overview).not.toContain('【初稿');
          expect(view.report.text.other).toContain('信息处理费');
        }
        expect((await reportView(ctx, government as number, 2025)).record?.publishedOn).toMatch(/^2026-03-/);
        const m = await reportView(ctx, market as number, 2025);
        // Table 三 of the 市场监督管理局 is filled: new applications, two carried over, one carried forward.
        expect(CELL_PATHS.filter((p) => p.startsWith('requests.')).some((p) => getCell(m.report, p) !== 0)).toBe(true);
        expect(m.report.requests.received.total).toBe(22);
        expect(m.report.requests.carriedOver.total).toBe(2);
        expect(m.report.requests.carriedForward.total).toBe(1);
        expect(m.report.requests.otherNoCorrection.total).toBe(1);
        expect(m.report.text.other).toContain('本年度，本机关共发出收费通知1件，应收信息处理费300元，实收300元。');
        expect(m.report.appeals.reconsideration.total).toBe(3);
        // The year before, imported from a Word document, is what the cross-year rules compared it with.
        expect(m.previous?.year).toBe(2024);
        expect(m.previous?.requests.carriedForward.total).toBe(2);
        const earlier = await reportView(ctx, market as number, 2024);
        expect(earlier.record).toMatchObject({ origin: 'imported', status: 'published', publishedOn: '2025-01-24' });
        expect(earlier.record?.sourceName).toMatch(/2024年政府信息公开工作年度报告\.docx$/);
        expect(checkReport(earlier.report).filter((d) => d.severity === 'error')).toEqual([]);
      } finally {
        await test.dispose();
      }
    }, 120_000);
  });
});
