// The console's list of all applications pages by 50, on every engine: the total is shown, 上一页/下一页 keep the
// filters, and a page past the end shows the last one.
import { describe, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { actorOf, signedIn } from './application-testing.ts';
import { testApp } from './testing.ts';

/** The rows of the “全部申请” table (the last section of the page). */
const resultRows = (page: string) => (page.split('<h2>全部申请</h2>')[1] ?? '').match(/<th scope="row">/g)?.length ?? 0;

describe('console: paging the list of applications', () => {
  forEachEngine((_engine, getDb) => {
    it('shows 50 a page with the total, and links that keep the filters', async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      for (let i = 0; i < 52; i++) await buildApplication(ctx, me, me.agencyId as number, { receivedOn: '2026-02-02' });
      for (let i = 0; i < 3; i++) await buildApplication(ctx, me, me.agencyId as number, { receivedOn: '2026-02-03' });
      const reviewer = await signedIn(app, ctx, 'scjg.reviewer');
      const get = async (query: string) => (await reviewer.get(`/console/applications${query}`)).text();

      const first = await get('');
      expect(first).toContain('共 55 件，第 1 / 2 页');
      expect(first).toContain('查询结果（共 55 件，本页 50 件）');
      expect(resultRows(first)).toBe(50);
      expect(first).toContain('<a href="/console/applications?page=2" rel="next">下一页</a>');
      expect(first).not.toContain('上一页');

      const second = await get('?page=2');
      expect(second).toContain('共 55 件，第 2 / 2 页');
      expect(resultRows(second)).toBe(5);
      expect(second).toContain('<a href="/console/applications" rel="prev">上一页</a>');
      expect(second).not.toContain('下一页');

      // A filter narrows the total; the links carry it (and the scope) from page to page.
      const filtered = await get('?scope=agency&to=2026-02-02');
      expect(filtered).toContain('共 52 件，第 1 / 2 页');
      expect(filtered).toContain(
        '<a href="/console/applications?scope=agency&amp;to=2026-02-02&amp;page=2" rel="next">',
      );
      const next = await get('?scope=agency&to=2026-02-02&page=2');
      expect(resultRows(next)).toBe(2);
      expect(next).toContain('<a href="/console/applications?scope=agency&amp;to=2026-02-02" rel="prev">上一页</a>');

      const past = await get('?page=99');
      expect(past).toContain('共 55 件，第 2 / 2 页');
      const junk = await get('?page=x');
      expect(junk).toContain('第 1 / 2 页');
    }, 60_000);
  });
});
