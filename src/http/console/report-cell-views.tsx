// The report's drill-down page, its parts: the tables of the records behind one cell (applications, catalogue
// items, 复议/诉讼 cases, the yearly figures record) and the same list as CSV for Excel. `full` false: the viewer
// may read the report but not the agency's applications, so only numbers and 查询号 are shown. No applicant names
// or contact data ever: the drill-down is for counting.
import { beijingTime } from '../../agencies/sessions.ts';
import {
  KIND_LABELS as APPEAL_KIND_LABELS,
  type Kind as AppealKind,
  RESULT_LABELS,
  type Result,
} from '../../appeals/model.ts';
import { VALIDITY_LABELS, type Validity } from '../../catalog/model.ts';
import {
  type AppealEntry,
  type ApplicationEntry,
  type CatalogEntry,
  type CellRecords,
  liveValue,
} from '../../report/compile/cells.ts';
import { APPLICANT_LABELS, CASE_LABELS, REQUEST_ROW_LABELS } from '../../report/labels.ts';
import { HREF as APPEALS_HREF } from './appeals-views.tsx';
import { HREF as APPLICATIONS_HREF } from './application-views.tsx';
import { HREF as CATALOG_HREF } from './catalog-views.tsx';
import { FIGURES_HREF } from './figures.tsx';

export interface Access {
  /** May read the agency's applications (and so its cases' pages). */
  full: boolean;
  /** May open the agency's catalogue in the console (else the portal's page of the item). */
  catalog: boolean;
  /** May correct the agency's yearly figures (its own administrator). */
  figures: boolean;
}

const outcomeLabel = (a: ApplicationEntry) => (a.outcome ? REQUEST_ROW_LABELS[a.outcome].short : '尚未办结');
const validityLabel = (v: string | null) => (v ? (VALIDITY_LABELS[v as Validity] ?? v) : '');
const kindLabel = (k: string) => APPEAL_KIND_LABELS[k as AppealKind] ?? k;
const resultLabel = (r: string) => RESULT_LABELS[r as Result] ?? r;

function ApplicationRows(props: { rows: ApplicationEntry[]; full: boolean; caption: string }) {
  if (!props.full)
    return (
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">编号</th>
            <th scope="col">查询号</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((a) => (
            <tr>
              <td>{a.id}</td>
              <th scope="row">{a.trackingNo}</th>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">查询号</th>
          <th scope="col">申请人类型</th>
          <th scope="col">收到日期</th>
          <th scope="col">办结日期</th>
          <th scope="col">办理结果</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((a) => (
          <tr>
            <th scope="row">
              <a href={`${APPLICATIONS_HREF}/${a.id}`}>{a.trackingNo}</a>
            </th>
            <td>{APPLICANT_LABELS[a.applicantKind]}</td>
            <td>{a.receivedOn}</td>
            <td>{a.decidedOn ?? ''}</td>
            <td>{outcomeLabel(a)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CatalogRows(props: { rows: CatalogEntry[]; consoleLinks: boolean; caption: string }) {
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">标题</th>
          <th scope="col">文号</th>
          <th scope="col">成文日期</th>
          <th scope="col">发布日期</th>
          <th scope="col">废止或失效日期</th>
          <th scope="col">目前效力</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((i) => (
          <tr>
            <th scope="row">
              <a href={props.consoleLinks ? `${CATALOG_HREF}/${i.id}` : `/catalog/${i.id}`}>{i.title}</a>
            </th>
            <td>{i.docNo ?? ''}</td>
            <td>{i.formedOn}</td>
            <td>{i.publishedOn ?? ''}</td>
            <td>{i.endedOn ?? ''}</td>
            <td>{validityLabel(i.validity)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AppealRows(props: { rows: AppealEntry[]; full: boolean; caption: string; year: number }) {
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">案号或文号</th>
          <th scope="col">案件类型</th>
          <th scope="col">复议机关或人民法院</th>
          <th scope="col">受理或立案日期</th>
          <th scope="col">计入{props.year}年度</th>
          <th scope="col">目前结果</th>
          <th scope="col">结果日期</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((a) => {
          const name = a.caseNo ?? `案件 ${a.id}`;
          return (
            <tr>
              <th scope="row">{props.full ? <a href={`${APPEALS_HREF}/${a.id}`}>{name}</a> : name}</th>
              <td>{kindLabel(a.group)}</td>
              <td>{a.bodyName}</td>
              <td>{a.filedOn}</td>
              <td>{CASE_LABELS[a.column]}</td>
              <td>{resultLabel(a.result)}</td>
              <td>{a.resultOn ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function FiguresRecord(props: { records: Extract<CellRecords, { source: 'figures' }>; year: number; link: boolean }) {
  const f = props.records.figures;
  if (!f) return <p>本机关尚未录入{props.year}年度的行政许可、处罚、强制和收费数据，报告中按0计。</p>;
  return (
    <>
      <dl class="settings">
        <dt>数据来源</dt>
        <dd>{f.source}</dd>
        <dt>录入人</dt>
        <dd>{f.enteredBy}</dd>
        <dt>录入时间</dt>
        <dd>{beijingTime(f.enteredAt)}</dd>
      </dl>
      {props.link ? (
        <p>
          <a href={`${FIGURES_HREF}?year=${props.year}`}>查看或修改{props.year}年度数据</a>
        </p>
      ) : null}
    </>
  );
}

/** The list behind the cell (one page of it), or the yearly figures record. */
export function CellList(props: { records: CellRecords; access: Access; year: number; caption: string }) {
  const { records, access, caption, year } = props;
  switch (records.source) {
    case 'applications':
      return <ApplicationRows rows={records.rows} full={access.full} caption={caption} />;
    case 'catalog':
      return <CatalogRows rows={records.rows} consoleLinks={access.catalog} caption={caption} />;
    case 'appeals':
      return <AppealRows rows={records.rows} full={access.full} caption={caption} year={year} />;
    case 'figures':
      return <FiguresRecord records={records} year={year} link={access.figures} />;
  }
}

function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The whole list as CSV, UTF-8 with BOM so Excel shows the Chinese. */
export function cellCsv(records: CellRecords, full: boolean): string {
  let rows: (string | number | null)[][];
  switch (records.source) {
    case 'applications':
      rows = full
        ? [
            ['编号', '查询号', '申请人类型', '收到日期', '办结日期', '办理结果'],
            ...records.rows.map((a) => [
              a.id,
              a.trackingNo,
              APPLICANT_LABELS[a.applicantKind],
              a.receivedOn,
              a.decidedOn,
              outcomeLabel(a),
            ]),
          ]
        : [['编号', '查询号'], ...records.rows.map((a) => [a.id, a.trackingNo])];
      break;
    case 'catalog':
      rows = [
        ['编号', '标题', '文号', '成文日期', '发布日期', '废止或失效日期', '目前效力'],
        ...records.rows.map((i) => [
          i.id,
          i.title,
          i.docNo,
          i.formedOn,
          i.publishedOn,
          i.endedOn,
          validityLabel(i.validity),
        ]),
      ];
      break;
    case 'appeals':
      rows = [
        [
          '编号',
          '案号或文号',
          '案件类型',
          '复议机关或人民法院',
          '受理或立案日期',
          '计入本年度',
          '目前结果',
          '结果日期',
        ],
        ...records.rows.map((a) => [
          a.id,
          a.caseNo,
          kindLabel(a.group),
          a.bodyName,
          a.filedOn,
          CASE_LABELS[a.column],
          resultLabel(a.result),
          a.resultOn,
        ]),
      ];
      break;
    case 'figures': {
      const f = records.figures;
      const value = liveValue(records);
      rows = [
        ['年度', '数字', '数据来源', '录入人', '录入时间'],
        ...(f ? [[f.year, value, f.source, f.enteredBy, f.enteredAt]] : []),
      ];
      break;
    }
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
