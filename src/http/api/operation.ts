// What the OpenAPI document says about one route, declared beside the route from the same zod schemas it parses.
import type { z } from 'zod';

export interface Operation {
  method: 'get' | 'post';
  /** Under /api/v1, in OpenAPI form: /applications/{id}. */
  path: string;
  summary: string;
  /** Rules the schema cannot say (conditional requirements). */
  description?: string;
  tag:
    | '年报检查'
    | '依申请公开（公众）'
    | '依申请公开（工作人员）'
    | '主动公开（公众）'
    | '主动公开（工作人员）'
    | '公众留言（公众）'
    | '公众留言（工作人员）'
    | '复议诉讼（工作人员）'
    | '期限与收费'
    | '接口说明';
  /** Needs the staff session cookie (and, for POST, the X-CSRF-Token header). */
  staff: boolean;
  /** Chinese names of the input fields (those error messages use), shown as descriptions. */
  labels?: Record<string, string>;
  params?: z.ZodObject;
  query?: z.ZodObject;
  json?: z.ZodType;
  multipart?: z.ZodType;
  /** The success body: a zod schema, or a reference to a component (the annual report). */
  response: z.ZodType;
  status?: 200 | 201;
  /** The success body's media type when it is a file (DOCX, PDF, an attachment); default application/json. */
  produces?: string;
  /** Statuses of `{ error }` bodies this route may answer with, besides 500. */
  errors: number[];
}
