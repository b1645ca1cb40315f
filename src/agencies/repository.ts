// SQL for agencies, users and sessions. Takes any Kysely executor (the database or a transaction); maps rows to
// the model's types here and nowhere else.
import type { Kysely, Selectable } from 'kysely';
import type { AgencyTable, Schema, UserTable } from '../storage/schema.ts';
import type { Agency, AgencyFields, AgencyKind, Role, User } from './model.ts';

type Db = Kysely<Schema>;

function toAgency(r: Selectable<AgencyTable>): Agency {
  return {
    id: Number(r.id),
    name: r.name,
    shortName: r.short_name,
    creditCode: r.credit_code,
    kind: r.kind as AgencyKind,
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    officeAddress: r.office_address,
    officeHours: r.office_hours,
    officePhone: r.office_phone,
    officeFax: r.office_fax,
    officeEmail: r.office_email,
    website: r.website,
    reviewBody: r.review_body,
    court: r.court,
    letterPrefix: r.letter_prefix,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function agencyColumns(f: Partial<AgencyFields>) {
  const cols = {
    name: f.name,
    short_name: f.shortName,
    credit_code: f.creditCode,
    kind: f.kind,
    parent_id: f.parentId,
    office_address: f.officeAddress,
    office_hours: f.officeHours,
    office_phone: f.officePhone,
    office_fax: f.officeFax,
    office_email: f.officeEmail,
    website: f.website,
    review_body: f.reviewBody,
    court: f.court,
    letter_prefix: f.letterPrefix,
  };
  return Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));
}

export async function insertAgency(db: Db, fields: AgencyFields, now: string): Promise<Agency> {
  const row = await db
    .insertInto('agencies')
    .values({ ...(agencyColumns(fields) as { name: string; kind: string }), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAgency(row);
}

export async function updateAgencyRow(db: Db, id: number, patch: Partial<AgencyFields>, now: string) {
  const row = await db
    .updateTable('agencies')
    .set({ ...agencyColumns(patch), updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toAgency(row) : undefined;
}

export async function findAgency(db: Db, id: number): Promise<Agency | undefined> {
  const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAgency(row) : undefined;
}

export async function findAgencyByKey(db: Db, key: string): Promise<Agency | undefined> {
  const q = db.selectFrom('agencies').selectAll();
  const row = /^\d+$/.test(key)
    ? await q.where('id', '=', Number(key)).executeTakeFirst()
    : await q
        .where((eb) =>
          eb.or([eb('credit_code', '=', key.toUpperCase()), eb('name', '=', key), eb('short_name', '=', key)]),
        )
        .executeTakeFirst();
  return row ? toAgency(row) : undefined;
}

export async function listAgencyRows(db: Db): Promise<Agency[]> {
  const rows = await db.selectFrom('agencies').selectAll().orderBy('id').execute();
  return rows.map(toAgency);
}

/** The agency's ancestors from the root down to the agency itself; empty when it does not exist. */
export async function agencyPath(db: Db, id: number | null): Promise<number[]> {
  const path: number[] = [];
  let current: number | null = id;
  // Hierarchies are a few levels deep (省—市—县—部门); the bound guards against a cycle written behind our back.
  while (current !== null && path.length < 32) {
    const row = await db.selectFrom('agencies').select('parent_id').where('id', '=', current).executeTakeFirst();
    if (!row) break;
    path.unshift(current);
    current = row.parent_id === null ? null : Number(row.parent_id);
  }
  return path;
}

// --- Users --------------------------------------------------------------------------------------------------------

export type UserRecord = User & { passwordHash: string };

function toUser(r: Selectable<UserTable>): UserRecord {
  return {
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    agencyId: r.agency_id === null ? null : Number(r.agency_id),
    mustChangePassword: r.must_change_password,
    active: r.active,
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    lastLoginAt: r.last_login_at,
    passwordChangedAt: r.password_changed_at,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Drop the hash: the only way a user leaves this module. */
export function publicUser(u: UserRecord): User {
  const { passwordHash: _, ...user } = u;
  return user;
}

export interface NewUserRow {
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  passwordHash: string;
  mustChangePassword: boolean;
}

export async function insertUser(db: Db, u: NewUserRow, now: string): Promise<UserRecord> {
  const row = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      agency_id: u.agencyId,
      password_hash: u.passwordHash,
      password_changed_at: now,
      must_change_password: u.mustChangePassword,
      failed_attempts: 0,
      active: true,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUser(db: Db, id: number): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function listUserRows(db: Db, agencyId: number | null): Promise<UserRecord[]> {
  let q = db.selectFrom('users').selectAll().orderBy('id');
  q = agencyId === null ? q.where('agency_id', 'is', null) : q.where('agency_id', '=', agencyId);
  return (await q.execute()).map(toUser);
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type UserColumns = Partial<Omit<Selectable<UserTable>, 'id' | 'created_at' | 'updated_at'>>;

export async function updateUserRow(db: Db, id: number, set: UserColumns, now: string): Promise<UserRecord> {
  const row = await db
    .updateTable('users')
    .set({ ...set, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

// --- Sessions -----------------------------------------------------------------------------------------------------

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: number; now: string; clientAddress: string | null },
) {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      created_at: s.now,
      last_seen_at: s.now,
      client_address: s.clientAddress,
    })
    .execute();
}

export async function findSession(db: Db, tokenHash: string) {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchSession(db: Db, tokenHash: string, now: string) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** End a user's sessions (password change, reset, deactivation), optionally keeping the one in use. */
export async function deleteUserSessions(db: Db, userId: number, keepTokenHash?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) q = q.where('token_hash', '!=', keepTokenHash);
  await q.execute();
}

/** Housekeeping: sessions past either limit. */
export async function deleteExpiredSessions(db: Db, idleBefore: string, createdBefore: string): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', createdBefore)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
