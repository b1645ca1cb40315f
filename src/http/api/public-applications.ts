// 依申请公开 for the public, no login: submit an application (the portal form's validation: the service parses
// onlineInput) and look one up with its 查询号 and 查询码. Codes travel only in bodies, never in a URL, so the
// access log (path only) never holds one. Both are rate-limited per client address (rate-limit.ts). The receipt as
// a DOCX or PDF file (letters/applicant-receipt.ts) is a lookup too: same codes, same budget of tries.
import { Hono } from 'hono';
import { z } from 'zod';
import { statusForApplicant } from '../../applications/queries.ts';
import { APPLICATION_FIELD_LABELS, onlineInput } from '../../applications/schema.ts';
import { submitOnline } from '../../applications/service.ts';
import { applicantPdfAvailable } from '../../letters/applicant.ts';
import { receiptFileForApplicant } from '../../letters/applicant-receipt.ts';
import { contentDisposition } from '../console/application-detail.tsx';
import type { AppEnv } from '../env.ts';
import { type RateLimit, rateLimit } from '../rate-limit.ts';
import type { Operation } from './operation.ts';
import { apiError, hit, jsonBody, limited, parse } from './respond.ts';
import { applicantStatus, submitted } from './shapes.ts';
import { binary } from './shapes-work.ts';
import { PDF_NEEDS_CHROMIUM } from './staff-letters.ts';

/** The portal's limits: 5 submissions an hour, 10 lookups in 10 minutes per address. */
export const SUBMIT_LIMIT = { max: 5, windowMs: 3_600_000 };
export const LOOKUP_LIMIT = { max: 10, windowMs: 600_000 };

export const submitBody = onlineInput;

const LOOKUP_LABELS: Record<string, string> = { trackingNo: '查询号', queryCode: '查询码' };
export const statusBody = z.object({
  trackingNo: z.string().trim().min(1, '不能为空').max(40, '不得超过40个字符'),
  queryCode: z.string().trim().min(1, '不能为空').max(40, '不得超过40个字符'),
});

/**
 * Fresh routes with their own counts (one per app, so tests do not share them). `lookups` is the app's budget of
 * 查询号/查询码 tries, shared with the portal's status page and downloads.
 */
export function publicApplicationRoutes(lookups: RateLimit = rateLimit(LOOKUP_LIMIT.max, LOOKUP_LIMIT.windowMs)) {
  const submits = rateLimit(SUBMIT_LIMIT.max, SUBMIT_LIMIT.windowMs);
  const routes = new Hono<AppEnv>();

  routes.post('/applications', async (c) => {
    const tooMany = limited(c, submits, '提交申请');
    if (tooMany) return tooMany;
    const input = parse(submitBody, await jsonBody(c), APPLICATION_FIELD_LABELS);
    const { trackingNo, queryCode } = await submitOnline(c.get('ctx'), input, c.get('clientAddress'));
    hit(c, submits);
    return c.json({ trackingNo, queryCode }, 201);
  });

  routes.post('/applications/status', async (c) => {
    const tooMany = limited(c, lookups, '查询');
    if (tooMany) return tooMany;
    hit(c, lookups);
    const { trackingNo, queryCode } = parse(statusBody, await jsonBody(c), LOOKUP_LABELS);
    return c.json(await statusForApplicant(c.get('ctx'), trackingNo, queryCode, c.get('clientAddress')));
  });

  for (const format of ['docx', 'pdf'] as const) {
    routes.post(`/applications/receipt/${format}`, async (c) => {
      const tooMany = limited(c, lookups, '查询');
      if (tooMany) return tooMany;
      hit(c, lookups);
      const { trackingNo, queryCode } = parse(statusBody, await jsonBody(c), LOOKUP_LABELS);
      const [ctx, client] = [c.get('ctx'), c.get('clientAddress')];
      if (format === 'pdf' && !applicantPdfAvailable()) {
        // The codes first: without them nobody learns even that PDF is unavailable.
        await receiptFileForApplicant(ctx, trackingNo, queryCode, 'docx', client);
        return apiError(c, 503, 'pdfUnavailable', PDF_NEEDS_CHROMIUM);
      }
      const file = await receiptFileForApplicant(ctx, trackingNo, queryCode, format, client);
      c.header('content-type', file.contentType);
      c.header('content-disposition', contentDisposition(file.filename, `receipt.${format}`));
      c.header('cache-control', 'private, no-store');
      return c.body(file.data as Uint8Array<ArrayBuffer>);
    });
  }

  return routes;
}

export const publicApplicationOperations: Operation[] = [
  {
    method: 'post',
    path: '/applications',
    summary: '网上提交政府信息公开申请；查询号和查询码只在此次返回',
    description:
      '校验与门户网站申请表相同（条例第二十九条）：自然人（naturalPerson）须填写证件类型和证件号码（居民身份证校验第18位），' +
      '其他申请人须填写统一社会信用代码；联系电话、电子邮箱、通信地址至少填写一项；选择邮寄的须填写通信地址，' +
      '选择以电子邮件提供的须填写电子邮箱。每个网络地址每小时最多提交5次。',
    tag: '依申请公开（公众）',
    staff: false,
    labels: APPLICATION_FIELD_LABELS,
    json: submitBody,
    response: submitted,
    status: 201,
    errors: [400, 413, 429],
  },
  {
    method: 'post',
    path: '/applications/status',
    summary: '凭查询号和查询码查询办理进度（放在请求体中，不放在网址中）',
    tag: '依申请公开（公众）',
    staff: false,
    labels: LOOKUP_LABELS,
    json: statusBody,
    response: applicantStatus,
    errors: [400, 404, 429],
  },
  {
    method: 'post',
    path: '/applications/receipt/docx',
    summary: '凭查询号和查询码下载申请回执（Word .docx：查询号、申请人类型、受理机关、提交时间、所需信息）',
    tag: '依申请公开（公众）',
    staff: false,
    labels: LOOKUP_LABELS,
    json: statusBody,
    response: binary,
    produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    errors: [400, 404, 429],
  },
  {
    method: 'post',
    path: '/applications/receipt/pdf',
    summary: '凭查询号和查询码下载申请回执（PDF，需服务器安装 Chromium，否则返回 503）',
    tag: '依申请公开（公众）',
    staff: false,
    labels: LOOKUP_LABELS,
    json: statusBody,
    response: binary,
    produces: 'application/pdf',
    errors: [400, 404, 429, 503],
  },
];
