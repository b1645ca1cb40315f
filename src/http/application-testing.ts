// Helpers for the 依申请公开 console tests: signed-in clients, a fresh handler of an agency, and posting one of a
// case page's forms with its CSRF token.
import { expect } from 'vitest';
import { createUser } from '../agencies/accounts.ts';
import { cliActor, userActor } from '../agencies/model.ts';
import { findUserByUsername, publicUser, updateUserRow } from '../agencies/repository.ts';
import { setReplyReview } from '../applications/review.ts';
import type { Context } from '../context.ts';
import { Client, demoUsers, passwordOf, type testApp } from './testing.ts';

export type App = ReturnType<typeof testApp>['app'];
export const PASSWORD = 'Handler-Passw0rd-9';

export async function signedIn(app: App, ctx: Context, username: string, password?: string) {
  const client = new Client(app);
  const res = await client.login(username, password ?? (await passwordOf(ctx, username)));
  expect(res.headers.get('location')).toBe('/console');
  return client;
}

/** A handler of the agency, signed in (a test user, so the shared demo handler's cases do not mix in). */
export async function newHandler(app: App, ctx: Context, username: string, agencyId: number) {
  await demoUsers(ctx);
  const { user } = await createUser(cliActor('test'), ctx, {
    username,
    displayName: `${username}名`,
    role: 'handler',
    agencyId,
    password: PASSWORD,
  });
  await updateUserRow(ctx.db.kysely, user.id, { must_change_password: false }, ctx.clock().toISOString());
  return { user, client: await signedIn(app, ctx, username, PASSWORD) };
}

export async function actorOf(ctx: Context, username: string) {
  await demoUsers(ctx);
  const record = await findUserByUsername(ctx.db.kysely, username);
  if (!record) throw new Error(`no user ${username}`);
  return userActor(publicUser(record));
}

/** Post one of the detail page's forms with the page's CSRF token. */
export async function act(client: Client, id: number, path: string, form: Record<string, string>) {
  const token = await client.csrf(`/console/applications/${id}`);
  return client.post(`/console/applications/${id}/${path}`, { _csrf: token, ...form });
}

/** Let the agency's handlers decide directly (no review before the reply), as the tests of the clock do. */
export function withoutReview(ctx: Context, agencyId: number) {
  return setReplyReview(cliActor('test'), ctx, agencyId, false);
}
