// 依申请公开: the application as the rest of the system sees it, its fixed vocabularies and their Chinese labels.
// Plain data, no I/O. Applicant kinds and outcome codes are the report's (report table 三), so one vocabulary runs
// from the form to the annual report.
import { APPLICANT_KINDS, type ApplicantKind, OUTCOME_LEAVES, type OutcomeCode } from '../report/model.ts';

export { APPLICANT_KINDS, type ApplicantKind, OUTCOME_LEAVES, type OutcomeCode };

/** 条例第二十九条: in writing (letter, data message); orally only where writing is truly difficult. */
export const CHANNELS = ['online', 'inPerson', 'registeredPost', 'ordinaryPost', 'fax', 'oral'] as const;
export type Channel = (typeof CHANNELS)[number];
/** What staff register (an online application is submitted by the applicant). */
export const STAFF_CHANNELS = ['inPerson', 'registeredPost', 'ordinaryPost', 'fax', 'oral'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  online: '网上申请',
  inPerson: '当面提交',
  registeredPost: '挂号信等需签收的邮寄',
  ordinaryPost: '平常信函',
  fax: '传真',
  oral: '口头提出',
};

export const PROVISION_FORMS = ['paper', 'email', 'disk', 'viewing'] as const;
export type ProvisionForm = (typeof PROVISION_FORMS)[number];
export const PROVISION_FORM_LABELS: Record<ProvisionForm, string> = {
  paper: '纸质',
  email: '电子邮件',
  disk: '光盘',
  viewing: '现场查阅',
};

export const DELIVERIES = ['post', 'pickup', 'online'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DELIVERY_LABELS: Record<Delivery, string> = { post: '邮寄', pickup: '自行领取', online: '网上获取' };

export const ID_TYPES = [
  'residentId',
  'passport',
  'hkMacaoPermit',
  'taiwanPermit',
  'foreignPermanent',
  'other',
] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  residentId: '居民身份证',
  passport: '护照',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  foreignPermanent: '外国人永久居留身份证',
  other: '其他有效身份证件',
};

/**
 * submitted: an online application not yet confirmed (no receipt date, 条例第三十一条（三）);
 * received, awaitingCorrection, paused: the clock's states; closed: an outcome is recorded.
 */
export const STATUSES = ['submitted', 'received', 'awaitingCorrection', 'paused', 'closed'] as const;
export type ApplicationStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '已提交，待确认收到',
  received: '已受理，办理中',
  awaitingCorrection: '等待申请人补正',
  paused: '暂停计时（征求意见或待缴费）',
  closed: '已办结',
};

export const OPEN_STATUSES: readonly ApplicationStatus[] = ['received', 'awaitingCorrection', 'paused'];

export interface Application {
  id: number;
  agencyId: number;
  trackingNo: string;
  applicantKind: ApplicantKind;
  applicantName: string;
  contactPerson: string | null;
  idType: IdType | null;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  description: string;
  documentRef: string | null;
  provisionForm: ProvisionForm;
  delivery: Delivery;
  channel: Channel;
  submittedAt: string;
  receivedOn: string | null;
  status: ApplicationStatus;
  dueDate: string | null;
  handlerUserId: number | null;
  outcome: OutcomeCode | null;
  decidedOn: string | null;
  createdAt: string;
  updatedAt: string;
}
