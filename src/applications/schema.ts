// Input schemas of applications (the form a citizen fills in online, or a clerk fills in for a letter, a visit or
// a phone call), with the labels messages name. 条例第二十九条: name, identity proof, contact, a description of the
// information sought, and the form in which it is wanted.
import { z } from 'zod';
import { creditCodeProblem } from '../agencies/credit-code.ts';
import { isoDateShape as isoDate, optionalText, text } from '../validation-fields.ts';
import { APPLICANT_KINDS, DELIVERIES, ID_TYPES, OUTCOME_LEAVES, PROVISION_FORMS, STAFF_CHANNELS } from './model.ts';

export const APPLICATION_FIELD_LABELS: Record<string, string> = {
  agencyId: '受理机关',
  applicantKind: '申请人类型',
  applicantName: '申请人姓名或名称',
  contactPerson: '联系人',
  idType: '证件类型',
  idNumber: '证件号码',
  creditCode: '统一社会信用代码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  description: '所需政府信息的名称、文号或其他特征描述',
  documentRef: '文件名称或文号',
  provisionForm: '信息提供方式',
  delivery: '获取方式',
  channel: '申请方式',
  submittedOn: '提交日期',
  signedForOn: '签收日期',
  confirmedOn: '确认日期',
  recordedOn: '记录日期',
  date: '日期',
  outcome: '办理结果',
  handlerUserId: '承办人',
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** 公民身份号码 (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character; null when valid. */
export function residentIdProblem(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return '应为18位，前17位为数字，末位为数字或X';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  const expected = '10X98765432'[sum % 11];
  return id[17] === expected ? null : `校验位不符（第18位应为“${expected}”），请核对`;
}

const applicantFields = z.object({
  agencyId: z.number({ error: '应为机关编号' }).int().positive(),
  applicantKind: z.enum(APPLICANT_KINDS, {
    error: '应为自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他组织',
  }),
  applicantName: text(100),
  contactPerson: optionalText(50),
  idType: z.enum(ID_TYPES, { error: '请选择证件类型' }).nullish(),
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .max(40, '不得超过40个字符')
    .nullish()
    .transform((v) => v || null),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .nullish()
    .transform((v) => v || null),
  phone: z
    .string()
    .trim()
    .regex(/^[\d\-+() 转]{5,30}$/, '应为电话号码，如 13812345678 或 0517-83606114')
    .nullish()
    .transform((v) => v || null),
  email: z
    .email('应为电子邮箱地址，如 name@example.com')
    .nullish()
    .transform((v) => v || null),
  address: optionalText(200),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '应为6位数字')
    .nullish()
    .transform((v) => v || null),
  description: text(2000),
  documentRef: optionalText(200),
  provisionForm: z.enum(PROVISION_FORMS, { error: '应为纸质、电子邮件、光盘或现场查阅' }),
  delivery: z.enum(DELIVERIES, { error: '应为邮寄、自行领取或网上获取' }),
});

type Fields = z.output<typeof applicantFields>;

/** Identity proof by kind (条例第二十九条第二款（一）): a natural person's ID, an organisation's credit code. */
function checkIdentity(v: Fields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.applicantKind === 'naturalPerson') {
    if (!v.idType) return issue('idType', '必须填写');
    if (!v.idNumber) return issue('idNumber', '必须填写');
    if (v.idType === 'residentId') {
      const problem = residentIdProblem(v.idNumber);
      if (problem) return issue('idNumber', problem);
    }
  } else {
    if (!v.creditCode) return issue('creditCode', '必须填写');
    const problem = creditCodeProblem(v.creditCode);
    if (problem) return issue('creditCode', problem);
  }
  if (!v.phone && !v.email && !v.address) issue('phone', '联系电话、电子邮箱、通信地址至少填写一项');
  if (v.delivery === 'post' && !v.address) issue('address', '选择邮寄的，必须填写');
  if (v.provisionForm === 'email' && !v.email) issue('email', '选择以电子邮件提供的，必须填写');
}

/** Keep only the identity proof that belongs to the kind. */
function normalize<T extends Fields>(v: T): T & { idType: Fields['idType'] | null } {
  return v.applicantKind === 'naturalPerson'
    ? { ...v, idType: v.idType ?? null, creditCode: null }
    : { ...v, idType: null, idNumber: null };
}

export const onlineInput = applicantFields.superRefine(checkIdentity).transform(normalize);
export type OnlineInput = z.input<typeof onlineInput>;
export type ApplicantData = z.output<typeof onlineInput>;

/** The facts a receipt date is taken from (receipt.ts). */
const receiptFacts = {
  submittedOn: isoDate.nullish(),
  signedForOn: isoDate.nullish(),
  confirmedOn: isoDate.nullish(),
  recordedOn: isoDate.nullish(),
};

export const staffInput = applicantFields
  .extend({
    channel: z.enum(STAFF_CHANNELS, {
      error: '应为当面提交、挂号信、平常信函、传真或口头提出（网上申请由申请人自行提交）',
    }),
    ...receiptFacts,
  })
  .superRefine(checkIdentity)
  .transform(normalize);
export type StaffInput = z.input<typeof staffInput>;

export const outcomeInput = z.enum(OUTCOME_LEAVES, { error: '应为年度报告表三的21项办理结果之一' });
export const dateInput = isoDate;
