// Write then read gives back the identical report, for every format with both a writer and a reader.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type AnnualReport, normalizeReport } from '../src/report/model.ts';
import { readReportData } from '../src/report/read/index.ts';
import { renderDocx } from '../src/report/write/docx.ts';
import { renderHtml } from '../src/report/write/html.ts';
import { renderJson } from '../src/report/write/json.ts';
import { renderMarkdown } from '../src/report/write/md.ts';
import { closeBrowser, findChromium, renderPdf } from '../src/report/write/pdf.ts';
import { buildReport, completeTotals, report2019Arb, reportArb } from './builders.ts';

const encode = (s: string) => new TextEncoder().encode(s);

const FORMATS: [string, string, (r: AnnualReport) => Promise<Uint8Array>][] = [
  ['JSON', 'r.json', async (r) => encode(renderJson(r))],
  ['HTML', 'r.html', async (r) => encode(renderHtml(r))],
  ['Markdown', 'r.md', async (r) => encode(renderMarkdown(r))],
  ['DOCX', 'r.docx', renderDocx],
];

async function roundTrip(report: AnnualReport, name: string, write: (r: AnnualReport) => Promise<Uint8Array>) {
  const { report: back, diagnostics } = await readReportData(await write(report), name);
  expect(back).toEqual(normalizeReport(report));
  expect(diagnostics).toEqual([]);
}

describe('round trips', () => {
  for (const [label, name, write] of FORMATS) {
    it(`${label}: a report with every cell distinct`, async () => {
      const r = buildReport();
      r.publishedOn = '2025-01-20';
      await roundTrip(r, name, write);
      await roundTrip(buildReport({ agency: null }), name, write);
    });

    it(`${label}: random valid reports (property)`, async () => {
      await fc.assert(
        fc.asyncProperty(reportArb, async (r) => roundTrip(r, name, write)),
        { numRuns: label === 'DOCX' ? 25 : 60 },
      );
    });

    it(`${label}: random valid 2019-edition reports, printed in the 2019 layout (property)`, async () => {
      await fc.assert(
        fc.asyncProperty(report2019Arb, async (r) => roundTrip(r, name, write)),
        { numRuns: label === 'DOCX' ? 25 : 60 },
      );
    });

    it(`${label}: a 2019-edition report keeps what the 2019 layout has no place for`, async () => {
      const r = fc.sample(report2019Arb, { numRuns: 1, seed: 2019 })[0] as AnnualReport;
      const legacy = r.legacy as Record<string, number | string>;
      legacy['第二十条第（五）项/行政许可/本年增/减'] = '/';
      // A 处理决定数量 that differs from its 2021 cell, and a key of no standard row: both go to the appendix.
      legacy['第二十条第（六）项/行政处罚/处理决定数量'] = r.proactive.punishment + 1;
      legacy['第二十条第（十）项/其他事项/数量'] = 7;
      await roundTrip(r, name, write);
      // Figures in the cells the 2019 form lacks: the 2021 table 二 and three （六） rows are printed instead.
      r.proactive.rules.issued = 3;
      r.requests.otherUnpaidFee.naturalPerson += 1;
      r.requests.otherUnpaidFee.total += 1;
      r.requests.otherOther.naturalPerson -= Math.min(1, r.requests.otherOther.naturalPerson);
      await roundTrip(completeTotals(r), name, write);
    });
  }

  describe.skipIf(!findChromium())('PDF printed by Chromium', () => {
    afterAll(closeBrowser);
    it('reads back what it printed', async () => {
      const r = buildReport();
      r.publishedOn = '2025-01-20';
      await roundTrip(r, 'r.pdf', renderPdf);
      await fc.assert(
        fc.asyncProperty(reportArb, async (x) => roundTrip(x, 'r.pdf', renderPdf)),
        { numRuns: 4 },
      );
    });

    it('reads back a 2019-edition report it printed in the 2019 layout', async () => {
      await fc.assert(
        fc.asyncProperty(report2019Arb, async (x) => roundTrip(x, 'r.pdf', renderPdf)),
        { numRuns: 2 },
      );
    });
  });
});
