// 机构与用户 — user accounts: the list per agency, one account, and the forms to create one, change it and reset
// its password. agencies/accounts.ts checks the policy table and the grantable roles and writes the audit log; a
// generated password is shown once, on the response to the POST that made it, and is kept nowhere.
import { type Context, Hono } from 'hono';
import { createUser, getUser, listUsers, resetPassword, updateUser } from '../../agencies/accounts.ts';
import { authorize, permits } from '../../agencies/authorize.ts';
import type { Agency, User } from '../../agencies/model.ts';
import { decide, GRANTABLE_ROLES, mayGrant } from '../../agencies/policy.ts';
import { listAgencies } from '../../agencies/service.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { agenciesWhere, HREF as MODULE } from './agencies.tsx';
import { Notice } from './agency-views.tsx';
import { type FormError, formError, formValues, type Values } from './form.tsx';
import { consolePage, requireModule } from './frame.tsx';
import { userInputFrom, userPatchFrom, userValues } from './user-input.ts';
import {
  EditUserForm,
  NewUserForm,
  NO_AGENCY,
  OneTimePassword,
  ResetForm,
  UserDetails,
  UserTable,
} from './user-views.tsx';

type C = Context<AppEnv>;

const ID = '/console/users/:id{[0-9]{1,12}}';
const actorOf = (c: C) => c.get('auth').actor;

/** Users without an agency (system administrators) stand 'unrelated' to everyone: the policy table decides. */
const mayOnNoAgency = (c: C, action: 'user.view' | 'user.create') => decide(actorOf(c).role, action, 'unrelated');

function namer(all: readonly Agency[]) {
  const names = new Map(all.map((a) => [a.id, a.name]));
  return (id: number | null) => (id === null ? NO_AGENCY : (names.get(id) ?? `机构（${id}）`));
}

export const userRoutes = new Hono<AppEnv>();
const gate = requireModule(MODULE);

userRoutes.get('/console/users', requireLogin(), gate, async (c) => {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const all = await listAgencies(actor, ctx);
  const viewable: (number | null)[] = agenciesWhere(c, all, 'user.view').map((a) => a.id);
  if (mayOnNoAgency(c, 'user.view')) viewable.unshift(null);
  const wanted = c.req.query('agency') ?? '';
  const chosen = wanted === 'none' ? [null] : /^\d{1,12}$/.test(wanted) ? [Number(wanted)] : viewable;
  const users: User[] = [];
  // listUsers checks the policy for each agency: an agency chosen by hand in the address is refused there.
  for (const id of chosen) users.push(...(await listUsers(actor, ctx, id)));
  const name = namer(all);
  const mayCreate = mayOnNoAgency(c, 'user.create') || agenciesWhere(c, all, 'user.create').length > 0;
  return consolePage(c, {
    title: '用户账户',
    current: MODULE,
    children: (
      <>
        <h1>用户账户</h1>
        <ul class="actions">
          {mayCreate ? (
            <li>
              <a href={`/console/users/new${wanted && wanted !== 'none' ? `?agency=${wanted}` : ''}`}>新建用户</a>
            </li>
          ) : null}
          <li>
            <a href={MODULE}>机构列表</a>
          </li>
        </ul>
        <form method="get" action="/console/users" class="filters" aria-label="筛选条件">
          <div>
            <label for="f-agency">所属机构</label>
            <select id="f-agency" name="agency">
              <option value="">全部</option>
              {viewable.map((id) => (
                <option
                  value={id === null ? 'none' : String(id)}
                  selected={(id === null ? 'none' : String(id)) === wanted}
                >
                  {name(id)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit">查询</button>
          </div>
        </form>
        <UserTable users={users} agencyName={name} now={ctx.clock()} />
      </>
    ),
  });
});

async function newUserPage(c: C, values: Values, error?: FormError) {
  const actor = actorOf(c);
  const all = await listAgencies(actor, c.get('ctx'));
  const agencies: [string, string][] = agenciesWhere(c, all, 'user.create').map((a) => [String(a.id), a.name]);
  if (mayOnNoAgency(c, 'user.create')) agencies.unshift(['', `${NO_AGENCY}，仅限系统管理员`]);
  // Nowhere to create a user: refused (and recorded) as the service would refuse it.
  if (agencies.length === 0) await authorize(actor, c.get('ctx'), 'user.create', actor.agencyId);
  return consolePage(c, {
    title: '新建用户',
    current: MODULE,
    status: error?.status ?? 200,
    children: (
      <>
        <h1>新建用户</h1>
        <NewUserForm
          csrf={csrfToken(c)}
          values={values}
          error={error}
          roles={GRANTABLE_ROLES[actor.role]}
          agencies={agencies}
        />
        <p>
          <a href="/console/users">返回用户列表</a>
        </p>
      </>
    ),
  });
}

userRoutes.get('/console/users/new', requireLogin(), gate, (c) =>
  newUserPage(c, { agencyId: c.req.query('agency') ?? String(actorOf(c).agencyId ?? '') }),
);

userRoutes.post('/console/users', requireLogin(), gate, async (c) => {
  const values = formValues(await c.req.parseBody());
  let created: Awaited<ReturnType<typeof createUser>>;
  try {
    created = await createUser(actorOf(c), c.get('ctx'), userInputFrom(values));
  } catch (e) {
    const error = formError(e);
    if (!error) throw e;
    return newUserPage(c, values, error);
  }
  const { user, generatedPassword } = created;
  return consolePage(c, {
    title: '用户已新建',
    current: MODULE,
    children: (
      <>
        <h1>用户已新建</h1>
        <OneTimePassword user={user} password={generatedPassword as string} heading="初始密码" />
        <ul class="actions">
          <li>
            <a href={`/console/users/${user.id}`}>查看该用户</a>
          </li>
          <li>
            <a href="/console/users/new">继续新建用户</a>
          </li>
        </ul>
      </>
    ),
  });
});

async function userPage(c: C, id: number, edit?: { values: Values; error: FormError }) {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const user = await getUser(actor, ctx, id);
  const all = await listAgencies(actor, ctx);
  // The service refuses managing an account whose role one may not grant; the page offers only what would pass.
  const manages = mayGrant(actor.role, user.role);
  const [mayEdit, mayReset] = await Promise.all([
    permits(actor, ctx, 'user.update', user.agencyId),
    permits(actor, ctx, 'user.resetPassword', user.agencyId),
  ]);
  const csrf = csrfToken(c);
  const saved = c.req.query('saved') === 'updated' ? '用户信息已保存。' : undefined;
  return consolePage(c, {
    title: `用户：${user.username}`,
    current: MODULE,
    status: edit?.error.status ?? 200,
    children: (
      <>
        <h1>用户：{user.username}</h1>
        <Notice text={saved} />
        <UserDetails user={user} agencyName={namer(all)(user.agencyId)} now={ctx.clock()} />
        {mayEdit && manages ? (
          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading">修改用户信息</h2>
            <EditUserForm
              action={`/console/users/${id}`}
              csrf={csrf}
              values={edit?.values ?? userValues(user)}
              error={edit?.error}
              roles={actor.id === id ? [] : GRANTABLE_ROLES[actor.role]}
            />
          </section>
        ) : null}
        {mayReset && manages && actor.id !== id ? (
          <section aria-labelledby="reset-heading">
            <h2 id="reset-heading">重置密码</h2>
            <ResetForm action={`/console/users/${id}/password`} csrf={csrf} username={user.username} />
          </section>
        ) : null}
        <p>
          <a href={`/console/users${user.agencyId === null ? '?agency=none' : `?agency=${user.agencyId}`}`}>
            返回用户列表
          </a>
        </p>
      </>
    ),
  });
}

userRoutes.get(ID, requireLogin(), gate, (c) => userPage(c, Number(c.req.param('id'))));

userRoutes.post(ID, requireLogin(), gate, async (c) => {
  const id = Number(c.req.param('id'));
  const values = formValues(await c.req.parseBody());
  try {
    await updateUser(actorOf(c), c.get('ctx'), id, userPatchFrom(values));
  } catch (e) {
    const error = formError(e);
    if (!error) throw e;
    return userPage(c, id, { values, error });
  }
  return c.redirect(`/console/users/${id}?saved=updated`, 303);
});

userRoutes.post(`${ID}/password`, requireLogin(), gate, async (c) => {
  const id = Number(c.req.param('id'));
  const password = await resetPassword(actorOf(c), c.get('ctx'), id);
  const user = await getUser(actorOf(c), c.get('ctx'), id);
  return consolePage(c, {
    title: '密码已重置',
    current: MODULE,
    children: (
      <>
        <h1>密码已重置</h1>
        <OneTimePassword user={user} password={password} heading="新密码" />
        <p>
          <a href={`/console/users/${id}`}>返回该用户</a>
        </p>
      </>
    ),
  });
});
