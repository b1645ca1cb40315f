// The agency form's input: posted strings → the service's input, which the zod schemas in agencies/model.ts check
// (validation.ts names the failing field). Empty optional fields become null, i.e. "clear this setting".
import type { Agency, AgencyInput, AgencyPatch } from '../../agencies/model.ts';
import { idOrText, type Values } from './form.tsx';

/** The settings every editor may change, in the order the form shows them. */
export const SETTINGS = [
  'name',
  'shortName',
  'creditCode',
  'officeAddress',
  'officeHours',
  'officePhone',
  'officeFax',
  'officeEmail',
  'website',
  'reviewBody',
  'court',
  'letterPrefix',
] as const;

/** Where the agency sits: only for those who may create agencies (moving one is creating it elsewhere). */
export const PLACEMENT = ['kind', 'parentId'] as const;

const optional = (v: string | undefined) => {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
};

export function agencyPatchFrom(values: Values, placement: boolean): AgencyPatch {
  const input: Record<string, unknown> = {};
  for (const name of SETTINGS) input[name] = name === 'name' ? (values.name ?? '') : optional(values[name]);
  if (placement) {
    input.kind = values.kind ? values.kind : undefined;
    input.parentId = idOrText(values.parentId);
  }
  // The schema decides what is valid; the cast only says which shape we mean.
  return input as AgencyPatch;
}

export function agencyInputFrom(values: Values): AgencyInput {
  return agencyPatchFrom(values, true) as AgencyInput;
}

/** An agency's settings as the form's strings. */
export function agencyValues(a: Agency): Values {
  const values: Values = { kind: a.kind, parentId: a.parentId === null ? '' : String(a.parentId) };
  for (const name of SETTINGS) values[name] = a[name] ?? '';
  return values;
}
