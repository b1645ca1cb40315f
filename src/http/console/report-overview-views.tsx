// The consolidation page's parts: the matrix agency × (未开始 … 已发布, 逾期, 有错误) with a totals row, each agency's
// name linking to its report; and the subtree's summed tables in the national layout with their downloads.
import { raw } from 'hono/html';
import {
  type Matrix,
  type MatrixCount,
  type MatrixRow,
  SUM_SCOPE_LABELS,
  type Summed,
  type SumScope,
} from '../../annual/consolidate.ts';
import { STANDING_LABELS, STATUSES, type Standing } from '../../annual/model.ts';
import { renderReportTables } from '../../report/write/html.ts';
import { consoleReportHref } from '../report-links.ts';

export const OVERVIEW_PATH = '/console/reports/overview';
export const SUMMED_FORMATS = ['json', 'xlsx', 'docx'] as const;
export type SummedFormat = (typeof SUMMED_FORMATS)[number];
const FORMAT_LABELS: Record<SummedFormat, string> = { json: 'JSON', xlsx: 'Excel', docx: 'Word' };

const STANDINGS: readonly Standing[] = ['notStarted', ...STATUSES];
const COLUMNS: readonly [MatrixCount, string][] = [
  ...STANDINGS.map((s): [MatrixCount, string] => [s, STANDING_LABELS[s]]),
  ['late', '逾期'],
  ['hasErrors', '有错误'],
];

export function summedHref(format: SummedFormat, year: number, agencyId: number, include: SumScope): string {
  return `${OVERVIEW_PATH}/summed.${format}?year=${year}&agency=${agencyId}&include=${include}`;
}

/** A ✓ that says what it means to a screen reader; nothing where the column does not apply. */
function Mark(props: { on: boolean; text: string }) {
  if (!props.on) return <td />;
  return (
    <td class="mark">
      <span aria-hidden="true">✓</span>
      <span class="visually-hidden">{props.text}</span>
    </td>
  );
}

function applies(row: MatrixRow, column: MatrixCount): boolean {
  if (column === 'late') return row.late;
  if (column === 'hasErrors') return row.hasErrors;
  return row.standing === column;
}

function markText(row: MatrixRow, column: MatrixCount, label: string): string {
  if (column === 'hasErrors') return `有${row.errorCount}项错误`;
  if (column === 'late') return `逾期（法定期限${row.due}）`;
  return label;
}

function dates(row: MatrixRow): string {
  const parts = [];
  if (row.submittedOn) parts.push(`报送 ${row.submittedOn}`);
  if (row.publishedOn) parts.push(`发布 ${row.publishedOn}`);
  return parts.join('，') || '—';
}

export function MatrixTable(props: { matrix: Matrix }) {
  const { matrix } = props;
  return (
    <table class="overview-matrix">
      <caption>
        {matrix.root.name}
        {matrix.rows.length > 1 ? '及所属机关' : ''}
        {matrix.year}年度报告编制情况
      </caption>
      <thead>
        <tr>
          <th scope="col">机关</th>
          {COLUMNS.map(([, label]) => (
            <th scope="col">{label}</th>
          ))}
          <th scope="col">法定期限</th>
          <th scope="col">报送、发布日期</th>
        </tr>
      </thead>
      <tbody>
        {matrix.rows.map((row) => (
          <tr>
            <th scope="row" class={`depth-${Math.min(row.depth, 4)}`}>
              <a href={consoleReportHref(row.agency.id, matrix.year)}>{row.agency.name}</a>
            </th>
            {COLUMNS.map(([column, label]) => (
              <Mark on={applies(row, column)} text={markText(row, column, label)} />
            ))}
            <td>{row.due}</td>
            <td>{dates(row)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">合计（{matrix.rows.length}个机关）</th>
          {COLUMNS.map(([column]) => (
            <td>{matrix.counts[column]}</td>
          ))}
          <td colspan={2} />
        </tr>
      </tfoot>
    </table>
  );
}

export function SummedSection(props: { summed: Summed; year: number; agencyId: number; include: SumScope }) {
  const { summed, year, agencyId, include } = props;
  const tables = renderReportTables(summed.report, { inlineStyles: false });
  return (
    <section aria-labelledby="summed-title">
      <h2 id="summed-title">汇总表格</h2>
      <form method="get" action={OVERVIEW_PATH} class="stack">
        <input type="hidden" name="year" value={String(year)} />
        <input type="hidden" name="agency" value={String(agencyId)} />
        <fieldset>
          <legend>汇总范围</legend>
          {(Object.keys(SUM_SCOPE_LABELS) as SumScope[]).map((scope) => (
            <div class="choice">
              <input type="radio" id={`include-${scope}`} name="include" value={scope} checked={scope === include} />
              <label for={`include-${scope}`}>{SUM_SCOPE_LABELS[scope]}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">重新汇总</button>
      </form>
      <p>{summed.note}</p>
      <p>
        下载汇总表格：
        {SUMMED_FORMATS.map((format, i) => (
          <>
            {i > 0 ? '、' : ''}
            <a href={summedHref(format, year, agencyId, include)} download>
              {FORMAT_LABELS[format]}
            </a>
          </>
        ))}
        。表格为各机关报告逐格相加之和，可作为本机关年度报告的参考；文字部分需另行撰写。
      </p>
      <div class="report-tables">{raw(tables.join('\n'))}</div>
    </section>
  );
}
