// The user pages' content. Presenters only, field by field: a user's password hash, failed-attempt count and
// sessions never reach a page.
import { ROLE_LABELS, USER_FIELD_LABELS, type User } from '../../agencies/model.ts';
import { beijingTime } from '../../agencies/sessions.ts';
import { ErrorSummary, type FormError, SelectField, Settings, TextField, type Values } from './form.tsx';
import { roleOptions, userStatus } from './user-input.ts';

const label = (name: string) => USER_FIELD_LABELS[name] ?? name;

export const NO_AGENCY = '系统级（不属于任何机构）';

export function UserTable(props: { users: readonly User[]; agencyName: (id: number | null) => string; now: Date }) {
  return (
    <table>
      <caption>用户账户（共 {props.users.length} 个）</caption>
      <thead>
        <tr>
          <th scope="col">用户名</th>
          <th scope="col">姓名</th>
          <th scope="col">角色</th>
          <th scope="col">所属机构</th>
          <th scope="col">状态</th>
          <th scope="col">最近登录</th>
        </tr>
      </thead>
      <tbody>
        {props.users.map((u) => (
          <tr>
            <th scope="row">
              <a href={`/console/users/${u.id}`}>{u.username}</a>
            </th>
            <td>{u.displayName}</td>
            <td>{ROLE_LABELS[u.role]}</td>
            <td>{props.agencyName(u.agencyId)}</td>
            <td>{userStatus(u, props.now)}</td>
            <td>{u.lastLoginAt ? beijingTime(u.lastLoginAt) : '从未登录'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UserDetails(props: { user: User; agencyName: string; now: Date }) {
  const u = props.user;
  return (
    <Settings
      rows={[
        [label('username'), u.username],
        [label('displayName'), u.displayName],
        [label('role'), ROLE_LABELS[u.role]],
        [label('agencyId'), props.agencyName],
        ['账户状态', userStatus(u, props.now)],
        ['最近登录', u.lastLoginAt ? beijingTime(u.lastLoginAt) : '从未登录'],
        ['密码设置时间', beijingTime(u.passwordChangedAt)],
        ['创建时间', beijingTime(u.createdAt)],
      ]}
    />
  );
}

export function NewUserForm(props: {
  csrf: string;
  values: Values;
  error: FormError | undefined;
  roles: readonly User['role'][];
  agencies: [string, string][];
}) {
  const common = { values: props.values, error: props.error };
  return (
    <>
      <ErrorSummary error={props.error} />
      <form method="post" action="/console/users" class="stack" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <TextField
          name="username"
          label={label('username')}
          required
          maxlength={32}
          hint="3至32位小写字母、数字或 . _ -，以字母开头，如 zhang.san；创建后不能修改。"
          {...common}
        />
        <TextField name="displayName" label={label('displayName')} required maxlength={50} {...common} />
        <SelectField
          name="role"
          label={label('role')}
          required
          options={[['', '请选择'], ...roleOptions(props.roles)]}
          {...common}
        />
        <SelectField name="agencyId" label={label('agencyId')} required options={props.agencies} {...common} />
        <p class="hint">系统将生成初始密码，仅在下一页显示一次。用户首次登录后须立即修改密码。</p>
        <button type="submit">新建用户</button>
      </form>
    </>
  );
}

export function EditUserForm(props: {
  action: string;
  csrf: string;
  values: Values;
  error: FormError | undefined;
  /** Roles offered; empty: the role is not changed here (one's own account). */
  roles: readonly User['role'][];
}) {
  const common = { values: props.values, error: props.error };
  return (
    <>
      <ErrorSummary error={props.error} />
      <form method="post" action={props.action} class="stack" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <TextField name="displayName" label={label('displayName')} required maxlength={50} {...common} />
        {props.roles.length > 0 ? (
          <>
            <SelectField name="role" label={label('role')} required options={roleOptions(props.roles)} {...common} />
            <SelectField
              name="active"
              label={label('active')}
              hint="停用后该用户不能登录，已登录的会话随即失效；账户和记录予以保留。"
              options={[
                ['true', '启用'],
                ['false', '停用'],
              ]}
              {...common}
            />
          </>
        ) : (
          <p class="hint">不能更改自己的角色或停用自己的账户。</p>
        )}
        <button type="submit">保存</button>
      </form>
    </>
  );
}

export function ResetForm(props: { action: string; csrf: string; username: string }) {
  return (
    <form method="post" action={props.action} class="stack">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <p class="hint" id="reset-hint">
        重置后，系统生成新的一次性密码并仅显示一次；原密码随即失效，该用户的所有登录会话结束，登录锁定同时解除。用户登录后须立即修改密码。
      </p>
      <button type="submit" aria-describedby="reset-hint">
        重置“{props.username}”的密码
      </button>
    </form>
  );
}

/** The password, shown on this one response and never again: it is not stored anywhere in clear. */
export function OneTimePassword(props: { user: User; password: string; heading: string }) {
  return (
    <div class="one-time" role="status">
      <p>
        用户“{props.user.username}”（{props.user.displayName}）的{props.heading}为：
      </p>
      <p class="password">
        <code>{props.password}</code>
      </p>
      <p>
        <strong>此密码仅显示这一次</strong>
        ，本系统不保存明文密码，离开本页后无法再次查看。请立即当面或通过其他安全渠道告知本人，不得通过即时通信群、电子邮件等明文转发；遗失的，只能再次重置。用户首次登录后须立即修改密码。
      </p>
    </div>
  );
}
