// The applicant's copies on the portal: with the 查询号 and 查询码 (in the POST body, never in a URL), the files of
// the case meant for the applicant (audience 'applicant'), each downloaded by a small form. Originals are never
// offered here; attachments/service.ts enforces it. The list on the status page: attachment-field.tsx.
import { Hono } from 'hono';
import { applicantAttachmentFile } from '../../attachments/service.ts';
import { errors, isDomainError } from '../../errors.ts';
import { download } from '../console/application-attachments.tsx';
import type { AppEnv } from '../env.ts';
import type { RateLimit } from '../rate-limit.ts';
import { lookupHandler } from './lookup.ts';

/** A fresh set of routes counting tries in the app's shared lookup limit (one per app, so tests do not share it). */
export function applicantAttachmentRoutes(lookups: RateLimit) {
  const routes = new Hono<AppEnv>();
  routes.post(
    '/apply/attachments/:id{[0-9]{1,12}}',
    lookupHandler(lookups, async (c, text) => {
      const ctx = c.get('ctx');
      try {
        const id = Number(c.req.param('id'));
        const file = await applicantAttachmentFile(
          ctx,
          text('trackingNo'),
          text('queryCode'),
          id,
          c.get('clientAddress'),
        );
        return download(c, file.attachment, file.data);
      } catch (e) {
        if (!isDomainError(e, 'notFound')) throw e;
        // One answer for a wrong code and a file that is not the applicant's.
        return c.text(errors.applicationLookupFailed().message, 404);
      }
    }),
  );
  return routes;
}
