import { describe, expect, it } from 'vitest';
import { parseServerConfig } from './config.ts';

describe('server configuration', () => {
  it('has defaults that work on a fresh machine: port 3000, local only, demo data', () => {
    expect(parseServerConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      demo: true,
      siteName: null,
      secureCookies: false,
      trustProxy: false,
      bodyLimitBytes: 1024 * 1024,
      logLevel: 'info',
    });
  });

  it('turns demo data off with GONGKAI_DEMO=0 or --no-demo', () => {
    expect(parseServerConfig({ GONGKAI_DEMO: '0' }).demo).toBe(false);
    expect(parseServerConfig({}, ['--no-demo']).demo).toBe(false);
    expect(parseServerConfig({ GONGKAI_DEMO: '0' }, ['--demo']).demo).toBe(true);
  });

  it('reads the production settings', () => {
    const c = parseServerConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      GONGKAI_SECURE_COOKIES: '1',
      GONGKAI_TRUST_PROXY: 'true',
      GONGKAI_SITE_NAME: '淮安市人民政府信息公开',
      GONGKAI_BODY_LIMIT_KIB: '64',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      secureCookies: true,
      trustProxy: true,
      bodyLimitBytes: 65536,
    });
    expect(c.siteName).toBe('淮安市人民政府信息公开');
  });

  it('names a bad variable in Chinese', () => {
    expect(() => parseServerConfig({ PORT: '70000', GONGKAI_DEMO: 'maybe' })).toThrow(
      '配置有误：\n环境变量 PORT：不得大于65535\n环境变量 GONGKAI_DEMO：应为 0 或 1',
    );
  });
});
