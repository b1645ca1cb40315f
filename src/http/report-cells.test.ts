// The report's drill-down pages on every engine: the 市场监管局's handler opens a cell of its 2025 report and finds the
// application it decided listed and linked, with the report's number; the list downloads as CSV with a BOM; the
// supervising office's reviewer sees only 查询号; cases and catalogue items are linked; another agency's administrator is refused; an unknown cell is a
// Chinese 404; a submitted report shows its frozen number beside today's.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCaseInput } from '../../test/appeals.ts';
import { buildApplication } from '../../test/applications.ts';
import { buildPublishedItem, workflowOf } from '../../test/catalog.ts';
import { forEachEngine } from '../../test/engines.ts';
import { listAgencyRows } from '../agencies/repository.ts';
import { insertReport } from '../annual/repository.ts';
import { reportView } from '../annual/service.ts';
import { recordCase } from '../appeals/service.ts';
import { decide } from '../applications/service.ts';
import { emptyReport, getCell } from '../report/model.ts';
import { actorOf, signedIn, withoutReview } from './application-testing.ts';
import { cellHref } from './report-links.ts';
import { demoUsers, testApp } from './testing.ts';

describe('年度报告 drill-down (console)', () => {
  forEachEngine((_engine, getDb) => {
    let agencyId: number;
    let applicationId: number;
    let trackingNo: string;
    const path = 'requests.granted.naturalPerson';

    beforeAll(async () => {
      const { ctx } = testApp(getDb());
      await demoUsers(ctx);
      agencyId = (await listAgencyRows(ctx.db.kysely)).find((a) => a.name === '示例区市场监督管理局')?.id as number;
      await withoutReview(ctx, agencyId);
      const handler = await actorOf(ctx, 'scjg.handler');
      const { application } = await buildApplication(ctx, handler, agencyId, { receivedOn: '2025-10-09' });
      await decide(handler, ctx, application.id, 'granted', '2025-10-20');
      applicationId = application.id;
      trackingNo = application.trackingNo;
    });

    it('lists the applications behind a cell, linked to their case pages, with the report’s number', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'scjg.handler');
      const res = await client.get(cellHref(agencyId, 2025, path));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<h1>（一）予以公开·自然人</h1>');
      expect(html).toContain(`<a href="/console/applications/${applicationId}">${trackingNo}</a>`);
      expect(html).toContain('<td>2025-10-09</td><td>2025-10-20</td><td>（一）予以公开</td>');
      const number = getCell((await reportView(ctx, agencyId, 2025)).report, path);
      expect(number).toBeGreaterThan(0);
      expect(html).toContain(`报告中的数字：<strong class="cell-number">${number}</strong>`);
      expect(html).toContain(`href="/console/reports/${agencyId}/2025"`);
      expect(html).not.toContain('13812345678');

      const csv = await client.get(`${cellHref(agencyId, 2025, path)}?format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.headers.get('content-disposition')).toContain(`cell-2025-${path}.csv`);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
      expect(text.startsWith('\uFEFF编号,查询号,申请人类型,收到日期,办结日期,办理结果\r\n')).toBe(true);
      expect(text).toContain(`${applicationId},${trackingNo},自然人,2025-10-09,2025-10-20,（一）予以公开\r\n`);
    });

    it('shows only 查询号 to a report viewer who may not read the applications; refuses others', async () => {
      const { app, ctx } = testApp(getDb());
      const office = await signedIn(app, ctx, 'qzf.reviewer');
      const html = await (await office.get(cellHref(agencyId, 2025, path))).text();
      expect(html).toContain(`<th scope="row">${trackingNo}</th>`);
      expect(html).not.toContain(`/console/applications/${applicationId}`);
      expect(html).toContain('只列出编号和查询号');

      const outsider = await signedIn(app, ctx, 'bgs.admin');
      const refused = await outsider.get(cellHref(agencyId, 2025, path));
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain(trackingNo);
    });

    it('lists the cases and the catalogue items behind table 四 and table 二 cells', async () => {
      const { app, ctx } = testApp(getDb());
      const handler = await actorOf(ctx, 'scjg.handler');
      const input = buildCaseInput({ caseNo: '测政复〔2025〕88号', filedOn: '2025-04-01', result: 'upheld' });
      const appeal = await recordCase(handler, ctx, agencyId, { ...input, resultOn: '2025-05-01' });
      const item = await buildPublishedItem(ctx, agencyId, workflowOf({ id: agencyId }), { formedOn: '2025-06-01' });
      const client = await signedIn(app, ctx, 'scjg.handler');
      const cases = await (await client.get(cellHref(agencyId, 2025, 'appeals.reconsideration.upheld'))).text();
      expect(cases).toContain(`<a href="/console/appeals/${appeal.id}">测政复〔2025〕88号</a>`);
      expect(cases).not.toContain('王小明');
      const items = await (await client.get(cellHref(agencyId, 2025, 'proactive.normativeDocuments.issued'))).text();
      expect(items).toContain(`<a href="/catalog/${item.id}">${item.title}</a>`);
      const publisher = await signedIn(app, ctx, 'scjg.publisher');
      const own = await (await publisher.get(cellHref(agencyId, 2025, 'proactive.normativeDocuments.issued'))).text();
      expect(own).toContain(`<a href="/console/catalog/${item.id}">`);
    });

    it('answers an unknown cell with a Chinese 404', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'scjg.handler');
      const res = await client.get(cellHref(agencyId, 2025, 'requests.nope.total'));
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('年度报告的栏目（requests.nope.total）不存在');
      expect((await client.get(cellHref(agencyId, 2025, 'text.overview'))).status).toBe(404);
    });

    it('shows a submitted report’s frozen number beside today’s count', async () => {
      const { app, ctx } = testApp(getDb());
      const snapshot = emptyReport(2022, '示例区市场监督管理局');
      snapshot.requests.received.total = 3;
      const now = ctx.clock().toISOString();
      await insertReport(ctx.db.kysely, {
        agency_id: agencyId,
        year: 2022,
        status: 'submitted',
        origin: 'compiled',
        snapshot_json: JSON.stringify(snapshot),
        created_at: now,
        created_by: 'test',
        updated_at: now,
        updated_by: 'test',
        submitted_at: now,
      });
      const client = await signedIn(app, ctx, 'scjg.handler');
      const html = await (await client.get(cellHref(agencyId, 2022, 'requests.received.total'))).text();
      expect(html).toContain('报告中的数字：<strong class="cell-number">3</strong>');
      expect(html).toContain('该报告已报送待审核，报告中的数字是报送时固定的数字');
      expect(html).toContain('按今天的记录，本栏应为 <strong>0</strong>，与报告中的数字 3 不一致');
      expect(html).toContain('没有记录。');
    });

    it('pages a list longer than 100 and downloads all of it', async () => {
      const { app, ctx } = testApp(getDb());
      const db = ctx.db.kysely;
      const { id: _id, ...row } = await db
        .selectFrom('applications')
        .selectAll()
        .where('id', '=', applicationId)
        .executeTakeFirstOrThrow();
      for (let i = 1; i <= 100; i += 1)
        await db
          .insertInto('applications')
          .values({ ...row, tracking_no: `${trackingNo}-P${i}` })
          .execute();
      const client = await signedIn(app, ctx, 'scjg.handler');
      const href = cellHref(agencyId, 2025, path);
      const total = getCell((await reportView(ctx, agencyId, 2025)).report, path);
      expect(total).toBeGreaterThan(100);
      const first = await (await client.get(href)).text();
      expect(first.match(/href="\/console\/applications\/\d+"/g)).toHaveLength(100);
      expect(first).toContain(`共 ${total} 件，第 1 / 2 页`);
      expect(first).toContain(`href="${href}?page=2"`);
      const second = await (await client.get(`${href}?page=2`)).text();
      expect(second.match(/href="\/console\/applications\/\d+"/g)).toHaveLength(total - 100);
      const csv = await (await client.get(`${href}?format=csv`)).text();
      expect(csv.trim().split('\r\n')).toHaveLength(total + 1);
    });
  });
});
