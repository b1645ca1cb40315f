// Report table 二, 第二十条第（一）项: for 规章 and 行政规范性文件 of an agency in a year, 本年制发件数 (formed that
// year), 本年废止件数 (went out of force that year: 废止 or 失效) and 现行有效件数 (in force on 31 December). One
// query, counted from the published catalogue and its dated validity changes, so a past year counts the same
// whenever it is asked (in-force-continuity: inForce = previous inForce + issued − repealed).
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../storage/schema.ts';
import type { Kind, ValidityCounts } from './model.ts';

export interface TableTwoCounts {
  rules: ValidityCounts;
  normativeDocuments: ValidityCounts;
}

const OUT_OF_FORCE = sql`('repealed', 'expired')`;

export async function validityCounts(db: Kysely<Schema>, agencyId: number, year: number): Promise<TableTwoCounts> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  // The first day each item went out of force (废止 or 失效), if it has.
  const ended = db
    .selectFrom('catalog_validity_changes')
    .select(['item_id', (eb) => eb.fn.min('on_date').as('ended_on')])
    .where(sql<boolean>`validity in ${OUT_OF_FORCE}`)
    .groupBy('item_id')
    .as('ended');
  const rows = await db
    .selectFrom('catalog_items as i')
    .leftJoin(ended, 'ended.item_id', 'i.id')
    .select((eb) => [
      'i.kind',
      eb.fn
        .sum<number>(sql`case when i.formed_on >= ${start} and i.formed_on <= ${end} then 1 else 0 end`)
        .as('issued'),
      eb.fn
        .sum<number>(sql`case when ended.ended_on >= ${start} and ended.ended_on <= ${end} then 1 else 0 end`)
        .as('repealed'),
      eb.fn
        .sum<number>(
          sql`case when i.formed_on <= ${end} and (ended.ended_on is null or ended.ended_on > ${end}) then 1 else 0 end`,
        )
        .as('in_force'),
    ])
    .where('i.agency_id', '=', agencyId)
    .where('i.status', '=', 'published')
    .where('i.kind', 'in', ['rule', 'normative'])
    .groupBy('i.kind')
    .execute();
  const of = (kind: Kind): ValidityCounts => {
    const r = rows.find((row) => row.kind === kind);
    return { issued: Number(r?.issued ?? 0), repealed: Number(r?.repealed ?? 0), inForce: Number(r?.in_force ?? 0) };
  };
  return { rules: of('rule'), normativeDocuments: of('normative') };
}
