// Send a hono/jsx page as a complete HTML document.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export async function html(c: Context, node: unknown, status: ContentfulStatusCode = 200): Promise<Response> {
  const body = await (node as Promise<string> | string);
  return c.html(`<!DOCTYPE html>${body}`, status);
}
