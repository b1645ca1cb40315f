// The console home's 主动公开 section: what waits for the signed-in user — items to review (审核人), approved items
// to publish (发布员) — and how many of this year's publications were late (第二十六条). Null for roles without
// the catalogue.
import { permits } from '../../agencies/authorize.ts';
import type { Actor } from '../../agencies/model.ts';
import { beijingDate } from '../../calendar/dates.ts';
import { latePublications, listForStaff } from '../../catalog/queries.ts';
import type { Context } from '../../context.ts';
import { HREF } from './catalog-views.tsx';

export async function catalogHomeSection(actor: Actor, ctx: Context) {
  const agencyId = actor.agencyId;
  if (agencyId === null || !(await permits(actor, ctx, 'catalog.view', agencyId))) return null;
  const [mayApprove, mayPublish] = await Promise.all([
    permits(actor, ctx, 'catalog.approve', agencyId),
    permits(actor, ctx, 'catalog.publish', agencyId),
  ]);
  const year = Number(beijingDate(ctx.clock()).slice(0, 4));
  const reviewing = mayApprove ? (await listForStaff(actor, ctx, agencyId, { status: 'reviewing' })).total : null;
  const approved = mayPublish ? (await listForStaff(actor, ctx, agencyId, { status: 'approved' })).total : null;
  let late: number | null = null;
  try {
    late = (await latePublications(actor, ctx, agencyId, year)).length;
  } catch {
    late = null; // a year without its holiday notice: the count is not guessed
  }
  return (
    <section aria-labelledby="catalog-home">
      <h2 id="catalog-home">主动公开</h2>
      <ul>
        {reviewing === null ? null : (
          <li>
            待我审查的信息：<strong>{reviewing}</strong> 条
            {reviewing > 0 ? (
              <>
                ，<a href={`${HREF}?status=reviewing`}>去审查</a>
              </>
            ) : null}
          </li>
        )}
        {approved === null ? null : (
          <li>
            已审查待发布的信息：<strong>{approved}</strong> 条
            {approved > 0 ? (
              <>
                ，<a href={`${HREF}?status=approved`}>去发布</a>
              </>
            ) : null}
          </li>
        )}
        {late === null ? null : (
          <li>
            {year}年逾期发布（超过20个工作日）：<strong>{late}</strong> 条
            {late > 0 ? (
              <>
                ，<a href={`${HREF}/late?year=${year}`}>查看</a>
              </>
            ) : null}
          </li>
        )}
      </ul>
    </section>
  );
}
