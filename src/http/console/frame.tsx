// What every console page shares: the modules a role may open (decided by the policy table), and the frame with
// the signed-in user's name, role and agency.
import type { Context, MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import { ROLE_LABELS, type Role } from '../../agencies/model.ts';
import { type Action, decide, RELATIONS } from '../../agencies/policy.ts';
import { getAgency } from '../../agencies/service.ts';
import { errors } from '../../errors.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { ConsolePage, type ConsoleUser, type NavItem } from '../layout.tsx';
import { html } from '../render.ts';
import { noticeBell } from './notices.tsx';

export interface Module extends NavItem {
  /** What the role must be allowed somewhere to see the module; null: every staff member. */
  action: Action | null;
  description: string;
}

export const MODULES: readonly Module[] = [
  {
    href: '/console/applications',
    label: '依申请公开办理',
    action: 'application.view',
    description: '登记、办理、答复政府信息公开申请，计算法定期限。',
  },
  {
    href: '/console/catalog',
    label: '主动公开目录',
    action: 'catalog.view',
    description: '编辑、审核、发布主动公开的政府信息。',
  },
  {
    href: '/console/feedback',
    label: '公众留言',
    action: 'feedback.view',
    description: '答复公众的咨询、意见建议和纠错留言，跟踪答复期限。',
  },
  {
    href: '/console/reports',
    label: '年度报告',
    action: null,
    description: '编制、检查、发布政府信息公开工作年度报告。',
  },
  {
    href: '/console/statistics',
    label: '统计分析',
    action: 'report.view',
    description: '按月份、办理结果、申请人类型统计依申请公开，查看按期答复率和答复用时。',
  },
  {
    href: '/console/appeals',
    label: '复议诉讼',
    action: 'application.view',
    description: '行政复议、行政诉讼案件台账。',
  },
  { href: '/console/agencies', label: '机构与用户', action: 'user.view', description: '管理机构信息和用户账户。' },
  { href: '/console/audit', label: '审计日志', action: 'audit.view', description: '查询系统操作记录。' },
  { href: '/console/calendar', label: '工作日历', action: 'calendar.manage', description: '录入每年的节假日安排。' },
];

/** Whether the policy table lets the role do the module's action on any agency at all. */
export function mayOpen(role: Role, module: Module): boolean {
  return module.action === null || RELATIONS.some((r) => decide(role, module.action as Action, r));
}

/** Middleware after requireLogin(): the module's pages are refused to roles that may not open it. */
export function requireModule(href: string): MiddlewareHandler<AppEnv> {
  const module = MODULES.find((m) => m.href === href);
  if (!module) throw new Error(`no console module ${href}`);
  return async (c, next) => {
    if (!mayOpen(c.get('auth').user.role, module)) throw errors.forbidden(`使用“${module.label}”功能`);
    await next();
  };
}

export async function currentUser(c: Context<AppEnv>): Promise<ConsoleUser> {
  const { user, actor } = c.get('auth');
  const agency = user.agencyId === null ? null : await getAgency(actor, c.get('ctx'), user.agencyId);
  return { displayName: user.displayName, roleLabel: ROLE_LABELS[user.role], agencyName: agency?.name ?? '全系统' };
}

/** Render a signed-in console page. */
export async function consolePage(
  c: Context<AppEnv>,
  props: { title: string; current?: string; children?: Child; status?: 200 | 400 | 403 | 409 },
) {
  const auth = c.get('auth');
  const nav = auth.mustChangePassword ? [] : MODULES.filter((m) => mayOpen(auth.user.role, m));
  return html(
    c,
    <ConsolePage
      title={props.title}
      settings={c.get('settings')}
      nav={[{ href: '/console', label: '首页' }, ...nav]}
      current={props.current ?? ''}
      user={await currentUser(c)}
      csrf={csrfToken(c)}
      bell={await noticeBell(auth.actor, c.get('ctx'))}
    >
      {props.children}
    </ConsolePage>,
    props.status ?? 200,
  );
}
