// What the guard decides, pure: which hits of what is about to go public still wait for the publisher (neither
// removed nor acknowledged with a reason), and the refusal naming them — masked, with where they stand.
import { type DomainError, errors } from '../errors.ts';
import type { HitKind, ScannedHit } from './scan.ts';

/** An acknowledged hit: who said why it may stand, and when. */
export interface Acknowledgement {
  fingerprint: string;
  kind: HitKind;
  masked: string;
  place: string;
  reason: string;
  createdAt: string;
  createdBy: string;
}

export interface ReviewedHit extends ScannedHit {
  acknowledgement: Acknowledgement | null;
}

export const REASON_LABEL = '说明可以公开的理由';
export const REASON_MAX = 500;

/** Each hit with its acknowledgement, if any; acknowledgements of hits no longer found are left out. */
export function reviewHits(hits: readonly ScannedHit[], acknowledgements: readonly Acknowledgement[]): ReviewedHit[] {
  const byFingerprint = new Map(acknowledgements.map((a) => [a.fingerprint, a]));
  return hits.map((h) => ({ ...h, acknowledgement: byFingerprint.get(h.fingerprint) ?? null }));
}

export const outstanding = (reviewed: readonly ReviewedHit[]) => reviewed.filter((h) => h.acknowledgement === null);

export const describeHit = (h: Pick<ScannedHit, 'masked' | 'places'>) => `${h.masked}（${h.places.join('、')}）`;

/** The refusal when hits wait, or null when publication may go ahead. */
export function refusal(reviewed: readonly ReviewedHit[]): DomainError | null {
  const waiting = outstanding(reviewed);
  return waiting.length === 0 ? null : errors.personalData(waiting.map(describeHit));
}

/** The publisher's reason, required: "系本机关公开的办公电话", "当事人同意公开" … */
export function checkReason(reason: unknown): string {
  const value = typeof reason === 'string' ? reason.trim() : '';
  if (!value) throw errors.validation('reason', REASON_LABEL, '不能为空，请写明该信息可以公开的理由');
  if ([...value].length > REASON_MAX) throw errors.validation('reason', REASON_LABEL, `不能超过${REASON_MAX}个字`);
  return value;
}
