// Diagnostics: the checker's findings. Rule ids are the spec's §6 ids and never change.

export const RULES = {
  balance: 'error',
  'outcome-sum': 'error',
  'row-total': 'error',
  'appeal-total': 'error',
  'not-a-number': 'error',
  'blank-cell': 'warning',
  'outdated-edition': 'error',
  'section-title': 'warning',
  'fee-statement': 'warning',
  'carried-over': 'error',
  'in-force-continuity': 'warning',
  'repeated-text': 'warning',
  'narrative-mismatch': 'warning',
  'late-publication': 'warning',
} as const;

export type RuleId = keyof typeof RULES;
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  /** In Chinese, for a clerk: which cells, what they add up to, what they should be. */
  message: string;
  /** Dotted paths of the cells involved (may be empty for text rules). */
  cells: string[];
}

export function diagnostic(rule: RuleId, message: string, cells: string[] = []): Diagnostic {
  return { rule, severity: RULES[rule], message, cells };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** A file that cannot be read or holds no report: the CLI exits 2 with this message. */
export class ReadError extends Error {
  override name = 'ReadError';
}
