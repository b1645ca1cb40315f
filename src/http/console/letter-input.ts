// The letter forms of the case page: posted strings → issueCaseLetter's input. The letter's composer decides what
// is valid and names the failing field; this only turns numbers into numbers and leaves blanks out.
import type { FeeBasis } from '../../applications/fees.ts';
import { errors } from '../../errors.ts';
import type { LetterDetails } from '../../letters/compose.ts';
import { LETTER_KINDS, type LetterKind } from '../../letters/model.ts';
import type { Values } from './form.tsx';

const TEXT_FIELDS = [
  'problems',
  'replyBy',
  'thirdPartyName',
  'reason',
  'where',
  'rightAgency',
  'rightAgencyContact',
  'previousReply',
  'month',
  'payBy',
  'payment',
] as const;

const whole = (v: string | undefined, name: string, label: string) => {
  const text = (v ?? '').trim().replaceAll(',', '');
  if (!/^\d{1,9}$/.test(text)) throw errors.validation(name, label, '应为不小于0的整数');
  return Number(text);
};

export function letterInputFrom(values: Values): { kind: LetterKind; details: LetterDetails; amount: number | null } {
  const kind = values.kind as LetterKind;
  if (!LETTER_KINDS.includes(kind)) throw errors.validation('kind', '文书种类', '不是本系统的文书种类');
  const details: LetterDetails = {};
  for (const name of TEXT_FIELDS) {
    const v = values[name]?.trim();
    if (v) (details as Record<string, string>)[name] = v;
  }
  if (kind === 'extension') details.days = whole(values.days, 'days', '延长的工作日数');
  let amount: number | null = null;
  if (kind === 'feeNotice') {
    details.feeBasis = (values.feeBasis ?? '') as FeeBasis;
    details.quantity = whole(values.quantity, 'quantity', '申请件数或页数');
    amount = values.amount?.trim() ? whole(values.amount, 'amount', '确认收费金额') : null;
  }
  return { kind, details, amount };
}
