// The one place that turns a failed input schema into a Chinese message naming the field.
import type { z } from 'zod';
import { errors } from './errors.ts';

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  labels: Record<string, string>,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const label = labels[field] ?? field;
  const problem =
    issue?.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined ? '必须填写' : issue?.message;
  throw errors.validation(field, label, problem ?? '格式不正确');
}
