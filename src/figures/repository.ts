// SQL for the yearly figures. Takes any Kysely executor (the database or a transaction); maps rows here only.
import type { Kysely, Selectable } from 'kysely';
import type { Schema, YearlyFigureTable } from '../storage/schema.ts';
import { centsToText, type YearlyFigures } from './model.ts';

type Db = Kysely<Schema>;

function toFigures(r: Selectable<YearlyFigureTable>): YearlyFigures {
  const cents = Number(r.fees_cents_wan);
  return {
    agencyId: Number(r.agency_id),
    year: Number(r.year),
    licensing: Number(r.licensing),
    punishment: Number(r.punishment),
    coercion: Number(r.coercion),
    feesCents: cents,
    fees: centsToText(cents),
    source: r.source,
    enteredAt: r.entered_at,
    enteredBy: r.entered_by,
    enteredById: r.entered_by_id === null ? null : Number(r.entered_by_id),
  };
}

export async function findFigures(db: Db, agencyId: number, year: number): Promise<YearlyFigures | undefined> {
  const row = await db
    .selectFrom('yearly_figures')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? toFigures(row) : undefined;
}

/** An agency's figures, latest year first. */
export async function listFigureRows(db: Db, agencyId: number): Promise<YearlyFigures[]> {
  const rows = await db
    .selectFrom('yearly_figures')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map(toFigures);
}

export interface FigureRow {
  agencyId: number;
  year: number;
  licensing: number;
  punishment: number;
  coercion: number;
  feesCents: number;
  source: string;
  enteredAt: string;
  enteredBy: string;
  enteredById: number | null;
}

/** Insert or replace the agency's figures for the year. */
export async function upsertFigures(db: Db, f: FigureRow): Promise<YearlyFigures> {
  const values = {
    licensing: f.licensing,
    punishment: f.punishment,
    coercion: f.coercion,
    fees_cents_wan: f.feesCents,
    source: f.source,
    entered_at: f.enteredAt,
    entered_by: f.enteredBy,
    entered_by_id: f.enteredById,
  };
  const row = await db
    .insertInto('yearly_figures')
    .values({ agency_id: f.agencyId, year: f.year, ...values })
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFigures(row);
}
