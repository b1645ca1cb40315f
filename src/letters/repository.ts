// SQL for letters and their number counters. Takes any Kysely executor (the database or a transaction); maps rows
// to the model's types here and nowhere else.
import type { Kysely, Selectable } from 'kysely';
import type { LetterDeliveryTable, LetterTable, Schema } from '../storage/schema.ts';
import type { Letter, LetterKind, LetterRecord } from './model.ts';

type Db = Kysely<Schema>;

/**
 * The next number of an agency's letters in a year and series: one atomic upsert (as application_counters), so two
 * letters issued at once get different numbers and a number is never reused — a rolled-back issue rolls back its
 * increment with it, so there are no gaps either.
 */
export async function nextLetterSeq(db: Db, agencyId: number, year: number, series: string): Promise<number> {
  const row = await db
    .insertInto('letter_counters')
    .values({ agency_id: agencyId, year, series, last_no: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'year', 'series'])
        .doUpdateSet((eb) => ({ last_no: eb('letter_counters.last_no', '+', 1) })),
    )
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return Number(row.last_no);
}

export function toLetterRecord(r: Selectable<LetterTable>): LetterRecord {
  return {
    id: Number(r.id),
    applicationId: Number(r.application_id),
    agencyId: Number(r.agency_id),
    kind: r.kind as LetterKind,
    number: r.number,
    year: Number(r.year),
    seq: Number(r.seq),
    issuedOn: r.issued_on,
    letter: JSON.parse(r.body_json) as Letter,
    docxSha256: r.docx_sha256,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export interface NewLetter {
  applicationId: number;
  agencyId: number;
  kind: LetterKind;
  series: string;
  number: string;
  year: number;
  seq: number;
  issuedOn: string;
  letter: Letter;
  docx: Uint8Array;
  docxSha256: string;
  createdBy: string;
  createdById: number | null;
}

export async function insertLetter(db: Db, l: NewLetter, now: string): Promise<LetterRecord> {
  const row = await db
    .insertInto('letters')
    .values({
      application_id: l.applicationId,
      agency_id: l.agencyId,
      kind: l.kind,
      series: l.series,
      number: l.number,
      year: l.year,
      seq: l.seq,
      issued_on: l.issuedOn,
      body_json: JSON.stringify(l.letter),
      docx_base64: Buffer.from(l.docx).toString('base64'),
      docx_sha256: l.docxSha256,
      created_at: now,
      created_by: l.createdBy,
      created_by_id: l.createdById,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLetterRecord(row);
}

export async function listLetterRows(db: Db, applicationId: number): Promise<LetterRecord[]> {
  const rows = await db
    .selectFrom('letters')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
  return rows.map(toLetterRecord);
}

export async function findLetter(db: Db, id: number) {
  const row = await db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst();
  return row
    ? { record: toLetterRecord(row), docx: new Uint8Array(Buffer.from(row.docx_base64, 'base64')) }
    : undefined;
}

/** 送达 of a letter: how, when, the proof. */
export interface DeliveryRecord {
  id: number;
  letterId: number;
  method: string;
  deliveredOn: string;
  proof: string | null;
  createdAt: string;
  createdBy: string;
}

export async function insertDelivery(
  db: Db,
  d: { letterId: number; method: string; deliveredOn: string; proof: string | null; by: string; byId: number | null },
  now: string,
): Promise<DeliveryRecord> {
  const row = await db
    .insertInto('letter_deliveries')
    .values({
      letter_id: d.letterId,
      method: d.method,
      delivered_on: d.deliveredOn,
      proof: d.proof,
      created_at: now,
      created_by: d.by,
      created_by_id: d.byId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDelivery(row);
}

function toDelivery(r: Selectable<LetterDeliveryTable>): DeliveryRecord {
  return {
    id: Number(r.id),
    letterId: Number(r.letter_id),
    method: r.method,
    deliveredOn: r.delivered_on,
    proof: r.proof,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

/** The deliveries of an application's letters, oldest first. */
export async function listDeliveryRows(db: Db, applicationId: number): Promise<DeliveryRecord[]> {
  const rows = await db
    .selectFrom('letter_deliveries')
    .innerJoin('letters', 'letters.id', 'letter_deliveries.letter_id')
    .selectAll('letter_deliveries')
    .where('letters.application_id', '=', applicationId)
    .orderBy('letter_deliveries.id')
    .execute();
  return rows.map(toDelivery);
}
