// Report table 二, 第二十条第（一）项: for 规章 and 行政规范性文件 of an agency in a year, 本年制发件数 (formed that
// year), 本年废止件数 (went out of force that year: 废止 or 失效) and 现行有效件数 (in force on 31 December). One
// query, counted from the published catalogue and its dated validity changes, so a past year counts the same
// whenever it is asked (in-force-continuity: inForce = previous inForce + issued − repealed). The report's
// drill-down lists the items with the same base query and the same predicates (`countedItems`, `VALIDITY_RULES`).
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Schema } from '../storage/schema.ts';
import type { Kind, ValidityCounts } from './model.ts';

export interface TableTwoCounts {
  rules: ValidityCounts;
  normativeDocuments: ValidityCounts;
}

const OUT_OF_FORCE = sql`('repealed', 'expired')`;

/** Which column of table 二 an item (alias `i`, joined to `ended`) counts in for a year. */
export const VALIDITY_RULES: Record<keyof ValidityCounts, (year: number) => RawBuilder<boolean>> = {
  issued: (year) => sql<boolean>`(i.formed_on >= ${`${year}-01-01`} and i.formed_on <= ${`${year}-12-31`})`,
  repealed: (year) => sql<boolean>`(ended.ended_on >= ${`${year}-01-01`} and ended.ended_on <= ${`${year}-12-31`})`,
  inForce: (year) =>
    sql<boolean>`(i.formed_on <= ${`${year}-12-31`} and (ended.ended_on is null or ended.ended_on > ${`${year}-12-31`}))`,
};

/** The agency's published 规章 and 行政规范性文件 (`i`), each with the first day it went out of force (`ended`). */
export function countedItems(db: Kysely<Schema>, agencyId: number) {
  // The first day each item went out of force (废止 or 失效), if it has.
  const ended = db
    .selectFrom('catalog_validity_changes')
    .select(['item_id', (eb) => eb.fn.min<string>('on_date').as('ended_on')])
    .where(sql<boolean>`validity in ${OUT_OF_FORCE}`)
    .groupBy('item_id')
    .as('ended');
  return db
    .selectFrom('catalog_items as i')
    .leftJoin(ended, 'ended.item_id', 'i.id')
    .where('i.agency_id', '=', agencyId)
    .where('i.status', '=', 'published')
    .where('i.kind', 'in', ['rule', 'normative']);
}

const counted = (rule: RawBuilder<boolean>) => sql<number>`sum(case when ${rule} then 1 else 0 end)`;

export async function validityCounts(db: Kysely<Schema>, agencyId: number, year: number): Promise<TableTwoCounts> {
  const rows = await countedItems(db, agencyId)
    .select([
      'i.kind',
      counted(VALIDITY_RULES.issued(year)).as('issued'),
      counted(VALIDITY_RULES.repealed(year)).as('repealed'),
      counted(VALIDITY_RULES.inForce(year)).as('in_force'),
    ])
    .groupBy('i.kind')
    .execute();
  const of = (kind: Kind): ValidityCounts => {
    const r = rows.find((row) => row.kind === kind);
    return { issued: Number(r?.issued ?? 0), repealed: Number(r?.repealed ?? 0), inForce: Number(r?.in_force ?? 0) };
  };
  return { rules: of('rule'), normativeDocuments: of('normative') };
}
