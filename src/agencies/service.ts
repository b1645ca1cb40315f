// Agencies: create, change, read. Each function takes the acting user first and checks the policy on its first line.

import type { Kysely } from 'kysely';
import { changes } from '../audit/log.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import type { Schema } from '../storage/schema.ts';
import { transaction } from '../storage/transaction.ts';
import { parseInput } from '../validation.ts';
import { authorize } from './authorize.ts';
import {
  type Actor,
  AGENCY_FIELD_LABELS,
  type Agency,
  type AgencyFields,
  type AgencyInput,
  type AgencyPatch,
  agencyInput,
  agencyPatch,
} from './model.ts';
import { agencyPath, findAgency, insertAgency, listAgencyRows, updateAgencyRow } from './repository.ts';

const parentField = (problem: string) => errors.validation('parentId', AGENCY_FIELD_LABELS.parentId as string, problem);

/** A people's government sits under a government or at the top; a department under a government or department. */
async function checkPlacement(db: Kysely<Schema>, fields: Pick<AgencyFields, 'kind' | 'parentId'>, self?: number) {
  if (fields.parentId === null) {
    if (fields.kind === 'department') throw parentField('政府部门应有上级机构');
    return;
  }
  const parent = await findAgency(db, fields.parentId);
  if (!parent) throw parentField(`机构（${fields.parentId}）不存在`);
  if (fields.kind === 'government' && parent.kind !== 'government') throw parentField('人民政府的上级应为人民政府');
  if (self !== undefined && (await agencyPath(db, parent.id)).includes(self))
    throw parentField('不能把机构放到它自己或其下级机构之下');
}

export async function createAgency(actor: Actor, ctx: Context, input: AgencyInput): Promise<Agency> {
  await authorize(actor, ctx, 'agency.create', typeof input.parentId === 'number' ? input.parentId : null);
  const fields = parseInput(agencyInput, input, AGENCY_FIELD_LABELS);
  return transaction(ctx, actor, { action: 'agency.create', objectType: 'agency' }, async (tx) => {
    await checkPlacement(tx.kysely, fields);
    const agency = await insertAgency(tx.kysely, fields, tx.now);
    tx.note({ objectId: agency.id, after: fields });
    return agency;
  });
}

export async function updateAgency(actor: Actor, ctx: Context, id: number, input: AgencyPatch): Promise<Agency> {
  await authorize(actor, ctx, 'agency.update', id);
  const patch = parseInput(agencyPatch, input, AGENCY_FIELD_LABELS);
  const current = await findAgency(ctx.db.kysely, id);
  if (!current) throw errors.notFound('机构', id);
  // Moving an agency under another is creating it there, as far as permissions go.
  if (patch.parentId !== undefined && patch.parentId !== current.parentId)
    await authorize(actor, ctx, 'agency.create', patch.parentId);
  return transaction(ctx, actor, { action: 'agency.update', objectType: 'agency', objectId: id }, async (tx) => {
    const kind = patch.kind ?? current.kind;
    const parentId = patch.parentId !== undefined ? patch.parentId : current.parentId;
    await checkPlacement(tx.kysely, { kind, parentId }, id);
    const updated = await updateAgencyRow(tx.kysely, id, patch, tx.now);
    if (!updated) throw errors.notFound('机构', id);
    tx.note(changes(current, updated));
    return updated;
  });
}

export async function getAgency(actor: Actor, ctx: Context, id: number): Promise<Agency> {
  await authorize(actor, ctx, 'agency.view', id);
  const agency = await findAgency(ctx.db.kysely, id);
  if (!agency) throw errors.notFound('机构', id);
  return agency;
}

/** Every agency (their contact details are public), in id order. */
export async function listAgencies(actor: Actor, ctx: Context): Promise<Agency[]> {
  await authorize(actor, ctx, 'agency.view', actor.agencyId);
  return listAgencyRows(ctx.db.kysely);
}

/** The agency and everything below it, e.g. what an inspector of a people's government oversees. */
export async function subtreeIds(ctx: Context, agencyId: number): Promise<number[]> {
  const all = await listAgencyRows(ctx.db.kysely);
  const ids = [agencyId];
  for (let i = 0; i < ids.length; i++) for (const a of all) if (a.parentId === ids[i]) ids.push(a.id);
  return ids;
}

/** An agency's ancestors from the root down to itself, found in an already loaded list (cf. agencyPath). */
export function pathWithin(all: readonly Agency[], id: number | null): number[] {
  const byId = new Map(all.map((a) => [a.id, a]));
  const path: number[] = [];
  for (let a = id === null ? undefined : byId.get(id); a && path.length < 32; ) {
    path.unshift(a.id);
    a = a.parentId === null ? undefined : byId.get(a.parentId);
  }
  return path;
}
