import { describe, expect, it } from 'vitest';
import type { Channel } from './model.ts';
import { type ReceiptFacts, receiptDate } from './receipt.ts';

// Every fact given, each a different day: the rule must pick the one of its channel (条例第三十一条).
const all: ReceiptFacts = {
  submittedOn: '2025-09-25',
  signedForOn: '2025-09-26',
  confirmedOn: '2025-09-29',
  recordedOn: '2025-09-30',
};

describe('the date of receipt (条例第三十一条)', () => {
  const cases: [Channel, string][] = [
    ['inPerson', '2025-09-25'],
    ['registeredPost', '2025-09-26'],
    ['ordinaryPost', '2025-09-29'],
    ['online', '2025-09-29'],
    ['fax', '2025-09-29'],
    ['oral', '2025-09-30'],
  ];
  it.each(cases)('%s → %s', (channel, expected) => {
    expect(receiptDate(channel, all)).toBe(expected);
  });

  const missing: [Channel, ReceiptFacts, string][] = [
    ['inPerson', { signedForOn: '2025-09-26' }, '提交日期：必须填写（据此确定收到申请之日）'],
    ['registeredPost', { submittedOn: '2025-09-25' }, '签收日期：必须填写（据此确定收到申请之日）'],
    ['ordinaryPost', { signedForOn: '2025-09-26' }, '与申请人确认的日期：必须填写（据此确定收到申请之日）'],
    ['online', {}, '双方确认的日期：必须填写（据此确定收到申请之日）'],
    ['fax', { confirmedOn: '2025-02-29' }, '双方确认的日期：“2025-02-29”不是有效日期'],
    ['oral', { recordedOn: null }, '记录日期：必须填写（据此确定收到申请之日）'],
  ];
  it.each(missing)('%s without its fact is refused: %s', (channel, facts, message) => {
    expect(() => receiptDate(channel, facts)).toThrow(message);
  });
});
