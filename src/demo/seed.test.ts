import { describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { creditCodeProblem } from '../agencies/credit-code.ts';
import { ROLES } from '../agencies/model.ts';
import { listAgencyRows, listUserRows } from '../agencies/repository.ts';
import { login } from '../agencies/sessions.ts';
import { DEFAULT_SECURITY } from '../config.ts';
import { formatCredentials, isDemoDatabase, seedDemo } from './seed.ts';

const security = { ...DEFAULT_SECURITY, argon2MemoryKib: 8192, argon2TimeCost: 1 };

describe('demo seed', () => {
  forEachEngine((_engine, getDb) => {
    it('seeds a district with one user per role into an empty database, once', async () => {
      const ctx = { db: getDb(), clock: () => new Date(), security };
      expect(await isDemoDatabase(ctx.db)).toBe(false);
      const credentials = await seedDemo(ctx);
      expect(credentials?.map((c) => c.roleLabel)).toHaveLength(ROLES.length);
      const agencies = await listAgencyRows(ctx.db.kysely);
      expect(agencies.map((a) => a.name)).toEqual([
        '示例区人民政府',
        '示例区人民政府办公室',
        '示例区市场监督管理局',
        '示例区教育局',
      ]);
      for (const a of agencies) expect(creditCodeProblem(a.creditCode ?? '')).toBeNull();
      expect(await isDemoDatabase(ctx.db)).toBe(true);
      const handler = credentials?.find((c) => c.username === 'scjg.handler');
      const result = await login(ctx, { username: 'scjg.handler', password: handler?.password ?? '' });
      expect(result.mustChangePassword).toBe(false);
      expect((await listUserRows(ctx.db.kysely, null)).map((u) => u.username)).toEqual(['admin']);
      expect(await seedDemo(ctx)).toBeNull();
      const text = formatCredentials(credentials ?? []);
      expect(text.match(/^ {2}[a-z][\w.-]+ +.*密码：\S+$/gm)).toHaveLength(ROLES.length);
    });
  });
});
