// What the portal's and the console's statistics pages both show for one scope (an agency, or several summed) and
// year: the headline numbers, then the charts — applications per month, outcomes in table 三's groups, on time or
// late, and by applicant kind — each with its data table (charts.tsx).
import { APPLICANT_LABELS } from '../report/labels.ts';
import { APPLICANT_KINDS } from '../report/model.ts';
import { BarChart, formatDays, formatNumber, formatRate, StackedBar } from './charts.tsx';
import { OUTCOME_GROUP_LABELS, OUTCOME_GROUPS, type YearStats } from './queries.ts';

export const MONTH_LABELS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
export const MEDIAN_LABEL = '答复用时中位数（自然日）';
export const ON_TIME_LABEL = '按期答复率';

/** “按期答复率 93.3%（14/15）”: the rate and what it is a rate of. */
export function onTimeText(s: YearStats): string {
  return s.timed === 0 ? '—（本年无有期限的办结申请）' : `${formatRate(s.onTimeRate)}（${s.onTime}/${s.timed}）`;
}

export function Headline(props: { stats: YearStats }) {
  const s = props.stats;
  return (
    <dl class="stat-headline">
      <div>
        <dt>本年新收申请</dt>
        <dd>{formatNumber(s.received)} 件</dd>
      </div>
      <div>
        <dt>本年办结申请</dt>
        <dd>{formatNumber(s.decided)} 件</dd>
      </div>
      <div>
        <dt>{ON_TIME_LABEL}</dt>
        <dd>{onTimeText(s)}</dd>
      </div>
      <div>
        <dt>{MEDIAN_LABEL}</dt>
        <dd>{s.medianDays === null ? '—' : `${formatDays(s.medianDays)} 天`}</dd>
      </div>
    </dl>
  );
}

function busiest(s: YearStats): string {
  if (s.received === 0) return '';
  const max = Math.max(...s.monthly);
  const months = MONTH_LABELS.filter((_, i) => s.monthly[i] === max);
  return `，最多的是${months.join('、')}（${months.length > 1 ? '各' : ''}${max}件）`;
}

/** The four charts of a scope and year; `id` keeps the charts' ids unique on the page. */
export function StatisticsCharts(props: { stats: YearStats; scope: string; id: string }) {
  const s = props.stats;
  const parts = OUTCOME_GROUPS.map((g) => ({ label: OUTCOME_GROUP_LABELS[g], value: s.outcomes[g] }));
  const kinds = APPLICANT_KINDS.map((k) => APPLICANT_LABELS[k]);
  const late = s.timed - s.onTime;
  return (
    <div class="charts">
      <BarChart
        id={`${props.id}-monthly`}
        caption={`${props.scope}${s.year}年每月新收政府信息公开申请数量`}
        desc={`${s.year}年共新收申请${s.received}件${busiest(s)}。`}
        categoryHeader="月份"
        valueHeader="新收申请（件）"
        labels={MONTH_LABELS}
        values={s.monthly}
        total
      />
      <StackedBar
        id={`${props.id}-outcomes`}
        caption={`${props.scope}${s.year}年办理结果`}
        desc={`本年办结${s.decided}件：${parts.map((p) => `${p.label}${p.value}件`).join('，')}。`}
        categoryHeader="办理结果"
        valueHeader="件数（占比）"
        parts={parts}
      />
      <StackedBar
        id={`${props.id}-ontime`}
        caption={`${props.scope}${s.year}年按期答复情况`}
        desc={`本年办结且有答复期限的${s.timed}件中，按期答复${s.onTime}件，逾期${late}件，${ON_TIME_LABEL}${formatRate(s.onTimeRate)}。`}
        categoryHeader="答复情况"
        valueHeader="件数（占比）"
        parts={[
          { label: '按期答复', value: s.onTime },
          { label: '逾期答复', value: late },
        ]}
      />
      <BarChart
        id={`${props.id}-kinds`}
        caption={`${props.scope}${s.year}年新收申请的申请人类型`}
        desc={`本年新收申请${s.received}件：${kinds.map((l, i) => `${l}${s.byKind[APPLICANT_KINDS[i] as (typeof APPLICANT_KINDS)[number]]}件`).join('，')}。`}
        categoryHeader="申请人类型"
        valueHeader="新收申请（件）"
        labels={kinds}
        values={APPLICANT_KINDS.map((k) => s.byKind[k])}
        total
      />
    </div>
  );
}

/** The statistics page (portal or console) for a year and an agency (none: the default scope). */
export function statisticsHref(base: string, year: number, agencyId: number | null = null): string {
  return `${base}?year=${year}${agencyId === null ? '' : `&agency=${agencyId}`}`;
}

export interface AgencyOption {
  id: number;
  name: string;
  /** Depth in the hierarchy, for indenting the choice. */
  depth: number;
}

/** The GET form choosing the year and the agency ('' = every agency offered, summed). */
export function ScopeForm(props: {
  action: string;
  years: readonly number[];
  year: number;
  agencies: readonly AgencyOption[];
  agency: number | null;
  allLabel: string | null;
}) {
  return (
    <form method="get" action={props.action} class="filters" aria-label="选择统计范围">
      <div>
        <label for="s-year">年度</label>
        <select id="s-year" name="year">
          {props.years.map((y) => (
            <option value={String(y)} selected={y === props.year}>
              {y}年
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="s-agency">机关</label>
        <select id="s-agency" name="agency">
          {props.allLabel ? <option value="">{props.allLabel}</option> : null}
          {props.agencies.map((a) => (
            <option value={String(a.id)} selected={a.id === props.agency}>
              {`${'\u3000'.repeat(a.depth)}${a.name}`}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit">查看统计</button>
      </div>
    </form>
  );
}

/** One row per agency: received, decided, on-time rate, median days; each agency's name may link to its charts. */
export function ComparisonTable(props: {
  year: number;
  rows: readonly { name: string; href: string; stats: YearStats }[];
  total?: YearStats;
}) {
  return (
    <table class="stat-compare">
      <caption>{props.year}年各机关依申请公开情况对比</caption>
      <thead>
        <tr>
          <th scope="col">机关</th>
          <th scope="col">新收申请（件）</th>
          <th scope="col">办结申请（件）</th>
          <th scope="col">{ON_TIME_LABEL}</th>
          <th scope="col">{MEDIAN_LABEL}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">
              <a href={r.href}>{r.name}</a>
            </th>
            <td>{formatNumber(r.stats.received)}</td>
            <td>{formatNumber(r.stats.decided)}</td>
            <td>{onTimeText(r.stats)}</td>
            <td>{formatDays(r.stats.medianDays)}</td>
          </tr>
        ))}
      </tbody>
      {props.total ? (
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            <td>{formatNumber(props.total.received)}</td>
            <td>{formatNumber(props.total.decided)}</td>
            <td>{onTimeText(props.total)}</td>
            <td>{formatDays(props.total.medianDays)}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

export const DEFINITIONS =
  '口径：新收申请按收到申请的日期计入当年；办理结果按作出答复的日期计入当年，分组同年度报告表三；按期答复率为当年办结且有答复期限的申请中，在期限内（含当日）答复的比例；答复用时为收到申请至作出答复的自然日天数，取中位数。';
