// 年度报告 drill-down (issue 6 point 4): GET /console/reports/:agencyId/:year/cells/:path lists the records behind one
// number of the report's console page — the applications, catalogue items or 复议/诉讼 cases the compiler counted
// (src/report/compile/cells.ts, same predicates), or the yearly figures record — 100 a page, or all as CSV
// (?format=csv). Whoever may view the report sees it; the applications' details (and the cases' pages) only who may
// view the agency's applications, others their numbers and 查询号. For a report no longer editable (submitted,
// approved, published, imported) the report's number is the frozen one; the list is today's records, and both
// numbers are shown when they differ.
import { Hono } from 'hono';
import { authorize, permits } from '../../agencies/authorize.ts';
import { isEditable, STATUS_LABELS } from '../../annual/model.ts';
import { reportView } from '../../annual/service.ts';
import { errors } from '../../errors.ts';
import { type CellRecords, cellRecords, cellSpec, liveValue } from '../../report/compile/cells.ts';
import { cellName } from '../../report/labels.ts';
import { getCell } from '../../report/model.ts';
import { requireLogin } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { cellHref, consoleReportHref } from '../report-links.ts';
import { contentDisposition } from './application-detail.tsx';
import { consolePage } from './frame.tsx';
import { Pager } from './pager.tsx';
import { type Access, CellList, cellCsv } from './report-cell-views.tsx';

export const PAGE_SIZE = 100;
const PATH = '/console/reports/:agencyId{[0-9]{1,12}}/:year{[0-9]{4}}/cells/:path{[A-Za-z.]{1,80}}';

export const reportCellRoutes = new Hono<AppEnv>();

/** One page of the list (figures: the record itself). */
function pageOf(records: CellRecords, page: number): CellRecords {
  if (records.source === 'figures') return records;
  const rows = records.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return { ...records, rows } as CellRecords;
}

const UNITS: Record<CellRecords['source'], string> = {
  applications: '件',
  catalog: '件',
  appeals: '件',
  figures: '条',
};

reportCellRoutes.get(PATH, requireLogin(), async (c) => {
  const actor = c.get('auth').actor;
  const ctx = c.get('ctx');
  const agencyId = Number(c.req.param('agencyId'));
  const year = Number(c.req.param('year'));
  const path = c.req.param('path');
  await authorize(actor, ctx, 'report.view', agencyId, { type: 'annualReport', id: `${agencyId}/${year}` });
  const spec = cellSpec(path);
  if (!spec) throw errors.notFound('年度报告的栏目', path);
  const view = await reportView(ctx, agencyId, year);
  const records = await cellRecords(ctx.db.kysely, agencyId, year, spec);
  const access: Access = {
    full: await permits(actor, ctx, 'application.view', agencyId),
    catalog: await permits(actor, ctx, 'catalog.view', agencyId),
    figures: actor.agencyId === agencyId && (await permits(actor, ctx, 'agency.update', agencyId)),
  };
  const name = cellName(path);

  if (c.req.query('format') === 'csv') {
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header(
      'content-disposition',
      contentDisposition(`${view.agency.name}${year}年度报告-${name}.csv`, `cell-${year}-${path}.csv`),
    );
    return c.body(cellCsv(records, access.full));
  }

  const reported = getCell(view.report, path);
  const live = liveValue(records);
  const record = view.record;
  const frozen = record !== null && !isEditable(record.status);
  const total = records.source === 'figures' ? 1 : records.rows.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const asked = Number(c.req.query('page'));
  const page = Number.isInteger(asked) && asked >= 1 && asked <= pages ? asked : 1;
  const href = cellHref(agencyId, year, path);
  const title = `${name}（${view.agency.name}${year}年度报告）`;
  return consolePage(c, {
    title,
    current: '/console/reports',
    children: (
      <>
        <p>
          <a href={consoleReportHref(agencyId, year)}>
            返回{view.agency.name}
            {year}年度报告
          </a>
        </p>
        <h1>{name}</h1>
        <p class="hint">
          {view.agency.name}
          {year}年度政府信息公开工作年度报告
        </p>
        <section aria-labelledby="cell-number">
          <h2 id="cell-number">本栏数字</h2>
          <p>
            报告中的数字：<strong class="cell-number">{reported}</strong>
          </p>
          {frozen ? (
            <p class="notice">
              该报告{STATUS_LABELS[record.status]}，报告中的数字是
              {record.origin === 'imported' ? '导入时' : '报送时'}固定的数字，不再随记录变化；下面列出的是今天的记录。
            </p>
          ) : (
            <p class="hint">报告编制中，数字随本机关的记录实时计算，与下面的清单一致。</p>
          )}
          {live !== reported ? (
            <p class="alert" role="status">
              按今天的记录，本栏应为 <strong>{live}</strong>，与报告中的数字 {reported} 不一致。
            </p>
          ) : null}
        </section>
        <section aria-labelledby="cell-records">
          <h2 id="cell-records">{records.source === 'figures' ? '年度数据记录' : '记录清单'}</h2>
          {records.source !== 'figures' && !access.full && records.source !== 'catalog' ? (
            <p class="hint">您无权查看该机构的依申请公开件，只列出编号和查询号（或案号）。</p>
          ) : null}
          {total === 0 && records.source !== 'figures' ? (
            <p>没有记录。</p>
          ) : (
            <CellList records={pageOf(records, page)} access={access} year={year} caption={`${name}的记录`} />
          )}
          {records.source !== 'figures' && total > PAGE_SIZE ? (
            <Pager
              total={total}
              page={page}
              pages={pages}
              unit={UNITS[records.source]}
              href={(p) => (p > 1 ? `${href}?page=${p}` : href)}
            />
          ) : null}
          <p>
            <a href={`${href}?format=csv`} download>
              下载清单（CSV，可用Excel打开）
            </a>
          </p>
        </section>
      </>
    ),
  });
});
