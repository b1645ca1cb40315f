// Login and sessions (GB/T 22239-2019 8.1.4.1 身份鉴别: 登录失败处理, 连接超时自动退出). Sessions live in the
// database so several server processes share them; only the SHA-256 of a token is stored, so a copy of the
// database does not let anyone sign in.
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { recordFailure, transaction } from '../storage/transaction.ts';
import { type Actor, type User, userActor } from './model.ts';
import { passwordExpired, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  findUser,
  findUserByUsername,
  insertSession,
  publicUser,
  touchSession,
  updateUserRow,
} from './repository.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 'YYYY-MM-DD HH:mm' in Beijing time (UTC+8, no daylight saving), for messages. */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const minutes = (n: number) => n * 60_000;

export interface LoginRequest {
  username: string;
  password: string;
  clientAddress?: string | null;
}

export interface LoginResult {
  /** Give to the client (cookie); never stored. */
  token: string;
  user: User;
  /** The only thing this session may do is change the password. */
  mustChangePassword: boolean;
}

const LOGIN = { action: 'session.login', objectType: 'user' } as const;

export async function login(ctx: Context, request: LoginRequest): Promise<LoginResult> {
  const now = ctx.clock();
  const clientAddress = request.clientAddress ?? null;
  const user = await findUserByUsername(ctx.db.kysely, request.username);
  if (!user) {
    await verifyAgainstDummy(request.password, ctx.security);
    const error = errors.invalidCredentials();
    const name = request.username.trim().slice(0, 64);
    await recordFailure(ctx, { id: null, name, clientAddress }, { ...LOGIN, objectId: null }, error);
    throw error;
  }
  const actor = userActor(publicUser(user), clientAddress);
  const intent = { ...LOGIN, objectId: user.id };
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
    const error = errors.accountLocked(beijingTime(user.lockedUntil));
    await recordFailure(ctx, actor, intent, error);
    throw error;
  }
  if (!(await verifyPassword(user.passwordHash, request.password))) {
    const locked = await transaction(ctx, actor, intent, async (tx) => {
      const row = await tx.kysely
        .updateTable('users')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('id', '=', user.id)
        .returning('failed_attempts')
        .executeTakeFirstOrThrow();
      // 登录失败处理: lock after N failures in a row, for the configured time.
      if (row.failed_attempts >= ctx.security.loginMaxFailures) {
        const until = new Date(now.getTime() + minutes(ctx.security.lockoutMinutes)).toISOString();
        await updateUserRow(tx.kysely, user.id, { failed_attempts: 0, locked_until: until }, tx.now);
        tx.note({ outcome: 'failure', detail: 'locked' });
        return until;
      }
      tx.note({ outcome: 'failure', detail: 'wrongPassword' });
      return null;
    });
    throw locked ? errors.accountLocked(beijingTime(locked)) : errors.invalidCredentials();
  }
  if (!user.active) {
    const error = errors.accountDisabled();
    await recordFailure(ctx, actor, intent, error);
    throw error;
  }
  const token = randomBytes(32).toString('base64url');
  const expired = passwordExpired(user.passwordChangedAt, now, ctx.security);
  const updated = await transaction(ctx, actor, intent, async (tx) => {
    const row = await updateUserRow(
      tx.kysely,
      user.id,
      {
        failed_attempts: 0,
        locked_until: null,
        last_login_at: tx.now,
        // 定期更换: once the password is too old the flag stays until it is changed.
        ...(expired ? { must_change_password: true } : {}),
      },
      tx.now,
    );
    await insertSession(tx.kysely, { tokenHash: hashToken(token), userId: user.id, now: tx.now, clientAddress });
    if (expired) tx.note({ detail: 'passwordExpired' });
    return publicUser(row);
  });
  return { token, user: updated, mustChangePassword: updated.mustChangePassword };
}

export interface Authenticated {
  user: User;
  actor: Actor;
  tokenHash: string;
  mustChangePassword: boolean;
}

/** Refresh the idle clock at most once a minute: fewer writes, same protection. */
const TOUCH_INTERVAL_MS = 60_000;

/** The user behind a session token, or notAuthenticated / sessionExpired. Ends sessions that are too old. */
export async function authenticate(
  ctx: Context,
  token: string,
  clientAddress: string | null = null,
): Promise<Authenticated> {
  const now = ctx.clock();
  const tokenHash = hashToken(token);
  const session = await findSession(ctx.db.kysely, tokenHash);
  if (!session) throw errors.notAuthenticated();
  const idle = now.getTime() - Date.parse(session.last_seen_at) >= minutes(ctx.security.sessionIdleMinutes);
  const tooOld = now.getTime() - Date.parse(session.created_at) >= minutes(ctx.security.sessionMaxHours * 60);
  if (idle || tooOld) {
    await deleteSession(ctx.db.kysely, tokenHash);
    throw errors.sessionExpired();
  }
  const user = await findUser(ctx.db.kysely, Number(session.user_id));
  if (!user?.active) {
    await deleteSession(ctx.db.kysely, tokenHash);
    throw errors.notAuthenticated();
  }
  if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_INTERVAL_MS)
    await touchSession(ctx.db.kysely, tokenHash, now.toISOString());
  const mustChangePassword = user.mustChangePassword || passwordExpired(user.passwordChangedAt, now, ctx.security);
  const pub = publicUser(user);
  return { user: pub, actor: userActor(pub, clientAddress ?? session.client_address), tokenHash, mustChangePassword };
}

/** For every route but "change password" and "log out": a session that must change its password may do nothing else. */
export function requireUsable(auth: Authenticated): Actor {
  if (auth.mustChangePassword) throw errors.passwordChangeRequired();
  return auth.actor;
}

export async function logout(ctx: Context, token: string, clientAddress: string | null = null): Promise<void> {
  const tokenHash = hashToken(token);
  const session = await findSession(ctx.db.kysely, tokenHash);
  if (!session) return;
  const user = await findUser(ctx.db.kysely, Number(session.user_id));
  const actor = { id: Number(session.user_id), name: user?.username ?? String(session.user_id), clientAddress };
  await transaction(ctx, actor, { action: 'session.logout', objectType: 'user', objectId: actor.id }, (tx) =>
    deleteSession(tx.kysely, tokenHash),
  );
}

/** Housekeeping for a periodic job: remove sessions past either limit. */
export async function purgeExpiredSessions(ctx: Context): Promise<number> {
  const now = ctx.clock().getTime();
  const idleBefore = new Date(now - minutes(ctx.security.sessionIdleMinutes)).toISOString();
  const createdBefore = new Date(now - minutes(ctx.security.sessionMaxHours * 60)).toISOString();
  return deleteExpiredSessions(ctx.db.kysely, idleBefore, createdBefore);
}
