// Helpers for the API tests: JSON requests through the test client, with the session's CSRF header when asked.
import { sessionCsrfToken } from '../csrf.tsx';
import type { Client } from '../testing.ts';

export async function postJson(client: Client, path: string, body: unknown, options: { csrf?: boolean } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const session = client.cookies.get('gk_session');
  if (options.csrf && session) headers['x-csrf-token'] = sessionCsrfToken(session);
  return client.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** A parsed response body: the tests' assertions (and the shapes' schemas) check it field by field. */
// biome-ignore lint/suspicious/noExplicitAny: see above; typing every body would only repeat shapes.ts.
export type JsonBody = any;

/** Status and parsed JSON body of a response. */
export async function json(res: Response | Promise<Response>): Promise<{ status: number; body: JsonBody }> {
  const r = await res;
  expectJson(r);
  return { status: r.status, body: await r.json() };
}

function expectJson(r: Response) {
  const type = r.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) throw new Error(`expected JSON, got ${r.status} ${type}`);
}
