// SQL of the personal-data guard's acknowledgements. Takes any Kysely executor (the database or a transaction).
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.ts';
import type { Acknowledgement } from './review.ts';
import type { HitKind } from './scan.ts';

type Db = Kysely<Schema>;

export type ObjectType = 'catalogItem' | 'feedback' | 'annualReport';

export async function listAcknowledgements(
  db: Db,
  objectType: ObjectType,
  objectId: number,
): Promise<Acknowledgement[]> {
  const rows = await db
    .selectFrom('personal_data_reviews')
    .selectAll()
    .where('object_type', '=', objectType)
    .where('object_id', '=', objectId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    fingerprint: r.fingerprint,
    kind: r.kind as HitKind,
    masked: r.masked,
    place: r.place,
    reason: r.reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

export async function insertAcknowledgement(
  db: Db,
  objectType: ObjectType,
  objectId: number,
  a: Acknowledgement,
  createdById: number | null,
): Promise<void> {
  await db
    .insertInto('personal_data_reviews')
    .values({
      object_type: objectType,
      object_id: objectId,
      fingerprint: a.fingerprint,
      kind: a.kind,
      masked: a.masked,
      place: a.place,
      reason: a.reason,
      created_at: a.createdAt,
      created_by: a.createdBy,
      created_by_id: createdById,
    })
    .execute();
}
