// Public feedback (issue 5 point 9, 优化反馈渠道、快速响应机制): what a message is, its kinds and states, and how its
// sender's personal data is masked for anyone but the staff of the agency that holds it.

export const KINDS = ['inquiry', 'suggestion', 'correction', 'other'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Record<Kind, string> = {
  inquiry: '咨询',
  suggestion: '意见建议',
  correction: '纠错（信息有误或链接失效）',
  other: '其他',
};

export const STATUSES = ['open', 'answered', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = { open: '待答复', answered: '已答复', closed: '已关闭' };

export const ANSWER_MODES = ['public', 'private'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];
export const ANSWER_MODE_LABELS: Record<AnswerMode, string> = {
  public: '公开答复（在网站“公众留言”栏目公布问题和答复，不公布姓名和联系方式）',
  private: '私下答复（仅留言人凭留言编号和查询码查看；留有电子邮箱的同时发送邮件）',
};

export const CLOSE_REASONS = ['spam', 'duplicate'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  spam: '无效留言（广告、乱码、与政务无关等）',
  duplicate: '重复留言',
};

/** Working days to answer when the agency has set none (the seed report's 快速响应: 5 working days). */
export const DEFAULT_DEADLINE_DAYS = 5;

export interface Message {
  id: number;
  agencyId: number;
  messageNo: string;
  queryCodeHash: string;
  itemId: number | null;
  kind: Kind;
  subject: string;
  content: string;
  name: string | null;
  contact: string | null;
  publishConsent: boolean;
  status: Status;
  receivedAt: string;
  receivedOn: string;
  deadlineDays: number;
  dueOn: string | null;
  answer: string | null;
  answerMode: AnswerMode | null;
  publicSubject: string | null;
  publicContent: string | null;
  closeReason: CloseReason | null;
  closeNote: string | null;
  handledAt: string | null;
  handledOn: string | null;
  handledBy: string | null;
  handledById: number | null;
  workingDays: number | null;
  createdAt: string;
  updatedAt: string;
}

/** LY2025-3-000012: 留言, year of receipt, agency id, sequence within that agency and year. */
export function formatMessageNo(year: number, agencyId: number, seq: number): string {
  return `LY${year}-${agencyId}-${String(seq).padStart(6, '0')}`;
}
export const MESSAGE_NO_PATTERN = /^LY\d{4}-\d{1,12}-\d{6}$/;

export const isEmail = (contact: string | null) => !!contact && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact);

/** 张三 → 张*, 欧阳娜娜 → 欧***: the first character only. */
export function maskName(name: string | null): string | null {
  if (!name) return null;
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** 13812345678 → 138****5678; zhang@example.com → z***@example.com. */
export function maskContact(contact: string | null): string | null {
  if (!contact) return null;
  if (contact.includes('@')) {
    const at = contact.indexOf('@');
    return at > 0 ? `${contact[0]}***${contact.slice(at)}` : '***';
  }
  const digits = contact.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(Math.max(digits.length, 3));
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/**
 * The text proposed for publication: phone numbers, email addresses and ID numbers in what the sender wrote are
 * blotted out. Staff read it over before publishing (a name in the text is not found by a pattern).
 */
export function scrubPersonalData(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '［邮箱已隐去］')
    .replace(/\b\d{17}[\dXx]\b/g, '［证件号已隐去］')
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, '［电话已隐去］')
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '［电话已隐去］');
}

/**
 * What a public answer puts on the portal: the question as staff edited it (or the sender's words with phone
 * numbers, e-mails and ID numbers blotted out) and the answer. The personal-data guard scans exactly this.
 */
export function publicAnswer(
  m: Pick<Message, 'subject' | 'content'>,
  v: { answer: string; publicSubject: string | null; publicContent: string | null },
): { subject: string; content: string; answer: string } {
  return {
    subject: v.publicSubject ?? scrubPersonalData(m.subject),
    content: v.publicContent ?? scrubPersonalData(m.content),
    answer: v.answer,
  };
}
