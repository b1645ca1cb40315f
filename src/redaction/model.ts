// 区分处理 (《条例》第三十七条): what a redaction is. Each box hides one area of one page and carries the reason
// it is withheld — the withheld categories of report table 三 (三、（三）不予公开) with their legal basis.
import type { PersonalDataKind } from '../privacy/detect.ts';

export const REDACTION_REASONS = {
  stateSecret: { label: '国家秘密', basis: '《条例》第十四条' },
  prohibitedByLaw: { label: '法律行政法规禁止公开', basis: '《条例》第十四条' },
  securityStability: { label: '危及“三安全一稳定”', basis: '《条例》第十四条' },
  personalPrivacy: { label: '第三方合法权益（个人隐私）', basis: '《条例》第十五条' },
  tradeSecret: { label: '第三方合法权益（商业秘密）', basis: '《条例》第十五条' },
  internalAffairs: { label: '内部事务信息', basis: '《条例》第十六条第一款' },
  deliberative: { label: '过程性信息', basis: '《条例》第十六条第二款' },
  enforcementFile: { label: '行政执法案卷', basis: '《条例》第十六条第二款' },
} as const;
export type RedactionReason = keyof typeof REDACTION_REASONS;
export const REDACTION_REASON_CODES = Object.keys(REDACTION_REASONS) as RedactionReason[];

/** How a box came to be: drawn by hand, found by a phrase search, or by a personal-data pattern. */
export type BoxSource = 'manual' | 'phrase' | 'pattern';

/**
 * An area of a page, in PDF points (1/72 inch) measured from the top-left corner of the page as displayed (after
 * its /Rotate and crop box), x to the right and y downwards — the way a viewer and a canvas measure.
 */
export interface PageArea {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RedactionBox extends PageArea {
  reason: RedactionReason;
  source: BoxSource;
  /** What the handler wants the log to say about it ("申请人以外自然人的姓名"); optional. */
  note?: string;
}

/** An area a search found, before a reason is given. */
export interface FoundArea extends PageArea {
  /** The text found, as extracted (for the handler's list; never logged). */
  text: string;
  /** For a pattern search: which kind of personal data. */
  kind?: PersonalDataKind;
}

/** Size of one page as displayed, in points. */
export interface PageSize {
  width: number;
  height: number;
}

/** “材料.docx” → “材料（区分处理）.pdf”. */
export function redactedName(fileName: string): string {
  const base = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '') || '附件';
  return `${base}（区分处理）.pdf`;
}
