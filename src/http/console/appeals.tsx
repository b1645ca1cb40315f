// 复议诉讼 — the ledger of 行政复议 and 行政诉讼 cases about disclosure: the list with its filters (year, kind, result,
// not yet concluded) and paging, the form to record a case, and table 四 of the annual report for a year as the
// national form prints it, each number linked to the cases behind it. Staff see their agency's cases, inspectors
// their subtree (names masked); the agency's handlers record them. The queries and services check the policy.
import { type Context, Hono } from 'hono';
import { permits } from '../../agencies/authorize.ts';
import { ACTION_LABELS } from '../../agencies/policy.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import { KIND_LABELS, KINDS, type Kind, RESULT_LABELS, RESULTS, type Result } from '../../appeals/model.ts';
import { listCases, scopeOf, tableFour } from '../../appeals/queries.ts';
import type { CaseInput } from '../../appeals/schema.ts';
import { recordCase } from '../../appeals/service.ts';
import { beijingDate, yearOf } from '../../calendar/dates.ts';
import { errors } from '../../errors.ts';
import { type AppealGroup, CASE_COLUMNS, type CaseColumn } from '../../report/model.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { appealCellHref, CaseForm, CaseTable, HREF, TableFour } from './appeals-views.tsx';
import { type FormError, filterSelect, formError, formValues, idOrText, type Values } from './form.tsx';
import { consolePage, requireModule } from './frame.tsx';
import { Pager } from './pager.tsx';

type C = Context<AppEnv>;
export const gate = requireModule(HREF);
export const appealRoutes = new Hono<AppEnv>();
const actorOf = (c: C) => c.get('auth').actor;

const pageOf = (value: string | undefined) => (/^\d{1,6}$/.test(value ?? '') ? Math.max(Number(value), 1) : 1);
const yearIn = (value: string | undefined) => (/^\d{4}$/.test(value ?? '') ? Number(value) : null);
const idIn = (value: string | undefined) => (/^\d{1,12}$/.test(value ?? '') ? Number(value) : null);
const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | null =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : null;
const thisYear = (c: C) => yearOf(beijingDate(c.get('ctx').clock()));

/** The agencies in the actor's scope, with names, for the inspectors' agency choice. */
async function scopeAgencies(c: C) {
  const ids = await scopeOf(actorOf(c), c.get('ctx'));
  const names = new Map((await listAgencyRows(c.get('ctx').db.kysely)).map((a) => [a.id, a.name]));
  return ids.map((id) => ({ id, name: names.get(id) ?? String(id) }));
}

/** Form values → the service's input; the schema names whatever is wrong. */
export function caseInputFrom(v: Values): CaseInput {
  return {
    kind: (v.kind ?? '') as Kind,
    role: (v.role || 'original') as 'original',
    trackingNo: v.trackingNo ?? null,
    earlierCaseId: idOrText(v.earlierCaseId) as number | null,
    bodyName: v.bodyName ?? '',
    caseNo: v.caseNo ?? null,
    appellantName: v.appellantName ?? '',
    filedOn: v.filedOn ?? '',
    result: (v.result || 'pending') as Result,
    resultOn: v.resultOn ?? null,
    resultNote: v.resultNote ?? null,
    note: v.note ?? null,
  };
}

/** The agency's reconsideration cases, for the “earlier case” choice. */
export async function earlierChoices(c: C, agencyId: number) {
  const list = await listCases(actorOf(c), c.get('ctx'), { agencyId, kind: 'reconsideration', pageSize: 100 });
  return list.rows.map((r) => ({ id: r.id, label: `${r.caseNo ?? `案件 ${r.id}`}（${r.filedOn}，${r.bodyName}）` }));
}

appealRoutes.get(HREF, requireLogin(), gate, async (c) => {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const q = c.req.query();
  const filter = {
    agencyId: idIn(q.agency),
    year: yearIn(q.year),
    kind: oneOf(KINDS, q.kind),
    result: oneOf(RESULTS, q.result),
    pending: q.pending === '1',
    column: oneOf(CASE_COLUMNS, q.column) as CaseColumn | null,
    page: pageOf(q.page),
  };
  const [list, agencies] = await Promise.all([listCases(actor, ctx, filter), scopeAgencies(c)]);
  const mayRecord = actor.agencyId !== null && (await permits(actor, ctx, 'application.handle', actor.agencyId));
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const params = (page: number) => {
    const p = new URLSearchParams();
    if (filter.agencyId) p.set('agency', String(filter.agencyId));
    if (filter.year) p.set('year', String(filter.year));
    if (filter.kind) p.set('kind', filter.kind);
    if (filter.result) p.set('result', filter.result);
    if (filter.pending) p.set('pending', '1');
    if (filter.column && filter.year) p.set('column', filter.column);
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return s ? `${HREF}?${s}` : HREF;
  };
  const year = thisYear(c);
  const years = Array.from({ length: 8 }, (_, i) => year - i);
  return consolePage(c, {
    title: '复议诉讼',
    current: HREF,
    children: (
      <>
        <h1>行政复议、行政诉讼</h1>
        <p>
          登记针对本机关政府信息公开工作的行政复议、行政诉讼案件，年度报告表四据此统计。
          {mayRecord ? <a href={`${HREF}/new`}>登记案件</a> : null}
        </p>
        <ul class="actions">
          <li>
            <a href={`${HREF}/table?year=${year - 1}`}>{year - 1}年度报告表四</a>
          </li>
          <li>
            <a href={`${HREF}/table?year=${year}`}>{year}年度报告表四</a>
          </li>
        </ul>
        <form method="get" action={HREF} class="filters" aria-label="筛选案件">
          {agencies.length > 1
            ? filterSelect(
                'agency',
                '机关',
                String(filter.agencyId ?? ''),
                agencies.map((a) => [String(a.id), a.name]),
              )
            : null}
          {filterSelect(
            'year',
            '受理或立案年度',
            String(filter.year ?? ''),
            years.map((y) => [String(y), `${y}年`]),
          )}
          {filterSelect(
            'kind',
            '案件类型',
            filter.kind ?? '',
            KINDS.map((k) => [k, KIND_LABELS[k]]),
          )}
          {filterSelect(
            'result',
            '审理结果',
            filter.result ?? '',
            RESULTS.map((r) => [r, RESULT_LABELS[r]]),
          )}
          <div class="field checkbox">
            <input type="checkbox" id="q-pending" name="pending" value="1" checked={filter.pending} />
            <label for="q-pending">只看尚未审结的</label>
          </div>
          <button type="submit">筛选</button>
        </form>
        {filter.column && filter.year ? (
          <p class="notice">
            以下是{filter.year}年度报告表四中“{filter.column === 'total' ? '总计' : RESULT_LABELS[filter.column]}”
            所统计的案件（结果以当年12月31日为准）。<a href={HREF}>查看全部案件</a>
          </p>
        ) : null}
        <CaseTable caption="案件" rows={list.rows} showAgency={agencies.length > 1} />
        <Pager total={list.total} page={list.page} pages={pages} unit="件" href={params} />
      </>
    ),
  });
});

appealRoutes.get(`${HREF}/table`, requireLogin(), gate, async (c) => {
  const actor = actorOf(c);
  const q = c.req.query();
  const year = yearIn(q.year) ?? thisYear(c) - 1;
  const agencies = await scopeAgencies(c);
  const agencyId = idIn(q.agency) ?? (actor.agencyId as number);
  const counts = await tableFour(actor, c.get('ctx'), agencyId, year);
  const agencyName = agencies.find((a) => a.id === agencyId)?.name ?? '';
  const link = (group: AppealGroup, column: CaseColumn) => appealCellHref(agencyId, year, group, column);
  return consolePage(c, {
    title: `${year}年度报告表四`,
    current: HREF,
    children: (
      <>
        <h1>
          {agencyName}
          {year}年度报告表四
        </h1>
        <form method="get" action={`${HREF}/table`} class="filters" aria-label="选择年度和机关">
          {agencies.length > 1 ? (
            <div class="field">
              <label for="t-agency">机关</label>
              <select id="t-agency" name="agency">
                {agencies.map((a) => (
                  <option value={String(a.id)} selected={a.id === agencyId}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div class="field">
            <label for="t-year">年度</label>
            <input type="number" id="t-year" name="year" value={String(year)} min="2008" max="2100" />
          </div>
          <button type="submit">查看</button>
        </form>
        <TableFour caption="四、政府信息公开行政复议、行政诉讼情况" counts={counts} link={link} />
        <p class="hint">
          按受理或立案日期计入当年；审理结果以当年12月31日为准，当年尚未作出结果的计为“尚未审结”。复议机关作为共同被告的行政诉讼，
          只由作出原行政行为的机关统计（国办公开办函〔2016〕201号）。点击数字可查看所统计的案件。
        </p>
        <p>
          <a href={HREF}>返回案件列表</a>
        </p>
      </>
    ),
  });
});

async function newPage(c: C, values: Values, error?: FormError) {
  const actor = actorOf(c);
  const agencyId = actor.agencyId as number;
  if (actor.agencyId === null || !(await permits(actor, c.get('ctx'), 'application.handle', agencyId)))
    throw errors.forbidden(ACTION_LABELS['application.handle']);
  const earlier = await earlierChoices(c, agencyId);
  return consolePage(c, {
    title: '登记复议诉讼案件',
    current: HREF,
    status: error?.status ?? 200,
    children: (
      <>
        <h1>登记复议诉讼案件</h1>
        <CaseForm
          action={`${HREF}/new`}
          csrf={csrfToken(c)}
          values={values}
          error={error}
          earlier={earlier}
          submit="登记"
        />
        <p>
          <a href={HREF}>返回案件列表</a>
        </p>
      </>
    ),
  });
}

appealRoutes.get(`${HREF}/new`, requireLogin(), gate, async (c) => {
  const q = c.req.query();
  return newPage(c, { kind: 'reconsideration', role: 'original', result: 'pending', trackingNo: q.trackingNo ?? '' });
});

appealRoutes.post(`${HREF}/new`, requireLogin(), gate, async (c) => {
  const actor = actorOf(c);
  const values = formValues(await c.req.parseBody());
  try {
    const created = await recordCase(actor, c.get('ctx'), actor.agencyId as number, caseInputFrom(values));
    return c.redirect(`${HREF}/${created.id}?saved=1`, 303);
  } catch (e) {
    const error = formError(e);
    if (!error) throw e;
    return newPage(c, values, error);
  }
});
