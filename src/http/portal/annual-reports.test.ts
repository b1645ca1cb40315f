// The published annual reports on the portal, on every engine: the report page with its publication date and
// files (DOCX that unzips, JSON valid against the schema, XLSX, PDF), 404 for anything not published, the imported
// report marked as such, the /reports list without duplicates, the open data files and their page, the sitemap.
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPublishedItem, workflowOf } from '../../../test/catalog.ts';
import { forEachEngine } from '../../../test/engines.ts';
import {
  advanceReport,
  buildReportPeople,
  importSeedReport,
  type ReportPeople,
} from '../../../test/published-reports.ts';
import type { Context } from '../../context.ts';
import { CELL_PATHS } from '../../report/model.ts';
import { schemaErrors } from '../../report/schema.ts';
import { findChromium } from '../../report/write/index.ts';
import { unzip, unzipText } from '../../report/write/unzip.ts';
import type { JsonBody } from '../api/testing.ts';
import { OPEN_DATA_CSV, OPEN_DATA_JSON, portalReportHref } from '../report-links.ts';
import { Client, testApp } from '../testing.ts';

describe('portal: published annual reports and open data', () => {
  forEachEngine((_engine, getDb) => {
    let client: Client;
    let ctx: Context;
    let p: ReportPeople;
    let dept: number;
    let sameYearItem: number;
    let olderItem: number;

    beforeAll(async () => {
      const t = testApp(getDb()); // 2026-03-02
      ctx = t.ctx;
      client = new Client(t.app);
      p = await buildReportPeople(ctx);
      dept = p.department.id;
      await advanceReport(ctx, p, 2025);
      await importSeedReport(ctx, p); // 2024, published 2025-01-20
      await advanceReport(ctx, p, 2023, 'draft');
      await advanceReport(ctx, p, 2022, 'submitted');
      await advanceReport(ctx, p, 2021, 'approved');
      const who = workflowOf(p.department);
      const title = (year: number) => `${p.department.name}${year}年政府信息公开工作年度报告`;
      sameYearItem = (await buildPublishedItem(ctx, dept, who, { title: title(2025), docNo: null }, '2026-03-02')).id;
      olderItem = (
        await buildPublishedItem(
          ctx,
          dept,
          who,
          { title: title(2019), docNo: null, formedOn: '2020-01-10' },
          '2020-01-20',
        )
      ).id;
    });

    it('shows a published report in the national layout with its date, files and other years', async () => {
      const res = await client.get(portalReportHref(dept, 2025));
      expect(res.status).toBe(200);
      const page = await res.text();
      const $ = cheerio.load(page);
      expect($('h1').text()).toBe(`${p.department.name}2025年政府信息公开工作年度报告`);
      expect($('h1')).toHaveLength(1);
      expect($('td.published-on').text()).toBe('2026年3月2日');
      expect($('.report-date').text()).toBe('发布日期：2026年3月2日');
      for (const f of ['docx', 'pdf', 'json', 'xlsx'])
        expect($(`a[href="/reports/${dept}/2025/report.${f}"]`).length).toBeGreaterThanOrEqual(1);
      expect($('.annual-report h2').first().text()).toBe('一、总体情况');
      expect($('.annual-report p').first().text()).toBe('2025年，本机关认真贯彻《中华人民共和国政府信息公开条例》。');
      expect($('.annual-report td[data-cell]')).toHaveLength(CELL_PATHS.length);
      expect($('td[data-cell="requests.received.total"]').text()).toBe('0');
      expect($('[style]')).toHaveLength(0); // the CSP refuses style attributes
      expect($(`a[href="/reports/${dept}/2024"]`).text()).toContain('2024年');
      expect(page).not.toContain('导入的往年报告：');
    });

    it('marks an imported report and links back to the compiled year', async () => {
      const $ = cheerio.load(await (await client.get(portalReportHref(dept, 2024))).text());
      expect($('.notice').text()).toContain('导入的往年报告');
      expect($('td.published-on').text()).toBe('2025年1月20日');
      expect($(`a[href="/reports/${dept}/2025"]`).length).toBe(1);
    });

    it('answers 404 in Chinese for reports not published and unknown addresses', async () => {
      for (const path of [
        portalReportHref(dept, 2023),
        portalReportHref(dept, 2022),
        portalReportHref(dept, 2021),
        portalReportHref(dept, 2021, 'docx'),
        portalReportHref(p.government.id, 2025),
        portalReportHref(99999, 2025, 'json'),
      ]) {
        const res = await client.get(path);
        expect(res.status, path).toBe(404);
        expect(await res.text()).toContain('您访问的页面不存在');
      }
    });

    it('serves the files: DOCX that unzips, JSON valid against the schema, XLSX, PDF', async () => {
      const docx = await client.get(portalReportHref(dept, 2025, 'docx'));
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const name = encodeURIComponent(`${p.department.name}2025年政府信息公开工作年度报告.docx`);
      expect(docx.headers.get('content-disposition')).toBe(
        `attachment; filename="annual-report-${dept}-2025.docx"; filename*=UTF-8''${name}`,
      );
      const xml = unzipText(new Uint8Array(await docx.arrayBuffer()), 'word/document.xml');
      expect(xml).toContain(p.department.name);
      expect(xml).toContain('2026年3月2日');

      const json = await client.get(portalReportHref(dept, 2025, 'json'));
      expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const report = JSON.parse(await json.text());
      expect(schemaErrors(report)).toEqual([]);
      expect(report).toMatchObject({ year: 2025, agency: p.department.name, publishedOn: '2026-03-02' });

      const xlsx = await client.get(portalReportHref(dept, 2024, 'xlsx'));
      expect(xlsx.status).toBe(200);
      expect(unzip(new Uint8Array(await xlsx.arrayBuffer())).has('xl/workbook.xml')).toBe(true);

      const pdf = await client.get(portalReportHref(dept, 2025, 'pdf'));
      if (findChromium()) {
        expect(pdf.status).toBe(200);
        expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
      } else {
        expect(pdf.status).toBe(503);
        expect(await pdf.text()).toContain('PDF 版本暂时无法生成');
      }
    });

    it('lists the system’s reports on /reports, preferring them to a catalogue item of the same year', async () => {
      const $ = cheerio.load(await (await client.get('/reports')).text());
      const row = $(`#y-2025`).closest('section').find(`a[href="/reports/${dept}/2025"]`).closest('tr');
      expect(row.find('td').first().text()).toBe(p.department.name);
      expect(row.text()).toContain('2026年3月2日');
      expect(row.find(`a[href="/reports/${dept}/2025/report.docx"]`).length).toBe(1);
      expect($(`a[href="/catalog/${sameYearItem}"]`).length).toBe(0);
      expect($(`a[href="/catalog/${olderItem}"]`).length).toBe(1);
      expect($(`a[href="/reports/${dept}/2024"]`).closest('tr').text()).toContain('导入的往年报告');
      expect($(`a[href="/reports/${dept}/2023"]`).length).toBe(0);
      expect($('a[href="/open-data"]').length).toBe(1);
      expect($(`a[href="${OPEN_DATA_CSV}"]`).length).toBe(1);
    });

    it('publishes exactly the published reports as open data JSON, cached by ETag', async () => {
      const res = await client.get(OPEN_DATA_JSON);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      expect(res.headers.get('last-modified')).toBe(new Date('2026-03-02T02:00:00.000Z').toUTCString());
      const doc: JsonBody = await res.json();
      expect(doc.count).toBe(2);
      expect(doc.reports.map((r: { year: number }) => r.year)).toEqual([2025, 2024]);
      expect(doc.reports[0].url).toBe(`http://localhost/reports/${dept}/2025`);
      for (const item of doc.reports) expect(schemaErrors(item.report)).toEqual([]);
      const tag = res.headers.get('etag') as string;
      expect((await client.get(OPEN_DATA_JSON, { 'if-none-match': tag })).status).toBe(304);
      const y2024: JsonBody = await (await client.get(`${OPEN_DATA_JSON}?year=2024&agency=${dept}`)).json();
      expect(y2024.reports.map((r: { origin: string }) => r.origin)).toEqual(['imported']);
      const bad = await client.get(`${OPEN_DATA_JSON}?year=twenty`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as JsonBody).error).toMatchObject({
        field: 'year',
        message: expect.stringContaining('年度'),
      });
    });

    it('publishes the CSV: a BOM, a header and 200 rows per report', async () => {
      const res = await client.get(OPEN_DATA_CSV);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
      expect(lines).toHaveLength(1 + 400);
      expect(lines.filter((l) => l.includes(',2025,2026-03-02,'))).toHaveLength(200);
      const filtered = (await (await client.get(`${OPEN_DATA_CSV}?year=2025`)).text()).trimEnd().split('\r\n');
      expect(filtered).toHaveLength(201);
    });

    it('explains the open data on /open-data, and lists the report pages in the sitemap', async () => {
      const $ = cheerio.load(await (await client.get('/open-data')).text());
      expect($('h1').text()).toBe('政府信息公开工作年度报告开放数据');
      expect($(`a[href="${OPEN_DATA_JSON}"]`).length).toBe(1);
      expect(
        $('th code')
          .map((_, e) => $(e).text())
          .get(),
      ).toContain('cellName');
      const sitemap = await (await client.get('/sitemap.xml')).text();
      expect(sitemap).toContain(`<loc>http://localhost/reports/${dept}/2025</loc>`);
      expect(sitemap).not.toContain(`<loc>http://localhost/reports/${dept}/2023</loc>`);
      expect(sitemap).toContain('<loc>http://localhost/open-data</loc>');
    });
  });
});
