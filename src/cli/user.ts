// `gongkai user create|reset-password|list`: accounts from the command line, e.g. the first agency administrators.
// Whoever runs these can read the database file anyway; they act as 命令行:<os user> in the audit log.
import { createUser, listUsers, resetPassword } from '../agencies/accounts.ts';
import { ROLE_LABELS, ROLES, type Role } from '../agencies/model.ts';
import { findAgencyByKey, findUserByUsername } from '../agencies/repository.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { actor, type CliDeps, parse, readProcessStdin, runGuarded, UsageError, withContext } from './deps.ts';
import type { Io } from './io.ts';

export const USER_USAGE = `  gongkai user create --username 用户名 --role 角色 [--agency 机构] [--name 姓名] [--password-stdin]
      新建用户；不加 --password-stdin 时生成随机密码并只显示这一次；首次登录须修改密码
      角色：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}
      机构：编号、统一社会信用代码、全称或简称
  gongkai user reset-password --username 用户名
      重置密码（生成随机密码并只显示这一次），同时解除锁定、结束该用户的全部登录
  gongkai user list [--agency 机构]
      列出某机构的用户（不加 --agency 时列出系统管理员）`;

async function agencyId(ctx: Context, key: string | undefined): Promise<number | null> {
  if (key === undefined) return null;
  const agency = await findAgencyByKey(ctx.db.kysely, key);
  if (!agency) throw errors.validation('agencyId', '所属机构', `找不到机构“${key}”`);
  return agency.id;
}

function passwordNotice(password: string): string {
  return `初始密码（只显示这一次，请以安全方式交给本人，首次登录须修改）：\n${password}`;
}

export async function userCommand(args: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  return runGuarded(io, `用法：\n${USER_USAGE}`, async () => {
    const { values, positionals } = parse(args, {
      username: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    });
    const [sub, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`多余的参数：${extra.join(' ')}`);
    const v = values as {
      username?: string;
      role?: string;
      agency?: string;
      name?: string;
      'password-stdin'?: boolean;
    };
    if (sub === 'create') {
      if (!v.username) throw new UsageError('user create 需要 --username');
      if (!v.role) throw new UsageError('user create 需要 --role');
      let password: string | undefined;
      if (v['password-stdin']) {
        // One line; the newline a shell pipe adds is not part of the password.
        password = (await (deps.readStdin ?? readProcessStdin)()).replace(/\r?\n$/, '');
      }
      return withContext(deps, async (ctx) => {
        const { user, generatedPassword } = await createUser(actor(), ctx, {
          username: v.username as string,
          displayName: v.name ?? (v.username as string),
          role: v.role as Role,
          agencyId: await agencyId(ctx, v.agency),
          ...(password !== undefined ? { password } : {}),
        });
        io.stdout(`已新建用户 ${user.username}（${ROLE_LABELS[user.role]}，编号 ${user.id}）`);
        if (generatedPassword) io.stdout(passwordNotice(generatedPassword));
        return 0;
      });
    }
    if (sub === 'reset-password') {
      if (!v.username) throw new UsageError('user reset-password 需要 --username');
      return withContext(deps, async (ctx) => {
        const user = await findUserByUsername(ctx.db.kysely, v.username as string);
        if (!user) throw errors.notFound('用户', v.username as string);
        const password = await resetPassword(actor(), ctx, user.id);
        io.stdout(`已重置用户 ${user.username} 的密码，并结束其全部登录`);
        io.stdout(passwordNotice(password));
        return 0;
      });
    }
    if (sub === 'list') {
      return withContext(deps, async (ctx) => {
        const users = await listUsers(actor(), ctx, await agencyId(ctx, v.agency));
        for (const u of users) {
          const flags = [u.active ? '' : '已停用', u.mustChangePassword ? '须改密码' : ''].filter(Boolean).join('，');
          io.stdout(`${u.id}\t${u.username}\t${u.displayName}\t${ROLE_LABELS[u.role]}${flags ? `\t${flags}` : ''}`);
        }
        if (users.length === 0) io.stdout('（没有用户）');
        return 0;
      });
    }
    throw new UsageError(sub ? `未知的 user 子命令“${sub}”` : '缺少 user 子命令');
  });
}
