// The events that move an application's reply deadline (spec §3), as the clock (clock.ts) reads them, and the
// legal bases the ledger quotes. Plain data: no I/O.

/** 条例第三十三条第二款: 20 working days; 条例第三十条: 补正告知 within 7; 条例第三十二条: a third party has 15. */
export const REPLY_DAYS = 20;
export const CORRECTION_NOTICE_DAYS = 7;
export const THIRD_PARTY_DAYS = 15;
export const MAX_EXTENSION_DAYS = 20;
/** 国办函〔2020〕109号: pay within 20 working days of the fee notice (configurable per agency). */
export const DEFAULT_FEE_PAYMENT_DAYS = 20;

export type ConsultedParty = 'thirdParty' | 'agency';

export type ClockEvent =
  | { type: 'received'; date: string }
  /** 补正告知; replyBy: the reasonable period given to the applicant, when stated. */
  | { type: 'correctionRequested'; date: string; replyBy?: string }
  | { type: 'correctionReceived'; date: string }
  | { type: 'correctionExpired'; date: string }
  | { type: 'consultationStarted'; date: string; party: ConsultedParty; name?: string }
  | { type: 'consultationEnded'; date: string }
  /** approvedBy: the head of the disclosure office who approved (条例第三十三条第二款). */
  | { type: 'extensionApproved'; date: string; days: number; approvedBy: string }
  /** payBy: the deadline stated in the notice; default: feePaymentDays working days after it is sent. */
  | { type: 'feeNoticeSent'; date: string; payBy?: string }
  | { type: 'feePaid'; date: string }
  | { type: 'decided'; date: string; outcome?: string };

export type ClockEventType = ClockEvent['type'];

/** For messages: “不能记录“征求意见结束””. */
export const EVENT_LABELS: Record<ClockEventType | 'feeExpired', string> = {
  received: '收到申请',
  correctionRequested: '补正告知',
  correctionReceived: '收到补正',
  correctionExpired: '逾期未补正',
  consultationStarted: '征求意见',
  consultationEnded: '征求意见结束',
  extensionApproved: '延期答复',
  feeNoticeSent: '收费通知',
  feePaid: '缴费',
  feeExpired: '逾期未缴费',
  decided: '作出答复',
};

export const BASIS = {
  receipt: '《条例》第三十三条第二款',
  correction: '《条例》第三十条',
  thirdParty: '《条例》第三十二条、第三十三条第三款',
  consultation: '《条例》第三十三条第三款',
  extension: '《条例》第三十三条第二款',
  fee: '国办函〔2020〕109号',
  decision: '《条例》第三十三条',
} as const;

export type Status = 'running' | 'paused' | 'awaitingCorrection' | 'closed';

export const STATUS_LABELS: Record<Status, string> = {
  running: '计时中',
  paused: '暂停计时',
  awaitingCorrection: '等待补正',
  closed: '已办结',
};

/** One line of the ledger shown to staff and to the applicant. */
export interface LedgerLine {
  date: string;
  event: ClockEventType | 'feeExpired';
  /** “2025-10-09 收到补正后的申请，依据《条例》第三十条，答复期限重新计算为2025-11-05”. */
  text: string;
  basis: string;
  /** The reply deadline after this event; null while it cannot be known (paused, awaiting correction, closed). */
  dueDate: string | null;
}

export interface ClockState {
  status: Status;
  receivedOn: string;
  /** The day the 20 days count from: receipt, or receipt of the corrected application. */
  countsFrom: string | null;
  dueDate: string | null;
  /** 20, plus the extension. */
  daysAllowed: number;
  daysUsed: number;
  daysRemaining: number;
  paused: boolean;
  overdue: boolean;
  /** Working days past the deadline (at the decision if closed, else today). */
  overdueDays: number;
  /** Set when the clock itself ends the application (otherNoCorrection, otherUnpaidFee) or from `decided`. */
  outcome: string | null;
  closedOn: string | null;
  /** Lateness the staff must see: a late 补正告知, a late extension, a third party that did not answer. */
  warnings: string[];
  ledger: LedgerLine[];
  /** Why the clock stands still now, and until when the other party has (null when it runs or is closed). */
  pause: PauseState | null;
}

/** An open pause: a consultation (third party or another agency) or a fee notice awaiting payment. */
export interface PauseState {
  reason: 'consultation' | 'fee';
  /** The consultation's party: thirdParty, agency (another agency); null for a fee. */
  party: string | null;
  from: string;
  /** The third party's 15 working days (条例第三十二条) or the fee notice's payment deadline; null when unknown. */
  until: string | null;
}
