// The app's route table as an attacker sees it (issue 7 point 4), shared by the generated security tests: which
// routes are public, which are for staff, which name a record; URLs filled with one agency's real records; and a
// fingerprint of everything stored about that agency, to prove an attack changed nothing.
import { sql } from 'kysely';
import { expect } from 'vitest';
import { addCaseDocuments } from '../src/appeals/service.ts';
import { addDecisionAttachment } from '../src/attachments/service.ts';
import { addItemAttachment } from '../src/catalog/service.ts';
import type { Context } from '../src/context.ts';
import { type DemoCredential, seedDemo } from '../src/demo/seed.ts';
import { KINDS } from '../src/feedback/model.ts';
import { submitFeedback } from '../src/feedback/service.ts';
import { actorOf } from '../src/http/application-testing.ts';
import { Client, type testApp } from '../src/http/testing.ts';

export type Kind =
  /** Anyone, signed in or not. */
  | 'public'
  /** Staff only; the URL names no record (lists, forms, the user's own things). */
  | 'staff'
  /** Staff only; the URL names a record of an agency. */
  | 'record';

export const STAFF_API =
  /^\/api\/v1\/(applications\/(:id|staff|due-soon|overdue|pending-proposals)|letters|attachments|staff|calendar\/(import|days|:year\{[^}]*\}\/complete))/;
export const PUBLIC_CONSOLE = new Set(['GET /console/login', 'POST /console/login']);
/** Signing out or changing one's own password would end the test user's session: checked elsewhere. */
export const OWN_SESSION = new Set(['POST /console/logout', 'POST /console/password']);

/** Record pages every member of staff may open, by the policy table, and why. */
export const OPEN_TO_ALL_STAFF: Record<string, string> = {
  'GET /console/agencies/:id': 'an agency’s contact details are public anyway (条例第二十四条): agency.view is ANY',
};

/** A parameter's constraint, `{[0-9]{1,12}}`: braces nest one level. */
export const CONSTRAINT = /\{(?:[^{}]|\{[^}]*\})*\}/g;

export function kindOf(method: string, path: string): Kind {
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
export interface Victim {
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
export function urlFor(path: string, v: Victim): string {
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
      case 'n':
        return '1';
      case 'path':
        return 'requests.granted.total';
      case 'aid':
        return String(path.includes('/catalog/') ? v.catalogAttachmentId : v.attachmentId);
      case 'id':
        if (path.startsWith('/apply/attachments')) return String(v.attachmentId);
        if (path.startsWith('/apply/letters')) return String(v.letterId);
        if (path.startsWith('/guide/')) return String(v.agencyId);
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

export const one = async <T>(q: Promise<T[]>, what: string): Promise<T> => {
  const [row] = await q;
  if (!row) throw new Error(`access matrix: the demo has no ${what}`);
  return row;
};

export const PDF = new TextEncoder().encode(
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
export async function victimState(ctx: Context, agencyId: number): Promise<string> {
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

/** The demo district and the victim's records, once per database (the tests of a file share one per engine). */
const prepared = new WeakMap<object, Promise<{ credentials: DemoCredential[]; victim: Victim }>>();
export function demoWithVictim(ctx: Context) {
  let p = prepared.get(ctx.db);
  if (!p) {
    p = (async () => {
      const credentials = (await seedDemo(ctx, { catalog: true })) ?? [];
      return { credentials, victim: await prepareVictim(ctx) };
    })();
    prepared.set(ctx.db, p);
  }
  return p;
}

export async function signIn(app: ReturnType<typeof testApp>['app'], credentials: DemoCredential[], username: string) {
  const client = new Client(app);
  const res = await client.login(username, credentials.find((c) => c.username === username)?.password as string);
  expect(res.headers.get('location'), `${username} signs in`).toBe('/console');
  return client;
}
