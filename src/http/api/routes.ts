// The JSON API under /api/v1: the public part (report check, online application, status lookup, fees, calendar,
// deadline) and the staff part (session cookie). Mounted before the pages' body limit and CSRF check: the API
// answers both itself, in JSON.

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { limitsOf } from '../../attachments/service.ts';
import { attachmentBodyBytes } from '../console/application-attachments.tsx';
import type { AppEnv } from '../env.ts';
import type { RateLimit } from '../rate-limit.ts';
import { annualReportApiRoutes } from './annual-reports.ts';
import { APPEAL_API_UPLOAD_PATH, appealOperations, staffAppealRoutes } from './appeals.ts';
import { staffOnly } from './auth.ts';
import { calendarAdminOperations, calendarAdminRoutes } from './calendar-admin.ts';
import { feedbackOperations, publicFeedbackRoutes, staffFeedbackRoutes } from './feedback.ts';
import { openApiDocument } from './openapi.ts';
import type { Operation } from './operation.ts';
import { publicApplicationOperations, publicApplicationRoutes } from './public-applications.ts';
import { publicSearchOperations, publicSearchRoutes } from './public-search.ts';
import { publicToolOperations, publicToolRoutes } from './public-tools.ts';
import { REPORT_CHECK_PATH, reportOperations, reportRoutes } from './reports.ts';
import { apiNotFound, apiTooLarge, onApiError } from './respond.ts';
import { staffActionOperations, staffActionRoutes } from './staff-actions.ts';
import { staffApplicationOperations, staffApplicationRoutes } from './staff-applications.ts';
import { CATALOG_API_UPLOAD_PATH, staffCatalogOperations, staffCatalogRoutes } from './staff-catalog.ts';
import { staffLetterOperations, staffLetterRoutes } from './staff-letters.ts';
import { staffReviewOperations, staffReviewRoutes } from './staff-review.ts';
import { DECISION_UPLOAD_PATH, staffWorkOperations, staffWorkRoutes } from './staff-work.ts';

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
  ...staffWorkOperations,
  ...staffCatalogOperations,
  ...feedbackOperations,
  ...appealOperations,
  ...publicSearchOperations,
  ...publicToolOperations,
  ...calendarAdminOperations,
  openApiOperation,
];

export function apiRoutes(formLimitBytes: number, lookups?: RateLimit): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const formLimit = bodyLimit({ maxSize: formLimitBytes, onError: apiTooLarge(formLimitBytes) });
  const uploadLimit = bodyLimit({ maxSize: UPLOAD_LIMIT_BYTES, onError: apiTooLarge(UPLOAD_LIMIT_BYTES) });
  api.use((c, next) => {
    if (c.req.path === API_BASE + REPORT_CHECK_PATH) return uploadLimit(c, next);
    // A decision attachment: the attachment limits of the context (one file, plus room for the form's fields).
    if (
      DECISION_UPLOAD_PATH.test(c.req.path) ||
      CATALOG_API_UPLOAD_PATH.test(c.req.path) ||
      APPEAL_API_UPLOAD_PATH.test(c.req.path)
    ) {
      const maxSize = attachmentBodyBytes(limitsOf(c.get('ctx')));
      return bodyLimit({ maxSize, onError: apiTooLarge(maxSize) })(c, next);
    }
    return formLimit(c, next);
  });
  const document = openApiDocument(OPERATIONS);
  api.get('/openapi.json', (c) => c.json(document));
  api.route('/', reportRoutes);
  api.route('/', annualReportApiRoutes);
  api.route('/', publicApplicationRoutes(lookups));
  api.route('/', publicFeedbackRoutes(lookups));
  api.route('/', publicSearchRoutes);
  api.route('/', publicToolRoutes);
  const staff = new Hono<AppEnv>();
  const staffPaths = ['/applications', '/applications/*', '/letters/*', '/attachments/*', '/calendar/import'];
  for (const path of [...staffPaths, '/calendar/days', '/calendar/:year/complete']) staff.use(path, staffOnly());
  staff.route('/', staffApplicationRoutes);
  staff.route('/', staffActionRoutes);
  staff.route('/', staffReviewRoutes);
  staff.route('/', staffLetterRoutes);
  staff.route('/', staffWorkRoutes);
  staff.use('/staff/*', staffOnly());
  staff.route('/', staffCatalogRoutes);
  staff.route('/', staffFeedbackRoutes); // under /staff/: the staffOnly() check above
  staff.route('/', staffAppealRoutes); // under /staff/ too
  staff.route('/', calendarAdminRoutes);
  api.route('/', staff);
  api.all('*', apiNotFound);
  api.onError(onApiError);
  return api;
}
