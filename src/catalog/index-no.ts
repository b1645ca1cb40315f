// 索引号: each published item's permanent number. The agency chooses the pattern; the default is the common
// “统一社会信用代码/年份-流水号” (e.g. 11320800MB1234567X/2025-00012). The 流水号 comes from a per agency/year
// counter that only grows, so a number once given is never given again.
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.ts';

export const DEFAULT_INDEX_PATTERN = '{credit}/{year}-{seq:5}';

const TOKEN = /\{(credit|year|id|seq(?::(\d))?)\}/g;

/** Null when the pattern is usable, else what is wrong with it (in Chinese, for the agency form). */
export function indexPatternProblem(pattern: string): string | null {
  const unknown = pattern.replace(TOKEN, '').match(/\{[^}]*\}/);
  if (unknown) return `不认识的占位符“${unknown[0]}”；可用 {credit} {year} {id} {seq} {seq:5}`;
  if (!/\{seq(?::\d)?\}/.test(pattern)) return '须包含流水号 {seq} 或 {seq:5}';
  if (!/\{(credit|id)\}/.test(pattern))
    return '须包含 {credit}（统一社会信用代码）或 {id}（机关编号），以免与其他机关重号';
  if (pattern.length > 80) return '不得超过80个字符';
  return null;
}

export interface IndexAgency {
  id: number;
  creditCode: string | null;
  indexPattern: string | null;
}

export function formatIndexNo(agency: IndexAgency, year: number, seq: number): string {
  // Without a credit code the agency's number stands in, so the default pattern still yields unique numbers.
  const credit = agency.creditCode ?? `GK${String(agency.id).padStart(6, '0')}`;
  return (agency.indexPattern ?? DEFAULT_INDEX_PATTERN).replace(TOKEN, (_, token: string, width?: string) => {
    if (token === 'credit') return credit;
    if (token === 'year') return String(year);
    if (token === 'id') return String(agency.id);
    return String(seq).padStart(Number(width ?? 1), '0');
  });
}

/** The next 流水号 of an agency in a year: one atomic upsert. */
export async function nextIndexSeq(db: Kysely<Schema>, agencyId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('catalog_counters')
    .values({ agency_id: agencyId, year, last_no: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet((eb) => ({ last_no: eb('catalog_counters.last_no', '+', 1) })),
    )
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return Number(row.last_no);
}
