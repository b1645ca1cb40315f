import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildAgencyInput, CLI, TEST_SECURITY, testContext } from '../../test/platform.ts';
import { createAgency } from '../agencies/service.ts';
import { login } from '../agencies/sessions.ts';
import type { Config } from '../config.ts';
import type { Context } from '../context.ts';
import { agencyCommand } from './agency.ts';
import { memoryIo } from './io.ts';
import { userCommand } from './user.ts';

forEachEngine((_engine, getDb, getTest) => {
  let ctx: Context;
  let config: Config;
  beforeAll(async () => {
    ctx = testContext(getDb(), () => new Date());
    config = { database: getTest().config, security: TEST_SECURITY };
    await createAgency(CLI, ctx, buildAgencyInput({ name: '淮安市人民政府', shortName: '市政府' }));
  });

  it('creates a user with a generated password printed once, which then signs in', async () => {
    const io = memoryIo();
    const code = await userCommand(
      ['create', '--username', 'zhangsan', '--role', 'handler', '--agency', '市政府', '--name', '张三'],
      io,
      { config },
    );
    expect(io.err).toBe('');
    expect(code).toBe(0);
    const lines = io.out.trim().split('\n');
    expect(lines[0]).toMatch(/^已新建用户 zhangsan（承办人，编号 \d+）$/);
    expect(lines[1]).toBe('初始密码（只显示这一次，请以安全方式交给本人，首次登录须修改）：');
    const password = lines[2] as string;
    expect(password).toHaveLength(16);
    expect((await login(ctx, { username: 'zhangsan', password })).mustChangePassword).toBe(true);
  });

  it('reads the password from stdin with --password-stdin and never prints it', async () => {
    const io = memoryIo();
    const code = await userCommand(
      ['create', '--username', 'lisi', '--role', 'reviewer', '--agency', '淮安市人民政府', '--password-stdin'],
      io,
      { config, readStdin: async () => 'Str0ng-Pass!\n' },
    );
    expect(code).toBe(0);
    expect(io.out).not.toContain('Str0ng-Pass!');
    expect(io.out).not.toContain('初始密码');
    await login(ctx, { username: 'lisi', password: 'Str0ng-Pass!' });
  });

  it('names the problem: weak password, unknown agency, missing option', async () => {
    const weak = memoryIo();
    expect(
      await userCommand(
        ['create', '--username', 'wangwu', '--role', 'handler', '--agency', '市政府', '--password-stdin'],
        weak,
        {
          config,
          readStdin: async () => 'password\n',
        },
      ),
    ).toBe(1);
    expect(weak.err).toBe('gongkai: 密码不符合要求：至少8个字符，且包含大写字母、小写字母、数字、符号中的至少3类\n');
    const unknown = memoryIo();
    expect(
      await userCommand(['create', '--username', 'wangwu', '--role', 'handler', '--agency', '无此机构'], unknown, {
        config,
      }),
    ).toBe(1);
    expect(unknown.err).toBe('gongkai: 所属机构：找不到机构“无此机构”\n');
    const missing = memoryIo();
    expect(await userCommand(['create', '--username', 'wangwu'], missing, { config })).toBe(2);
    expect(missing.err).toContain('gongkai: user create 需要 --role');
  });

  it('resets a password and lists users', async () => {
    const reset = memoryIo();
    expect(await userCommand(['reset-password', '--username', 'lisi'], reset, { config })).toBe(0);
    const password = reset.out.trim().split('\n').at(-1) as string;
    await expect(login(ctx, { username: 'lisi', password: 'Str0ng-Pass!' })).rejects.toThrow('用户名或密码错误');
    await login(ctx, { username: 'lisi', password });
    const list = memoryIo();
    expect(await userCommand(['list', '--agency', '市政府'], list, { config })).toBe(0);
    expect(list.out).toMatch(/\tzhangsan\t张三\t承办人\t须改密码\n/);
  });

  it('creates agencies from the command line', async () => {
    const io = memoryIo();
    const code = await agencyCommand(
      [
        'create',
        '--name',
        '淮安市人民政府办公室',
        '--kind',
        'department',
        '--parent',
        '市政府',
        '--phone',
        '0517-83606114',
      ],
      io,
      { config },
    );
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toMatch(/^已新建机构 淮安市人民政府办公室（政府部门，编号 \d+）\n$/);
    const bad = memoryIo();
    expect(
      await agencyCommand(['create', '--name', 'X', '--kind', 'government', '--email', 'x'], bad, { config }),
    ).toBe(1);
    expect(bad.err).toBe('gongkai: 电子邮箱：应为电子邮箱地址，如 gkb@example.gov.cn\n');
    const list = memoryIo();
    await agencyCommand(['list'], list, { config });
    expect(list.out).toContain('淮安市人民政府办公室\t政府部门');
  });
});
