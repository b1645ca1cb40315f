// 依申请公开统计 on the portal (issue 6 point 7): for a year (last year by default) and the whole district (every
// agency summed) or one agency, the headline numbers and the charts drawn on the server with their data tables,
// and for the whole district each agency's figures side by side. Counts only: nothing about any applicant.
import { type Context, Hono } from 'hono';
import { listAgencyRows } from '../../agencies/repository.ts';
import { beijingDate } from '../../calendar/dates.ts';
import { errors } from '../../errors.ts';
import {
  ComparisonTable,
  DEFINITIONS,
  Headline,
  ScopeForm,
  StatisticsCharts,
  statisticsHref,
} from '../../stats/panel.tsx';
import { statisticsYears, yearStatistics } from '../../stats/queries.ts';
import type { AppEnv } from '../env.ts';
import { PortalPage } from '../layout.tsx';
import { html } from '../render.ts';
import { PORTAL_STATISTICS } from '../report-links.ts';
import { agencyTree } from './catalog-views.tsx';

export const statisticsRoutes = new Hono<AppEnv>();

/** The year asked for when it is one the page offers, else last year. */
export function chosenYear(c: Context<AppEnv>, years: readonly number[]): number {
  const current = Number(beijingDate(c.get('ctx').clock()).slice(0, 4));
  const asked = Number(c.req.query('year'));
  return years.includes(asked) ? asked : current - 1;
}

/** The agency asked for ('' or absent: none), refused when it is not one of those offered. */
export function chosenAgency(c: Context<AppEnv>, offered: readonly number[]): number | null {
  const raw = c.req.query('agency')?.trim() ?? '';
  if (raw === '') return null;
  const id = Number(raw);
  if (!offered.includes(id)) throw errors.notFound('机构', raw);
  return id;
}

statisticsRoutes.get(PORTAL_STATISTICS, async (c) => {
  const ctx = c.get('ctx');
  const db = ctx.db.kysely;
  const current = Number(beijingDate(ctx.clock()).slice(0, 4));
  const [agencies, years] = await Promise.all([listAgencyRows(db), statisticsYears(db, current)]);
  const tree = agencyTree(agencies);
  const year = chosenYear(c, years);
  const agencyId = chosenAgency(
    c,
    tree.map((t) => t.agency.id),
  );
  const ids = agencyId === null ? tree.map((t) => t.agency.id) : [agencyId];
  const { total, perAgency } = await yearStatistics(db, ids, year);
  const scope = agencyId === null ? '全区' : (agencies.find((a) => a.id === agencyId)?.name ?? '');
  return html(
    c,
    <PortalPage
      title={`依申请公开统计 · ${scope} · ${year}年`}
      settings={c.get('settings')}
      current={PORTAL_STATISTICS}
    >
      <h1>依申请公开统计</h1>
      <p>各机关收到和办理政府信息公开申请的情况，由办理记录自动统计，不含任何申请人信息。</p>
      <ScopeForm
        action={PORTAL_STATISTICS}
        years={years}
        year={year}
        agencies={tree.map((t) => ({ id: t.agency.id, name: t.agency.name, depth: t.depth }))}
        agency={agencyId}
        allLabel="全区（各机关合计）"
      />
      <h2>
        {scope}
        {year}年
      </h2>
      <Headline stats={total} />
      <StatisticsCharts stats={total} scope={scope} id="stat" />
      {agencyId === null ? (
        <section aria-labelledby="compare">
          <h2 id="compare">各机关对比</h2>
          <ComparisonTable
            year={year}
            rows={perAgency.map(({ agencyId: id, stats }) => ({
              name: agencies.find((a) => a.id === id)?.name ?? '',
              href: statisticsHref(PORTAL_STATISTICS, year, id),
              stats,
            }))}
            total={total}
          />
        </section>
      ) : null}
      <p class="hint">{DEFINITIONS}</p>
    </PortalPage>,
  );
});
