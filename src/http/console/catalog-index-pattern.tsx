// 索引号规则 of an agency (机构管理员): the pattern its catalogue's 索引号 are made from, with an example, set through
// setIndexPattern (audited). Numbers already given keep their form. Linked from the agency's page.
import { type Context, Hono } from 'hono';
import { authorize } from '../../agencies/authorize.ts';
import { getAgency } from '../../agencies/service.ts';
import { beijingDate } from '../../calendar/dates.ts';
import { DEFAULT_INDEX_PATTERN, formatIndexNo, indexPatternProblem } from '../../catalog/index-no.ts';
import { setIndexPattern } from '../../catalog/service.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { ErrorSummary, type FormError, formError, formValues, TextField, type Values } from './form.tsx';
import { consolePage, requireModule } from './frame.tsx';

type C = Context<AppEnv>;
const PATH = '/console/agencies/:id{[0-9]{1,12}}/index-pattern';

export const indexPatternRoutes = new Hono<AppEnv>();
const gate = requireModule('/console/agencies');

/** The agency's pattern (null: the default); the caller has checked the actor may update the agency. */
async function patternOf(c: C, agencyId: number): Promise<string | null> {
  const row = await c
    .get('ctx')
    .db.kysely.selectFrom('agencies')
    .select('index_pattern')
    .where('id', '=', agencyId)
    .executeTakeFirst();
  return row?.index_pattern ?? null;
}

async function page(c: C, id: number, values: Values, error?: FormError) {
  const actor = c.get('auth').actor;
  const ctx = c.get('ctx');
  await authorize(actor, ctx, 'agency.update', id);
  const agency = await getAgency(actor, ctx, id);
  const current = await patternOf(c, id);
  const year = Number(beijingDate(ctx.clock()).slice(0, 4));
  const typed = (values.indexPattern ?? '').trim();
  const shown = typed && !indexPatternProblem(typed) ? typed : (current ?? DEFAULT_INDEX_PATTERN);
  const example = formatIndexNo({ id, creditCode: agency.creditCode, indexPattern: shown }, year, 12);
  return consolePage(c, {
    title: `索引号规则：${agency.name}`,
    current: '/console/agencies',
    status: error?.status ?? 200,
    children: (
      <>
        <h1>索引号规则：{agency.name}</h1>
        <p>
          当前规则：<code>{current ?? `${DEFAULT_INDEX_PATTERN}（默认）`}</code>；示例：<code>{example}</code>
        </p>
        <p class="hint">
          可用占位符：{'{credit}'} 统一社会信用代码，{'{id}'} 机关编号，{'{year}'} 发布年份，{'{seq}'} 或 {'{seq:5}'}{' '}
          流水号（补足5位）。规则须包含流水号和 {'{credit}'} 或 {'{id}'}。已生成的索引号不受影响。
        </p>
        <ErrorSummary error={error} />
        <form method="post" action={`/console/agencies/${id}/index-pattern`} class="stack" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken(c)} />
          <TextField
            name="indexPattern"
            label="索引号规则"
            maxlength={80}
            hint="留空则使用默认规则"
            values={values}
            error={error}
          />
          <button type="submit">保存</button>
        </form>
        <p>
          <a href={`/console/agencies/${id}`}>返回机构</a>
        </p>
      </>
    ),
  });
}

indexPatternRoutes.get(PATH, requireLogin(), gate, async (c) => {
  const id = Number(c.req.param('id'));
  return page(c, id, { indexPattern: (await patternOf(c, id)) ?? '' });
});

indexPatternRoutes.post(PATH, requireLogin(), gate, async (c) => {
  const id = Number(c.req.param('id'));
  const values = formValues(await c.req.parseBody());
  try {
    await setIndexPattern(c.get('auth').actor, c.get('ctx'), id, values.indexPattern ?? '');
  } catch (e) {
    const error = formError(e);
    if (!error) throw e;
    return page(c, id, values, error);
  }
  return c.redirect(`/console/agencies/${id}?saved=updated`, 303);
});
