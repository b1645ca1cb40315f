// The API's one error edge: every failure is `{ "error": { "code", "message", "field"? } }` with the status from
// status.ts (domain errors) or an HTTP-level code this edge owns (tooLarge, rateLimited, busy, internal).
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { errors, isDomainError } from '../../errors.ts';
import { parseInput } from '../../validation.ts';
import type { AppEnv } from '../env.ts';
import { limitKey, type RateLimit } from '../rate-limit.ts';
import { STATUS } from '../status.ts';

type C = Context<AppEnv>;

export function apiError(c: C, status: ContentfulStatusCode, code: string, message: string, field?: string) {
  return c.json({ error: field ? { code, message, field } : { code, message } }, status);
}

export const onApiError: ErrorHandler<AppEnv> = (err, c) => {
  if (isDomainError(err)) return apiError(c, STATUS[err.code], err.code, err.message, err.field);
  c.get('logger')?.error({ reqId: c.get('requestId'), err }, 'unhandled error');
  return apiError(c, 500, 'internal', `系统暂时无法处理您的请求，请稍后再试（请求编号：${c.get('requestId')}）`);
};

export const apiNotFound: NotFoundHandler<AppEnv> = (c) =>
  apiError(c, 404, 'notFound', '接口不存在，请查阅 /api/v1/openapi.json');

export const apiTooLarge = (limit: number) => (c: C) =>
  apiError(c, 413, 'tooLarge', `提交的内容超过了上限（${Math.round(limit / 1024)} KB）`);

/** Parse input with its schema; a failure is a validation error naming the field in Chinese. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, labels: Record<string, string>): z.output<S> {
  return parseInput(schema, input, labels);
}

/** The JSON body (an object), or a validation error saying what was wrong with it. */
export async function jsonBody(c: C): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
    throw errors.validation('body', '请求体', '应为 JSON（Content-Type: application/json）');
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw errors.validation('body', '请求体', '不是有效的 JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw errors.validation('body', '请求体', '应为 JSON 对象');
  return value as Record<string, unknown>;
}

/** A 429 (with Retry-After) when the client's address has used up `limit`; null when it may go on. */
export function limited(c: C, limit: RateLimit, what: string) {
  const now = c.get('ctx').clock().getTime();
  const verdict = limit.check(limitKey(c.get('clientAddress')), now);
  if (verdict.allowed) return null;
  const seconds = Math.max(60, Math.ceil((verdict.retryAt - now) / 1000));
  c.header('Retry-After', String(seconds));
  return apiError(c, 429, 'rateLimited', `从您的网络地址${what}的次数较多，请约${Math.ceil(seconds / 60)}分钟后再试`);
}

/** Count one action of the client's address in `limit`. */
export const hit = (c: C, limit: RateLimit) =>
  limit.hit(limitKey(c.get('clientAddress')), c.get('ctx').clock().getTime());
