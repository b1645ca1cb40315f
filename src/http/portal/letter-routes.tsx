// The applicant's letters on the portal: the list on the status page and the download, each authorised by the
// 查询号 and 查询码 in a POST body (never in a URL), within the lookup limit. letters/applicant.ts decides which
// letters are the applicant's; a wrong code or a letter that is not theirs gives one answer.
import { Hono } from 'hono';
import { errors, isDomainError } from '../../errors.ts';
import { type ApplicantLetter, letterFileForApplicant } from '../../letters/applicant.ts';
import { contentDisposition } from '../console/application-detail.tsx';
import type { AppEnv } from '../env.ts';
import type { RateLimit } from '../rate-limit.ts';
import { lookupHandler } from './lookup.ts';

function Download(props: { letter: ApplicantLetter; format: 'docx' | 'pdf'; codes: Codes }) {
  const { letter, format, codes } = props;
  return (
    <form method="post" action={`/apply/letters/${letter.id}/${format}`} class="inline">
      <input type="hidden" name="_csrf" value={codes.csrf} />
      <input type="hidden" name="trackingNo" value={codes.trackingNo} />
      <input type="hidden" name="queryCode" value={codes.queryCode} />
      <button type="submit" aria-label={`下载${letter.kindLabel}（${format.toUpperCase()}）`}>
        下载 {format.toUpperCase()}
      </button>
    </form>
  );
}

interface Codes {
  trackingNo: string;
  queryCode: string;
  csrf: string;
}

/** The “已发出的文书” table of the status page. */
export function ApplicantLetters(props: { letters: ApplicantLetter[]; pdf: boolean } & Codes) {
  if (props.letters.length === 0) return <p>暂无。</p>;
  return (
    <table>
      <caption class="visually-hidden">已发出的文书</caption>
      <thead>
        <tr>
          <th scope="col">文书</th>
          <th scope="col">文号</th>
          <th scope="col">成文日期</th>
          <th scope="col">送达</th>
          <th scope="col">下载</th>
        </tr>
      </thead>
      <tbody>
        {props.letters.map((l) => (
          <tr>
            <td>{l.kindLabel}</td>
            <td>{l.number}</td>
            <td>{l.issuedOn}</td>
            <td>
              {l.deliveries.length === 0 ? '—' : l.deliveries.map((d) => `${d.deliveredOn} ${d.method}`).join('；')}
            </td>
            <td>
              <Download letter={l} format="docx" codes={props} />
              {props.pdf ? <Download letter={l} format="pdf" codes={props} /> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A fresh set of routes counting tries in the app's shared lookup limit (one per app, so tests do not share it). */
export function applicantLetterRoutes(lookups: RateLimit) {
  const routes = new Hono<AppEnv>();
  routes.post(
    '/apply/letters/:id{[0-9]{1,12}}/:format{docx|pdf}',
    lookupHandler(lookups, async (c, text) => {
      const ctx = c.get('ctx');
      const id = Number(c.req.param('id'));
      const format = c.req.param('format') as 'docx' | 'pdf';
      try {
        const file = await letterFileForApplicant(
          ctx,
          text('trackingNo'),
          text('queryCode'),
          id,
          format,
          c.get('clientAddress'),
        );
        c.header('content-type', file.contentType);
        c.header('content-disposition', contentDisposition(file.filename, `letter-${id}.${format}`));
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
