// The typed-in box of the redaction page (the way without a mouse): page, position and size in 毫米 or 磅, turned
// into points for the service. A number that is not one is refused naming its field.
import { errors } from '../../errors.ts';
import { PERSONAL_DATA_KINDS, type PersonalDataKind } from '../../privacy/detect.ts';
import type { BoxInput } from '../../redaction/plan.ts';
import type { Values } from './form.tsx';

const MM = 72 / 25.4;

const LABELS = { page: '页码', x: '距左边', y: '距上边', width: '宽度', height: '高度' } as const;

export function boxFromForm(v: Values): BoxInput {
  const unit = v.unit === 'pt' ? 1 : MM;
  const num = (name: keyof typeof LABELS) => {
    const text = (v[name] ?? '').trim().replace(/，/g, '.');
    if (!/^\d{1,5}(\.\d{1,3})?$/.test(text)) throw errors.validation(name, LABELS[name], '请填写不小于0的数字');
    return Number(text);
  };
  const page = num('page');
  if (!Number.isInteger(page)) throw errors.validation('page', '页码', '请填写整数');
  return {
    page,
    x: num('x') * unit,
    y: num('y') * unit,
    width: num('width') * unit,
    height: num('height') * unit,
    reason: v.reason ?? '',
    note: v.note ?? '',
  };
}

/** The personal-data kinds ticked (repeated “kinds” fields); unknown values are dropped. */
export function kindsFromForm(value: unknown): PersonalDataKind[] {
  const list = (Array.isArray(value) ? value : [value]).filter((k): k is string => typeof k === 'string');
  return PERSONAL_DATA_KINDS.filter((k) => list.includes(k));
}

/** The list's reasons and notes, box by box (reason-1, note-1 …). */
export function changesFromForm(v: Values) {
  const count = Number(v.count ?? '0');
  if (!Number.isInteger(count) || count < 0 || count > 1000) throw errors.validation('boxes', '遮盖框', '数量无效');
  return Array.from({ length: count }, (_x, i) => ({
    reason: v[`reason-${i + 1}`] ?? '',
    note: v[`note-${i + 1}`] ?? '',
    remove: false,
  }));
}
