// Open data of the annual reports on every engine: exactly the published reports (compiled and imported, never a
// draft, a submission or an approved one not yet published), each in the schema's shape; the CSV with 200 cells
// per report, a BOM and safe quoting; the filters.
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { testClock, testContext } from '../../test/platform.ts';
import { advanceReport, buildReportPeople, importSeedReport, type ReportPeople } from '../../test/published-reports.ts';
import type { Agency } from '../agencies/model.ts';
import type { Context } from '../context.ts';
import { CELL_PATHS, emptyReport } from '../report/model.ts';
import { schemaErrors } from '../report/schema.ts';
import type { ReportRecord } from './model.ts';
import { etagOf, openDataCsv, openDataDocument, type PublishedReport, publishedReports } from './open-data.ts';

const link = (agencyId: number, year: number, format?: string) =>
  `https://example.gov.cn/reports/${agencyId}/${year}${format ? `/report.${format}` : ''}`;

describe('open data CSV', () => {
  it('quotes fields with commas and quotes, and keeps a formula-like name as text', () => {
    const agency = { id: 7, name: '=甲,"乙"局', creditCode: null } as Agency;
    const record = { year: 2025, publishedOn: '2026-01-20', updatedAt: '2026-01-20T01:00:00.000Z' } as ReportRecord;
    const report = emptyReport(2025, agency.name);
    report.requests.received.naturalPerson = 12;
    const csv = openDataCsv([{ agency, record, report }]);
    expect(csv.startsWith('\uFEFFagencyId,agency,creditCode,year,publishedOn,cell,cellName,value\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + CELL_PATHS.length);
    expect(lines).toContain(
      `7,"'=甲,""乙""局",,2025,2026-01-20,requests.received.naturalPerson,一、本年新收申请数量·自然人,12`,
    );
    expect(etagOf(csv)).toBe(etagOf(csv));
    expect(etagOf(csv)).not.toBe(etagOf(`${csv} `));
  });
});

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let p: ReportPeople;
  beforeAll(async () => {
    ctx = testContext(getDb(), testClock('2026-01-15T02:00:00.000Z'));
    p = await buildReportPeople(ctx);
    await advanceReport(ctx, p, 2025);
    await importSeedReport(ctx, p); // 2024, published 2025-01-20
    await advanceReport(ctx, p, 2023, 'draft');
    await advanceReport(ctx, p, 2022, 'submitted');
    await advanceReport(ctx, p, 2021, 'approved');
  });

  it('lists exactly the published reports, newest year first, each valid against the schema', async () => {
    const reports = await publishedReports(ctx);
    expect(reports.map((r) => [r.record.year, r.record.origin])).toEqual([
      [2025, 'compiled'],
      [2024, 'imported'],
    ]);
    const doc = openDataDocument(reports, link, ctx.clock());
    expect(doc.count).toBe(2);
    expect(doc.generatedAt).toBe('2026-01-15T02:00:00.000Z');
    expect(doc.updatedAt).toBe('2026-01-15T02:00:00.000Z');
    const [first, second] = doc.reports;
    expect(first).toMatchObject({
      agencyId: p.department.id,
      agency: p.department.name,
      creditCode: p.department.creditCode,
      year: 2025,
      publishedOn: '2026-01-15',
      origin: 'compiled',
      url: `https://example.gov.cn/reports/${p.department.id}/2025`,
    });
    expect(first?.files.docx).toBe(`https://example.gov.cn/reports/${p.department.id}/2025/report.docx`);
    expect(first?.report.publishedOn).toBe('2026-01-15');
    expect(first?.report.text.overview).toBe('2025年，本机关认真贯彻《中华人民共和国政府信息公开条例》。');
    expect(second?.publishedOn).toBe('2025-01-20');
    expect(second?.report.agency).toBe(p.department.name);
    for (const item of doc.reports) expect(schemaErrors(item.report)).toEqual([]);
  });

  it('filters by year and agency', async () => {
    expect((await publishedReports(ctx, { year: 2024 })).map((r) => r.record.year)).toEqual([2024]);
    expect(await publishedReports(ctx, { year: 2023 })).toEqual([]);
    expect(await publishedReports(ctx, { agencyId: p.government.id })).toEqual([]);
    expect(await publishedReports(ctx, { agencyId: p.department.id, year: 2025 })).toHaveLength(1);
  });

  it('writes 200 CSV rows per published report with the report’s values', async () => {
    const reports: PublishedReport[] = await publishedReports(ctx);
    const csv = openDataCsv(reports);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 2 * 200);
    const imported = reports[1] as PublishedReport;
    const received = imported.report.requests.received.total;
    expect(lines).toContain(
      `${p.department.id},${p.department.name},${p.department.creditCode},2024,2025-01-20,requests.received.total,一、本年新收申请数量·总计,${received}`,
    );
  });
});
