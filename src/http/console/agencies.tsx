// 机构与用户 — agencies: the tree of the agencies the user looks after, one agency's settings, and the forms to
// create (system administrator) and edit them. Every change goes through agencies/service.ts, which checks the
// policy table and writes the audit log; these routes only read the form and present the result.
import { type Context, Hono } from 'hono';
import { authorize, permits } from '../../agencies/authorize.ts';
import type { Agency } from '../../agencies/model.ts';
import { type Action, decide, RELATIONS, relationOf } from '../../agencies/policy.ts';
import { createAgency, getAgency, listAgencies, pathWithin, updateAgency } from '../../agencies/service.ts';
import { getReplyReview, setReplyReview } from '../../applications/review.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { agencyInputFrom, agencyPatchFrom, agencyValues } from './agency-input.ts';
import { ReplyReviewSetting } from './agency-review.tsx';
import { AgencyDetails, AgencyForm, AgencyTree, Notice, SAVED } from './agency-views.tsx';
import { type FormError, formError, formValues, type Values } from './form.tsx';
import { consolePage, requireModule } from './frame.tsx';

type C = Context<AppEnv>;

export const HREF = '/console/agencies';
const ID = '/console/agencies/:id{[0-9]{1,12}}';

const actorOf = (c: C) => c.get('auth').actor;
/** Whether the user's role may create agencies anywhere: then kind and parent are theirs to set. */
const mayCreate = (c: C) => RELATIONS.some((r) => decide(actorOf(c).role, 'agency.create', r));

/** The agencies on which the policy table lets the user do any of the actions. */
export function agenciesWhere(c: C, all: readonly Agency[], ...actions: Action[]): Agency[] {
  const { role, agencyId } = actorOf(c);
  const mine = pathWithin(all, agencyId);
  return all.filter((a) => {
    const r = relationOf(mine, pathWithin(all, a.id));
    return actions.some((action) => decide(role, action, r));
  });
}

function ModuleLinks(props: { mayCreate: boolean }) {
  return (
    <ul class="actions">
      <li>
        <a href="/console/users">用户账户</a>
      </li>
      {props.mayCreate ? (
        <li>
          <a href="/console/agencies/new">新建机构</a>
        </li>
      ) : null}
    </ul>
  );
}

function formPage(
  c: C,
  p: { title: string; action: string; values: Values; error?: FormError; parents: Agency[]; placement: boolean },
  status: 200 | 400 | 409 = 200,
) {
  return consolePage(c, {
    title: p.title,
    current: HREF,
    status,
    children: (
      <>
        <h1>{p.title}</h1>
        <AgencyForm
          action={p.action}
          csrf={csrfToken(c)}
          values={p.values}
          error={p.error}
          placement={p.placement}
          parents={p.parents}
          submit="保存"
        />
        <p>
          <a href={HREF}>返回机构列表</a>
        </p>
      </>
    ),
  });
}

export const agencyRoutes = new Hono<AppEnv>();
const gate = requireModule(HREF);

agencyRoutes.get(HREF, requireLogin(), gate, async (c) => {
  const all = await listAgencies(actorOf(c), c.get('ctx'));
  // The agencies the user looks after: those they may edit or whose users they may see.
  const shown = agenciesWhere(c, all, 'agency.update', 'user.view');
  return consolePage(c, {
    title: '机构与用户',
    current: HREF,
    children: (
      <>
        <h1>机构与用户</h1>
        <ModuleLinks mayCreate={mayCreate(c)} />
        <h2>机构</h2>
        {shown.length > 0 ? <AgencyTree agencies={shown} /> : <p>暂无由您管理的机构。</p>}
      </>
    ),
  });
});

agencyRoutes.get('/console/agencies/new', requireLogin(), gate, async (c) => {
  await authorize(actorOf(c), c.get('ctx'), 'agency.create', null);
  const parents = await listAgencies(actorOf(c), c.get('ctx'));
  const values: Values = { kind: '', parentId: c.req.query('parent') ?? '' };
  return formPage(c, { title: '新建机构', action: HREF, values, parents, placement: true });
});

agencyRoutes.post(HREF, requireLogin(), gate, async (c) => {
  const values = formValues(await c.req.parseBody());
  try {
    const agency = await createAgency(actorOf(c), c.get('ctx'), agencyInputFrom(values));
    return c.redirect(`${HREF}/${agency.id}?saved=created`, 303);
  } catch (e) {
    const error = formError(e);
    if (!error) throw e;
    const parents = await listAgencies(actorOf(c), c.get('ctx'));
    return formPage(c, { title: '新建机构', action: HREF, values, error, parents, placement: true }, error.status);
  }
});

agencyRoutes.get(ID, requireLogin(), gate, async (c) => {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const agency = await getAgency(actor, ctx, Number(c.req.param('id')));
  const parent = agency.parentId === null ? null : await getAgency(actor, ctx, agency.parentId);
  const [mayEdit, mayUsers, reviewOn] = await Promise.all([
    permits(actor, ctx, 'agency.update', agency.id),
    permits(actor, ctx, 'user.view', agency.id),
    getReplyReview(actor, ctx, agency.id),
  ]);
  return consolePage(c, {
    title: agency.name,
    current: HREF,
    children: (
      <>
        <h1>{agency.name}</h1>
        <Notice text={SAVED[c.req.query('saved') ?? '']} />
        <AgencyDetails agency={agency} parentName={parent?.name ?? null} />
        <ReplyReviewSetting agencyId={agency.id} on={reviewOn} mayEdit={mayEdit} csrf={csrfToken(c)} />
        <ul class="actions">
          {mayEdit ? (
            <li>
              <a href={`${HREF}/${agency.id}/edit`}>修改机构设置</a>
            </li>
          ) : null}
          {mayEdit ? (
            <li>
              <a href={`${HREF}/${agency.id}/index-pattern`}>索引号规则</a>
            </li>
          ) : null}
          {mayUsers ? (
            <li>
              <a href={`/console/users?agency=${agency.id}`}>本机构用户</a>
            </li>
          ) : null}
          <li>
            <a href={HREF}>返回机构列表</a>
          </li>
        </ul>
      </>
    ),
  });
});

async function editContext(c: C, id: number) {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  await authorize(actor, ctx, 'agency.update', id);
  const agency = await getAgency(actor, ctx, id);
  const placement = mayCreate(c);
  const parents = placement ? (await listAgencies(actor, ctx)).filter((a) => a.id !== id) : [];
  return { agency, placement, parents, title: `修改机构设置：${agency.name}`, action: `${HREF}/${id}` };
}

agencyRoutes.get(`${ID}/edit`, requireLogin(), gate, async (c) => {
  const page = await editContext(c, Number(c.req.param('id')));
  return formPage(c, { ...page, values: agencyValues(page.agency) });
});

agencyRoutes.post(ID, requireLogin(), gate, async (c) => {
  const id = Number(c.req.param('id'));
  const values = formValues(await c.req.parseBody());
  const placement = mayCreate(c);
  try {
    await updateAgency(actorOf(c), c.get('ctx'), id, agencyPatchFrom(values, placement));
    return c.redirect(`${HREF}/${id}?saved=updated`, 303);
  } catch (e) {
    const error = formError(e);
    if (!error) throw e;
    const page = await editContext(c, id);
    return formPage(c, { ...page, values, error }, error.status);
  }
});

/** 答复审核: whether the agency's replies need a reviewer's approval (applications/review.ts). */
agencyRoutes.post(`${ID}/reply-review`, requireLogin(), gate, async (c) => {
  const id = Number(c.req.param('id'));
  const values = formValues(await c.req.parseBody());
  await setReplyReview(actorOf(c), c.get('ctx'), id, values.on === '1');
  return c.redirect(`${HREF}/${id}?saved=updated`, 303);
});
