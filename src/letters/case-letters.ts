// The letters of one case as its page shows them (issue 4 point 6): those issued, with their deliveries, and the
// letters the recorded events call for that are not issued yet — 收到申请 → 受理回执, 补正告知 → 补正告知书,
// 征求意见 → 征求第三方意见书 (third party) and the notice to the applicant, 延期 → 延期答复告知书, 收费通知 →
// 收费通知书, an outcome → 答复书 — each with what the case already says filled in. A fee notice goes out only
// once the handler confirms the amount computed by fees.ts.

import type { Actor } from '../agencies/model.ts';
import { computeFee, FEE_BASIS_LABELS, type Fee, type FeeBasis } from '../applications/fees.ts';
import type { ClockEvent } from '../applications/ledger.ts';
import { applicationsInMonth, type MonthCount } from '../applications/monthly.ts';
import { findApplication, listEvents } from '../applications/repository.ts';
import { listProposalRows } from '../applications/review-repository.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { withheldProposal } from '../redaction/service.ts';
import { findChromium } from '../report/write/pdf.ts';
import type { LetterDetails } from './compose.ts';
import type { DeliveryRecord } from './deliveries.ts';
import { LETTER_KIND_LABELS, type LetterKind } from './model.ts';
import { listDeliveryRows } from './repository.ts';
import { type IssuedLetter, issueLetter, type LetterSummary, listLetters } from './service.ts';

export interface LetterOffer {
  kind: LetterKind;
  /** “生成补正告知书”. */
  label: string;
  /** Form values the case already knows (strings, as the form posts them). */
  defaults: Record<string, string>;
  /** 收费通知书: the applicant's applications this month and the fee they come to by item. */
  month?: MonthCount;
  fee?: Fee;
}

export interface CaseLetters {
  letters: (LetterSummary & { deliveries: DeliveryRecord[] })[];
  offers: LetterOffer[];
  /** PDF needs a local Chromium; the DOCX always works. */
  pdfAvailable: boolean;
}

const lastOf = <T extends ClockEvent['type']>(events: readonly ClockEvent[], type: T) =>
  events.findLast((e) => e.type === type) as Extract<ClockEvent, { type: T }> | undefined;

export async function caseLetters(actor: Actor, ctx: Context, id: number): Promise<CaseLetters> {
  const letters = await listLetters(actor, ctx, id); // checks application.view
  const db = ctx.db.kysely;
  const app = await findApplication(db, id);
  if (!app) throw errors.notFound('申请', id);
  const deliveries = await listDeliveryRows(db, id);
  const events = app.receivedOn ? await listEvents(db, id) : [];
  const issued = (kind: LetterKind) => letters.filter((l) => l.kind === kind).length;
  const happened = (type: ClockEvent['type']) => events.filter((e) => e.type === type).length;
  const offers: LetterOffer[] = [];
  const offer = (kind: LetterKind, due: number, defaults: Record<string, string> = {}, extra = {}) => {
    if (due > issued(kind)) offers.push({ kind, label: `生成${LETTER_KIND_LABELS[kind]}`, defaults, ...extra });
  };
  offer('receipt', app.receivedOn ? 1 : 0);
  offer('correction', happened('correctionRequested'), {
    replyBy: lastOf(events, 'correctionRequested')?.replyBy ?? '',
  });
  const consultations = events.filter((e) => e.type === 'consultationStarted');
  const third = consultations.filter((e) => e.party === 'thirdParty');
  offer('thirdPartyConsultation', third.length, { thirdPartyName: third.at(-1)?.name ?? '' });
  offer('consultationNotice', consultations.length);
  offer('extension', happened('extensionApproved'), { days: String(lastOf(events, 'extensionApproved')?.days ?? '') });
  if (happened('feeNoticeSent') > issued('feeNotice')) {
    const month = (await applicationsInMonth(db, app)) ?? undefined;
    const fee = month ? computeFee('items', month.count) : undefined;
    const defaults = {
      feeBasis: 'items',
      quantity: String(month?.count ?? ''),
      month: month?.monthText ?? '',
      payBy: lastOf(events, 'feeNoticeSent')?.payBy ?? '',
    };
    offer('feeNotice', happened('feeNoticeSent'), defaults, { ...(month ? { month } : {}), ...(fee ? { fee } : {}) });
  }
  const approved = (await listProposalRows(db, id)).findLast((p) => p.status === 'approved');
  // 区分处理: a partly granted reply lists what was withheld, why and on what basis (redaction/presenters.ts).
  const withheld = app.outcome === 'partlyGranted' && !approved?.reason ? await withheldProposal(db, id) : '';
  offer('reply', app.outcome ? 1 : 0, { reason: approved?.reason || withheld });
  const byLetter = (letterId: number) => deliveries.filter((d) => d.letterId === letterId);
  return {
    letters: letters.map((l) => ({ ...l, deliveries: byLetter(l.id) })),
    offers,
    pdfAvailable: findChromium() !== null,
  };
}

/** “5,500元”. */
export const yuan = (amount: number) => `${amount.toLocaleString('en-US')}元`;

/**
 * Issue the letter of a case. For a 收费通知书 the handler confirms the amount: the amount typed must be what
 * fees.ts computes for the basis and count given, or nothing is issued and the arithmetic is shown.
 */
export async function issueCaseLetter(
  actor: Actor,
  ctx: Context,
  id: number,
  kind: LetterKind,
  details: LetterDetails,
  confirmedAmount?: number | null,
): Promise<IssuedLetter> {
  await listLetters(actor, ctx, id); // the policy first: who may not read the case learns nothing of the fee
  if (kind === 'feeNotice') {
    const basis = details.feeBasis as FeeBasis;
    const fee = computeFee(basis, details.quantity as number);
    if (confirmedAmount !== fee.amount)
      throw errors.validation(
        'amount',
        '确认收费金额',
        `${FEE_BASIS_LABELS[basis]}${fee.quantity}${basis === 'items' ? '件' : '页'}应收${yuan(fee.amount)}（${fee.text.join('；')}），请核对后填写${fee.amount}确认`,
      );
  }
  return issueLetter(actor, ctx, id, kind, details);
}
