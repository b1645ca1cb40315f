// The web application: createApp(ctx) for the server and for in-process tests (app.request()). Middleware order:
// request id → access log → security headers → client address → body limit → CSRF → routes.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { limitsOf } from '../attachments/service.ts';
import type { Context } from '../context.ts';
import { API_BASE, apiRoutes } from './api/routes.ts';
import { agencyRoutes } from './console/agencies.tsx';
import { appealRoutes } from './console/appeals.tsx';
import { APPEAL_UPLOAD_PATH, appealDetailRoutes } from './console/appeals-detail.tsx';
import { attachmentBodyBytes, attachmentRoutes, carriesAttachments } from './console/application-attachments.tsx';
import { applicationDetailRoutes } from './console/application-detail.tsx';
import { applicationRoutes } from './console/applications.tsx';
import { auditRoutes } from './console/audit.tsx';
import { calendarRoutes } from './console/calendar.tsx';
import { CATALOG_UPLOAD_PATH, consoleCatalogRoutes } from './console/catalog.tsx';
import { deadlineRoutes } from './console/deadlines.ts';
import { feedbackConsoleRoutes } from './console/feedback.tsx';
import { feedbackDeadlineRoutes } from './console/feedback-deadline.tsx';
import { feedbackDetailRoutes } from './console/feedback-detail.tsx';
import { figuresRoutes } from './console/figures.tsx';
import { homeRoutes } from './console/home.tsx';
import { loginRoutes } from './console/login.tsx';
import { noticeRoutes } from './console/notices.tsx';
import { redactionRoutes } from './console/redaction.tsx';
import { reportCellRoutes } from './console/report-cells.tsx';
import { reportImportRoutes } from './console/report-import.tsx';
import { reportOverviewRoutes } from './console/report-overview.tsx';
import { consoleReportRoutes } from './console/reports.tsx';
import { statisticsConsoleRoutes } from './console/statistics.tsx';
import { userRoutes } from './console/users.tsx';
import { csrfProtection } from './csrf.tsx';
import type { AppEnv, AppSettings } from './env.ts';
import { notFound, onError, tooLarge } from './errors.tsx';
import { healthRoutes } from './health.ts';
import { createLogger, type Logger } from './logger.ts';
import { accessLog, clientAddress, securityHeaders } from './middleware.ts';
import { annualReportPortalRoutes } from './portal/annual-reports.tsx';
import { applyRoutes, lookupLimit } from './portal/apply.tsx';
import { applicantAttachmentRoutes } from './portal/attachment-routes.tsx';
import { CHECK_LIMIT_BYTES, CHECK_PATH, checkRoutes } from './portal/check.tsx';
import { feedbackRoutes } from './portal/feedback.tsx';
import { applicantLetterRoutes } from './portal/letter-routes.tsx';
import { portalRoutes } from './portal/routes.tsx';
import { searchRoutes } from './portal/search.tsx';
import { seniorMode } from './portal/senior.ts';
import { statisticsRoutes } from './portal/statistics.tsx';
import { REPORT_IMPORT_PATH } from './report-links.ts';
import { staticRoutes } from './static.ts';

export interface AppOptions extends Partial<AppSettings> {
  logger?: Logger;
}

export function createApp(ctx: Context, options: AppOptions = {}): Hono<AppEnv> {
  const { logger = createLogger('silent'), ...rest } = options;
  const settings: AppSettings = {
    siteName: '政府信息公开',
    demo: false,
    secureCookies: false,
    trustProxy: false,
    bodyLimitBytes: 1024 * 1024,
    ...rest,
  };
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('ctx', ctx);
    c.set('settings', settings);
    c.set('logger', logger);
    await next();
  });
  // Accept a caller's id only when it looks like one (nginx's $request_id, a UUID), never arbitrary text in logs.
  app.use(requestId({ limitLength: 64, generator: () => crypto.randomUUID() }));
  app.use(accessLog());
  app.use(securityHeaders());
  app.use(clientAddress());
  // 适老化模式 and the page's address, for the portal frame (portal/senior.ts).
  app.use(seniorMode());
  // One budget of 查询号/查询码 tries per address, whether through the portal's pages or the API.
  const lookups = lookupLimit();
  // The JSON API answers its own body limit, CSRF check and errors, in JSON.
  app.route(API_BASE, apiRoutes(settings.bodyLimitBytes, lookups));
  // Uploaded reports (年报检查) may be larger than any form; everything else keeps the configured limit.
  const formLimit = bodyLimit({ maxSize: settings.bodyLimitBytes, onError: tooLarge });
  const uploadLimit = bodyLimit({ maxSize: Math.max(CHECK_LIMIT_BYTES, settings.bodyLimitBytes), onError: tooLarge });
  // The online form and a case's upload carry attachments (attachments/: 50 MB per application by default).
  const attachmentLimit = bodyLimit({ maxSize: attachmentBodyBytes(limitsOf(ctx)), onError: tooLarge });
  app.use((c, next) => {
    if (c.req.path === CHECK_PATH || c.req.path === REPORT_IMPORT_PATH) return uploadLimit(c, next);
    const files =
      carriesAttachments(c.req.path) || CATALOG_UPLOAD_PATH.test(c.req.path) || APPEAL_UPLOAD_PATH.test(c.req.path);
    return files ? attachmentLimit(c, next) : formLimit(c, next);
  });
  app.use(csrfProtection());
  app.route('/', healthRoutes);
  app.route('/', staticRoutes);
  app.route('/', checkRoutes);
  app.route('/', applyRoutes(lookups));
  app.route('/', feedbackRoutes(lookups));
  app.route('/', applicantAttachmentRoutes(lookups));
  app.route('/', applicantLetterRoutes(lookups));
  app.route('/', portalRoutes);
  app.route('/', searchRoutes);
  app.route('/', annualReportPortalRoutes);
  app.route('/', statisticsRoutes);
  app.route('/', loginRoutes);
  app.route('/', homeRoutes);
  app.route('/', noticeRoutes);
  app.route('/', auditRoutes);
  app.route('/', agencyRoutes);
  app.route('/', userRoutes);
  app.route('/', calendarRoutes);
  app.route('/', deadlineRoutes);
  app.route('/', feedbackConsoleRoutes);
  app.route('/', feedbackDetailRoutes);
  app.route('/', feedbackDeadlineRoutes);
  app.route('/', figuresRoutes);
  app.route('/', applicationRoutes);
  app.route('/', applicationDetailRoutes);
  app.route('/', attachmentRoutes);
  app.route('/', redactionRoutes);
  app.route('/', consoleCatalogRoutes);
  app.route('/', appealRoutes);
  app.route('/', appealDetailRoutes);
  app.route('/', reportOverviewRoutes);
  app.route('/', reportImportRoutes);
  app.route('/', consoleReportRoutes);
  app.route('/', reportCellRoutes);
  app.route('/', statisticsConsoleRoutes);
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
