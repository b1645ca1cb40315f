// Field schemas the input schemas share, with their Chinese messages: required and optional text of a maximum
// length, and dates written “YYYY-MM-DD”.
import { z } from 'zod';

/** Required text, trimmed, of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不得超过${max}个字符`);

/** Optional text, trimmed, of at most `max` characters; empty or missing becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不得超过${max}个字符`)
    .nullish()
    .transform((v) => (v ? v : null));

/** A string shaped like “YYYY-MM-DD” (the shape only, not whether the day exists). */
export const isoDateShape = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为“YYYY-MM-DD”格式的日期，如 2025-09-29');

/** A real calendar day written “YYYY-MM-DD”, trimmed. */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '应为“YYYY-MM-DD”格式的日期，如 2025-09-29')
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: '不是有效的日期',
    },
  );
