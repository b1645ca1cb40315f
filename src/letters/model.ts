// 文书 (spec §5): the letters issued on an application, their titles and number series. Plain data, no I/O.
//
// Numbers: “{prefix}公{series}〔{year}〕{n}号”, e.g. 示市监公复〔2025〕7号, counted per agency, year (of the date on
// the letter) and series, never reused. Each kind of letter has its own series character so that a register of
// 答复书 (the decisions that can be reviewed or sued on) reads without gaps:
//   受 受理回执 · 补 补正告知书 · 征 征求第三方意见书 and the notice to the applicant · 延 延期答复告知书 ·
//   费 收费通知书 · 复 答复书.
// The prefix is the agency's letter-number prefix (agencies.letter_prefix); without one, its short name, else its
// full name.
import type { Agency } from '../agencies/model.ts';

export const LETTER_KINDS = [
  'receipt',
  'correction',
  'thirdPartyConsultation',
  'consultationNotice',
  'extension',
  'feeNotice',
  'reply',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  receipt: '受理回执',
  correction: '补正告知书',
  thirdPartyConsultation: '征求第三方意见书',
  consultationNotice: '征求意见告知书',
  extension: '延期答复告知书',
  feeNotice: '收费通知书',
  reply: '答复书',
};

/** The title under the agency's name: “示例市市场监督管理局\n政府信息公开申请答复书”. */
export const LETTER_TITLES: Record<LetterKind, string> = {
  receipt: '政府信息公开申请受理回执',
  correction: '政府信息公开申请补正告知书',
  thirdPartyConsultation: '政府信息公开征求第三方意见书',
  consultationNotice: '政府信息公开申请征求意见告知书',
  extension: '政府信息公开申请延期答复告知书',
  feeNotice: '政府信息公开信息处理费收费通知书',
  reply: '政府信息公开申请答复书',
};

export const SERIES: Record<LetterKind, string> = {
  receipt: '受',
  correction: '补',
  thirdPartyConsultation: '征',
  consultationNotice: '征',
  extension: '延',
  feeNotice: '费',
  reply: '复',
};

export function letterPrefix(agency: Pick<Agency, 'letterPrefix' | 'shortName' | 'name'>): string {
  return agency.letterPrefix?.trim() || agency.shortName?.trim() || agency.name;
}

/** 示市监 + 复 + 2025 + 7 → “示市监公复〔2025〕7号” (GB/T 9704: 六角括号, no leading zeros). */
export function formatLetterNumber(prefix: string, series: string, year: number, seq: number): string {
  return `${prefix}公${series}〔${year}〕${seq}号`;
}

/** A composed letter: everything the DOCX and PDF writers print, in order. Stored as issued (body_json). */
export interface Letter {
  kind: LetterKind;
  /** The issuing agency's full name: the first line of the title and the signature. */
  agencyName: string;
  /** The second line of the title. */
  title: string;
  number: string;
  /** “张三：” — the only personal data on a letter. */
  addressee: string;
  /** Body paragraphs, each printed with a two-character first-line indent. */
  paragraphs: string[];
  /** 告知救济途径 (答复书): its own paragraph after the decision. */
  remedy: string | null;
  /** Lines printed flush right above the signature block, e.g. 联系人、联系电话. */
  contact: string[];
  /** YYYY-MM-DD and “2025年11月3日”. */
  issuedOn: string;
  dateText: string;
  /** Where the seal goes: “（印章）”. */
  seal: string;
}

export interface LetterRecord {
  id: number;
  applicationId: number;
  agencyId: number;
  kind: LetterKind;
  number: string;
  year: number;
  seq: number;
  issuedOn: string;
  letter: Letter;
  docxSha256: string;
  createdAt: string;
  createdBy: string;
}
