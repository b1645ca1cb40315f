// 年度报告 — the staff member's entry (GET /console/reports): their own agency's reports by year, the current report
// year (last calendar year, Beijing date) first, each with its status, legal deadline and 已逾期 / 剩N天; for the
// supervising office's reviewer or inspector a pointer to the consolidation matrix; links to importing an earlier
// report and to the statistics.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { permits } from '../../agencies/authorize.ts';
import { findAgency, listAgencyRows } from '../../agencies/repository.ts';
import { dueDate, isLate } from '../../annual/model.ts';
import { findReport, reportYears } from '../../annual/repository.ts';
import { beijingDate } from '../../calendar/dates.ts';
import type { AppEnv } from '../env.ts';
import { CONSOLE_STATISTICS, consoleReportHref, overviewHref, REPORT_IMPORT_PATH } from '../report-links.ts';
import { consolePage } from './frame.tsx';
import { deadlineFlag, statusLabel } from './report-page.tsx';

export const REPORTS_HREF = '/console/reports';

export async function reportListPage(c: Context<AppEnv>) {
  const { actor } = c.get('auth');
  const ctx = c.get('ctx');
  const db = ctx.db.kysely;
  const today = beijingDate(ctx.clock());
  const reportYear = Number(today.slice(0, 4)) - 1;
  const agency = actor.agencyId === null ? undefined : await findAgency(db, actor.agencyId);
  const page = (children: Child) => consolePage(c, { title: '年度报告', current: REPORTS_HREF, children });
  if (!agency) {
    return page(
      <>
        <h1>政府信息公开工作年度报告</h1>
        <p>年度报告由各机关编制。系统管理员不属于任何机关，请以机关工作人员的账户登录后编制或查看。</p>
        <p>
          <a href={CONSOLE_STATISTICS}>查看统计图表</a>
        </p>
      </>,
    );
  }
  const [years, mayEdit, children] = await Promise.all([
    reportYears(db),
    permits(actor, ctx, 'report.edit', agency.id),
    listAgencyRows(db).then((all) => all.filter((a) => a.parentId === agency.id)),
  ]);
  const all = [...new Set([reportYear, ...years])].sort((a, b) => b - a);
  const rows = await Promise.all(
    all.map(async (year) => {
      const record = (await findReport(db, agency.id, year)) ?? null;
      const due = dueDate(agency.kind, year);
      const late = isLate(agency.kind, year, record?.status ?? null, record?.publishedOn ?? null, today);
      return { year, record, due, late };
    }),
  );
  const office = (actor.role === 'reviewer' || actor.role === 'inspector') && children.length > 0;
  return page(
    <>
      <h1>政府信息公开工作年度报告（{agency.name}）</h1>
      <p>
        {`本机关${reportYear}年度的报告应于${dueDate(agency.kind, reportYear)}前发布（条例第四十九条、第五十条：政府部门每年1月31日前，人民政府每年3月31日前）。`}
        表格由系统根据本机关的记录生成，第一、五、六部分的文字由经办人编写，报送上级政务公开主管部门审核后发布。
      </p>
      {office ? (
        <p class="notice">
          本机关负责审核下级机关的年度报告：
          <a href={overviewHref(reportYear)}>查看{reportYear}年度各机关报告的汇总情况</a>
          （编制状态、逾期、错误，以及汇总表格）。
        </p>
      ) : null}
      <table>
        <caption>本机关各年度的报告</caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">状态</th>
            <th scope="col">法定期限</th>
            <th scope="col">期限情况</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.year}年</th>
              <td>{statusLabel(r.record)}</td>
              <td>{r.due}</td>
              <td class={r.late ? 'late' : undefined}>{deadlineFlag(r, today)}</td>
              <td>
                <a href={consoleReportHref(agency.id, r.year)} aria-label={`打开${r.year}年度报告`}>
                  {mayEdit && (r.record === null || ['draft', 'returned'].includes(r.record.status)) ? '编制' : '查看'}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="actions">
        {mayEdit ? (
          <li>
            <a href={REPORT_IMPORT_PATH}>导入系统启用前已发布的年度报告</a>
          </li>
        ) : null}
        <li>
          <a href={CONSOLE_STATISTICS}>统计图表</a>
        </li>
      </ul>
    </>,
  );
}
