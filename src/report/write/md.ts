// A report as Markdown, in a layout regular enough to be read back (a reader parses exactly this):
//
//   # {agency}{year}年政府信息公开工作年度报告
//   ## 一、总体情况 … ## 六、其他需要报告的事项      the six section titles, in order, each once
//   paragraphs                                        one paragraph per line of the text, blank line between
//   第二十条第（一）项                                 table 二: four blocks, each a plain line naming the item,
//   | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |        then a pipe table: header line, delimiter line,
//   | --- | ---: | ---: | ---: |                                   then one line per form row:
//   | 规章 | 1 | 0 | 11 |                                           label, then the values
//   | 行政规范性文件 | 8 | 26 | 66 |
//   （第二十条第（五）项 | 信息内容 | 本年处理决定数量 | → `| 行政许可 | 447228 |`; （六） → 行政处罚, 行政强制;
//    （八） | 信息内容 | 本年收费金额（单位：万元） | → `| 行政事业性收费 | 96171.6 |`)
//   A 2019-edition report (formatVersion '2019') prints table 二 in the 2019 layout instead (layout-2019.ts), the
//   same way: five blocks （一）（五）（六）（八）（九）, headers such as
//   `| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |`, rows 规章 … 政府集中采购, values from `legacy` (blank
//   when missing) and, for 处理决定数量 of 行政许可/行政处罚/行政强制, from proactive.licensing/punishment/coercion;
//   and table 三 with （六） as one line `| （六）其他处理 | … |` (23 lines) when otherNoCorrection/otherUnpaidFee are 0.
//   Legacy cells that the printed table 二 has no place for (all of them in the 2021 layout), after table 二: the line
//   "附表：2019年版表二中无对应栏目的数据（原样保留）", then `| 栏目 | 数值 |` and one line per cell:
//   `| <legacy key verbatim, e.g. 第二十条第（一）项/规章/本年新制作数量> | <value> |`
//   table 三: the 勾稽关系 note as a plain line, then
//   | 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
//   and one line per form row (25; 23 with a one-row （六）), the full printed label in the first cell, then 7 values:
//   `| 一、本年新收政府信息公开申请数量 | … |`, `| （一）予以公开 | … |`,
//   `| （三）不予公开 1.属于国家秘密 | … |` (group and leaf label joined by one space), `| （七）总计 | … |`,
//   `| 四、结转下年度继续办理 | … |`. The group "三、本年度办理结果" (over rows （一）…（七）) has no line of its own.
//   table 四: one header line of 15 labels "行政复议·结果维持" … "行政诉讼·复议后起诉·总计", the delimiter line,
//   and one line of the 15 values in that order.
//   The date line (publishedOn), if any, last: "YYYY年M月D日".
//
// Values are printed exactly as held (integers as digits, 万元 with their decimals). Narrative text is escaped
// CommonMark-style: a backslash before \ ` * _ [ ] < > |, before a line-initial # + - =, and between the digits and
// the dot of a line-initial "N." (or "N)"). A reader removes a backslash that precedes ASCII punctuation.
// Labels of the form are never escaped; a legacy key has only its | escaped.

import {
  APPEAL_LABELS,
  APPLICANT_LABELS,
  BALANCE_NOTE,
  CASE_LABELS,
  GROUP_RESULTS,
  REQUEST_ROW_LABELS,
} from '../labels.ts';
import { type AnnualReport, APPEAL_GROUPS, APPLICANT_COLUMNS, CASE_COLUMNS, getCell } from '../model.ts';
import { appendixEntries, chineseDate, formatValue, formTables, reportBlocks, reportTitle } from './layout.ts';
import { printedRequestRows, SINGLE_OTHER_LABEL, singleOtherRow } from './layout-2019.ts';

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, '\\$&')
    .replace(/^[#+\-=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
const delimiter = (n: number) => line(['---', ...Array(n - 1).fill('---:')]);
const cell = (text: string) => text.replace(/\|/g, '\\|');

function proactive(report: AnnualReport): string[] {
  const out: string[] = [];
  // Table 二 from the shared grid: a block row opens a new small table; the next row is its header.
  let pendingHeader = false;
  for (const row of formTables(report).proactive.rows) {
    const first = row.cells[0];
    if (first?.kind === 'block') {
      if (out.length > 0) out.push('');
      out.push(first.text, '');
      pendingHeader = true;
    } else if (pendingHeader) {
      out.push(line(row.cells.map((c) => c.text)), delimiter(row.cells.length));
      pendingHeader = false;
    } else out.push(line(row.cells.map((c) => c.text)));
  }
  const legacy = appendixEntries(report);
  if (legacy.length > 0) {
    out.push('', '附表：2019年版表二中无对应栏目的数据（原样保留）', '', line(['栏目', '数值']), delimiter(2));
    for (const [key, value] of legacy) out.push(line([cell(key), cell(formatValue(value))]));
  }
  return out;
}

function requests(report: AnnualReport): string[] {
  const out = [BALANCE_NOTE, '', line(['项目', ...APPLICANT_COLUMNS.map((c) => APPLICANT_LABELS[c])]), delimiter(8)];
  const single = singleOtherRow(report);
  for (const row of printedRequestRows(report)) {
    const { group, label } = REQUEST_ROW_LABELS[row];
    let full = group && group !== GROUP_RESULTS ? `${group} ${label}` : label;
    if (single && row === 'otherOther') full = SINGLE_OTHER_LABEL;
    out.push(line([full, ...APPLICANT_COLUMNS.map((c) => formatValue(getCell(report, `requests.${row}.${c}`)))]));
  }
  return out;
}

function appeals(report: AnnualReport): string[] {
  const labels = APPEAL_GROUPS.flatMap((g) => CASE_COLUMNS.map((c) => `${APPEAL_LABELS[g]}·${CASE_LABELS[c]}`));
  const values = APPEAL_GROUPS.flatMap((g) =>
    CASE_COLUMNS.map((c) => formatValue(getCell(report, `appeals.${g}.${c}`))),
  );
  return [line(labels), line(labels.map(() => '---:')), line(values)];
}

export function renderMarkdown(report: AnnualReport): string {
  const out: string[] = [`# ${escapeMarkdown(reportTitle(report))}`];
  for (const block of reportBlocks(report)) {
    if (block.type === 'heading') out.push(`## ${block.text}`);
    else if (block.type === 'paragraph') out.push(escapeMarkdown(block.text));
    else if (block.table.id === 'proactive') out.push(proactive(report).join('\n'));
    else if (block.table.id === 'requests') out.push(requests(report).join('\n'));
    else if (block.table.id === 'appeals') out.push(appeals(report).join('\n'));
    // The legacy table is printed with table 二 above.
  }
  if (report.publishedOn) out.push(escapeMarkdown(chineseDate(report.publishedOn)));
  return `${out.join('\n\n')}\n`;
}
