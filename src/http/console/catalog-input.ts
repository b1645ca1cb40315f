// The catalogue forms' input: posted strings → the service's input (the zod schemas in catalog/schema.ts check it
// and name the failing field), and an item or a revision's fields → the form's strings.
import type { ItemFields } from '../../catalog/model.ts';
import type { ItemInput, ReviewInput, ValidityInput } from '../../catalog/schema.ts';
import { idOrText, type Values } from './form.tsx';

/** The item form's fields, in the order the form shows them. */
export const ITEM_FIELDS = [
  'kind',
  'title',
  'docNo',
  'issuer',
  'formedOn',
  'changedOn',
  'topic',
  'article20',
  'standardArea',
  'disclosureMode',
  'withheldReason',
  'bodyFormat',
  'body',
  'interpretsId',
  'note',
] as const;

export function itemInputFrom(values: Values): ItemInput {
  const input: Record<string, unknown> = {};
  for (const name of ITEM_FIELDS) input[name] = values[name] ?? '';
  input.interpretsId = idOrText(values.interpretsId);
  // The schema decides what is valid; the cast only says which shape we mean.
  return input as ItemInput;
}

export function itemValues(fields: ItemFields, note?: string | null): Values {
  return {
    kind: fields.kind,
    title: fields.title,
    docNo: fields.docNo ?? '',
    issuer: fields.issuer,
    formedOn: fields.formedOn,
    changedOn: fields.changedOn ?? '',
    topic: fields.topic ?? '',
    article20: fields.article20 ?? '',
    standardArea: fields.standardArea ?? '',
    disclosureMode: fields.disclosureMode,
    withheldReason: fields.withheldReason ?? '',
    bodyFormat: fields.bodyFormat,
    body: fields.body,
    interpretsId: fields.interpretsId === null ? '' : String(fields.interpretsId),
    note: note ?? '',
  };
}

export function reviewInputFrom(values: Values): ReviewInput {
  return {
    approve: values.decision === 'approve' ? true : values.decision === 'return' ? false : (undefined as never),
    secrecyChecked: values.secrecyChecked === 'yes',
    comment: values.comment ?? '',
  };
}

export function validityInputFrom(values: Values): ValidityInput {
  return {
    validity: (values.validity ?? '') as ValidityInput['validity'],
    onDate: values.onDate ?? '',
    replacedById: idOrText(values.replacedById) as number | null,
    note: values.note ?? '',
  };
}

/** Which of two revisions' fields differ (for the history: 变更了哪些项). */
export function changedFields(before: ItemFields, after: ItemFields): (keyof ItemFields)[] {
  return (Object.keys(after) as (keyof ItemFields)[]).filter(
    (k) => k !== 'changedOn' && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}
