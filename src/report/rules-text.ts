// narrative-mismatch: totals quoted in the narrative sections that differ from the tables.
// Only unambiguous phrasings are read; a sentence that could mean something else is left alone.
import { type Diagnostic, diagnostic } from './diagnostics.ts';
import { cellName } from './labels.ts';
import type { AnnualReport } from './model.ts';

interface Quote {
  pattern: RegExp;
  /** Which group of the match holds the number. */
  group: number;
  cells: string[];
  value: (r: AnnualReport) => number;
}

const QUOTES: Quote[] = [
  {
    pattern: /(?:受理|收到|新收)(?:各类|了)?(?:政府信息公开|依申请公开)申请(?:共|合计|总计)?(\d+)件/,
    group: 1,
    cells: ['requests.received.total'],
    value: (r) => r.requests.received.total,
  },
  {
    pattern: /申请\d+件[，,]?(?:已|共)?(?:答复|办结)(\d+)件/,
    group: 1,
    cells: ['requests.totalHandled.total'],
    value: (r) => r.requests.totalHandled.total,
  },
  {
    pattern: /上一?年度?结转(?:的)?(?:政府信息公开)?申请(\d+)件/,
    group: 1,
    cells: ['requests.carriedOver.total'],
    value: (r) => r.requests.carriedOver.total,
  },
  {
    pattern: /(\d+)件(?:申请)?(?:顺延|结转)(?:到|至)下一?年度?/,
    group: 1,
    cells: ['requests.carriedForward.total'],
    value: (r) => r.requests.carriedForward.total,
  },
  {
    pattern: /(?:政府信息公开)?行政复议(?:案件)?(?:共)?(\d+)件/,
    group: 1,
    cells: ['appeals.reconsideration.total'],
    value: (r) => r.appeals.reconsideration.total,
  },
  {
    pattern: /(?:政府信息公开)?行政诉讼(?:案件)?(?:共)?(\d+)件/,
    group: 1,
    cells: ['appeals.litigationDirect.total', 'appeals.litigationAfterReconsideration.total'],
    value: (r) => r.appeals.litigationDirect.total + r.appeals.litigationAfterReconsideration.total,
  },
];

export function narrativeMismatches(report: AnnualReport): Diagnostic[] {
  const sections = [
    ['一、总体情况', report.text.overview],
    ['五、存在的主要问题及改进情况', report.text.problems],
    ['六、其他需要报告的事项', report.text.other],
  ] as const;
  const out: Diagnostic[] = [];
  for (const quote of QUOTES) {
    for (const [title, text] of sections) {
      const squeezed = text.replace(/[\s\u00a0\u3000]+/g, '');
      const m = quote.pattern.exec(squeezed);
      if (!m) continue;
      const said = Number(m[quote.group]);
      const table = quote.value(report);
      if (said !== table) {
        const where = quote.cells.map(cellName).join('与');
        out.push(
          diagnostic(
            'narrative-mismatch',
            `“${title}”中写“${m[0]}”，但表格中${where}${quote.cells.length > 1 ? '之和' : ''}为${table}`,
            quote.cells,
          ),
        );
      }
      break;
    }
  }
  return out;
}
