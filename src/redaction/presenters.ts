// What pages and letters say about redactions. The 答复书 of a partly granted reply must say what was withheld, why,
// and on what legal basis (《条例》第三十七条); the list is generated from the boxes applied, by reason, with the
// pages — the handler may edit it before the letter is issued. Only pages, reasons and notes: never the text.
import type { Attachment } from '../attachments/model.ts';
import { PERSONAL_DATA_LABELS, type PersonalDataKind } from '../privacy/detect.ts';
import {
  type BoxSource,
  REDACTION_REASON_CODES,
  REDACTION_REASONS,
  type RedactionBox,
  type RedactionReason,
} from './model.ts';

/** What the withheld content is, per reason, as the letter names it. */
export const WITHHELD_CONTENT: Record<RedactionReason, string> = {
  stateSecret: '涉及国家秘密的内容',
  prohibitedByLaw: '法律、行政法规禁止公开的内容',
  securityStability: '公开后可能危及国家安全、公共安全、经济安全、社会稳定的内容',
  personalPrivacy: '涉及个人隐私的内容',
  tradeSecret: '涉及商业秘密的内容',
  internalAffairs: '属于内部事务信息的内容',
  deliberative: '属于过程性信息的内容',
  enforcementFile: '属于行政执法案卷信息的内容',
};

export const SOURCE_LABELS: Record<BoxSource, string> = {
  manual: '手工标出',
  phrase: '查找文字',
  pattern: '个人信息识别',
};

const pagesText = (pages: readonly number[]) => pages.map((p) => `第${p}页`).join('、');

/** “第1页、第2页中涉及个人隐私的内容（第三方合法权益（个人隐私）），依据《条例》第十五条不予公开”, per reason. */
export function withheldLines(boxes: readonly RedactionBox[]): string[] {
  return REDACTION_REASON_CODES.flatMap((reason) => {
    const pages = [...new Set(boxes.filter((b) => b.reason === reason).map((b) => b.page))].sort((a, b) => a - b);
    if (pages.length === 0) return [];
    const r = REDACTION_REASONS[reason];
    return [`${pagesText(pages)}中${WITHHELD_CONTENT[reason]}（${r.label}），依据${r.basis}不予公开`];
  });
}

/** The text for “不予公开部分的内容及理由” over every file redacted in the case (named when there are several). */
export function withheldReason(
  redactions: readonly { copy: Pick<Attachment, 'fileName'>; boxes: readonly RedactionBox[] }[],
): string {
  const named = new Set(redactions.map((r) => r.copy.fileName)).size > 1;
  // The latest copy of a file stands for it: an earlier one was superseded by re-applying.
  const latest = new Map<string, readonly RedactionBox[]>();
  for (const r of redactions) latest.set(r.copy.fileName, r.boxes);
  const parts = [...latest].map(([name, boxes]) => {
    const lines = withheldLines(boxes);
    return named ? `“${name}”${lines.join('；')}` : lines.join('；');
  });
  return parts.length ? `${parts.join('；')}。` : '';
}

/** A box as the redaction page lists it. */
export function presentBox(box: RedactionBox, n: number) {
  const mm = (points: number) => (Math.round((points / 72) * 25.4 * 10) / 10).toFixed(1);
  return {
    n,
    page: box.page,
    where: `左${mm(box.x)}、上${mm(box.y)}毫米，宽${mm(box.width)}、高${mm(box.height)}毫米`,
    reason: box.reason,
    source: SOURCE_LABELS[box.source],
    note: box.note ?? '',
  };
}

/** A found area as the handler sees it in the list after a search (kind label; the text itself only on the page). */
export function presentFound(f: { page: number; text: string; kind?: PersonalDataKind }) {
  return { page: f.page, text: f.text, kind: f.kind ? PERSONAL_DATA_LABELS[f.kind] : '' };
}
