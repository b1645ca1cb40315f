// Reports for tests and visual checks of the writers: one with a distinct value in every cell (so that a
// misplaced cell shows), and the real figures of 淮安市人民政府 2024 (shared/annual-reports/09_huaian_city_2024).

import { huaianReport as huaianTables } from '../../../test/huaian-2024.ts';
import { type AnnualReport, APPLICANT_COLUMNS, CELL_PATHS, emptyReport, setCell } from '../model.ts';

/** Every cell a different non-zero value: the i-th cell of CELL_PATHS holds 1000 + i; the fee has decimals. */
export function distinctReport(agency: string | null = '测试市测试局'): AnnualReport {
  const report = emptyReport(2024, agency);
  CELL_PATHS.forEach((path, i) => {
    setCell(report, path, 1000 + i);
  });
  setCell(report, 'proactive.feesTenThousandYuan', 18651.06);
  report.text = {
    overview: '第一段总体情况。\n第二段，含“引号”与 <标记> & 符号。',
    problems: '存在的问题一。\n改进措施二。',
    other: '本年度未收取信息处理费。',
  };
  report.publishedOn = '2025-01-20';
  return report;
}

/** Expected value of a cell of distinctReport. */
export function distinctValue(path: string): number {
  return path === 'proactive.feesTenThousandYuan' ? 18651.06 : 1000 + CELL_PATHS.indexOf(path);
}

/** Table 二 of a 2019-edition report (test/fixtures/html/county-2019-edition.html), keyed as the readers store it. */
export const LEGACY_2019_SAMPLE: Record<string, number | string> = {
  '第二十条第（一）项/规章/本年新制作数量': 0,
  '第二十条第（一）项/规章/本年新公开数量': 0,
  '第二十条第（一）项/规章/对外公开总数量': 0,
  '第二十条第（一）项/规范性文件/本年新制作数量': 5,
  '第二十条第（一）项/规范性文件/本年新公开数量': 5,
  '第二十条第（一）项/规范性文件/对外公开总数量': 37,
  '第二十条第（五）项/行政许可/上一年项目数量': 120,
  '第二十条第（五）项/行政许可/本年增/减': 3,
  '第二十条第（五）项/行政许可/处理决定数量': 2345,
  '第二十条第（五）项/其他对外管理服务事项/上一年项目数量': 15,
  '第二十条第（五）项/其他对外管理服务事项/本年增/减': 0,
  '第二十条第（五）项/其他对外管理服务事项/处理决定数量': 80,
  '第二十条第（六）项/行政处罚/上一年项目数量': 210,
  '第二十条第（六）项/行政处罚/本年增/减': -5,
  '第二十条第（六）项/行政处罚/处理决定数量': 380,
  '第二十条第（六）项/行政强制/上一年项目数量': 12,
  '第二十条第（六）项/行政强制/本年增/减': 0,
  '第二十条第（六）项/行政强制/处理决定数量': 9,
  '第二十条第（八）项/行政事业性收费/上一年项目数量': 8,
  '第二十条第（八）项/行政事业性收费/本年增/减': -1,
  '第二十条第（九）项/政府集中采购/采购项目数量': 36,
  '第二十条第（九）项/政府集中采购/采购总金额': 1520.5,
};

/**
 * distinctReport as a 2019-edition report: the 2021-only cells of table 二 and the two first （六） rows 0, table 二
 * in `legacy` (totals are not made consistent: for layout tests only).
 */
export function report2019Sample(): AnnualReport {
  const report = distinctReport();
  report.formatVersion = '2019';
  report.proactive = {
    rules: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
    licensing: 2345,
    punishment: 380,
    coercion: 9,
    feesTenThousandYuan: 0,
  };
  for (const c of APPLICANT_COLUMNS) {
    report.requests.otherNoCorrection[c] = 0;
    report.requests.otherUnpaidFee[c] = 0;
  }
  report.legacy = { ...LEGACY_2019_SAMPLE };
  return report;
}

/** 淮安市人民政府 2024年政府信息公开工作年度报告, numbers as published, texts abridged. */
export function huaianReport(): AnnualReport {
  const r = huaianTables();
  r.text.overview = [
    '本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）（以下简称《条例》）规定编制。报告所列统计期限自2024年1月1日至2024年12月31日。',
    '2024年，我市坚持以习近平新时代中国特色社会主义思想为指导，严格落实《中华人民共和国政府信息公开条例》各项规定，圆满完成了各项任务。',
    '（一）主动公开情况。2024年，市政府网站主动公开各类政府信息5500余条，全年新增公开市政府规章1件、市政府及市政府办政策性文件11件，通过文字、图片等形式制作政策解读21个，制作《淮安市人民政府公报》6期。',
    '（二）依申请公开情况。2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复），均在法定期限内予以答复。',
    '（三）政府信息管理情况。坚持“先审查、后公开”“一事一审”工作原则，规范审查程序，建立健全重要事项公开保密审查协调机制。',
    '（四）政府信息公开平台建设情况。进一步优化政务公开专栏设置，截至目前，全市在运维政务新媒体共计95个。',
    '（五）政府信息公开监督保障情况。全年组织4次政府信息公开栏目全覆盖检查，并出具各县区、各部门政务公开评估分报告。',
  ].join('\n');
  r.text.problems = [
    '对照上级新要求和公众新期待，还有一些需要加强和改进的地方。主要表现在：一是政策解读质量仍需提升；二是政务公开队伍建设还需进一步加强。',
    '针对存在问题，下一步，我市将着力加强政策解读质效，建立健全“传帮带”机制，全面提升政务公开工作队伍水平。',
  ].join('\n');
  r.text.other = '2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。';
  r.publishedOn = '2025-02-25';
  return r;
}
