// The applicant's receipt as a DOCX or PDF download (letters/applicant-receipt.ts). Like the letters' downloads
// (letter-routes.tsx): the 查询号 and 查询码 travel in a POST body, never in a URL, and every try counts in the
// shared lookup budget of the status page; a wrong pair gives the status page's one generic answer.
import { Hono } from 'hono';
import { errors, isDomainError } from '../../errors.ts';
import { applicantPdfAvailable } from '../../letters/applicant.ts';
import { receiptFileForApplicant } from '../../letters/applicant-receipt.ts';
import { contentDisposition } from '../console/application-detail.tsx';
import type { AppEnv } from '../env.ts';
import type { RateLimit } from '../rate-limit.ts';
import { lookupHandler } from './lookup.ts';

const PDF_UNAVAILABLE = 'PDF 格式暂不可用（服务器未安装 Chromium），请下载 Word 格式。';

/** The download buttons: each a POST form carrying the codes (hidden fields). */
export function ReceiptDownloads(props: { trackingNo: string; queryCode: string; csrf: string }) {
  const formats = applicantPdfAvailable() ? (['docx', 'pdf'] as const) : (['docx'] as const);
  return (
    <p>
      {formats.map((format) => (
        <form method="post" action={`/apply/receipt/${format}`} class="inline">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="trackingNo" value={props.trackingNo} />
          <input type="hidden" name="queryCode" value={props.queryCode} />
          <button type="submit">下载回执（{format === 'docx' ? 'Word' : 'PDF'}）</button>
        </form>
      ))}
    </p>
  );
}

/** A fresh route counting tries in the app's shared lookup limit. */
export function receiptDownloadRoutes(lookups: RateLimit) {
  const routes = new Hono<AppEnv>();
  routes.post(
    '/apply/receipt/:format{docx|pdf}',
    lookupHandler(lookups, async (c, text) => {
      const ctx = c.get('ctx');
      const format = c.req.param('format') as 'docx' | 'pdf';
      const client = c.get('clientAddress');
      try {
        if (format === 'pdf' && !applicantPdfAvailable()) {
          // The codes first: without them nobody learns even that PDF is unavailable.
          await receiptFileForApplicant(ctx, text('trackingNo'), text('queryCode'), 'docx', client);
          return c.text(PDF_UNAVAILABLE, 503);
        }
        const file = await receiptFileForApplicant(ctx, text('trackingNo'), text('queryCode'), format, client);
        c.header('content-type', file.contentType);
        c.header('content-disposition', contentDisposition(file.filename, `receipt.${format}`));
        c.header('cache-control', 'private, no-store');
        return c.body(file.data as Uint8Array<ArrayBuffer>);
      } catch (e) {
        if (!isDomainError(e, 'notFound')) throw e;
        return c.text(errors.applicationLookupFailed().message, 404);
      }
    }),
  );
  return routes;
}
