// The legal date of receipt of an application (条例第三十一条), from which the 20 working days run. Pure.
//   （一）当面提交的，以提交之日为收到申请之日；
//   （二）以邮寄方式提交的，以行政机关签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，政府信息公开
//        工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日；
//   （三）通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日。
// An oral application (条例第二十九条) is received on the day staff record it on the form.
import { isIsoDate } from '../calendar/dates.ts';
import { errors } from '../errors.ts';
import type { Channel } from './model.ts';

export interface ReceiptFacts {
  /** The day the applicant handed it in (in person). */
  submittedOn?: string | null;
  /** The day the office signed for it (registered post). */
  signedForOn?: string | null;
  /** The day the office and the applicant confirmed it (ordinary post, online, fax). */
  confirmedOn?: string | null;
  /** The day staff recorded an oral application. */
  recordedOn?: string | null;
}

type Fact = keyof ReceiptFacts;

/** Which fact gives the receipt date, per channel, and its label for messages. */
export const RECEIPT_RULES: Record<Channel, { fact: Fact; label: string; basis: string }> = {
  inPerson: { fact: 'submittedOn', label: '提交日期', basis: '《条例》第三十一条第（一）项' },
  registeredPost: { fact: 'signedForOn', label: '签收日期', basis: '《条例》第三十一条第（二）项' },
  ordinaryPost: { fact: 'confirmedOn', label: '与申请人确认的日期', basis: '《条例》第三十一条第（二）项' },
  online: { fact: 'confirmedOn', label: '双方确认的日期', basis: '《条例》第三十一条第（三）项' },
  fax: { fact: 'confirmedOn', label: '双方确认的日期', basis: '《条例》第三十一条第（三）项' },
  oral: { fact: 'recordedOn', label: '记录日期', basis: '《条例》第二十九条' },
};

/** The receipt date for the channel; a validation error naming the missing or invalid fact. */
export function receiptDate(channel: Channel, facts: ReceiptFacts): string {
  const rule = RECEIPT_RULES[channel];
  const value = facts[rule.fact];
  if (!value) throw errors.validation(rule.fact, rule.label, '必须填写（据此确定收到申请之日）');
  if (!isIsoDate(value)) throw errors.validation(rule.fact, rule.label, `“${value}”不是有效日期`);
  return value;
}
