// Signed-in clients for the catalogue's HTTP tests (console pages and staff API alike): a user of a role in an
// agency, past the first-login password change, and the usual cast of one hierarchy.
import { updateUserRow } from '../src/agencies/repository.ts';
import { Client, type TestApp } from '../src/http/testing.ts';
import type { Workflow } from './catalog.ts';
import { buildHierarchy, buildUser } from './platform.ts';

/** A new user of `role` in `agency`, signed in (the login must land on the console). */
export async function signInAs(t: TestApp, role: Parameters<typeof buildUser>[1], agency: number) {
  const u = await buildUser(t.ctx, role, agency);
  await updateUserRow(t.ctx.db.kysely, u.user.id, { must_change_password: false }, t.ctx.clock().toISOString());
  const client = new Client(t.app);
  const res = await client.login(u.user.username, u.password);
  const location = res.headers.get('location');
  if (location !== '/console') throw new Error(`login of ${u.user.username} went to ${location}, not /console`);
  return { client, actor: u.actor };
}

/**
 * A hierarchy and its catalogue staff, signed in: a 发布员 and a 审核人 of the department (`who` is their actors for
 * the service builders), another agency's 发布员 and the department's 承办人.
 */
export async function catalogStaff(t: TestApp) {
  const tree = await buildHierarchy(t.ctx);
  const agencyId = tree.department.id;
  const p = await signInAs(t, 'publisher', agencyId);
  const r = await signInAs(t, 'reviewer', agencyId);
  const who: Workflow = { publisher: p.actor, reviewer: r.actor };
  const outsider = (await signInAs(t, 'publisher', tree.other.id)).client;
  const handler = (await signInAs(t, 'handler', agencyId)).client;
  return { tree, agencyId, who, publisher: p.client, reviewer: r.client, outsider, handler };
}
