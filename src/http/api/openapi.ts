// GET /api/v1/openapi.json: an OpenAPI 3.1 document built from the operations each route file declares beside its
// routes, with the same zod schemas the routes parse (z.toJSONSchema). The report's schema is the file
// schema/annual-report.schema.json itself, as a component.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SCHEMA_PATH } from '../../report/schema.ts';
import { STATUS_TITLES } from '../status.ts';
import { annualReportOperations } from './annual-reports.ts';
import type { Operation } from './operation.ts';
import { COMPONENTS, reportShape } from './shapes.ts';

type Json = Record<string, unknown>;

const ERROR_TITLES: Record<number, string> = { ...STATUS_TITLES, 429: '请求过于频繁', 503: '系统繁忙，请稍后再试' };
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** The report stands for the annual report's own schema. */
function override(ctx: { zodSchema: unknown; jsonSchema: Json }) {
  if (ctx.zodSchema !== reportShape) return;
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  Object.assign(ctx.jsonSchema, ref('AnnualReport'));
}

function inline(schema: z.ZodType, labels: Record<string, string> = {}): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: override as never,
  }) as Json;
  labelProperties(rest, labels);
  return rest;
}

/** Give each input property without a description its Chinese name (in unions too). */
function labelProperties(schema: Json, labels: Record<string, string>) {
  const properties = schema.properties as Record<string, Json> | undefined;
  for (const [name, p] of Object.entries(properties ?? {}))
    if (!p.description && labels[name]) p.description = labels[name];
  for (const key of ['oneOf', 'anyOf'])
    for (const branch of (schema[key] as Json[] | undefined) ?? []) labelProperties(branch, labels);
}

function components() {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
    override: override as never,
  }) as { schemas: Record<string, Json> };
  const cleaned: Record<string, Json> = {};
  for (const [id, s] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = s;
    cleaned[id] = rest;
  }
  cleaned.AnnualReport = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  return cleaned;
}

function parameters(where: 'path' | 'query', schema: z.ZodObject | undefined, labels?: Record<string, string>) {
  if (!schema) return [];
  const json = inline(schema, labels) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function operation(op: Operation) {
  const idOf = new Map<unknown, string>(Object.entries(COMPONENTS).map(([id, s]) => [s, id]));
  const schemaOf = (s: z.ZodType) => {
    const id = idOf.get(s);
    return id ? ref(id) : inline(s, op.labels);
  };
  const content: Json = {};
  if (op.json) content['application/json'] = { schema: schemaOf(op.json) };
  if (op.multipart) content['multipart/form-data'] = { schema: schemaOf(op.multipart) };
  const responses: Json = {
    [String(op.status ?? 200)]: {
      description: '成功',
      content: { [op.produces ?? 'application/json']: { schema: schemaOf(op.response) } },
    },
  };
  for (const status of [...op.errors, 500]) {
    responses[String(status)] = {
      description: ERROR_TITLES[status] ?? '出错',
      content: { 'application/json': { schema: ref('Error') } },
    };
  }
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_m, ch: string) => ch.toUpperCase())}`,
    security: op.staff ? [op.method === 'get' ? { session: [] } : { session: [], csrf: [] }] : [],
    parameters: [...parameters('path', op.params, op.labels), ...parameters('query', op.query, op.labels)],
    ...(Object.keys(content).length > 0 ? { requestBody: { required: true, content } } : {}),
    responses,
  };
}

export function openApiDocument(listed: readonly Operation[]) {
  // The published annual reports (annual-reports.ts), unless the caller lists them already.
  const extra = annualReportOperations.filter((a) => !listed.some((o) => o.method === a.method && o.path === a.path));
  const operations = [...listed, ...extra];
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    const item = paths[op.path] ?? {};
    item[op.method] = operation(op);
    paths[op.path] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '政府信息公开 JSON API',
      version: '1',
      description:
        '公开部分（年报检查、网上申请、进度查询、信息处理费计算、节假日安排、期限计算）无需登录；工作人员部分使用工作平台的登录会话（Cookie），' +
        '提交类请求另需 X-CSRF-Token 请求头。出错时返回 { "error": { "code", "message", "field" } }。' +
        '申请人的证件号码、电话、地址只提供给办理该申请的机关的工作人员。',
    },
    servers: [{ url: '/api/v1' }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components(),
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'gk_session',
          description: '工作平台登录后的会话（HTTPS 下为 __Host-gk_session）',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: '与会话对应的防跨站请求令牌（工作平台页面表单中的 _csrf 值）',
        },
      },
    },
  };
}
