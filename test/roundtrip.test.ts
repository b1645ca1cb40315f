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
import { buildReport, reportArb } from './builders.ts';

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
  });
});
