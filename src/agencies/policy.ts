// Who may do what, and where: ONE table of rules (architecture.md §7). A rule names, for a role and an action,
// the agencies — relative to the actor's own — on which the action is allowed:
//   own        the actor's agency
//   child      any agency below it (a people's government's departments, and theirs)
//   parent     any agency above it
//   unrelated  any other agency, or no agency (system-wide records such as the audit log)
// Anything not listed is refused. Separation of duties (GB/T 22239 三权分立 practice): the system administrator
// manages agencies, accounts and the audit log but does not handle applications or publish; reviewers approve
// what handlers and publishers prepare; inspectors only read.
import type { Role } from './model.ts';

export const ACTIONS = [
  'agency.view',
  'agency.create',
  'agency.update',
  'user.view',
  'user.create',
  'user.update',
  'user.resetPassword',
  'application.view',
  'application.handle',
  'application.approve',
  'catalog.view',
  'catalog.edit',
  'catalog.approve',
  'catalog.publish',
  'feedback.view',
  'feedback.answer',
  'report.view',
  'report.edit',
  'report.approve',
  'report.publish',
  'audit.view',
  'audit.verify',
  'calendar.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

export const RELATIONS = ['own', 'parent', 'child', 'unrelated'] as const;
export type Relation = (typeof RELATIONS)[number];

/** For messages: “无权{label}”. */
export const ACTION_LABELS: Record<Action, string> = {
  'agency.view': '查看该机构',
  'agency.create': '新建机构',
  'agency.update': '修改该机构的设置',
  'user.view': '查看该机构的用户',
  'user.create': '为该机构新建用户',
  'user.update': '修改该用户',
  'user.resetPassword': '重置该用户的密码',
  'application.view': '查看该机构的依申请公开件',
  'application.handle': '办理该机构的依申请公开件',
  'application.approve': '审核该机构的延期、答复',
  'catalog.view': '查看该机构的公开目录',
  'catalog.edit': '编辑该机构的公开目录',
  'catalog.approve': '审核该机构的信息发布',
  'catalog.publish': '发布该机构的政府信息',
  'feedback.view': '查看该机构收到的公众留言',
  'feedback.answer': '答复该机构收到的公众留言',
  'report.view': '查看该机构的年度报告',
  'report.edit': '编制该机构的年度报告',
  'report.approve': '审核该机构的年度报告',
  'report.publish': '发布该机构的年度报告',
  'audit.view': '查看审计日志',
  'audit.verify': '核验审计日志',
  'calendar.manage': '维护节假日安排',
};

const ANY: readonly Relation[] = RELATIONS;
const OWN: readonly Relation[] = ['own'];
const SUBTREE: readonly Relation[] = ['own', 'child'];

export const RULES: Record<Role, Partial<Record<Action, readonly Relation[]>>> = {
  sysadmin: {
    'agency.view': ANY,
    'agency.create': ANY,
    'agency.update': ANY,
    'user.view': ANY,
    'user.create': ANY,
    'user.update': ANY,
    'user.resetPassword': ANY,
    'audit.view': ANY,
    'audit.verify': ANY,
    // The working-day calendar is system-wide (no agency): only the system administrator enters each year's notice.
    'calendar.manage': ANY,
  },
  agencyAdmin: {
    'agency.view': ANY, // an agency's contact details are public (条例第二十四条) anyway
    'agency.update': OWN,
    'user.view': OWN,
    'user.create': OWN,
    'user.update': OWN,
    'user.resetPassword': OWN,
    'report.view': OWN,
  },
  handler: {
    'agency.view': ANY,
    'application.view': OWN,
    'application.handle': OWN,
    'feedback.view': OWN,
    'feedback.answer': OWN,
    // The annual report is compiled from the records the handler keeps; the handler drafts and submits it.
    'report.view': OWN,
    'report.edit': OWN,
  },
  reviewer: {
    'agency.view': ANY,
    'application.view': OWN,
    'application.approve': OWN,
    'catalog.view': OWN,
    'catalog.approve': OWN,
    'feedback.view': OWN,
    'feedback.answer': OWN,
    'report.view': SUBTREE,
    'report.edit': OWN,
    // A supervising office's reviewer approves its departments' reports; an agency without a parent approves its
    // own (the service refuses 'own' when the agency has a parent in the installation).
    'report.approve': SUBTREE,
    'report.publish': OWN,
  },
  publisher: {
    'agency.view': ANY,
    'catalog.view': OWN,
    'catalog.edit': OWN,
    'catalog.publish': OWN,
    'feedback.view': OWN,
    'feedback.answer': OWN,
    'report.view': OWN,
    'report.publish': OWN,
  },
  inspector: {
    'agency.view': ANY,
    'user.view': SUBTREE,
    'application.view': SUBTREE,
    'catalog.view': SUBTREE,
    'feedback.view': SUBTREE,
    'report.view': SUBTREE,
  },
};

export function decide(role: Role, action: Action, relation: Relation): boolean {
  return RULES[role][action]?.includes(relation) ?? false;
}

/**
 * How the target agency stands to the actor's. Each path lists an agency's ancestors from the root down to the
 * agency itself; an empty path means no agency (the command line, a system-wide record).
 */
export function relationOf(actorPath: readonly number[], targetPath: readonly number[]): Relation {
  const actorId = actorPath.at(-1);
  const targetId = targetPath.at(-1);
  if (actorId === undefined || targetId === undefined) return 'unrelated';
  if (actorId === targetId) return 'own';
  if (targetPath.includes(actorId)) return 'child';
  if (actorPath.includes(targetId)) return 'parent';
  return 'unrelated';
}

/** Which roles a role may give to others (and manage accounts of): nobody makes someone more powerful than
 * themselves, and only a system administrator appoints agency administrators. */
export const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  sysadmin: ['sysadmin', 'agencyAdmin', 'handler', 'reviewer', 'publisher', 'inspector'],
  agencyAdmin: ['handler', 'reviewer', 'publisher', 'inspector'],
  handler: [],
  reviewer: [],
  publisher: [],
  inspector: [],
};

export function mayGrant(actorRole: Role, role: Role): boolean {
  return GRANTABLE_ROLES[actorRole].includes(role);
}
