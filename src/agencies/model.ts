// Agencies (机关) and their hierarchy, users and roles: plain types, labels and input schemas. No I/O.
import { z } from 'zod';
import { optionalText, text } from '../validation-fields.ts';
import { creditCodeProblem } from './credit-code.ts';

export const ROLES = ['sysadmin', 'agencyAdmin', 'handler', 'reviewer', 'publisher', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  sysadmin: '系统管理员',
  agencyAdmin: '机构管理员',
  handler: '承办人',
  reviewer: '审核人',
  publisher: '发布员',
  inspector: '督查员',
};

export const AGENCY_KINDS = ['government', 'department'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = { government: '人民政府', department: '政府部门' };

export interface Agency {
  id: number;
  name: string;
  shortName: string | null;
  creditCode: string | null;
  kind: AgencyKind;
  parentId: number | null;
  officeAddress: string | null;
  officeHours: string | null;
  officePhone: string | null;
  officeFax: string | null;
  officeEmail: string | null;
  website: string | null;
  reviewBody: string | null;
  court: string | null;
  letterPrefix: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A user as the rest of the system sees it: never the password hash. */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  mustChangePassword: boolean;
  active: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** Who is acting. The command line acts as a system administrator without an agency (id null). */
export interface Actor {
  id: number | null;
  name: string;
  role: Role;
  agencyId: number | null;
  clientAddress?: string | null;
}

export function userActor(user: User, clientAddress: string | null = null): Actor {
  return { id: user.id, name: user.username, role: user.role, agencyId: user.agencyId, clientAddress };
}

export function cliActor(osUser: string): Actor {
  return { id: null, name: `命令行:${osUser}`, role: 'sysadmin', agencyId: null, clientAddress: 'local' };
}

/** The fields of a user worth keeping in the audit log (an allow-list: no hash, no lock state noise). */
export function userSummary(u: User) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    agencyId: u.agencyId,
    active: u.active,
  };
}

// --- Input schemas -----------------------------------------------------------------------------------------------

export const AGENCY_FIELD_LABELS: Record<string, string> = {
  name: '机构全称',
  shortName: '机构简称',
  creditCode: '统一社会信用代码',
  kind: '机构类别',
  parentId: '上级机构',
  officeAddress: '信息公开工作机构地址',
  officeHours: '办公时间',
  officePhone: '联系电话',
  officeFax: '传真',
  officeEmail: '电子邮箱',
  website: '网站',
  reviewBody: '行政复议机关',
  court: '管辖人民法院',
  letterPrefix: '文书编号前缀',
};

const phone = z
  .string()
  .trim()
  .regex(/^[\d\-+() 、，,；;转]{5,60}$/, '应为电话号码，如 0517-83606114')
  .nullish()
  .transform((v) => v || null);

export const agencyInput = z.object({
  name: text(100),
  shortName: optionalText(30),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((v, ctx) => {
      const problem = creditCodeProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullish()
    .transform((v) => v || null),
  kind: z.enum(AGENCY_KINDS, { error: '应为“government”（人民政府）或“department”（政府部门）' }),
  parentId: z
    .number({ error: '应为机构编号' })
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  officeAddress: optionalText(200),
  officeHours: optionalText(200),
  officePhone: phone,
  officeFax: phone,
  officeEmail: z
    .email('应为电子邮箱地址，如 gkb@example.gov.cn')
    .nullish()
    .transform((v) => v || null),
  website: z
    .url({ protocol: /^https?$/, error: '应为以 http:// 或 https:// 开头的网址' })
    .nullish()
    .transform((v) => v || null),
  reviewBody: optionalText(100),
  court: optionalText(100),
  letterPrefix: optionalText(30),
});
export type AgencyInput = z.input<typeof agencyInput>;
export type AgencyFields = z.output<typeof agencyInput>;

export const agencyPatch = agencyInput.partial();
export type AgencyPatch = z.input<typeof agencyPatch>;

const ROLE_CHOICES = `应为以下之一：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`;

export const USER_FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  agencyId: '所属机构',
  active: '启用状态',
  password: '密码',
  newPassword: '新密码',
  currentPassword: '原密码',
};

export const userInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9._-]{2,31}$/, '应为3至32位小写字母、数字或 . _ -，以字母开头'),
  displayName: text(50),
  role: z.enum(ROLES, { error: ROLE_CHOICES }),
  agencyId: z
    .number({ error: '应为机构编号' })
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  /** Absent: a strong password is generated and shown once. */
  password: z.string().optional(),
});
export type UserInput = z.input<typeof userInput>;

export const userPatch = z.object({
  displayName: text(50).optional(),
  role: z.enum(ROLES, { error: ROLE_CHOICES }).optional(),
  active: z.boolean({ error: '应为是或否' }).optional(),
});
export type UserPatch = z.input<typeof userPatch>;
