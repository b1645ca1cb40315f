// User accounts: create, change, reset and change passwords, and the first administrator. Each function takes the
// acting user first and checks the policy on its first line.

import { changes } from '../audit/log.ts';
import type { Context } from '../context.ts';
import { errors, isDomainError } from '../errors.ts';
import { recordFailure, transaction } from '../storage/transaction.ts';
import { parseInput } from '../validation.ts';
import { authorize } from './authorize.ts';
import {
  type Actor,
  ROLE_LABELS,
  USER_FIELD_LABELS,
  type User,
  type UserInput,
  type UserPatch,
  userInput,
  userPatch,
  userSummary,
} from './model.ts';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { ACTION_LABELS, mayGrant } from './policy.ts';
import {
  countUsers,
  deleteUserSessions,
  findAgency,
  findUser,
  insertUser,
  listUserRows,
  publicUser,
  type UserRecord,
  updateUserRow,
} from './repository.ts';

export interface CreatedUser {
  user: User;
  /** Present when the system generated the password: show it once, it is not stored anywhere. */
  generatedPassword?: string;
}

const field = (name: string, problem: string) => errors.validation(name, USER_FIELD_LABELS[name] ?? name, problem);

function checkStrength(ctx: Context, name: string, password: string, username: string) {
  const problem = passwordProblem(password, ctx.security, username);
  if (problem) throw errors.weakPassword(name, USER_FIELD_LABELS[name] ?? name, problem);
}

/** A refusal beyond the policy table (role grants, self-lockout): recorded like any other. */
async function deny(actor: Actor, ctx: Context, action: string, id: number | null, label: string) {
  const error = errors.forbidden(label);
  await recordFailure(ctx, actor, { action, objectType: 'user', objectId: id }, error);
  return error;
}

async function loadUser(ctx: Context, id: number): Promise<UserRecord> {
  const user = await findUser(ctx.db.kysely, id);
  if (!user) throw errors.notFound('用户', id);
  return user;
}

export async function createUser(actor: Actor, ctx: Context, input: UserInput): Promise<CreatedUser> {
  await authorize(actor, ctx, 'user.create', typeof input.agencyId === 'number' ? input.agencyId : null, {
    type: 'user',
    id: null,
  });
  const fields = parseInput(userInput, input, USER_FIELD_LABELS);
  if (!mayGrant(actor.role, fields.role))
    throw await deny(actor, ctx, 'user.create', null, `授予“${ROLE_LABELS[fields.role]}”角色`);
  if (fields.role !== 'sysadmin' && fields.agencyId === null)
    throw field('agencyId', '除系统管理员外，用户必须属于某一机构');
  if (fields.agencyId !== null && !(await findAgency(ctx.db.kysely, fields.agencyId)))
    throw field('agencyId', `机构（${fields.agencyId}）不存在`);
  const generated = fields.password === undefined ? generatePassword() : undefined;
  const password = fields.password ?? (generated as string);
  checkStrength(ctx, 'password', password, fields.username);
  const passwordHash = await hashPassword(password, ctx.security);
  return transaction(ctx, actor, { action: 'user.create', objectType: 'user' }, async (tx) => {
    // Whoever sets a password for someone else knows it: the owner must replace it at first login (GB/T 22239).
    const row = await insertUser(tx.kysely, { ...fields, passwordHash, mustChangePassword: true }, tx.now);
    const user = publicUser(row);
    tx.note({ objectId: user.id, after: userSummary(user) });
    return generated === undefined ? { user } : { user, generatedPassword: generated };
  });
}

export async function updateUser(actor: Actor, ctx: Context, id: number, input: UserPatch): Promise<User> {
  const current = await loadUser(ctx, id);
  await authorize(actor, ctx, 'user.update', current.agencyId, { type: 'user', id });
  const patch = parseInput(userPatch, input, USER_FIELD_LABELS);
  if (!mayGrant(actor.role, current.role) || (patch.role && !mayGrant(actor.role, patch.role)))
    throw await deny(actor, ctx, 'user.update', id, ACTION_LABELS['user.update']);
  if (actor.id === id && (patch.active === false || (patch.role && patch.role !== current.role)))
    throw await deny(actor, ctx, 'user.update', id, '停用自己的账户或更改自己的角色');
  return transaction(ctx, actor, { action: 'user.update', objectType: 'user', objectId: id }, async (tx) => {
    const set: Parameters<typeof updateUserRow>[2] = {};
    if (patch.displayName !== undefined) set.display_name = patch.displayName;
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.active !== undefined) set.active = patch.active;
    const updated = publicUser(await updateUserRow(tx.kysely, id, set, tx.now));
    // A disabled account, or one whose powers changed, signs in again.
    if (patch.active === false || (patch.role !== undefined && patch.role !== current.role))
      await deleteUserSessions(tx.kysely, id);
    tx.note(changes(userSummary(publicUser(current)), userSummary(updated)));
    return updated;
  });
}

/** Admin reset: a new random password shown once, to be changed at next login; unlocks; ends all sessions. */
export async function resetPassword(actor: Actor, ctx: Context, id: number): Promise<string> {
  const current = await loadUser(ctx, id);
  await authorize(actor, ctx, 'user.resetPassword', current.agencyId, { type: 'user', id });
  if (!mayGrant(actor.role, current.role))
    throw await deny(actor, ctx, 'user.resetPassword', id, ACTION_LABELS['user.resetPassword']);
  const password = generatePassword();
  const passwordHash = await hashPassword(password, ctx.security);
  await transaction(ctx, actor, { action: 'user.resetPassword', objectType: 'user', objectId: id }, async (tx) => {
    await updateUserRow(
      tx.kysely,
      id,
      {
        password_hash: passwordHash,
        password_changed_at: tx.now,
        must_change_password: true,
        failed_attempts: 0,
        locked_until: null,
      },
      tx.now,
    );
    await deleteUserSessions(tx.kysely, id);
  });
  return password;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  /** The session making the change stays signed in; every other one ends. */
  keepSessionTokenHash?: string;
}

/** A user changes their own password (also how "must change" is cleared). */
export async function changePassword(actor: Actor, ctx: Context, change: PasswordChange): Promise<void> {
  if (actor.id === null) throw errors.notAuthenticated();
  const user = await loadUser(ctx, actor.id);
  const intent = { action: 'user.changePassword', objectType: 'user', objectId: user.id };
  checkStrength(ctx, 'newPassword', change.newPassword, user.username);
  if (!(await verifyPassword(user.passwordHash, change.currentPassword))) {
    const error = field('currentPassword', '不正确');
    await transaction(ctx, actor, intent, async (tx) => tx.note({ outcome: 'failure', detail: error.code }));
    throw error;
  }
  if (change.newPassword === change.currentPassword) throw field('newPassword', '不能与原密码相同');
  const passwordHash = await hashPassword(change.newPassword, ctx.security);
  await transaction(ctx, actor, intent, async (tx) => {
    await updateUserRow(
      tx.kysely,
      user.id,
      { password_hash: passwordHash, password_changed_at: tx.now, must_change_password: false },
      tx.now,
    );
    await deleteUserSessions(tx.kysely, user.id, change.keepSessionTokenHash);
  });
}

export async function getUser(actor: Actor, ctx: Context, id: number): Promise<User> {
  const user = await loadUser(ctx, id);
  if (actor.id !== id) await authorize(actor, ctx, 'user.view', user.agencyId, { type: 'user', id });
  return publicUser(user);
}

export async function listUsers(actor: Actor, ctx: Context, agencyId: number | null): Promise<User[]> {
  await authorize(actor, ctx, 'user.view', agencyId, { type: 'user', id: null });
  return (await listUserRows(ctx.db.kysely, agencyId)).map(publicUser);
}

export const FIRST_ADMIN_USERNAME = 'admin';
const SYSTEM_ACTOR: Actor = { id: null, name: '系统', role: 'sysadmin', agencyId: null, clientAddress: 'local' };

/**
 * On an empty database, create the system administrator with a random strong password and return it — the server
 * prints it once. There is no default password anywhere. Returns null when any user exists.
 */
export async function ensureFirstAdmin(ctx: Context): Promise<{ username: string; password: string } | null> {
  if ((await countUsers(ctx.db.kysely)) > 0) return null;
  const password = generatePassword();
  const passwordHash = await hashPassword(password, ctx.security);
  try {
    return await transaction(ctx, SYSTEM_ACTOR, { action: 'user.create', objectType: 'user' }, async (tx) => {
      // Two processes starting on an empty database: the second sees the first's user and stops here.
      if ((await countUsers(tx.kysely)) > 0) throw errors.conflict('系统管理员');
      const row = await insertUser(
        tx.kysely,
        {
          username: FIRST_ADMIN_USERNAME,
          displayName: '系统管理员',
          role: 'sysadmin',
          agencyId: null,
          passwordHash,
          mustChangePassword: true,
        },
        tx.now,
      );
      tx.note({ objectId: row.id, after: userSummary(publicUser(row)), detail: 'firstAdmin' });
      return { username: row.username, password };
    });
  } catch (e) {
    // On PostgreSQL both may pass the count; the unique username stops the second.
    if (isDomainError(e, 'conflict')) return null;
    throw e;
  }
}
