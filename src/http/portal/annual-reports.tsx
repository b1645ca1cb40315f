// A published annual report on the portal (issue 6 point 5): /reports/:agencyId/:year shows it in the national
// layout with its publication date and links to the agency's other years; /reports/:agencyId/:year/report.docx
// (pdf, json, xlsx) are its files. Only published reports (compiled here or imported) exist for the public: any
// other status is the same 404 as an unknown address. The open data routes are mounted here too.
import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import type { Agency } from '../../agencies/model.ts';
import { findAgency } from '../../agencies/repository.ts';
import { ORIGIN_LABELS, type ReportRecord } from '../../annual/model.ts';
import { FILE_FORMATS, type FileFormat, publishedShape } from '../../annual/open-data.ts';
import { findReport, listPublished } from '../../annual/repository.ts';
import type { AnnualReport } from '../../report/model.ts';
import { renderReportTables } from '../../report/write/html.ts';
import { FORMAT_EXTENSIONS, FORMAT_MEDIA_TYPES, findChromium, renderReport } from '../../report/write/index.ts';
import { reportBlocks } from '../../report/write/layout.ts';
import { contentDisposition } from '../console/application-detail.tsx';
import type { AppEnv } from '../env.ts';
import { errorResponse, notFound } from '../errors.tsx';
import { PortalPage } from '../layout.tsx';
import { html } from '../render.ts';
import { portalReportHref } from '../report-links.ts';
import { cnDate } from './catalog-views.tsx';
import { openDataRoutes } from './open-data.ts';
import { openDataPageRoutes } from './open-data-page.tsx';

type C = Context<AppEnv>;

const PAGE = '/reports/:agencyId{[0-9]{1,12}}/:year{[0-9]{4}}';

export const FILE_LABELS: Record<FileFormat, string> = {
  docx: 'Word 文档（.docx）',
  pdf: 'PDF 文件（.pdf）',
  json: '数据文件（.json）',
  xlsx: 'Excel 表格（.xlsx）',
};

/** “示例区市场监督管理局2025年政府信息公开工作年度报告”. */
export const publishedTitle = (agency: Agency, year: number) => `${agency.name}${year}年政府信息公开工作年度报告`;

interface Published {
  agency: Agency;
  record: ReportRecord;
  report: AnnualReport;
}

/** The published report at this address, or null (unknown, or not published). */
async function published(c: C): Promise<Published | null> {
  const db = c.get('ctx').db.kysely;
  const agencyId = Number(c.req.param('agencyId'));
  const year = Number(c.req.param('year'));
  const [agency, record] = await Promise.all([findAgency(db, agencyId), findReport(db, agencyId, year)]);
  if (!agency || !record || record.status !== 'published' || !record.snapshot || !record.publishedOn) return null;
  return { agency, record, report: publishedShape(record, agency) };
}

/** The report's sections and tables in printed order; tables without inline styles (the CSP forbids them). */
function ReportBody(props: { report: AnnualReport }) {
  const tables = renderReportTables(props.report, { inlineStyles: false });
  let next = 0;
  return (
    <div class="annual-report report-tables">
      {reportBlocks(props.report).map((block) => {
        if (block.type === 'heading') return <h2>{block.text}</h2>;
        if (block.type === 'paragraph') return <p>{block.text}</p>;
        return raw(tables[next++] ?? '');
      })}
    </div>
  );
}

export function FileLinks(props: { agencyId: number; year: number }) {
  return (
    <ul class="report-files">
      {FILE_FORMATS.map((f) => (
        <li>
          <a href={portalReportHref(props.agencyId, props.year, f)}>{FILE_LABELS[f]}</a>
        </li>
      ))}
    </ul>
  );
}

export const annualReportPortalRoutes = new Hono<AppEnv>();

annualReportPortalRoutes.get(PAGE, async (c) => {
  const found = await published(c);
  if (!found) return notFound(c);
  const { agency, record, report } = found;
  const others = (await listPublished(c.get('ctx').db.kysely, { agencyIds: [agency.id] })).filter(
    (r) => r.year !== record.year,
  );
  const title = publishedTitle(agency, record.year);
  const imported = record.origin === 'imported';
  return html(
    c,
    <PortalPage title={title} settings={c.get('settings')} current="/reports">
      <p class="breadcrumb">
        <a href="/reports">政府信息公开年报</a> › {record.year}年度
      </p>
      <h1>{title}</h1>
      <table class="meta-table">
        <caption class="visually-hidden">报告信息</caption>
        <tbody>
          <tr>
            <th scope="row">发布机关</th>
            <td>{agency.name}</td>
            <th scope="row">报告年度</th>
            <td>{record.year}年</td>
          </tr>
          <tr>
            <th scope="row">发布日期</th>
            <td class="published-on">{cnDate(record.publishedOn)}</td>
            <th scope="row">来源</th>
            <td>{ORIGIN_LABELS[record.origin]}</td>
          </tr>
        </tbody>
      </table>
      {imported ? (
        <p class="notice">
          导入的往年报告：本报告在本系统启用之前已经公布，由本机关从公布的文件导入，内容以原公布文件为准。
        </p>
      ) : null}
      <h2 id="files">下载报告</h2>
      <FileLinks agencyId={agency.id} year={record.year} />
      <ReportBody report={report} />
      <p class="report-date">发布日期：{cnDate(record.publishedOn)}</p>
      <h2 id="other-years">本机关其他年度的报告</h2>
      {others.length === 0 ? (
        <p>本机关暂无其他年度已发布的报告。</p>
      ) : (
        <ul>
          {others.map((r) => (
            <li>
              <a href={portalReportHref(agency.id, r.year)}>{publishedTitle(agency, r.year)}</a>
              {r.origin === 'imported' ? `（${ORIGIN_LABELS.imported}）` : ''}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/reports">全部年度报告</a> · <a href="/open-data">开放数据</a>
      </p>
    </PortalPage>,
  );
});

annualReportPortalRoutes.get(`${PAGE}/:file{report\\.(?:docx|pdf|json|xlsx)}`, async (c) => {
  const found = await published(c);
  if (!found) return notFound(c);
  const format = c.req.param('file').slice('report.'.length) as FileFormat;
  if (format === 'pdf' && !findChromium())
    return errorResponse(c, 503, 'PDF 版本暂时无法生成（服务器未安装 Chromium），请下载 Word、Excel 或数据文件。');
  const { agency, record, report } = found;
  const data = await renderReport(report, format);
  c.header('content-type', FORMAT_MEDIA_TYPES[format]);
  c.header(
    'content-disposition',
    contentDisposition(
      `${publishedTitle(agency, record.year)}${FORMAT_EXTENSIONS[format]}`,
      `annual-report-${agency.id}-${record.year}${FORMAT_EXTENSIONS[format]}`,
    ),
  );
  c.header('cache-control', 'public, max-age=300');
  return c.body(data as string | Uint8Array<ArrayBuffer>);
});

annualReportPortalRoutes.route('/', openDataRoutes);
annualReportPortalRoutes.route('/', openDataPageRoutes);
