// 统计分析 in the console (issue 6 point 7): the same charts as the portal for the signed-in user's agencies — their
// own, or for a supervising office (report.view on its subtree) the subtree summed or any agency in it — and the
// office's comparison table: agency × received, decided, on-time rate, median days.
import { Hono } from 'hono';
import { authorize, permits } from '../../agencies/authorize.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import { subtreeIds } from '../../agencies/service.ts';
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
import { requireLogin } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { agencyTree } from '../portal/catalog-views.tsx';
import { chosenYear } from '../portal/statistics.tsx';
import { CONSOLE_STATISTICS } from '../report-links.ts';
import { consolePage, requireModule } from './frame.tsx';

export const statisticsConsoleRoutes = new Hono<AppEnv>();

statisticsConsoleRoutes.get(CONSOLE_STATISTICS, requireLogin(), requireModule(CONSOLE_STATISTICS), async (c) => {
  const ctx = c.get('ctx');
  const db = ctx.db.kysely;
  const actor = c.get('auth').actor;
  if (actor.agencyId === null) throw errors.forbidden('查看统计分析');
  await authorize(actor, ctx, 'report.view', actor.agencyId);
  const own = actor.agencyId;
  const below = (await subtreeIds(ctx, own)).slice(1);
  const allowed = new Set([own]);
  for (const id of below) if (await permits(actor, ctx, 'report.view', id)) allowed.add(id);
  const current = Number(beijingDate(ctx.clock()).slice(0, 4));
  const [agencies, years] = await Promise.all([listAgencyRows(db), statisticsYears(db, current)]);
  const tree = agencyTree(agencies.filter((a) => allowed.has(a.id)));
  const offered = tree.map((t) => t.agency.id);
  const office = offered.length > 1;
  const year = chosenYear(c, years);
  const raw = c.req.query('agency')?.trim() ?? '';
  let agencyId: number | null = office ? null : own;
  if (raw !== '') {
    const asked = Number(raw);
    if (!offered.includes(asked)) {
      await authorize(actor, ctx, 'report.view', Number.isInteger(asked) ? asked : null);
      throw errors.notFound('机构', raw);
    }
    agencyId = asked;
  }
  // Every offered agency in one query: the comparison table needs them all anyway.
  const all = await yearStatistics(db, offered, year);
  const total = all.perAgency.find((p) => p.agencyId === agencyId)?.stats ?? all.total;
  const nameOf = (id: number) => agencies.find((a) => a.id === id)?.name ?? '';
  const scope = agencyId === null ? `${nameOf(own)}及下级机关` : nameOf(agencyId);
  return consolePage(c, {
    title: `统计分析 · ${scope} · ${year}年`,
    current: CONSOLE_STATISTICS,
    children: (
      <>
        <h1>统计分析</h1>
        <p>本机关{office ? '及下级机关' : ''}收到和办理政府信息公开申请的情况，由办理记录自动统计。</p>
        <ScopeForm
          action={CONSOLE_STATISTICS}
          years={years}
          year={year}
          agencies={tree.map((t) => ({ id: t.agency.id, name: t.agency.name, depth: t.depth }))}
          agency={agencyId}
          allLabel={office ? '本机关及下级机关合计' : null}
        />
        <h2>
          {scope}
          {year}年
        </h2>
        <Headline stats={total} />
        {office ? (
          <section aria-labelledby="compare">
            <h2 id="compare">各机关对比</h2>
            <ComparisonTable
              year={year}
              rows={all.perAgency.map(({ agencyId: id, stats }) => ({
                name: nameOf(id),
                href: statisticsHref(CONSOLE_STATISTICS, year, id),
                stats,
              }))}
              total={all.total}
            />
          </section>
        ) : null}
        <h2>图表</h2>
        <StatisticsCharts stats={total} scope={scope} id="stat" />
        <p class="hint">{DEFINITIONS}</p>
      </>
    ),
  });
});
