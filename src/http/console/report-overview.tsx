// 年报汇总 (issue 6 point 6): the supervising office (a reviewer or inspector of a people's government) sees its
// subtree for a year as a matrix — which agency's report is not started, drafted, submitted, returned, approved or
// published, late, with errors — each report one click away, and the subtree's tables summed for its own report,
// downloadable as JSON, Excel or Word. A department's own staff see their own row. The service checks the policy.
import { type Context, Hono } from 'hono';
import { decide } from '../../agencies/policy.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import { subtreeIds } from '../../agencies/service.ts';
import { consolidation, type SumScope, summedReport } from '../../annual/consolidate.ts';
import { dueDate } from '../../annual/model.ts';
import { reportYears } from '../../annual/repository.ts';
import { beijingDate, yearOf } from '../../calendar/dates.ts';
import { errors } from '../../errors.ts';
import { FORMAT_EXTENSIONS, FORMAT_MEDIA_TYPES, renderReport } from '../../report/write/index.ts';
import { requireLogin } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { contentDisposition } from './application-detail.tsx';
import { filterSelect } from './form.tsx';
import { consolePage, requireModule } from './frame.tsx';
import { MatrixTable, OVERVIEW_PATH, type SummedFormat, SummedSection } from './report-overview-views.tsx';

type C = Context<AppEnv>;
const MODULE = '/console/reports';
export const reportOverviewRoutes = new Hono<AppEnv>();

const idIn = (value: string | undefined) => (/^\d{1,12}$/.test(value ?? '') ? Number(value) : null);

/** What the query asks for: the year (last year by default), the subtree's root (the actor's agency), the scope. */
function query(c: C) {
  const actor = c.get('auth').actor;
  const lastYear = yearOf(beijingDate(c.get('ctx').clock())) - 1;
  const asked = c.req.query('year') ?? '';
  if (asked && !/^\d{4}$/.test(asked)) throw errors.validation('year', '年度', '应为四位年份');
  const year = asked ? Number(asked) : lastYear;
  const agencyId = idIn(c.req.query('agency')) ?? actor.agencyId;
  if (agencyId === null) throw errors.forbidden('查看年度报告汇总（请以机构用户身份登录）');
  const include: SumScope = c.req.query('include') === 'all' ? 'all' : 'approved';
  return { year, agencyId, include };
}

/** The agencies whose subtree the actor may look at (its own, and below it where the role sees children). */
async function rootChoices(c: C): Promise<[string, string][]> {
  const actor = c.get('auth').actor;
  if (actor.agencyId === null || !decide(actor.role, 'report.view', 'child')) return [];
  const ids = await subtreeIds(c.get('ctx'), actor.agencyId);
  const all = await listAgencyRows(c.get('ctx').db.kysely);
  return all
    .filter((a) => ids.includes(a.id) && all.some((b) => b.parentId === a.id))
    .map((a) => [String(a.id), a.name]);
}

/** Last year and the four before it: offered even before any report is kept. */
const recentYears = (c: C) => {
  const last = yearOf(beijingDate(c.get('ctx').clock())) - 1;
  return [0, 1, 2, 3, 4].map((n) => last - n);
};

reportOverviewRoutes.get(OVERVIEW_PATH, requireLogin(), requireModule(MODULE), async (c) => {
  const actor = c.get('auth').actor;
  const ctx = c.get('ctx');
  const { year, agencyId, include } = query(c);
  const { matrix, summed } = await consolidation(actor, ctx, agencyId, year, { include });
  const years = [...new Set([year, ...recentYears(c), ...(await reportYears(ctx.db.kysely))])].sort((a, b) => b - a);
  const roots = await rootChoices(c);
  return consolePage(c, {
    title: `${year}年度报告汇总`,
    current: MODULE,
    children: (
      <>
        <h1>
          {matrix.root.name}
          {year}年度报告汇总
        </h1>
        <form method="get" action={OVERVIEW_PATH} class="filters" aria-label="选择年度和范围">
          {filterSelect(
            'year',
            '年度',
            String(year),
            years.map((y) => [String(y), `${y}年度`]),
            '',
          )}
          {roots.length > 1 ? filterSelect('agency', '范围', String(agencyId), roots, '') : null}
          <input type="hidden" name="include" value={include} />
          <button type="submit">查看</button>
        </form>
        <p>
          法定期限（《政府信息公开条例》第四十九、五十条）：部门于{dueDate('department', year)}前、人民政府于
          {dueDate('government', year)}前公布上一年度报告。点击机关名称查看其年度报告。
        </p>
        <MatrixTable matrix={matrix} />
        <SummedSection summed={summed} year={year} agencyId={agencyId} include={include} />
      </>
    ),
  });
});

reportOverviewRoutes.get(
  `${OVERVIEW_PATH}/:file{summed\\.(?:json|xlsx|docx)}`,
  requireLogin(),
  requireModule(MODULE),
  async (c) => {
    const format = c.req.param('file').slice('summed.'.length) as SummedFormat;
    const { year, agencyId, include } = query(c);
    const { report } = await summedReport(c.get('auth').actor, c.get('ctx'), agencyId, year, { include });
    const body = await renderReport(report, format);
    c.header('content-type', FORMAT_MEDIA_TYPES[format]);
    const name = `${report.agency ?? ''}${year}年度报告汇总表${FORMAT_EXTENSIONS[format]}`;
    c.header('content-disposition', contentDisposition(name, `summed-${year}${FORMAT_EXTENSIONS[format]}`));
    return c.body(typeof body === 'string' ? body : new Uint8Array(body));
  },
);
