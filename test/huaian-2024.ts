// The figures of 淮安市人民政府's 2024 report (test/fixtures/reports/09_huaian_city_2024.txt), as the
// HTML and Word fixtures print them, so readers' output can be compared cell by cell.
import { type AnnualReport, emptyReport, REQUEST_ROWS } from '../src/report/model.ts';

/** Table 三 rows in printed order (the 25 rows of REQUEST_ROWS), seven columns each. */
export const HUAIAN_REQUESTS: number[][] = [
  [3001, 53, 0, 0, 61, 4, 3119],
  [34, 0, 0, 0, 0, 0, 34],
  [1288, 21, 0, 0, 50, 3, 1362],
  [447, 7, 0, 0, 0, 0, 454],
  [2, 0, 0, 0, 0, 0, 2],
  [30, 1, 0, 0, 0, 0, 31],
  [5, 0, 0, 0, 0, 0, 5],
  [6, 0, 0, 0, 0, 0, 6],
  [7, 1, 0, 0, 0, 0, 8],
  [12, 0, 0, 0, 0, 0, 12],
  [9, 0, 0, 0, 0, 0, 9],
  [105, 0, 0, 0, 0, 0, 105],
  [746, 12, 0, 0, 10, 1, 769],
  [11, 0, 0, 0, 0, 0, 11],
  [1, 0, 0, 0, 0, 0, 1],
  [56, 6, 0, 0, 0, 0, 62],
  [25, 0, 0, 0, 0, 0, 25],
  [0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0],
  [1, 0, 0, 0, 0, 0, 1],
  [67, 3, 0, 0, 1, 0, 71],
  [6, 0, 0, 0, 0, 0, 6],
  [108, 2, 0, 0, 0, 0, 110],
  [2932, 53, 0, 0, 61, 4, 3050],
  [103, 0, 0, 0, 0, 0, 103],
];

/** Table 四 as printed: 复议, 直接起诉, 复议后起诉; 维持/纠正/其他/未审结/总计. */
export const HUAIAN_APPEALS = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];

/** The report's tables (text left empty). */
export function huaianReport(): AnnualReport {
  const r = emptyReport(2024, '淮安市人民政府');
  r.proactive = {
    rules: { issued: 1, repealed: 0, inForce: 11 },
    normativeDocuments: { issued: 8, repealed: 26, inForce: 66 },
    licensing: 447228,
    punishment: 3985758,
    coercion: 88283,
    feesTenThousandYuan: 96171.6,
  };
  REQUEST_ROWS.forEach((row, i) => {
    const [naturalPerson, business, research, nonprofit, legalService, otherOrg, total] = HUAIAN_REQUESTS[i] ?? [];
    r.requests[row] = {
      naturalPerson: naturalPerson ?? 0,
      business: business ?? 0,
      research: research ?? 0,
      nonprofit: nonprofit ?? 0,
      legalService: legalService ?? 0,
      otherOrg: otherOrg ?? 0,
      total: total ?? 0,
    };
  });
  const a = HUAIAN_APPEALS;
  const group = (i: number) => ({
    upheld: a[i] ?? 0,
    corrected: a[i + 1] ?? 0,
    other: a[i + 2] ?? 0,
    pending: a[i + 3] ?? 0,
    total: a[i + 4] ?? 0,
  });
  r.appeals = { reconsideration: group(0), litigationDirect: group(5), litigationAfterReconsideration: group(10) };
  return r;
}
