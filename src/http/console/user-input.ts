// The user forms' input: posted strings → the service's input (agencies/model.ts userInput / userPatch check it,
// validation.ts names the failing field). No password field: the system generates one and shows it once.
import { ROLE_LABELS, type User, type UserInput, type UserPatch } from '../../agencies/model.ts';
import { beijingTime } from '../../agencies/sessions.ts';
import { idOrText, type Values } from './form.tsx';

export function userInputFrom(values: Values): UserInput {
  const input = {
    username: values.username ?? '',
    displayName: values.displayName ?? '',
    role: values.role ? values.role : undefined,
    agencyId: idOrText(values.agencyId),
  };
  // The schema decides what is valid; the cast only says which shape we mean.
  return input as UserInput;
}

/** Only the fields the form offered: a field left out is not changed. */
export function userPatchFrom(values: Values): UserPatch {
  const patch: Record<string, unknown> = {};
  if ('displayName' in values) patch.displayName = values.displayName;
  if ('role' in values) patch.role = values.role;
  if ('active' in values)
    patch.active = values.active === 'true' ? true : values.active === 'false' ? false : values.active;
  return patch as UserPatch;
}

export function userValues(u: User): Values {
  return { displayName: u.displayName, role: u.role, active: String(u.active) };
}

/** The account's state as a clerk reads it; several may hold at once. */
export function userStatus(u: User, now: Date): string {
  const states: string[] = [];
  if (!u.active) states.push('已停用');
  if (u.lockedUntil && Date.parse(u.lockedUntil) > now.getTime()) states.push(`锁定至 ${beijingTime(u.lockedUntil)}`);
  if (u.mustChangePassword) states.push('须修改密码');
  return states.length > 0 ? states.join('；') : '正常';
}

export const roleOptions = (roles: readonly User['role'][]): [string, string][] =>
  roles.map((r) => [r, ROLE_LABELS[r]]);
