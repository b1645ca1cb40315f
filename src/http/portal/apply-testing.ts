// Helpers of the portal application tests (apply.test.ts, apply-status.test.ts): the form as a browser posts it,
// sent after a person's pause, and the codes read off the receipt.
import { listAgencyRows } from '../../agencies/repository.ts';
import type { OnlineInput } from '../../applications/schema.ts';
import type { Database } from '../../storage/db.ts';
import { type Client, demoUsers, type TestApp, testApp } from '../testing.ts';

const FIELDS = ['agencyId', 'applicantName', 'idType', 'idNumber', 'creditCode', 'contactPerson', 'phone', 'email'];
const MORE = ['address', 'postcode', 'description', 'documentRef', 'homepage'];

/** The posted strings of an input as a browser sends them: every text field, blank when not filled in. */
export function formOf(input: OnlineInput): Record<string, string> {
  const form: Record<string, string> = { declaration: '1' };
  for (const name of [...FIELDS, ...MORE]) form[name] = '';
  for (const [k, v] of Object.entries(input)) if (v !== null && v !== undefined) form[k] = String(v);
  return form;
}

export const hidden = (page: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';

/** The demo district in the database (once per database); the id of its 市场监督管理局. */
export async function demoAgencyId(db: Database): Promise<number> {
  const { ctx } = testApp(db);
  await demoUsers(ctx);
  const agency = (await listAgencyRows(ctx.db.kysely)).find((a) => a.name === '示例区市场监督管理局');
  return agency?.id as number;
}

export async function countApplications(db: Database): Promise<number> {
  const row = await db.kysely
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Open the form, wait like a person (the test clock), send it; the response to the POST. */
export async function applyOnline(
  t: TestApp,
  client: Client,
  form: Record<string, string>,
  waitMinutes = 1,
  headers: Record<string, string> = {},
) {
  await client.get('/apply', headers);
  const page = client.lastHtml;
  t.advance(waitMinutes);
  return client.post('/apply', { _csrf: hidden(page, '_csrf'), stamp: hidden(page, 'stamp'), ...form }, headers);
}

/** The 查询号 and the 查询码 (spaces of its grouping removed) of a receipt page. */
export function codesOf(page: string) {
  const [trackingNo, queryCode] = [...page.matchAll(/<dd><code>([^<]+)<\/code><\/dd>/g)].map((m) => m[1]);
  return { trackingNo: trackingNo as string, queryCode: (queryCode as string).replaceAll(' ', '') };
}
