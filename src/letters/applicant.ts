// The letters an applicant sees on the public status page (issue 4 point 6: "visible to the applicant"): with the
// 查询号 and 查询码, the letters issued to them — never the 征求第三方意见书, which is addressed to the third party.
// The code check, its generic failure and its audit entry are statusForApplicant's, so a wrong code here looks
// exactly like a wrong code on the status page.
import { statusForApplicant } from '../applications/queries.ts';
import { findByTrackingNo } from '../applications/repository.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { findChromium } from '../report/write/pdf.ts';
import { DELIVERY_METHOD_LABELS, type DeliveryMethod } from './deliveries.ts';
import { LETTER_KIND_LABELS, type LetterKind } from './model.ts';
import { renderLetterPdf } from './pdf.ts';
import { findLetter, listDeliveryRows, listLetterRows } from './repository.ts';
import type { LetterFile } from './service.ts';

/** Letters addressed to someone other than the applicant. */
const NOT_FOR_APPLICANT: readonly LetterKind[] = ['thirdPartyConsultation'];

export interface ApplicantLetter {
  id: number;
  kind: LetterKind;
  kindLabel: string;
  number: string;
  issuedOn: string;
  /** “2026-03-02 邮寄” per recorded delivery; no proof (it may name a courier's slip or a person). */
  deliveries: { deliveredOn: string; method: string }[];
}

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** The application behind a 查询号 and 查询码; the generic lookup failure otherwise (audited there). */
async function applicationOf(ctx: Context, trackingNo: string, queryCode: string, clientAddress: string | null) {
  const status = await statusForApplicant(ctx, trackingNo, queryCode, clientAddress);
  const found = await findByTrackingNo(ctx.db.kysely, status.trackingNo);
  if (!found) throw errors.applicationLookupFailed();
  return found.application;
}

export async function lettersForApplicant(
  ctx: Context,
  trackingNo: string,
  queryCode: string,
  clientAddress: string | null = null,
): Promise<ApplicantLetter[]> {
  const app = await applicationOf(ctx, trackingNo, queryCode, clientAddress);
  const [rows, deliveries] = await Promise.all([
    listLetterRows(ctx.db.kysely, app.id),
    listDeliveryRows(ctx.db.kysely, app.id),
  ]);
  return rows
    .filter((r) => !NOT_FOR_APPLICANT.includes(r.kind))
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: LETTER_KIND_LABELS[r.kind],
      number: r.number,
      issuedOn: r.issuedOn,
      deliveries: deliveries
        .filter((d) => d.letterId === r.id)
        .map((d) => ({
          deliveredOn: d.deliveredOn,
          method: DELIVERY_METHOD_LABELS[d.method as DeliveryMethod] ?? d.method,
        })),
    }));
}

/** PDF copies need a local Chromium; the DOCX as issued always works. */
export const applicantPdfAvailable = () => findChromium() !== null;

/**
 * One letter for the applicant: only a letter of their case and addressed to them. Any other id gives the same
 * generic failure as a wrong code, so ids cannot be probed.
 */
export async function letterFileForApplicant(
  ctx: Context,
  trackingNo: string,
  queryCode: string,
  letterId: number,
  format: 'docx' | 'pdf',
  clientAddress: string | null = null,
): Promise<LetterFile> {
  const app = await applicationOf(ctx, trackingNo, queryCode, clientAddress);
  const found = Number.isSafeInteger(letterId) ? await findLetter(ctx.db.kysely, letterId) : undefined;
  const record = found?.record;
  if (!found || !record || record.applicationId !== app.id || NOT_FOR_APPLICANT.includes(record.kind))
    throw errors.applicationLookupFailed();
  if (format !== 'docx' && format !== 'pdf') throw errors.validation('format', '文件格式', '应为 docx 或 pdf');
  const data = format === 'docx' ? found.docx : await renderLetterPdf(record.letter);
  const name = `${record.number}${LETTER_KIND_LABELS[record.kind]}`;
  return { filename: `${name}.${format}`, contentType: CONTENT_TYPES[format], data };
}
