// The annual report's console page (issue 6 points 4 and 5): where the report stands (status, deadline, the
// supervising office's return comment), what the checker finds, the editor of sections 一, 五, 六, the workflow
// buttons, the tables in the national layout with every number linking to the records behind it, the downloads
// and the history of the report.

import { raw } from 'hono/html';
import { beijingTime } from '../../agencies/sessions.ts';
import {
  daysUntil,
  EVENT_LABELS,
  ORIGIN_LABELS,
  type ReportRecord,
  STATUS_LABELS,
  TEXT_SECTION_LABELS,
  TEXT_SECTIONS,
  type TextSection,
} from '../../annual/model.ts';
import type { allowedSteps, ReportView } from '../../annual/service.ts';
import type { ItemReview } from '../../privacy/service.ts';
import type { Diagnostic } from '../../report/diagnostics.ts';
import { cellName } from '../../report/labels.ts';
import { isCellPath } from '../../report/model.ts';
import { escapeHtml, renderReportTables } from '../../report/write/html.ts';
import { paragraphs } from '../../report/write/layout.ts';
import { CHROMIUM_MISSING } from '../../report/write/pdf.ts';
import { errorCount, FindingList } from '../report-findings.tsx';
import { cellHref, consoleReportHref } from '../report-links.ts';
import { ErrorSummary, type FormError, type Values } from './form.tsx';
import { ReportEditor } from './report-editor.tsx';
import { Workflow } from './report-workflow.tsx';

export type Steps = Awaited<ReturnType<typeof allowedSteps>>;

export interface PageData {
  view: ReportView;
  steps: Steps;
  /** Beijing date. */
  today: string;
  /** Last year's text of each section (published report, else last year's record), null where none. */
  lastTexts: Record<TextSection, string | null>;
  csrf: string;
  /** Whether Chromium is there to print the PDF. */
  pdf: boolean;
  notice?: string;
  error?: FormError;
  /** The texts as posted, put back after a refused save. */
  values?: Values;
  /** Personal data in the frozen texts, before the publish button (privacy/). */
  privacy?: ItemReview | null;
}

export const DOWNLOADS = [
  ['docx', 'Word（.docx）'],
  ['pdf', 'PDF'],
  ['html', '网页（.html）'],
  ['xlsx', 'Excel（.xlsx）'],
  ['json', 'JSON（国家格式数据）'],
] as const;

/** The status as a clerk reads it: 未开始 while nothing was saved. */
export function statusLabel(record: ReportRecord | null): string {
  return record ? STATUS_LABELS[record.status] : '未开始';
}

/** 已逾期 / 剩N天 / 按期发布 … for the deadline column and the page header. */
export function deadlineFlag(view: { due: string; late: boolean; record: ReportRecord | null }, today: string) {
  if (view.record?.status === 'published') return view.late ? '逾期发布' : '按期发布';
  if (view.late) return '已逾期';
  const days = daysUntil(view.due, today);
  return days === 0 ? '今天到期' : `剩${days}天`;
}

/** The writer's tables with each value wrapped in a link to the records behind it (cellHref). */
function linkedTables(view: ReportView): string {
  const flagged = new Map<string, string>();
  for (const d of view.diagnostics) {
    for (const path of d.cells) if (flagged.get(path) !== 'flag-error') flagged.set(path, `flag-${d.severity}`);
  }
  const tables = renderReportTables(view.report, { inlineStyles: false, mark: (path) => flagged.get(path) });
  return tables
    .join('\n')
    .replace(/<td data-cell="([^"]*)"([^>]*)>([^<]+)<\/td>/g, (whole, path: string, attrs: string, text: string) => {
      if (!isCellPath(path)) return whole;
      const href = escapeHtml(cellHref(view.agency.id, view.year, path));
      const label = escapeHtml(`${cellName(path)}：${text}，查看明细`);
      return `<td data-cell="${path}"${attrs}><a href="${href}" title="${label}">${text}</a></td>`;
    });
}

function Findings(props: { diagnostics: Diagnostic[]; editable: boolean }) {
  if (props.diagnostics.length === 0) return <p class="notice">检查通过：未发现错误或警告。</p>;
  const errors = errorCount(props.diagnostics);
  return (
    <>
      <p>
        共发现 {errors} 个错误、{props.diagnostics.length - errors} 个警告。
        {props.editable ? '错误须改正后才能报送，警告须逐项核实确认。' : ''}
      </p>
      <FindingList diagnostics={props.diagnostics} />
    </>
  );
}

function Header(props: { data: PageData }) {
  const { view, today } = props.data;
  const r = view.record;
  const rows: [string, string][] = [
    ['机关', view.agency.name],
    ['年度', `${view.year}年`],
    ['状态', `${statusLabel(r)}${r ? `（${ORIGIN_LABELS[r.origin]}）` : '（尚未保存，以下为系统根据记录生成的初稿）'}`],
    ['法定期限', `${view.due}前发布（${deadlineFlag(view, today)}）`],
  ];
  if (r?.publishedOn) rows.push(['发布日期', r.publishedOn]);
  if (r?.submittedAt) rows.push(['报送时间', beijingTime(r.submittedAt)]);
  return (
    <dl class="settings">
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd class={v.includes('已逾期') ? 'late' : undefined}>{v}</dd>
        </>
      ))}
    </dl>
  );
}

function ReturnComment(props: { record: ReportRecord | null }) {
  const r = props.record;
  if (r?.status !== 'returned' || !r.comment) return null;
  return (
    <section class="alert return-comment" aria-labelledby="return-title">
      <h2 id="return-title">退回意见</h2>
      {paragraphs(r.comment).map((p) => (
        <p>{p}</p>
      ))}
      <p class="hint">
        {r.decidedBy ?? ''}
        {r.decidedAt ? `，${beijingTime(r.decidedAt)}` : ''}退回。请按意见修改后重新报送。
      </p>
    </section>
  );
}

function Texts(props: { view: ReportView }) {
  return (
    <>
      {TEXT_SECTIONS.map((s) => (
        <section aria-labelledby={`text-${s}`}>
          <h3 id={`text-${s}`}>{TEXT_SECTION_LABELS[s]}</h3>
          {paragraphs(props.view.report.text[s]).map((p) => (
            <p>{p}</p>
          ))}
        </section>
      ))}
    </>
  );
}

function Downloads(props: { view: ReportView; pdf: boolean }) {
  const base = consoleReportHref(props.view.agency.id, props.view.year);
  return (
    <section aria-labelledby="downloads-title">
      <h2 id="downloads-title">下载</h2>
      <p class="hint">
        下载的是报告的当前内容{props.view.record?.snapshot ? '（报送时固定的版本）' : '（按现有记录生成）'}。
      </p>
      <ul class="actions">
        {DOWNLOADS.map(([format, label]) =>
          format === 'pdf' && !props.pdf ? null : (
            <li>
              <a href={`${base}/report.${format}`}>{label}</a>
            </li>
          ),
        )}
      </ul>
      {props.pdf ? null : <p class="hint">无法生成 PDF：{CHROMIUM_MISSING}</p>}
    </section>
  );
}

function History(props: { view: ReportView }) {
  if (props.view.events.length === 0) return <p>尚无办理记录。</p>;
  return (
    <table>
      <caption>办理记录</caption>
      <thead>
        <tr>
          <th scope="col">时间</th>
          <th scope="col">操作</th>
          <th scope="col">操作人</th>
          <th scope="col">意见或说明</th>
        </tr>
      </thead>
      <tbody>
        {props.view.events.map((e) => (
          <tr>
            <td>{beijingTime(e.at)}</td>
            <th scope="row">{EVENT_LABELS[e.kind]}</th>
            <td>{e.actor}</td>
            <td>{e.comment ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The page's body (the frame comes from consolePage). */
export function ReportPage(props: { data: PageData }) {
  const { data } = props;
  const { view } = data;
  return (
    <>
      <h1>
        {view.agency.name}
        {view.year}年政府信息公开工作年度报告
      </h1>
      <Header data={data} />
      {data.notice ? (
        <p class="notice" role="status">
          {data.notice}
        </p>
      ) : null}
      {data.error && data.error.field === undefined ? (
        <div class="alert" role="alert">
          <p>{data.error.message}</p>
        </div>
      ) : (
        <ErrorSummary error={data.error} />
      )}
      <ReturnComment record={view.record} />
      <section aria-labelledby="findings-title">
        <h2 id="findings-title">检查结果</h2>
        <Findings diagnostics={view.diagnostics} editable={data.steps.edit} />
        {view.record && view.record.acknowledged.length > 0 && !data.steps.edit ? (
          <>
            <p>报送时经办人已核实并确认的警告：</p>
            <ul>
              {view.record.acknowledged.map((a) => (
                <li>
                  ［{a.rule}］{a.message}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {data.steps.edit ? <ReportEditor data={data} /> : null}
      <Workflow data={data} />
      <section aria-labelledby="tables-title">
        <h2 id="tables-title">报告表格</h2>
        <p class="hint">表中每个数字都可点击，查看构成该数字的记录；有问题的单元格已标出。</p>
        <div class="report-tables">{raw(linkedTables(view))}</div>
      </section>
      {data.steps.edit ? null : (
        <section aria-labelledby="texts-title">
          <h2 id="texts-title">文字部分</h2>
          <Texts view={view} />
        </section>
      )}
      <Downloads view={view} pdf={data.pdf} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">办理记录</h2>
        <History view={view} />
      </section>
    </>
  );
}
