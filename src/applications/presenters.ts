// What each audience may see of an application (architecture.md §6): allow-lists, field by field. No code spreads a
// row into a response, so an ID number, phone or address reaches the portal or an inspector only as written here.
//   staff of the agency: everything they need to handle the case;
//   inspectors (oversight of the subtree): the case, with personal data masked;
//   the applicant (public status page): the case and its ledger, never identity or contact details.

import { APPLICANT_LABELS, REQUEST_ROW_LABELS } from '../report/labels.ts';
import type { ClockState } from './ledger.ts';
import { type Application, CHANNEL_LABELS, DELIVERY_LABELS, PROVISION_FORM_LABELS, STATUS_LABELS } from './model.ts';

/** 320102199001011234 → 3201**********1234: the region and the check digits, nothing in between. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return null;
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** 13812345678 → 138****5678: the first three and the last four digits of any number. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** Cut an address after its district (区/县/旗), else its city: 江苏省淮安市清江浦区健康东路1号 → 江苏省淮安市清江浦区. */
export function addressDistrict(address: string | null): string | null {
  if (!address) return null;
  const m = /^.*?(?:区|县|旗)/.exec(address) ?? /^.*?市/.exec(address);
  return m ? m[0] : '（地址已隐去）';
}

export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.indexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}

function caseFields(a: Application) {
  return {
    id: a.id,
    agencyId: a.agencyId,
    trackingNo: a.trackingNo,
    applicantKind: a.applicantKind,
    applicantKindLabel: APPLICANT_LABELS[a.applicantKind],
    applicantName: a.applicantName,
    contactPerson: a.contactPerson,
    description: a.description,
    documentRef: a.documentRef,
    provisionForm: a.provisionForm,
    delivery: a.delivery,
    channel: a.channel,
    submittedAt: a.submittedAt,
    receivedOn: a.receivedOn,
    status: a.status,
    statusLabel: STATUS_LABELS[a.status],
    dueDate: a.dueDate,
    handlerUserId: a.handlerUserId,
    outcome: a.outcome,
    outcomeLabel: a.outcome ? REQUEST_ROW_LABELS[a.outcome].short : null,
    decidedOn: a.decidedOn,
  };
}

/** Staff of the agency that handles it: identity and contact details are needed to reply. */
export function presentForStaff(a: Application) {
  return {
    ...caseFields(a),
    idType: a.idType,
    idNumber: a.idNumber,
    creditCode: a.creditCode,
    phone: a.phone,
    email: a.email,
    address: a.address,
    postcode: a.postcode,
  };
}

/** Inspectors of a higher level: the case, personal data masked (an organisation's credit code is public). */
export function presentForInspector(a: Application) {
  return {
    ...caseFields(a),
    idType: a.idType,
    idNumber: maskIdNumber(a.idNumber),
    creditCode: a.creditCode,
    phone: maskPhone(a.phone),
    email: maskEmail(a.email),
    address: addressDistrict(a.address),
  };
}

const STEP_LABELS = ['提交申请', '受理', '办理', '答复'] as const;

/** The applicant's status page: their case, its deadline and the ledger with legal bases. Nothing else. */
export function presentForApplicant(a: Application, agencyName: string, clock: ClockState | null) {
  const reached = a.status === 'closed' ? 4 : a.receivedOn ? 3 : 1;
  return {
    trackingNo: a.trackingNo,
    agencyName,
    applicantName: a.applicantName,
    description: a.description,
    documentRef: a.documentRef,
    provisionForm: PROVISION_FORM_LABELS[a.provisionForm],
    delivery: DELIVERY_LABELS[a.delivery],
    channel: CHANNEL_LABELS[a.channel],
    submittedAt: a.submittedAt,
    receivedOn: a.receivedOn,
    status: STATUS_LABELS[a.status],
    steps: STEP_LABELS.map((label, i) => ({ label, done: i < reached })),
    dueDate: a.status === 'closed' ? null : a.dueDate,
    outcome: a.outcome ? REQUEST_ROW_LABELS[a.outcome].short : null,
    decidedOn: a.decidedOn,
    ledger: (clock?.ledger ?? []).map((l) => ({ date: l.date, text: l.text, basis: l.basis })),
  };
}

export type ApplicantStatus = ReturnType<typeof presentForApplicant>;
