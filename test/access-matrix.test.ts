// Access across agencies, generated from the app's own route table (issue 7 point 4): every route the app
// registers is classified below — a new route that is not fails this test until someone decides who may use it.
// Then, on the demo district with its records: the anonymous visitor is turned away from every staff route, and
// staff of an unrelated agency, in every role, get 403/404 for every route that names a record of 示例区市场监督管理局
// and see none of its records in any list, and nothing of that agency changes whatever they post.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createUser } from '../src/agencies/accounts.ts';
import { cliActor, ROLES, type Role } from '../src/agencies/model.ts';
import { updateUserRow } from '../src/agencies/repository.ts';
import { addCaseDocuments } from '../src/appeals/service.ts';
import { addDecisionAttachment } from '../src/attachments/service.ts';
import { addItemAttachment } from '../src/catalog/service.ts';
import type { Context } from '../src/context.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { KINDS } from '../src/feedback/model.ts';
import { submitFeedback } from '../src/feedback/service.ts';
import { actorOf } from '../src/http/application-testing.ts';
import { Client, testApp } from '../src/http/testing.ts';
import { forEachEngine } from './engines.ts';

type Kind =
  /** Anyone, signed in or not. */
  | 'public'
  /** Staff only; the URL names no record (lists, forms, the user's own things). */
  | 'staff'
  /** Staff only; the URL names a record of an agency. */
  | 'record';

const STAFF_API =
  /^\/api\/v1\/(applications\/(:id|staff|due-soon|overdue|pending-proposals)|letters|attachments|staff|calendar\/(import|days|:year\{[^}]*\}\/complete))/;
const PUBLIC_CONSOLE = new Set(['GET /console/login', 'POST /console/login']);
/** Signing out or changing one's own password would end the test user's session: checked elsewhere. */
const OWN_SESSION = new Set(['POST /console/logout', 'POST /console/password']);

/** Record pages every member of staff may open, by the policy table, and why. */
const OPEN_TO_ALL_STAFF: Record<string, string> = {
  'GET /console/agencies/:id': 'an agency’s contact details are public anyway (条例第二十四条): agency.view is ANY',
};

/** A parameter's constraint, `{[0-9]{1,12}}`: braces nest one level. */
const CONSTRAINT = /\{(?:[^{}]|\{[^}]*\})*\}/g;

function kindOf(method: string, path: string): Kind {
  const key = `${method} ${path}`;
  const staff =
    (path.startsWith('/console') && !PUBLIC_CONSOLE.has(key)) ||
    STAFF_API.test(path) ||
    key === 'GET /api/v1/applications';
  if (!staff) return 'public';
  const params = (path.replace(CONSTRAINT, '').match(/:\w+/g) ?? []).filter((p) => p !== ':format' && p !== ':file');
  // A year alone (the calendar) or a file name alone (the overview) names no agency's record.
  if (params.length === 0 || (params.length === 1 && params[0] === ':year')) return 'staff';
  return 'record';
}

/** Ids of the victim agency's records, one of each kind, and the strings that would betray them in a list. */
interface Victim {
  agencyId: number;
  applicationId: number;
  letterId: number;
  attachmentId: number;
  catalogItemId: number;
  catalogAttachmentId: number;
  appealId: number;
  appealDocumentId: number;
  feedbackId: number;
  userId: number;
  noticeId: number;
  markers: string[];
}

/** The URL for a route, its parameters filled with the victim's records. */
function urlFor(path: string, v: Victim): string {
  const value = (param: string): string => {
    switch (param) {
      case 'agencyId':
        return String(v.agencyId);
      case 'year':
        return path.startsWith('/console/calendar') ? '2026' : '2025';
      case 'lid':
        return String(v.letterId);
      case 'did':
      case 'documentId':
        return String(v.appealDocumentId);
      case 'format':
        return 'docx';
      case 'file':
        return path.includes('overview') ? 'summed.json' : 'report.json';
      case 'path':
        return 'requests.granted.total';
      case 'aid':
        return String(path.startsWith('/console/catalog') ? v.catalogAttachmentId : v.attachmentId);
      case 'id':
        if (/\/applications\//.test(path)) return String(v.applicationId);
        if (path.startsWith('/api/v1/letters')) return String(v.letterId);
        if (path.startsWith('/api/v1/attachments')) return String(v.attachmentId);
        if (/\/catalog\//.test(path)) return String(v.catalogItemId);
        if (/\/appeals\//.test(path)) return String(v.appealId);
        if (/\/feedback\//.test(path)) return String(v.feedbackId);
        if (path.startsWith('/console/agencies')) return String(v.agencyId);
        if (path.startsWith('/console/users')) return String(v.userId);
        if (path.startsWith('/console/notices')) return String(v.noticeId);
        throw new Error(`access matrix: no record for :id in ${path} — add it to urlFor`);
      default:
        throw new Error(`access matrix: unknown parameter :${param} in ${path} — add it to urlFor`);
    }
  };
  return path.replace(new RegExp(`:(\\w+)(?:${CONSTRAINT.source})?`, 'g'), (_, name: string) => value(name));
}

const one = async <T>(q: Promise<T[]>, what: string): Promise<T> => {
  const [row] = await q;
  if (!row) throw new Error(`access matrix: the demo has no ${what}`);
  return row;
};

const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function prepareVictim(ctx: Context): Promise<Victim> {
  const k = ctx.db.kysely;
  const agency = await one(
    k.selectFrom('agencies').select('id').where('name', '=', '示例区市场监督管理局').execute(),
    '市场监管局',
  );
  const agencyId = Number(agency.id);
  const letter = await one(
    k.selectFrom('letters').select(['id', 'application_id']).where('agency_id', '=', agencyId).execute(),
    'letter of 市场监管局',
  );
  const applicationId = Number(letter.application_id);
  const handler = await actorOf(ctx, 'scjg.handler');
  const publisher = await actorOf(ctx, 'scjg.publisher');
  const attachment = await addDecisionAttachment(
    handler,
    ctx,
    applicationId,
    { name: '答复附件.pdf', data: PDF },
    'staff',
  );
  const item = await one(
    k.selectFrom('catalog_items').select('id').where('agency_id', '=', agencyId).orderBy('id').execute(),
    'catalogue item of 市场监管局',
  );
  const catalogAttachment = await addItemAttachment(publisher, ctx, Number(item.id), { name: '附件.pdf', data: PDF });
  const appeal = await one(
    k.selectFrom('appeal_cases').select('id').where('agency_id', '=', agencyId).orderBy('id').execute(),
    'appeal of 市场监管局',
  );
  const [document] = await addCaseDocuments(handler, ctx, Number(appeal.id), [{ name: '复议决定书.pdf', data: PDF }]);
  const received = await submitFeedback(ctx, {
    agencyId,
    kind: KINDS[0],
    name: '访问测试',
    subject: '访问控制测试留言',
    content: '此留言用于检查其他机关的工作人员看不到它。',
  });
  const feedback = await one(
    k.selectFrom('feedback_messages').select('id').where('message_no', '=', received.messageNo).execute(),
    'the feedback just sent',
  );
  const user = await one(
    k.selectFrom('users').select('id').where('agency_id', '=', agencyId).orderBy('id').execute(),
    'user of 市场监管局',
  );
  const notice = await one(
    k
      .selectFrom('notices')
      .innerJoin('users', 'users.id', 'notices.user_id')
      .select('notices.id')
      .where('users.agency_id', '=', agencyId)
      .execute(),
    'notice of a 市场监管局 user',
  );
  const apps = await k.selectFrom('applications').select('tracking_no').where('agency_id', '=', agencyId).execute();
  const appeals = await k.selectFrom('appeal_cases').selectAll().where('agency_id', '=', agencyId).execute();
  const markers = [
    ...apps.map((a) => a.tracking_no),
    ...appeals.map((a) => String((a as Record<string, unknown>).case_no ?? '')).filter((s) => s.length > 4),
    '访问控制测试留言',
    received.messageNo,
  ];
  return {
    agencyId,
    applicationId,
    letterId: Number(letter.id),
    attachmentId: attachment.id,
    catalogItemId: Number(item.id),
    catalogAttachmentId: catalogAttachment.id,
    appealId: Number(appeal.id),
    appealDocumentId: Number(document?.id),
    feedbackId: Number(feedback.id),
    userId: Number(user.id),
    noticeId: Number(notice.id),
    markers,
  };
}

/** Everything stored about the victim agency, as one string: it must be the same before and after the attack. */
async function victimState(ctx: Context, agencyId: number): Promise<string> {
  const k = ctx.db.kysely;
  const parts: unknown[] = [];
  for (const table of [
    'agencies',
    'users',
    'applications',
    'letters',
    'attachments',
    'catalog_items',
    'appeal_cases',
    'feedback_messages',
    'annual_reports',
    'yearly_figures',
    'reply_proposals',
  ] as const) {
    const column = table === 'agencies' ? 'id' : 'agency_id';
    const rows =
      await sql`select * from ${sql.table(table)} where ${sql.ref(column)} = ${agencyId} order by 1, 2`.execute(k);
    parts.push(table, rows.rows);
  }
  const children = [
    ['application_events', 'application_id', 'applications'],
    ['catalog_revisions', 'item_id', 'catalog_items'],
    ['appeal_documents', 'case_id', 'appeal_cases'],
  ] as const;
  for (const [table, fk, parent] of children) {
    const rows =
      await sql`select c.id from ${sql.table(table)} c join ${sql.table(parent)} p on p.id = c.${sql.ref(fk)} where p.agency_id = ${agencyId} order by c.id`.execute(
        k,
      );
    parts.push(table, rows.rows);
  }
  return JSON.stringify(parts, (_, value) =>
    value instanceof Uint8Array || Buffer.isBuffer(value) ? value.length : value,
  );
}

const PASSWORD = 'Access-Matrix-Passw0rd-7';

describe('access across agencies, from the route table', () => {
  forEachEngine((engine, getDb) => {
    it('turns away the anonymous and other agencies’ staff in every role, from every staff route', async () => {
      const { app, ctx } = testApp(getDb());
      const credentials = (await seedDemo(ctx, { catalog: true })) ?? [];
      const victim = await prepareVictim(ctx);
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
