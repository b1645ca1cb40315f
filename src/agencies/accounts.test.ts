import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, CLI, testContext } from '../../test/platform.ts';
import type { Context } from '../context.ts';
import { changePassword, createUser, ensureFirstAdmin, listUsers, resetPassword, updateUser } from './accounts.ts';
import type { Agency } from './model.ts';
import { verifyPassword } from './passwords.ts';
import { findUser } from './repository.ts';
import { login } from './sessions.ts';

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let tree: { government: Agency; department: Agency; unit: Agency; other: Agency };
  beforeAll(async () => {
    ctx = testContext(getDb());
    // Before anything else: the first administrator is created once, on the empty database only.
    const first = await ensureFirstAdmin(ctx);
    expect(first?.username).toBe('admin');
    expect(first?.password).toHaveLength(16);
    expect(await ensureFirstAdmin(ctx)).toBeNull();
    const admin = await findUser(getDb().kysely, 1);
    expect(admin).toMatchObject({ role: 'sysadmin', mustChangePassword: true, agencyId: null });
    expect(await verifyPassword(admin?.passwordHash as string, first?.password as string)).toBe(true);
    tree = await buildHierarchy(ctx);
  });

  it('creates a user with a generated password that must be changed at first login', async () => {
    const created = await createUser(CLI, ctx, {
      username: 'Zhang.San',
      displayName: '张三',
      role: 'handler',
      agencyId: tree.department.id,
    });
    expect(created.user).toMatchObject({
      username: 'zhang.san',
      role: 'handler',
      mustChangePassword: true,
      active: true,
    });
    expect(created.user).not.toHaveProperty('passwordHash');
    expect(created.generatedPassword).toMatch(/^.{16}$/);
    const result = await login(ctx, { username: 'zhang.san', password: created.generatedPassword as string });
    expect(result.mustChangePassword).toBe(true);
  });

  it('rejects a weak password, a duplicate username and a user without an agency, naming the field', async () => {
    const base = { displayName: '李四', role: 'handler' as const, agencyId: tree.department.id };
    await expect(createUser(CLI, ctx, { ...base, username: 'lisi', password: 'password' })).rejects.toMatchObject({
      code: 'weakPassword',
      field: 'password',
      message: '密码不符合要求：至少8个字符，且包含大写字母、小写字母、数字、符号中的至少3类',
    });
    await expect(createUser(CLI, ctx, { ...base, username: 'zhang.san' })).rejects.toMatchObject({
      code: 'conflict',
      field: 'username',
      message: '用户名已存在，不能重复',
    });
    await expect(createUser(CLI, ctx, { ...base, username: 'lisi', agencyId: null })).rejects.toThrow(
      '所属机构：除系统管理员外，用户必须属于某一机构',
    );
    await expect(createUser(CLI, ctx, { ...base, username: 'lisi', role: 'boss' as never })).rejects.toThrow(
      '角色：应为以下之一：sysadmin（系统管理员）、agencyAdmin（机构管理员）、handler（承办人）、reviewer（审核人）、publisher（发布员）、inspector（督查员）',
    );
  });

  it('lets an agency administrator manage only the lesser roles of their own agency', async () => {
    const { actor } = await buildUser(ctx, 'agencyAdmin', tree.department.id);
    const made = await createUser(actor, ctx, {
      username: 'wangwu',
      displayName: '王五',
      role: 'reviewer',
      agencyId: tree.department.id,
    });
    expect(made.user.agencyId).toBe(tree.department.id);
    await expect(
      createUser(actor, ctx, {
        username: 'xiaoming',
        displayName: 'x',
        role: 'agencyAdmin',
        agencyId: tree.department.id,
      }),
    ).rejects.toThrow('无权授予“机构管理员”角色');
    await expect(
      createUser(actor, ctx, { username: 'xiaohong', displayName: 'x', role: 'handler', agencyId: tree.unit.id }),
    ).rejects.toThrow('无权为该机构新建用户');
    await expect(updateUser(actor, ctx, made.user.id, { role: 'sysadmin' })).rejects.toThrow('无权修改该用户');
    const renamed = await updateUser(actor, ctx, made.user.id, { displayName: '王五（审核）' });
    expect(renamed.displayName).toBe('王五（审核）');
    expect((await listUsers(actor, ctx, tree.department.id)).map((u) => u.username)).toContain('wangwu');
    await expect(listUsers(actor, ctx, tree.government.id)).rejects.toThrow('无权查看该机构的用户');
  });

  it('resets a password: new one shown once, must change, unlocked, sessions ended', async () => {
    const { user, password } = await buildUser(ctx, 'publisher', tree.government.id);
    const before = await login(ctx, { username: user.username, password });
    const fresh = await resetPassword(CLI, ctx, user.id);
    await expect(login(ctx, { username: user.username, password })).rejects.toThrow('用户名或密码错误');
    const after = await login(ctx, { username: user.username, password: fresh });
    expect(after.mustChangePassword).toBe(true);
    const sessions = await getDb()
      .kysely.selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toHaveLength(1);
    expect(before.token).not.toBe(after.token);
  });

  it('changes one’s own password and clears the must-change flag', async () => {
    const { user, actor, password } = await buildUser(ctx, 'handler', tree.government.id);
    await expect(
      changePassword(actor, ctx, { currentPassword: 'Wrong-pass-1', newPassword: 'New-pass-123' }),
    ).rejects.toMatchObject({
      field: 'currentPassword',
      message: '原密码：不正确',
    });
    await expect(changePassword(actor, ctx, { currentPassword: password, newPassword: 'short' })).rejects.toThrow(
      '新密码不符合要求',
    );
    await changePassword(actor, ctx, { currentPassword: password, newPassword: 'New-pass-123' });
    const stored = await findUser(getDb().kysely, user.id);
    expect(stored?.mustChangePassword).toBe(false);
    expect((await login(ctx, { username: user.username, password: 'New-pass-123' })).mustChangePassword).toBe(false);
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['outcome', 'summary'])
      .where('action', '=', 'user.changePassword')
      .where('object_id', '=', String(user.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.outcome)).toEqual(['failure', 'success']);
    expect(audit.map((a) => a.summary).join()).not.toContain('New-pass');
  });

  it('disabling an account ends its sessions and forbids disabling oneself', async () => {
    const { user, password } = await buildUser(ctx, 'handler', tree.government.id);
    await login(ctx, { username: user.username, password });
    await updateUser(CLI, ctx, user.id, { active: false });
    const left = await getDb()
      .kysely.selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(left).toEqual([]);
    await expect(login(ctx, { username: user.username, password })).rejects.toThrow('账户已停用，请联系本机关管理员');
    const { user: admin, actor } = await buildUser(ctx, 'sysadmin', null);
    await expect(updateUser(actor, ctx, admin.id, { active: false })).rejects.toThrow(
      '无权停用自己的账户或更改自己的角色',
    );
  });
});
