// The three real reports in test/fixtures/reports: their hand-checked JSON and what the checker must say
// about each (exactly what the publisher printed inconsistently, nothing else). Shared by the text and PDF
// reader tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnualReport } from '../src/report/model.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export const REAL_REPORTS = ['09_huaian_city_2024', '10_hongze_district_2023', '11_hongze_district_2024'] as const;
export type RealReport = (typeof REAL_REPORTS)[number];

export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, path)));
}

/** Every cell was compared with the rendered PDF pages by hand. */
export function expectedReport(name: RealReport): AnnualReport {
  return JSON.parse(readFileSync(join(FIXTURES, 'reports', `${name}.expected.json`), 'utf8')) as AnnualReport;
}

const row = (path: string, columns: string[]) => columns.map((c) => `${path}.${c}`);
const APPLICANTS = ['naturalPerson', 'business', 'research', 'nonprofit', 'legalService', 'otherOrg', 'total'];
const CASES = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** [rule, cells] of every diagnostic checkData gives, in order. */
export const EXPECTED_FINDINGS: Record<RealReport, [string, string[]][]> = {
  '09_huaian_city_2024': [],
  // （六）其他处理 printed as one row; 表四 prints 总计 0 for 复议 (10+1) and 复议后起诉 (5), as the PDF shows.
  '10_hongze_district_2023': [
    ['section-title', row('requests.otherOther', APPLICANTS)],
    ['appeal-total', row('appeals.reconsideration', CASES)],
    ['appeal-total', row('appeals.litigationAfterReconsideration', CASES)],
  ],
  // （六） as one row; the text says 受理…申请17件 (the 区政府办 alone) where 表三 says 95.
  '11_hongze_district_2024': [
    ['section-title', row('requests.otherOther', APPLICANTS)],
    ['narrative-mismatch', ['requests.received.total']],
  ],
};
