// The shapes of the API's responses, for the OpenAPI document: one schema per presenter (src/applications/
// presenters.ts) and per result. Tests parse real responses with them, so the document cannot drift from the code.
import { z } from 'zod';
import { CHANNELS, DELIVERIES, ID_TYPES, PROVISION_FORMS, STATUSES } from '../../applications/model.ts';
import { APPLICANT_KINDS, OUTCOME_LEAVES } from '../../report/model.ts';
import { WORK_COMPONENTS } from './shapes-work.ts';

const text = z.string();
const maybe = z.string().nullable();
const date = z.string().describe('YYYY-MM-DD');

export const errorBody = z.object({
  error: z.object({
    code: text.describe('稳定的错误代码，如 validation、notFound、forbidden、notAuthenticated'),
    message: text.describe('中文说明，指明字段'),
    field: text.optional().describe('出错的输入字段'),
  }),
});

export const diagnostic = z.object({
  rule: text,
  severity: z.enum(['error', 'warning']),
  message: text,
  cells: z.array(text).describe('涉及的单元格（点分路径）'),
});

/** Stands for the annual report; openapi.ts puts a $ref to its JSON schema in its place. */
export const reportShape = z.object({}).loose();
export const checkResult = z.object({ report: reportShape, diagnostics: z.array(diagnostic) });

export const submitted = z.object({
  trackingNo: text.describe('查询号'),
  queryCode: text.describe('查询码：只在此次返回，系统只保存其摘要'),
});

const ledgerLine = z.object({ date, text, basis: text });

export const applicantStatus = z
  .object({
    trackingNo: text,
    agencyName: text,
    applicantName: text,
    description: text,
    documentRef: maybe,
    provisionForm: text,
    delivery: text,
    channel: text,
    submittedAt: text,
    receivedOn: maybe,
    status: text,
    steps: z.array(z.object({ label: text, done: z.boolean() })),
    dueDate: maybe,
    outcome: maybe,
    decidedOn: maybe,
    ledger: z.array(ledgerLine),
  })
  .strict()
  .describe('申请人查询结果：不含证件号码、电话、地址等个人信息');

const caseFields = {
  id: z.number().int(),
  agencyId: z.number().int(),
  trackingNo: text,
  applicantKind: z.enum(APPLICANT_KINDS),
  applicantKindLabel: text,
  applicantName: text,
  contactPerson: maybe,
  description: text,
  documentRef: maybe,
  provisionForm: z.enum(PROVISION_FORMS),
  delivery: z.enum(DELIVERIES),
  channel: z.enum(CHANNELS),
  submittedAt: text,
  receivedOn: maybe,
  status: z.enum(STATUSES),
  statusLabel: text,
  dueDate: maybe,
  handlerUserId: z.number().int().nullable(),
  outcome: z.enum(OUTCOME_LEAVES).nullable(),
  outcomeLabel: maybe,
  decidedOn: maybe,
  idType: z.enum(ID_TYPES).nullable(),
  creditCode: maybe,
};

export const staffApplication = z
  .object({ ...caseFields, idNumber: maybe, phone: maybe, email: maybe, address: maybe, postcode: maybe })
  .strict()
  .describe('本机关工作人员所见：含办理所需的个人信息');

export const inspectorApplication = z
  .object({
    ...caseFields,
    idNumber: maybe.describe('已遮蔽，如 3201**********1232'),
    phone: maybe.describe('已遮蔽，如 138****5678'),
    email: maybe,
    address: maybe.describe('只到区县'),
  })
  .strict()
  .describe('上级监督人员所见：个人信息已遮蔽');

export const presentedApplication = z.union([staffApplication, inspectorApplication]);

export const applicationList = z.object({ applications: z.array(presentedApplication) });

export const clock = z
  .object({
    status: text,
    receivedOn: date,
    countsFrom: maybe,
    dueDate: maybe,
    daysAllowed: z.number().int(),
    daysUsed: z.number().int(),
    daysRemaining: z.number().int(),
    paused: z.boolean(),
    overdue: z.boolean(),
    overdueDays: z.number().int(),
    closedOn: maybe,
    warnings: z.array(text),
    ledger: z.array(ledgerLine.extend({ event: text, dueDate: maybe })),
  })
  .strict()
  .describe('答复期限及其依据（办理记录）');

export const applicationDetail = z.object({ application: presentedApplication, clock: clock.nullable() });

export const applicationResult = z.object({ application: presentedApplication });

/** The named schemas of the document's components (the annual report is added from its file). */
export const COMPONENTS: Record<string, z.ZodType> = {
  Error: errorBody,
  Diagnostic: diagnostic,
  ReportCheck: checkResult,
  Submitted: submitted,
  ApplicantStatus: applicantStatus,
  StaffApplication: staffApplication,
  InspectorApplication: inspectorApplication,
  ApplicationList: applicationList,
  Clock: clock,
  ApplicationDetail: applicationDetail,
  ApplicationResult: applicationResult,
  ...WORK_COMPONENTS,
};
