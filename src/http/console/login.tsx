// Signing in and out, and changing one's password (also how a "must change" session is cleared).
// 身份鉴别 (GB/T 22239): one message for an unknown user and a wrong password; lockout after repeated failures;
// a new session token at every login, so a token planted before login is worthless (no session fixation).
import { type Context, Hono } from 'hono';
import { changePassword } from '../../agencies/accounts.ts';
import { login, logout } from '../../agencies/sessions.ts';
import { errors, isDomainError } from '../../errors.ts';
import { loginUrl, requireLogin, safeNext } from '../auth.ts';
import { clearSessionToken, sessionToken, setSessionToken } from '../cookies.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { ConsolePage } from '../layout.tsx';
import { html } from '../render.ts';
import { STATUS } from '../status.ts';
import { consolePage } from './frame.tsx';

type C = Context<AppEnv>;

const LOGIN_FAILURES = new Set(['invalidCredentials', 'accountLocked', 'accountDisabled'] as const);

function LoginForm(props: { csrf: string; next: string; error?: string; notice?: string }) {
  return (
    <>
      <h1>工作人员登录</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.error ? (
        <p class="alert" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/console/login" class="stack">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <label for="username">用户名</label>
        <input type="text" id="username" name="username" autocomplete="username" required maxlength={64} />
        <label for="password">密码</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required maxlength={128} />
        <button type="submit">登录</button>
      </form>
    </>
  );
}

function loginPage(c: C, props: { next: string; error?: string; notice?: string }, status: 200 | 401 | 403 = 200) {
  return html(
    c,
    <ConsolePage title="登录" settings={c.get('settings')}>
      <LoginForm csrf={csrfToken(c)} {...props} />
    </ConsolePage>,
    status,
  );
}

const field = (body: Record<string, unknown>, name: string) => {
  const v = body[name];
  return typeof v === 'string' ? v : '';
};

function PasswordForm(props: { csrf: string; forced: boolean; error?: string }) {
  return (
    <>
      <h1>修改密码</h1>
      {props.forced ? <p class="notice">{errors.passwordChangeRequired().message}。</p> : null}
      {props.error ? (
        <p class="alert" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/console/password" class="stack">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <label for="currentPassword">原密码</label>
        <input type="password" id="currentPassword" name="currentPassword" autocomplete="current-password" required />
        <label for="newPassword">新密码</label>
        <input
          type="password"
          id="newPassword"
          name="newPassword"
          autocomplete="new-password"
          required
          aria-describedby="password-rule"
        />
        <label for="confirmPassword">再次输入新密码</label>
        <input type="password" id="confirmPassword" name="confirmPassword" autocomplete="new-password" required />
        <p class="hint" id="password-rule">
          新密码应符合本系统的密码复杂度要求，且不得包含用户名。
        </p>
        <button type="submit">修改密码</button>
      </form>
    </>
  );
}

export const loginRoutes = new Hono<AppEnv>();

loginRoutes.get('/console/login', (c) => {
  const q = c.req.query();
  const notice = q.expired ? errors.sessionExpired().message : q.out ? '您已安全退出。' : undefined;
  return loginPage(c, { next: safeNext(q.next), ...(notice ? { notice } : {}) });
});

loginRoutes.post('/console/login', async (c) => {
  const body = await c.req.parseBody();
  const username = field(body, 'username').slice(0, 64);
  const password = field(body, 'password').slice(0, 128);
  const next = safeNext(body.next);
  const ctx = c.get('ctx');
  try {
    const result = await login(ctx, { username, password, clientAddress: c.get('clientAddress') });
    // Whatever session the browser had before ends now; the new token replaces it.
    const previous = sessionToken(c);
    if (previous) await logout(ctx, previous, c.get('clientAddress'));
    setSessionToken(c, result.token);
    return c.redirect(result.mustChangePassword ? '/console/password' : next, 303);
  } catch (e) {
    for (const code of LOGIN_FAILURES) {
      if (isDomainError(e, code)) return loginPage(c, { next, error: e.message }, STATUS[code] as 401 | 403);
    }
    throw e;
  }
});

loginRoutes.post('/console/logout', requireLogin(), async (c) => {
  const token = sessionToken(c);
  if (token) await logout(c.get('ctx'), token, c.get('clientAddress'));
  clearSessionToken(c);
  return c.redirect(loginUrl(undefined, 'out'), 303);
});

loginRoutes.get('/console/password', requireLogin(), (c) =>
  consolePage(c, {
    title: '修改密码',
    children: <PasswordForm csrf={csrfToken(c)} forced={c.get('auth').mustChangePassword} />,
  }),
);

loginRoutes.post('/console/password', requireLogin(), async (c) => {
  const body = await c.req.parseBody();
  const auth = c.get('auth');
  const again = (error: string) =>
    consolePage(c, {
      title: '修改密码',
      status: 400,
      children: <PasswordForm csrf={csrfToken(c)} forced={auth.mustChangePassword} error={error} />,
    });
  const newPassword = field(body, 'newPassword');
  if (newPassword !== field(body, 'confirmPassword')) return again('两次输入的新密码不一致');
  try {
    await changePassword(auth.actor, c.get('ctx'), {
      currentPassword: field(body, 'currentPassword'),
      newPassword,
      keepSessionTokenHash: auth.tokenHash,
    });
  } catch (e) {
    if (isDomainError(e, 'validation') || isDomainError(e, 'weakPassword')) return again(e.message);
    throw e;
  }
  return c.redirect('/console?changed=1', 303);
});
