// Issuing letters (文书, spec §5) on an application: the policy first (handlers and reviewers of the agency), then
// the letter is composed, numbered in the same transaction as its audit entry, rendered to DOCX and stored with
// the DOCX's SHA-256. The stored DOCX is the letter as issued; the PDF is printed from the stored text on request.
import { createHash } from 'node:crypto';
import { authorize, permits } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { findAgency } from '../agencies/repository.ts';
import { DEFAULT_FEE_PAYMENT_DAYS } from '../applications/ledger.ts';
import { findApplication } from '../applications/repository.ts';
import { beijingDate, isIsoDate, yearOf } from '../calendar/dates.ts';
import { loadWorkingCalendar } from '../calendar/repository.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { notifyReplyIssued } from '../notifications/events.ts';
import { transaction } from '../storage/transaction.ts';
import { composeLetter, type LetterDetails } from './compose.ts';
import { renderLetterDocx } from './docx.ts';
import {
  formatLetterNumber,
  LETTER_KIND_LABELS,
  LETTER_KINDS,
  type LetterKind,
  type LetterRecord,
  letterPrefix,
  SERIES,
} from './model.ts';
import { renderLetterPdf } from './pdf.ts';
import { findLetter, insertLetter, listLetterRows, nextLetterSeq } from './repository.ts';

/**
 * Handlers (application.handle) and reviewers (application.approve) of the agency may issue and open letters; the
 * reviewer check is silent so that a refusal is recorded once, under application.handle.
 */
async function authorizeStaff(
  actor: Actor,
  ctx: Context,
  agencyId: number | null,
  target: { type: string; id: number },
) {
  if (agencyId !== null && (await permits(actor, ctx, 'application.approve', agencyId))) return;
  await authorize(actor, ctx, 'application.handle', agencyId, target);
}

/** What a list of letters shows: no letter text. */
export interface LetterSummary {
  id: number;
  kind: LetterKind;
  kindLabel: string;
  number: string;
  issuedOn: string;
  createdBy: string;
  createdAt: string;
}

function summary(r: LetterRecord): LetterSummary {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: LETTER_KIND_LABELS[r.kind],
    number: r.number,
    issuedOn: r.issuedOn,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}

export interface IssuedLetter {
  letter: LetterSummary;
  docx: Uint8Array;
  docxSha256: string;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export async function issueLetter(
  actor: Actor,
  ctx: Context,
  applicationId: number,
  kind: LetterKind,
  details: LetterDetails = {},
): Promise<IssuedLetter> {
  const app = await findApplication(ctx.db.kysely, applicationId);
  await authorizeStaff(actor, ctx, app?.agencyId ?? null, { type: 'application', id: applicationId });
  if (!app) throw errors.notFound('申请', applicationId);
  if (!LETTER_KINDS.includes(kind)) throw errors.validation('kind', '文书种类', `“${kind}”不是本系统的文书种类`);
  if (!app.receivedOn) throw errors.ledgerInvalid('尚未确认收到申请，请先确认收到之日');
  if (kind === 'reply') {
    // The 答复书 states the outcome recorded on the case (report table 三), nothing else.
    if (!app.outcome) throw errors.ledgerInvalid('尚未记录办理结果，请先作出答复决定');
    if (details.outcome && details.outcome !== app.outcome)
      throw errors.validation('outcome', '办理结果', '与已记录的办理结果不一致');
  }
  const today = beijingDate(ctx.clock());
  const issuedOn = details.issuedOn ?? (kind === 'reply' && app.decidedOn ? app.decidedOn : today);
  if (!isIsoDate(issuedOn) || issuedOn > today)
    throw errors.validation('issuedOn', '成文日期', `应为不晚于今天（${today}）的日期`);
  const agency = await findAgency(ctx.db.kysely, app.agencyId);
  if (!agency) throw errors.notFound('机构', app.agencyId);
  const parent = agency.parentId ? ((await findAgency(ctx.db.kysely, agency.parentId)) ?? null) : null;
  const filled: LetterDetails = { ...details, issuedOn };
  if (kind === 'feeNotice' && !filled.payBy) {
    // 国办函〔2020〕109号: pay within 20 working days of the notice unless the notice says otherwise.
    const calendar = await loadWorkingCalendar(ctx.db.kysely);
    filled.payBy = calendar.addWorkingDays(issuedOn, DEFAULT_FEE_PAYMENT_DAYS);
  }
  const series = SERIES[kind];
  const year = yearOf(issuedOn);
  const prefix = letterPrefix(agency);
  const compose = (number: string) =>
    composeLetter({ kind, application: app, agency, parent, number, issuedOn, details: filled });
  // Compose once before numbering: a letter that cannot be written takes no number and no lock.
  compose(formatLetterNumber(prefix, series, year, 0));

  const intent = { action: 'letter.issue', objectType: 'letter' };
  return transaction(ctx, actor, intent, async (tx) => {
    const seq = await nextLetterSeq(tx.kysely, agency.id, year, series);
    const number = formatLetterNumber(prefix, series, year, seq);
    const letter = compose(number);
    const docx = await renderLetterDocx(letter);
    const docxSha256 = sha256(docx);
    const record = await insertLetter(
      tx.kysely,
      {
        applicationId: app.id,
        agencyId: agency.id,
        kind,
        series,
        number,
        year,
        seq,
        issuedOn,
        letter,
        docx,
        docxSha256,
        createdBy: actor.name,
        createdById: actor.id,
      },
      tx.now,
    );
    if (kind === 'reply') await notifyReplyIssued(tx, app, number);
    // The audit entry names the letter, never its text (which carries the addressee's name).
    tx.note({ objectId: record.id, after: { applicationId: app.id, kind, number, issuedOn, docxSha256 } });
    return { letter: summary(record), docx, docxSha256 };
  });
}

/** The letters issued on an application, oldest first (anyone who may read the case: no letter text). */
export async function listLetters(actor: Actor, ctx: Context, applicationId: number): Promise<LetterSummary[]> {
  const app = await findApplication(ctx.db.kysely, applicationId);
  await authorize(actor, ctx, 'application.view', app?.agencyId ?? null, { type: 'application', id: applicationId });
  if (!app) throw errors.notFound('申请', applicationId);
  return (await listLetterRows(ctx.db.kysely, applicationId)).map(summary);
}

export interface LetterFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/**
 * The DOCX exactly as issued, or a PDF printed from the stored text (needs Chromium; the error says so).
 * applicationId: the case named in the URL — a letter of another case is not found there, so a link can never
 * show one case's page with another's letter.
 */
export async function letterFile(
  actor: Actor,
  ctx: Context,
  id: number,
  format: 'docx' | 'pdf',
  applicationId?: number,
): Promise<LetterFile> {
  const found = await findLetter(ctx.db.kysely, id);
  await authorizeStaff(actor, ctx, found?.record.agencyId ?? null, { type: 'letter', id });
  if (!found || (applicationId !== undefined && found.record.applicationId !== applicationId))
    throw errors.notFound('文书', id);
  if (format !== 'docx' && format !== 'pdf') throw errors.validation('format', '文件格式', '应为 docx 或 pdf');
  const { record } = found;
  const data = format === 'docx' ? found.docx : await renderLetterPdf(record.letter);
  const name = `${record.number}${LETTER_KIND_LABELS[record.kind]}`;
  return { filename: `${name}.${format}`, contentType: CONTENT_TYPES[format], data };
}
