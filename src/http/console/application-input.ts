// The application forms' input: posted strings → the services' input. The services' schemas decide what is valid
// and name the failing field; this only puts the form's one receipt date where its channel's rule reads it.
import { RECEIPT_RULES } from '../../applications/receipt.ts';
import type { StaffInput } from '../../applications/schema.ts';
import type { EventInput } from '../../applications/service.ts';
import { errors } from '../../errors.ts';
import type { FormError, Values } from './form.tsx';

const RECEIPT_FACTS = new Set(['submittedOn', 'signedForOn', 'confirmedOn', 'recordedOn']);
const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

export function staffInputFrom(values: Values, agencyId: number | null): StaffInput {
  const channel = values.channel ?? '';
  const rule = RECEIPT_RULES[channel as keyof typeof RECEIPT_RULES];
  const input: Record<string, unknown> = {
    agencyId,
    channel: channel || undefined,
    applicantKind: values.applicantKind || undefined,
    applicantName: values.applicantName ?? '',
    contactPerson: blank(values.contactPerson),
    idType: blank(values.idType),
    idNumber: blank(values.idNumber),
    creditCode: blank(values.creditCode),
    phone: blank(values.phone),
    email: blank(values.email),
    address: blank(values.address),
    postcode: blank(values.postcode),
    description: values.description ?? '',
    documentRef: blank(values.documentRef),
    provisionForm: values.provisionForm || undefined,
    delivery: values.delivery || undefined,
  };
  if (rule && channel !== 'online') input[rule.fact] = blank(values.receivedDate);
  return input as StaffInput;
}

/** The receipt facts are one field on the form: their errors belong beside it. */
export function onReceiptField(error: FormError): FormError {
  return error.field && RECEIPT_FACTS.has(error.field) ? { ...error, field: 'receivedDate' } : error;
}

/** The event forms of the detail page; `type` names which. */
export function eventInputFrom(values: Values): EventInput {
  const type = values.type ?? '';
  const date = values.date ?? '';
  const optional = (k: string) => blank(values[k]) ?? undefined;
  switch (type) {
    case 'correctionRequested':
      return { type, date, ...(optional('replyBy') ? { replyBy: optional('replyBy') } : {}) } as EventInput;
    case 'consultationStarted':
      return {
        type,
        date,
        party: values.party as 'thirdParty' | 'agency',
        ...(optional('name') ? { name: optional('name') } : {}),
      };
    case 'extensionApproved':
      // 条例第三十三条第二款: at most 20 more working days; the clock checks the range, the form the number.
      if (!/^\d{1,3}$/.test(values.days ?? '')) throw errors.validation('days', '延长的工作日数', '应为1至20的整数');
      return { type, date, days: Number(values.days) };
    case 'feeNoticeSent':
      return { type, date, ...(optional('payBy') ? { payBy: optional('payBy') } : {}) } as EventInput;
    default:
      return { type, date } as EventInput;
  }
}
