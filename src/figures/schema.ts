// Input of the yearly figures' form, API and import, with the Chinese labels messages name.
import { z } from 'zod';
import { text } from '../validation-fields.ts';
import { parseCount, parseWan } from './model.ts';

export const FIGURE_FIELD_LABELS: Record<string, string> = {
  agencyId: '机构',
  year: '年度',
  licensing: '行政许可（本年处理决定数量）',
  punishment: '行政处罚（本年处理决定数量）',
  coercion: '行政强制（本年处理决定数量）',
  fees: '行政事业性收费（万元）',
  source: '数据来源',
};

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const count = z.unknown().transform((v, ctx) => {
  if (blank(v)) {
    ctx.addIssue({ code: 'custom', message: '必须填写（没有的填0）' });
    return z.NEVER;
  }
  const n = typeof v === 'string' || typeof v === 'number' ? parseCount(v) : null;
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: `“${String(v)}”不是不小于0的整数` });
    return z.NEVER;
  }
  return n;
});

/** 万元 with at most two decimals, as hundredths. */
const wan = z.unknown().transform((v, ctx) => {
  if (blank(v)) {
    ctx.addIssue({ code: 'custom', message: '必须填写（没有收费的填0）' });
    return z.NEVER;
  }
  const n = typeof v === 'string' || typeof v === 'number' ? parseWan(v) : null;
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: `“${String(v)}”不是以万元为单位、最多两位小数的金额（如 18651.06）` });
    return z.NEVER;
  }
  return n;
});

const year = z.unknown().transform((v, ctx) => {
  const n = typeof v === 'string' || typeof v === 'number' ? parseCount(v) : null;
  if (n === null || n < 2008 || n > 2100) {
    ctx.addIssue({ code: 'custom', message: blank(v) ? '必须填写' : `“${String(v)}”应为2008至2100之间的四位年份` });
    return z.NEVER;
  }
  return n;
});

export const figuresInput = z.object({
  year,
  licensing: count,
  punishment: count,
  coercion: count,
  fees: wan,
  source: text(200),
});
export type FiguresInput = z.input<typeof figuresInput>;
export type FiguresFields = z.output<typeof figuresInput>;
