import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY } from '../config.ts';
import { generatePassword, hashPassword, passwordExpired, passwordProblem, verifyPassword } from './passwords.ts';

const rule = '至少8个字符，且包含大写字母、小写字母、数字、符号中的至少3类';

describe('password rules (GB/T 22239 身份鉴别)', () => {
  it.each([
    ['Ab1!', rule],
    ['abcdefgh1', rule],
    ['abcdefg1A', null],
    ['abcdef1!', null],
    ['Zhangsan-2025', '不得包含用户名'],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password, DEFAULT_SECURITY, 'zhangsan')).toBe(problem);
  });

  it('generates passwords that pass the rules and differ', () => {
    const a = generatePassword();
    const b = generatePassword();
    expect(a).not.toBe(b);
    expect(a).toHaveLength(16);
    expect(passwordProblem(a, { ...DEFAULT_SECURITY, passwordMinClasses: 4 })).toBeNull();
  });

  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('Correct-horse-1', {
      ...DEFAULT_SECURITY,
      argon2MemoryKib: 8192,
      argon2TimeCost: 1,
    });
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Correct-horse-1')).toBe(true);
    expect(await verifyPassword(hash, 'correct-horse-1')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('expires a password after 90 days', () => {
    const changed = '2025-01-01T00:00:00.000Z';
    expect(passwordExpired(changed, new Date('2025-03-31T23:59:59Z'), DEFAULT_SECURITY)).toBe(false);
    expect(passwordExpired(changed, new Date('2025-04-01T00:00:00Z'), DEFAULT_SECURITY)).toBe(true);
  });
});
