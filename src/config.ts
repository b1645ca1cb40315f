// The environment, parsed and validated once at start. Every setting has a default that makes a fresh machine work;
// the security numbers are the defaults of GB/T 22239-2019 (网络安全等级保护基本要求) level 2/3 practice and
// may only be made stricter within the bounds below.
//
// | Variable                         | Default              | Meaning                                              |
// |----------------------------------|----------------------|------------------------------------------------------|
// | DATABASE_URL                     | ./data/gongkai.db    | postgres://… for PostgreSQL; otherwise a SQLite file |
// | GONGKAI_PASSWORD_MIN_LENGTH      | 8                    | minimum password length                              |
// | GONGKAI_PASSWORD_MIN_CLASSES     | 3                    | of 4 classes: upper, lower, digit, symbol            |
// | GONGKAI_PASSWORD_MAX_AGE_DAYS    | 90                   | after this the user must change the password         |
// | GONGKAI_LOGIN_MAX_FAILURES       | 5                    | failed logins in a row before the account is locked  |
// | GONGKAI_LOCKOUT_MINUTES          | 15                   | how long a locked account stays locked               |
// | GONGKAI_SESSION_IDLE_MINUTES     | 30                   | a session unused this long ends                      |
// | GONGKAI_SESSION_MAX_HOURS        | 12                   | every session ends this long after login             |
// | GONGKAI_ARGON2_MEMORY_KIB        | 19456                | argon2id memory cost (OWASP: 19 MiB, t=2, p=1)       |
// | GONGKAI_ARGON2_TIME_COST         | 2                    | argon2id iterations                                  |
// | GONGKAI_AUDIT_RETENTION_DAYS     | 180                  | audit entries younger than this are never purged     |
// | GONGKAI_ATTACHMENT_MAX_FILE_MB   | 20                   | largest attachment (one file)                        |
// | GONGKAI_ATTACHMENT_MAX_FILES     | 10                   | attachments of one kind on one application           |
// | GONGKAI_ATTACHMENT_MAX_TOTAL_MB  | 50                   | their total size                                     |
import { z } from 'zod';
import type { AttachmentLimits } from './attachments/model.ts';

export type DatabaseConfig =
  | { engine: 'sqlite'; file: string }
  /** schema: a schema other than the default (the tests give each file its own). */
  | { engine: 'postgres'; url: string; schema?: string };

export interface SecurityConfig {
  passwordMinLength: number;
  passwordMinClasses: number;
  passwordMaxAgeDays: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  argon2MemoryKib: number;
  argon2TimeCost: number;
  /** 《网络安全法》第二十一条：网络日志留存不少于六个月. */
  auditRetentionDays: number;
}

export interface Config {
  database: DatabaseConfig;
  security: SecurityConfig;
  /** Always set by parseConfig; optional so that a hand-made Config (tests, CLI) may leave the defaults. */
  attachments?: AttachmentLimits;
}

export const DEFAULT_SQLITE_FILE = './data/gongkai.db';

/** An integer environment variable within [min, max], or the default when unset (shared by every config). */
export const envInt = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, '应为整数')
    .transform(Number)
    .pipe(z.number().int().min(min, `不得小于${min}`).max(max, `不得大于${max}`))
    .optional()
    .transform((v) => v ?? fallback);

const envSchema = z.object({
  DATABASE_URL: z.string().trim().optional(),
  GONGKAI_PASSWORD_MIN_LENGTH: envInt(8, 64, 8),
  GONGKAI_PASSWORD_MIN_CLASSES: envInt(3, 4, 3),
  GONGKAI_PASSWORD_MAX_AGE_DAYS: envInt(1, 90, 90),
  GONGKAI_LOGIN_MAX_FAILURES: envInt(1, 5, 5),
  GONGKAI_LOCKOUT_MINUTES: envInt(15, 24 * 60, 15),
  GONGKAI_SESSION_IDLE_MINUTES: envInt(1, 30, 30),
  GONGKAI_SESSION_MAX_HOURS: envInt(1, 12, 12),
  GONGKAI_ARGON2_MEMORY_KIB: envInt(8192, 1024 * 1024, 19456),
  GONGKAI_ARGON2_TIME_COST: envInt(1, 10, 2),
  GONGKAI_AUDIT_RETENTION_DAYS: envInt(180, 36500, 180),
  GONGKAI_ATTACHMENT_MAX_FILE_MB: envInt(1, 500, 20),
  GONGKAI_ATTACHMENT_MAX_FILES: envInt(1, 100, 10),
  GONGKAI_ATTACHMENT_MAX_TOTAL_MB: envInt(1, 2000, 50),
});

const MB = 1024 * 1024;

export function databaseConfig(url: string | undefined): DatabaseConfig {
  if (!url) return { engine: 'sqlite', file: DEFAULT_SQLITE_FILE };
  if (/^postgres(?:ql)?:\/\//i.test(url)) return { engine: 'postgres', url };
  return { engine: 'sqlite', file: url.replace(/^(?:sqlite|file):(?:\/\/)?/i, '') };
}

/** Parse the environment; throws an Error naming the variable in Chinese. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `环境变量 ${i.path.join('.')}：${i.message}`);
    throw new Error(`配置有误：\n${lines.join('\n')}`);
  }
  const e = result.data;
  return {
    database: databaseConfig(e.DATABASE_URL),
    security: {
      passwordMinLength: e.GONGKAI_PASSWORD_MIN_LENGTH,
      passwordMinClasses: e.GONGKAI_PASSWORD_MIN_CLASSES,
      passwordMaxAgeDays: e.GONGKAI_PASSWORD_MAX_AGE_DAYS,
      loginMaxFailures: e.GONGKAI_LOGIN_MAX_FAILURES,
      lockoutMinutes: e.GONGKAI_LOCKOUT_MINUTES,
      sessionIdleMinutes: e.GONGKAI_SESSION_IDLE_MINUTES,
      sessionMaxHours: e.GONGKAI_SESSION_MAX_HOURS,
      argon2MemoryKib: e.GONGKAI_ARGON2_MEMORY_KIB,
      argon2TimeCost: e.GONGKAI_ARGON2_TIME_COST,
      auditRetentionDays: e.GONGKAI_AUDIT_RETENTION_DAYS,
    },
    attachments: {
      maxFileBytes: e.GONGKAI_ATTACHMENT_MAX_FILE_MB * MB,
      maxFiles: e.GONGKAI_ATTACHMENT_MAX_FILES,
      maxTotalBytes: e.GONGKAI_ATTACHMENT_MAX_TOTAL_MB * MB,
    },
  };
}

/** The defaults, for tests and for code that runs without an environment. */
export const DEFAULT_SECURITY: SecurityConfig = parseConfig({}).security;

let loaded: Config | undefined;

/** The process's configuration, parsed from process.env on first use and then kept. */
export function getConfig(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}
