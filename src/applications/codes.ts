// 查询号 and 查询码. The tracking number is public and guessable (it is printed on the receipt); the query code is
// the applicant's secret: 16 random characters (80 bits) shown once, stored only as its SHA-256 — a slow password
// hash is not needed for a random code of this length — and compared in constant time.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** GK2025-3-000123: year of submission, agency id, sequence within that agency and year. */
export function formatTrackingNo(year: number, agencyId: number, seq: number): string {
  return `GK${year}-${agencyId}-${String(seq).padStart(6, '0')}`;
}

// No 0/O, 1/I/L: the code is read off paper and typed back.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const QUERY_CODE_LENGTH = 16;

export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Spaces, dashes and case are forgiven: “abcd-efgh …” is the same code. */
export function normalizeQueryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function hashQueryCode(code: string): string {
  return createHash('sha256').update(normalizeQueryCode(code), 'utf8').digest('hex');
}

/** A hash nothing matches: compared against when the tracking number is unknown, so both paths take the same time. */
export const NO_MATCH_HASH = 'f'.repeat(64);

export function queryCodeMatches(code: string, storedHash: string): boolean {
  const given = Buffer.from(hashQueryCode(code), 'hex');
  const stored = Buffer.from(/^[0-9a-f]{64}$/.test(storedHash) ? storedHash : NO_MATCH_HASH, 'hex');
  return timingSafeEqual(given, stored);
}
