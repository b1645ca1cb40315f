// Access across agencies, generated from the app's own route table (issue 7 point 4): every route the app
// registers is classified below — a new route that is not fails this test until someone decides who may use it.
// Then, on the demo district with its records: the anonymous visitor is turned away from every staff route, and
// staff of an unrelated agency, in every role, get 403/404 for every route that names a record of 示例区市场监督管理局
// and see none of its records in any list, and nothing of that agency changes whatever they post.
import { describe, expect, it } from 'vitest';
import { createUser } from '../src/agencies/accounts.ts';
import { cliActor, ROLES, type Role } from '../src/agencies/model.ts';
import { updateUserRow } from '../src/agencies/repository.ts';
import { Client, testApp } from '../src/http/testing.ts';
import { forEachEngine } from './engines.ts';
import {
  CONSTRAINT,
  demoWithVictim,
  kindOf,
  OPEN_TO_ALL_STAFF,
  OWN_SESSION,
  one,
  urlFor,
  type Victim,
  victimState,
} from './route-table.ts';

const PASSWORD = 'Access-Matrix-Passw0rd-7';

describe('access across agencies, from the route table', () => {
  forEachEngine((engine, getDb) => {
    it('turns away the anonymous and other agencies’ staff in every role, from every staff route', async () => {
      const { app, ctx } = testApp(getDb());
      const { credentials, victim } = await demoWithVictim(ctx);
      const routes = [
        ...new Map(app.routes.filter((r) => r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r])).values(),
      ];
      const staffRoutes = routes.filter(
        (r) => kindOf(r.method, r.path) !== 'public' && !OWN_SESSION.has(`${r.method} ${r.path}`),
      );
      expect(staffRoutes.length).toBeGreaterThan(100);
      const before = await victimState(ctx, victim.agencyId);
      const leaks: string[] = [];
      const leak = (who: string, method: string, url: string, what: string) =>
        leaks.push(`${who} ${method} ${url}: ${what}`);
      const bodyLeaks = (body: string) => victim.markers.filter((m) => body.includes(m));

      // The anonymous visitor: to the sign-in page (console) or 401 (API); never a record.
      const anonymous = new Client(app);
      const anonymousToken = await anonymous.csrf('/console/login');
      for (const r of staffRoutes) {
        const url = urlFor(r.path, victim);
        const api = url.startsWith('/api/');
        const res =
          r.method === 'GET'
            ? await anonymous.get(url)
            : api
              ? await anonymous.request(url, { method: 'POST', headers: { 'x-csrf-token': anonymousToken } })
              : await anonymous.post(url, { _csrf: anonymousToken });
        const body = await res.text();
        const turnedAway = api
          ? res.status === 401 || res.status === 403
          : (res.status === 302 || res.status === 303) &&
            (res.headers.get('location') ?? '').startsWith('/console/login');
        if (!turnedAway) leak('anonymous', r.method, url, `status ${res.status}`);
        for (const m of bodyLeaks(body)) leak('anonymous', r.method, url, `shows ${m}`);
      }

      // Staff of 示例区教育局 (a sibling agency) in every role an agency has, and the 办公室's administrator.
      const other = await one(
        ctx.db.kysely.selectFrom('agencies').select('id').where('name', '=', '示例区教育局').execute(),
        '教育局',
      );
      const attackers: { username: string; role: Role }[] = [{ username: 'bgs.admin', role: 'agencyAdmin' }];
      for (const role of ROLES.filter((r) => r !== 'sysadmin')) {
        const username = `edu.${role}`.toLowerCase();
        const { user } = await createUser(cliActor('test'), ctx, {
          username,
          displayName: `教育局${role}`,
          role,
          agencyId: Number(other.id),
          password: PASSWORD,
        });
        await updateUserRow(ctx.db.kysely, user.id, { must_change_password: false }, ctx.clock().toISOString());
        attackers.push({ username, role });
      }
      let checked = 0;
      let refusedOnInput = 0;
      for (const attacker of attackers) {
        const client = new Client(app);
        const demo = credentials.find((c) => c.username === attacker.username);
        const login = await client.login(attacker.username, demo?.password ?? PASSWORD);
        expect(login.headers.get('location'), `${attacker.username} signs in`).toBe('/console');
        const token = await client.csrf('/console');
        for (const r of staffRoutes) {
          const url = urlFor(r.path, victim);
          const api = url.startsWith('/api/');
          const form = { _csrf: token, agencyId: String(victim.agencyId), year: '2025' };
          const res =
            r.method === 'GET'
              ? await client.get(url)
              : api
                ? await client.request(url, {
                    method: 'POST',
                    headers: { 'x-csrf-token': token, 'content-type': 'application/json' },
                    body: JSON.stringify({ agencyId: victim.agencyId, year: 2025 }),
                  })
                : await client.post(url, form);
          const body = await res.text();
          checked++;
          const openToAll = `${r.method} ${r.path.replace(CONSTRAINT, '')}` in OPEN_TO_ALL_STAFF;
          if (kindOf(r.method, r.path) === 'record' && !openToAll && res.status !== 403 && res.status !== 404) {
            // The API checks a body's shape before it looks for the record: refused on input, as it is for a record
            // that does not exist — no answer tells whether the record exists (and nothing changes, checked below).
            const missing = await client.request(url.replace(/\/\d+(?=\/|$)/, '/999999'), {
              method: 'POST',
              headers: { 'x-csrf-token': token, 'content-type': 'application/json' },
              body: JSON.stringify({ agencyId: victim.agencyId, year: 2025 }),
            });
            if (api && r.method === 'POST' && res.status === 400 && missing.status === 400) refusedOnInput++;
            else leak(attacker.username, r.method, url, `status ${res.status} (expected 403 or 404)`);
          }
          for (const m of bodyLeaks(body)) leak(attacker.username, r.method, url, `shows ${m}`);
        }
      }
      console.log(
        `access matrix (${engine}): ${staffRoutes.length} staff routes × ${attackers.length + 1} users (anonymous, ${attackers
          .map((a) => a.role)
          .join(
            ', ',
          )}) = ${staffRoutes.length + checked} requests (${refusedOnInput} API posts refused on their body, as for a missing record), ${leaks.length} leaks`,
      );
      expect(leaks).toEqual([]);
      expect(await victimState(ctx, victim.agencyId)).toBe(before);
    }, 900_000);
  });

  it('classifies every route the app registers', async () => {
    // kindOf decides every path; a route that names a record must be fillable from the victim's records.
    const { createTestDatabase } = await import('./engines.ts');
    const t = await createTestDatabase('sqlite');
    try {
      const { app } = testApp(t.db);
      const dummy = Object.fromEntries(
        [
          'agencyId',
          'applicationId',
          'letterId',
          'attachmentId',
          'catalogItemId',
          'catalogAttachmentId',
          'appealId',
          'appealDocumentId',
          'feedbackId',
          'userId',
          'noticeId',
        ].map((k) => [k, 1]),
      ) as unknown as Victim;
      for (const r of app.routes.filter((x) => x.method !== 'ALL')) {
        if (kindOf(r.method, r.path) === 'record') expect(() => urlFor(r.path, dummy), r.path).not.toThrow();
      }
    } finally {
      await t.dispose();
    }
  });
});
