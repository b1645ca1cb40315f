// Passwords (GB/T 22239-2019 8.1.4.1 身份鉴别: complexity, periodic change). Hashed with argon2id; the cost comes
// from config.ts. No password exists anywhere by default: the first administrator's is generated at random.
import { randomInt } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import type { SecurityConfig } from '../config.ts';

export async function hashPassword(password: string, security: SecurityConfig): Promise<string> {
  return hash(password, {
    algorithm: Algorithm.Argon2id,
    memoryCost: security.argon2MemoryKib,
    timeCost: security.argon2TimeCost,
    parallelism: 1,
  });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spend the same time on an unknown username as on a known one, so timing does not reveal which exist. */
export async function verifyAgainstDummy(password: string, security: SecurityConfig): Promise<void> {
  dummyHash ??= hashPassword(`dummy-${randomInt(1e9)}`, security);
  await verifyPassword(await dummyHash, password);
}

const CLASSES: readonly [string, RegExp][] = [
  ['大写字母', /[A-Z]/],
  ['小写字母', /[a-z]/],
  ['数字', /\d/],
  ['符号', /[^A-Za-z0-9]/],
];

export const MAX_PASSWORD_LENGTH = 128;

/** The rule a password breaks, in Chinese, or null when it is acceptable. */
export function passwordProblem(password: string, security: SecurityConfig, username?: string): string | null {
  const rule = `至少${security.passwordMinLength}个字符，且包含大写字母、小写字母、数字、符号中的至少${security.passwordMinClasses}类`;
  if ([...password].length < security.passwordMinLength) return rule;
  if (password.length > MAX_PASSWORD_LENGTH) return `不得超过${MAX_PASSWORD_LENGTH}个字符`;
  const classes = CLASSES.filter(([, re]) => re.test(password)).length;
  if (classes < security.passwordMinClasses) return rule;
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '不得包含用户名';
  return null;
}

// No 0/O, 1/l/I: generated passwords are read off a screen and typed in.
const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+-=@^_~'];

/** A random password with every character class, from the operating system's CSPRNG. */
export function generatePassword(length = 16): string {
  const all = ALPHABETS.join('');
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)] as string);
  while (chars.length < length) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

/** GB/T 22239: 定期更换. True once the password is older than the configured maximum age. */
export function passwordExpired(changedAt: string, now: Date, security: SecurityConfig): boolean {
  return now.getTime() - Date.parse(changedAt) >= security.passwordMaxAgeDays * 86_400_000;
}
