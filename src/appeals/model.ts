// 行政复议 and 行政诉讼 cases about disclosure (issue 6 point 1): what a case is, its kinds, the agency's role and
// the results, with their Chinese labels. The applicant or plaintiff's name is personal data: shown in full only
// to the staff of the agency the case is brought against, masked for inspectors (as feedback/ does).
export { maskName } from '../feedback/model.ts';

export const KINDS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Record<Kind, string> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReconsideration: '行政诉讼（复议后起诉）',
};

/** The agency's standing in the case: the original respondent, or only the 复议机关 named as co-defendant. */
export const ROLES = ['original', 'reviewBodyCoDefendant'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  original: '被申请人或被告（作出原行政行为的机关）',
  reviewBodyCoDefendant: '复议机关作为共同被告（登记但不计入本机关统计）',
};

export const RESULTS = ['pending', 'upheld', 'corrected', 'other'] as const;
export type Result = (typeof RESULTS)[number];
export const RESULT_LABELS: Record<Result, string> = {
  pending: '尚未审结',
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
};
/** What each result covers, for the form's hints. */
export const RESULT_HINTS: Record<Result, string> = {
  pending: '尚未作出复议决定或裁判',
  upheld: '维持原行政行为，或驳回复议申请、驳回诉讼请求',
  corrected: '撤销、变更、确认违法、责令履行等',
  other: '驳回起诉、申请人撤回、终止审理等',
};

/** The body that hears a case of this kind. */
export const BODY_LABELS: Record<Kind, string> = {
  reconsideration: '复议机关',
  litigationDirect: '人民法院',
  litigationAfterReconsideration: '人民法院',
};

export interface AppealCase {
  id: number;
  agencyId: number;
  kind: Kind;
  role: Role;
  applicationId: number | null;
  earlierCaseId: number | null;
  bodyName: string;
  caseNo: string | null;
  appellantName: string;
  filedOn: string;
  result: Result;
  resultOn: string | null;
  resultNote: string | null;
  note: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface CaseDocument {
  id: number;
  caseId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  createdBy: string;
}
