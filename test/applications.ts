// Named builders for applications (src/applications): valid applicant data of each kind, and an application
// registered by staff on a given receipt date.
import type { Actor } from '../src/agencies/model.ts';
import type { OnlineInput, StaffInput } from '../src/applications/schema.ts';
import { registerByStaff } from '../src/applications/service.ts';
import type { Context } from '../src/context.ts';
import { creditCode } from './platform.ts';

/** A valid 公民身份号码 (check digit 2) and the phone that go with the builders' natural person. */
export const ID_NUMBER = '320102199001011232';
export const PHONE = '13812345678';
export const ADDRESS = '江苏省淮安市清江浦区健康东路1号';

export function buildOnlineInput(agencyId: number, overrides: Partial<OnlineInput> = {}): OnlineInput {
  return {
    agencyId,
    applicantKind: 'naturalPerson',
    applicantName: '张三',
    idType: 'residentId',
    idNumber: ID_NUMBER,
    phone: PHONE,
    email: 'zhangsan@example.com',
    address: ADDRESS,
    postcode: '223001',
    description: '2024年度本区老旧小区改造项目清单及资金安排',
    documentRef: '测政办发〔2024〕12号',
    provisionForm: 'paper',
    delivery: 'post',
    ...overrides,
  };
}

let orgSeq = 0;

/** An organisation applying (business by default), with a valid 统一社会信用代码. */
export function buildOrgInput(agencyId: number, overrides: Partial<OnlineInput> = {}): OnlineInput {
  orgSeq += 1;
  return {
    agencyId,
    applicantKind: 'business',
    applicantName: `测试科技有限公司${orgSeq}`,
    contactPerson: '李四',
    creditCode: creditCode(5000 + orgSeq),
    phone: '0517-83606114',
    description: '本机关2024年政府采购合同',
    provisionForm: 'email',
    email: 'office@example.com',
    delivery: 'online',
    ...overrides,
  };
}

export function buildStaffInput(agencyId: number, overrides: Partial<StaffInput> = {}): StaffInput {
  return { ...buildOnlineInput(agencyId), channel: 'inPerson', submittedOn: '2025-09-29', ...overrides };
}

/** An application handed in at the counter on receivedOn (条例第三十一条（一）). */
export async function buildApplication(
  ctx: Context,
  actor: Actor,
  agencyId: number,
  options: { receivedOn?: string } & Partial<StaffInput> = {},
) {
  const { receivedOn = '2025-09-29', ...overrides } = options;
  return registerByStaff(actor, ctx, buildStaffInput(agencyId, { submittedOn: receivedOn, ...overrides }));
}
