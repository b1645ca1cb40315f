// The JSON API under /api/v1: the public part (report check, online application, status lookup, fees, calendar,
// deadline) and the staff part (session cookie). Mounted before the pages' body limit and CSRF check: the API
// answers both itself, in JSON.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppEnv } from '../env.ts';
import type { RateLimit } from '../rate-limit.ts';
import { staffOnly } from './auth.ts';
import { calendarAdminOperations, calendarAdminRoutes } from './calendar-admin.ts';
import { openApiDocument } from './openapi.ts';
import type { Operation } from './operation.ts';
import { publicApplicationOperations, publicApplicationRoutes } from './public-applications.ts';
import { publicToolOperations, publicToolRoutes } from './public-tools.ts';
import { REPORT_CHECK_PATH, reportOperations, reportRoutes } from './reports.ts';
import { apiNotFound, apiTooLarge, onApiError } from './respond.ts';
import { staffActionOperations, staffActionRoutes } from './staff-actions.ts';
import { staffApplicationOperations, staffApplicationRoutes } from './staff-applications.ts';
import { staffLetterOperations, staffLetterRoutes } from './staff-letters.ts';
import { staffReviewOperations, staffReviewRoutes } from './staff-review.ts';

export const API_BASE = '/api/v1';
/** A report is a few hundred KB; a PDF with pictures a few MB. */
const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

const openApiOperation: Operation = {
  method: 'get',
  path: '/openapi.json',
  summary: '本接口说明（OpenAPI 3.1）',
  tag: '接口说明',
  staff: false,
  response: z.object({ openapi: z.string() }).loose(),
  errors: [],
};

export const OPERATIONS: readonly Operation[] = [
  ...reportOperations,
  ...publicApplicationOperations,
  ...staffApplicationOperations,
  ...staffActionOperations,
  ...staffReviewOperations,
  ...staffLetterOperations,
  ...publicToolOperations,
  ...calendarAdminOperations,
  openApiOperation,
];

export function apiRoutes(formLimitBytes: number, lookups?: RateLimit): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const formLimit = bodyLimit({ maxSize: formLimitBytes, onError: apiTooLarge(formLimitBytes) });
  const uploadLimit = bodyLimit({ maxSize: UPLOAD_LIMIT_BYTES, onError: apiTooLarge(UPLOAD_LIMIT_BYTES) });
  api.use((c, next) => (c.req.path === API_BASE + REPORT_CHECK_PATH ? uploadLimit(c, next) : formLimit(c, next)));
  const document = openApiDocument(OPERATIONS);
  api.get('/openapi.json', (c) => c.json(document));
  api.route('/', reportRoutes);
  api.route('/', publicApplicationRoutes(lookups));
  api.route('/', publicToolRoutes);
  const staff = new Hono<AppEnv>();
  for (const path of ['/applications', '/applications/*', '/letters/*', '/attachments/*', '/calendar/import'])
    staff.use(path, staffOnly());
  staff.route('/', staffApplicationRoutes);
  staff.route('/', staffActionRoutes);
  staff.route('/', staffReviewRoutes);
  staff.route('/', staffLetterRoutes);
  staff.route('/', calendarAdminRoutes);
  api.route('/', staff);
  api.all('*', apiNotFound);
  api.onError(onApiError);
  return api;
}
