// 年报汇总 through the console, on the demo district: the 政务公开办 (qzf.reviewer) sees the matrix of the district
// with each department's report one click away and the state it is in, totals, the deadlines; downloads the summed
// tables (JSON valid against the schema, no error rule broken; Excel, Word); a department's clerk sees only its
// own row and is refused the district's.
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import type { Agency } from '../agencies/model.ts';
import { listAgencyRows } from '../agencies/repository.ts';
import { approveReport, reportView, saveTexts, submitReport } from '../annual/service.ts';
import { type AnnualReport, CELL_PATHS, getCell } from '../report/model.ts';
import { checkReport } from '../report/rules.ts';
import { schemaErrors } from '../report/schema.ts';
import { actorOf, signedIn } from './application-testing.ts';
import { consoleReportHref, overviewHref } from './report-links.ts';
import { testApp } from './testing.ts';

const YEAR = 2022;
const TEXTS = { overview: '总体情况。', problems: '问题与改进。', other: '本年度未收取信息处理费。' };

/** The matrix row of an agency: its HTML from its name to the row's end. */
function rowOf(html: string, agency: Agency, year: number): string {
  const start = html.indexOf(`<a href="${consoleReportHref(agency.id, year)}">${agency.name}</a>`);
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</tr>', start));
}

describe('年报汇总 (console)', () => {
  forEachEngine((_engine, getDb) => {
    let gov: Agency;
    let scjg: Agency;
    let district: Agency[];
    beforeAll(async () => {
      const { ctx } = testApp(getDb());
      const clerk = await actorOf(ctx, 'scjg.handler');
      district = await listAgencyRows(ctx.db.kysely);
      gov = district.find((a) => a.name === '示例区人民政府') as Agency;
      scjg = district.find((a) => a.name === '示例区市场监督管理局') as Agency;
      await saveTexts(clerk, ctx, scjg.id, YEAR, TEXTS);
      const warnings = (await reportView(ctx, scjg.id, YEAR)).diagnostics.map((d) => d.rule);
      await submitReport(clerk, ctx, scjg.id, YEAR, warnings);
      await approveReport(await actorOf(ctx, 'qzf.reviewer'), ctx, scjg.id, YEAR);
    });

    it('shows the supervising office its district as a matrix, each report one click away', async () => {
      const { app, ctx } = testApp(getDb());
      const office = await signedIn(app, ctx, 'qzf.reviewer');
      const res = await office.get(overviewHref(YEAR));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<caption>示例区人民政府及所属机关${YEAR}年度报告编制情况</caption>`);
      expect(html).toContain('<th scope="col">已审核通过</th>');
      for (const agency of district) rowOf(html, agency, YEAR);
      const row = rowOf(html, scjg, YEAR);
      expect(row).toContain('<span class="visually-hidden">已审核通过</span>');
      expect(row).toContain('<span class="visually-hidden">逾期（法定期限2023-01-31）</span>');
      expect(row).not.toContain('visually-hidden">未开始');
      expect(rowOf(html, gov, YEAR)).toContain('<span class="visually-hidden">未开始</span>');
      // 未开始 3, 编制中 0, 已报送 0, 已退回 0, 已审核通过 1, 已发布 0, 逾期 4, 有错误 0.
      expect(html).toContain(
        `合计（${district.length}个机关）</th><td>3</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>4</td><td>0</td>`,
      );
      expect(html).toContain('部门于2023-01-31前、人民政府于2023-03-31前');
      expect(html).toContain(`本表汇总了1个机关${YEAR}年度报告的表格：示例区市场监督管理局（已审核通过）`);
      expect(html).toContain(
        `href="/console/reports/overview/summed.json?year=${YEAR}&amp;agency=${gov.id}&amp;include=approved"`,
      );
      expect(html).toContain('data-cell="requests.received.total"');
      const all = await (await office.get(`${overviewHref(YEAR, gov.id)}&include=all`)).text();
      expect(all).toContain(`本表汇总了${district.length}个机关`);
      // Last year by default, the year selector offering it.
      const current = await (await office.get('/console/reports/overview')).text();
      expect(current).toContain(`href="${consoleReportHref(scjg.id, 2025)}"`);
      expect(current).toContain('<option value="2025" selected="">2025年度</option>');
    });

    it('downloads the summed tables: valid JSON equal to the sum, Excel and Word', async () => {
      const { app, ctx } = testApp(getDb());
      const office = await signedIn(app, ctx, 'qzf.reviewer');
      const res = await office.get(`/console/reports/overview/summed.json?year=${YEAR}&agency=${gov.id}&include=all`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      const summed = (await res.json()) as AnnualReport;
      expect(schemaErrors(summed)).toEqual([]);
      expect(checkReport(summed).filter((d) => d.severity === 'error')).toEqual([]);
      expect(summed).toMatchObject({ year: YEAR, agency: '示例区人民政府' });
      const reports = await Promise.all(district.map(async (a) => (await reportView(ctx, a.id, YEAR)).report));
      for (const path of CELL_PATHS) {
        const cents = reports.reduce((s, r) => s + Math.round(getCell(r, path) * 100), 0);
        expect([path, getCell(summed, path)]).toEqual([path, cents / 100]);
      }
      const approved = (await (
        await office.get(`/console/reports/overview/summed.json?year=${YEAR}&agency=${gov.id}`)
      ).json()) as AnnualReport;
      const own = (await reportView(ctx, scjg.id, YEAR)).report;
      for (const path of CELL_PATHS) expect([path, getCell(approved, path)]).toEqual([path, getCell(own, path)]);
      for (const [format, type] of [
        ['xlsx', 'spreadsheetml'],
        ['docx', 'wordprocessingml'],
      ]) {
        const file = await office.get(`/console/reports/overview/summed.${format}?year=${YEAR}`);
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toContain(type);
        expect(new Uint8Array(await file.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
      }
    });

    it("shows a department's clerk its own row only and refuses the district", async () => {
      const { app, ctx } = testApp(getDb());
      const clerk = await signedIn(app, ctx, 'scjg.handler');
      const html = await (await clerk.get(overviewHref(YEAR))).text();
      expect(rowOf(html, scjg, YEAR)).toContain('<span class="visually-hidden">已审核通过</span>');
      expect(html).toContain('合计（1个机关）');
      expect(html).not.toContain(consoleReportHref(gov.id, YEAR));
      expect((await clerk.get(overviewHref(YEAR, gov.id))).status).toBe(403);
      expect((await clerk.get(`/console/reports/overview/summed.json?year=${YEAR}&agency=${gov.id}`)).status).toBe(403);
      const admin = await signedIn(app, ctx, 'admin');
      expect((await admin.get(overviewHref(YEAR))).status).toBe(403);
    });
  });
});
