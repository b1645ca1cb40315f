import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY, parseConfig } from './config.ts';

describe('configuration', () => {
  it('has defaults that work on a fresh machine and meet GB/T 22239', () => {
    expect(parseConfig({})).toEqual({
      database: { engine: 'sqlite', file: './data/gongkai.db' },
      security: {
        passwordMinLength: 8,
        passwordMinClasses: 3,
        passwordMaxAgeDays: 90,
        loginMaxFailures: 5,
        lockoutMinutes: 15,
        sessionIdleMinutes: 30,
        sessionMaxHours: 12,
        argon2MemoryKib: 19456,
        argon2TimeCost: 2,
        auditRetentionDays: 180,
      },
      attachments: { maxFileBytes: 20 * 1024 * 1024, maxFiles: 10, maxTotalBytes: 50 * 1024 * 1024 },
    });
    expect(DEFAULT_SECURITY.lockoutMinutes).toBe(15);
  });

  it('switches to PostgreSQL with a postgres:// DATABASE_URL', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({
      engine: 'postgres',
      url: 'postgres://u@h/db',
    });
    expect(parseConfig({ DATABASE_URL: 'sqlite:/var/lib/gongkai.db' }).database).toEqual({
      engine: 'sqlite',
      file: '/var/lib/gongkai.db',
    });
  });

  it('accepts stricter settings and names the variable when one is weaker or malformed', () => {
    expect(parseConfig({ GONGKAI_PASSWORD_MIN_LENGTH: '12' }).security.passwordMinLength).toBe(12);
    expect(() => parseConfig({ GONGKAI_LOGIN_MAX_FAILURES: '10', GONGKAI_SESSION_IDLE_MINUTES: 'abc' })).toThrow(
      '配置有误：\n环境变量 GONGKAI_LOGIN_MAX_FAILURES：不得大于5\n环境变量 GONGKAI_SESSION_IDLE_MINUTES：应为整数',
    );
  });
});
