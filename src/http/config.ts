// The server's own settings, parsed once at start beside src/config.ts (which holds the database and the security
// numbers). Defaults make `npm start` work on a fresh machine; production sets GONGKAI_DEMO=0 and, behind an
// HTTPS proxy, GONGKAI_SECURE_COOKIES=1 and GONGKAI_TRUST_PROXY=1.
//
// | Variable                 | Default    | Meaning                                                              |
// |--------------------------|------------|----------------------------------------------------------------------|
// | PORT                     | 3000       | TCP port                                                             |
// | HOST                     | 127.0.0.1  | address to listen on (0.0.0.0: every interface)                      |
// | GONGKAI_DEMO             | 1          | 1: seed a demo district into an empty database; 0: production        |
// | GONGKAI_SITE_NAME        | (derived)  | the portal's name; default: the top agency's name + 政府信息公开       |
// | GONGKAI_SECURE_COOKIES   | 0          | 1: cookies only over HTTPS (Secure, __Host- prefix) and HSTS          |
// | GONGKAI_TRUST_PROXY      | 0          | 1: take the client address from X-Forwarded-For (set by nginx)       |
// | GONGKAI_BODY_LIMIT_KIB   | 1024       | largest request body accepted                                        |
// | GONGKAI_LOG_LEVEL        | info       | pino level: fatal, error, warn, info, debug, silent                  |
import { z } from 'zod';
import { envInt } from '../config.ts';

export interface ServerConfig {
  port: number;
  host: string;
  demo: boolean;
  siteName: string | null;
  secureCookies: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
}

const flag = (fallback: boolean) =>
  z
    .enum(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'], { error: '应为 0 或 1' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(v)));

const envSchema = z.object({
  PORT: envInt(0, 65535, 3000),
  HOST: z.string().trim().min(1).optional(),
  GONGKAI_DEMO: flag(true),
  GONGKAI_SITE_NAME: z.string().trim().max(60, '不得超过60个字符').optional(),
  GONGKAI_SECURE_COOKIES: flag(false),
  GONGKAI_TRUST_PROXY: flag(false),
  GONGKAI_BODY_LIMIT_KIB: envInt(16, 1024 * 1024, 1024),
  GONGKAI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).optional(),
});

/** Parse the environment (and the `--no-demo` / `--demo` switches); throws an Error naming the variable. */
export function parseServerConfig(env: Record<string, string | undefined>, argv: readonly string[] = []): ServerConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `环境变量 ${i.path.join('.')}：${i.message}`);
    throw new Error(`配置有误：\n${lines.join('\n')}`);
  }
  const e = result.data;
  let demo = e.GONGKAI_DEMO;
  if (argv.includes('--no-demo')) demo = false;
  else if (argv.includes('--demo')) demo = true;
  return {
    port: e.PORT,
    host: e.HOST ?? '127.0.0.1',
    demo,
    siteName: e.GONGKAI_SITE_NAME || null,
    secureCookies: e.GONGKAI_SECURE_COOKIES,
    trustProxy: e.GONGKAI_TRUST_PROXY,
    bodyLimitBytes: e.GONGKAI_BODY_LIMIT_KIB * 1024,
    logLevel: e.GONGKAI_LOG_LEVEL ?? 'info',
  };
}

/** For tests: the defaults with overrides. */
export function testServerConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...parseServerConfig({}), logLevel: 'silent', ...overrides };
}
