import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildAgencyInput, buildUser, CLI, type TestClock, testClock, testContext } from '../../test/platform.ts';
import type { Context } from '../context.ts';
import { createAgency } from './service.ts';
import { authenticate, hashToken, login, logout, purgeExpiredSessions, requireUsable } from './sessions.ts';

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let clock: TestClock;
  let agencyId: number;
  beforeAll(async () => {
    clock = testClock('2025-09-29T01:00:00.000Z');
    ctx = testContext(getDb(), clock);
    agencyId = (await createAgency(CLI, ctx, buildAgencyInput())).id;
  });

  it('signs in and stores only the hash of the token', async () => {
    const { user, password } = await buildUser(ctx, 'handler', agencyId);
    const result = await login(ctx, { username: user.username.toUpperCase(), password, clientAddress: '10.0.0.8' });
    expect(result.token).toMatch(/^[\w-]{43}$/);
    const rows = await getDb().kysely.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(rows.map((r) => r.token_hash)).toEqual([hashToken(result.token)]);
    expect(JSON.stringify(rows)).not.toContain(result.token);
    const auth = await authenticate(ctx, result.token);
    expect(auth.actor).toMatchObject({ id: user.id, role: 'handler', agencyId, clientAddress: '10.0.0.8' });
    // Created by an administrator: the first session may only change the password.
    expect(() => requireUsable(auth)).toThrow('密码已过期或为管理员重置的密码，请先修改密码');
    const login_ = await getDb()
      .kysely.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'session.login')
      .where('actor_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(login_).toMatchObject({ outcome: 'success', client_address: '10.0.0.8' });
  });

  it('says the same for an unknown user and a wrong password, and records both', async () => {
    const { user } = await buildUser(ctx, 'handler', agencyId);
    await expect(login(ctx, { username: 'nobody', password: 'x' })).rejects.toThrow('用户名或密码错误');
    await expect(login(ctx, { username: user.username, password: 'x' })).rejects.toThrow('用户名或密码错误');
    const failures = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['actor_name', 'summary'])
      .where('action', '=', 'session.login')
      .where('outcome', '=', 'failure')
      .where('actor_name', 'in', ['nobody', user.username])
      .orderBy('id')
      .execute();
    expect(failures).toEqual([
      { actor_name: 'nobody', summary: '{"error":"invalidCredentials"}' },
      { actor_name: user.username, summary: '{"detail":"wrongPassword"}' },
    ]);
  });

  it('locks the account for 15 minutes after 5 failures in a row', async () => {
    const { user, password } = await buildUser(ctx, 'reviewer', agencyId);
    clock.set('2025-09-29T02:00:00.000Z');
    for (let i = 0; i < 4; i++) {
      await expect(login(ctx, { username: user.username, password: 'Wrong-1234' })).rejects.toThrow('用户名或密码错误');
    }
    // 5th failure: locked until 10:15 Beijing time (02:15 UTC).
    await expect(login(ctx, { username: user.username, password: 'Wrong-1234' })).rejects.toThrow(
      '连续登录失败次数过多，账户已锁定至 2025-09-29 10:15，请稍后再试',
    );
    clock.advance(14);
    await expect(login(ctx, { username: user.username, password })).rejects.toMatchObject({ code: 'accountLocked' });
    clock.advance(1);
    const ok = await login(ctx, { username: user.username, password });
    expect(ok.user.failedAttempts).toBe(0);
  });

  it('ends a session idle for 30 minutes, and every session after 12 hours', async () => {
    const { user, password } = await buildUser(ctx, 'handler', agencyId);
    clock.set('2025-09-30T00:00:00.000Z');
    const { token } = await login(ctx, { username: user.username, password });
    clock.advance(29);
    await authenticate(ctx, token);
    clock.advance(29);
    await authenticate(ctx, token); // the previous call refreshed the idle clock
    clock.advance(30);
    await expect(authenticate(ctx, token)).rejects.toMatchObject({
      code: 'sessionExpired',
      message: '登录已超时，请重新登录',
    });
    await expect(authenticate(ctx, token)).rejects.toMatchObject({ code: 'notAuthenticated' });

    clock.set('2025-10-01T00:00:00.000Z');
    const second = await login(ctx, { username: user.username, password });
    for (let i = 0; i < 24; i++) {
      clock.advance(29);
      await authenticate(ctx, second.token);
    }
    clock.set('2025-10-01T12:00:00.000Z');
    await expect(authenticate(ctx, second.token)).rejects.toMatchObject({ code: 'sessionExpired' });
  });

  it('flags a password older than 90 days as must-change', async () => {
    const { user, password } = await buildUser(ctx, 'publisher', agencyId);
    await getDb().kysely.updateTable('users').set({ must_change_password: false }).where('id', '=', user.id).execute();
    clock.advance(89 * 24 * 60);
    expect((await login(ctx, { username: user.username, password })).mustChangePassword).toBe(false);
    clock.advance(24 * 60);
    expect((await login(ctx, { username: user.username, password })).mustChangePassword).toBe(true);
    const stored = await getDb()
      .kysely.selectFrom('users')
      .select('must_change_password')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.must_change_password).toBe(true);
  });

  it('logs out and purges expired sessions', async () => {
    const { user, password } = await buildUser(ctx, 'handler', agencyId);
    const { token } = await login(ctx, { username: user.username, password });
    await logout(ctx, token);
    await expect(authenticate(ctx, token)).rejects.toMatchObject({ code: 'notAuthenticated' });
    await login(ctx, { username: user.username, password });
    clock.advance(31);
    expect(await purgeExpiredSessions(ctx)).toBeGreaterThanOrEqual(1);
    const left = await getDb().kysely.selectFrom('sessions').select('token_hash').execute();
    expect(left).toEqual([]);
  });
});
