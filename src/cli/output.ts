// What `gongkai report check` prints: per-file diagnostics for people, a summary, and CSV for Excel users.
import type { Diagnostic } from '../report/diagnostics.ts';
import type { AnnualReport } from '../report/model.ts';

export interface FileOutcome {
  file: string;
  report: AnnualReport | null;
  diagnostics: Diagnostic[];
  /** Why the file could not be read (then report is null). */
  error?: string;
}

const SEVERITY_LABEL = { error: '错误', warning: '警告' } as const;

export function formatFile(outcome: FileOutcome): string {
  const lines = [`${outcome.file}`];
  if (outcome.error) {
    lines.push(`  无法读取：${outcome.error}`);
    return lines.join('\n');
  }
  const r = outcome.report;
  if (r) {
    const agency = r.agency ?? '（未写明机关）';
    lines.push(`  ${agency} ${r.year}年度报告（${r.formatVersion}年版格式）`);
  }
  for (const d of outcome.diagnostics) {
    lines.push(`  ${SEVERITY_LABEL[d.severity]} [${d.rule}] ${d.message}`);
  }
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = outcome.diagnostics.length - errors;
  lines.push(errors + warnings === 0 ? '  未发现问题' : `  共 ${errors} 个错误，${warnings} 个警告`);
  return lines.join('\n');
}

export function formatSummary(outcomes: readonly FileOutcome[]): string {
  const unreadable = outcomes.filter((o) => o.error).length;
  const withErrors = outcomes.filter((o) => !o.error && o.diagnostics.some((d) => d.severity === 'error')).length;
  const clean = outcomes.filter((o) => !o.error && o.diagnostics.length === 0).length;
  const warningsOnly = outcomes.length - unreadable - withErrors - clean;
  const counts = new Map<string, number>();
  for (const o of outcomes) for (const d of o.diagnostics) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([rule, n]) => `${rule}（${n}）`);
  const lines = [
    `共检查 ${outcomes.length} 个文件：无问题 ${clean} 个，仅有警告 ${warningsOnly} 个，有错误 ${withErrors} 个，无法读取 ${unreadable} 个`,
  ];
  if (top.length) lines.push(`最常见的问题：${top.join('、')}`);
  return lines.join('\n');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One row per diagnostic (and one per unreadable file); UTF-8 with BOM so Excel shows the Chinese. */
export function toCsv(outcomes: readonly FileOutcome[]): string {
  const rows = [['file', 'rule', 'severity', 'cells', 'message']];
  for (const o of outcomes) {
    if (o.error) rows.push([o.file, 'unreadable', 'error', '', o.error]);
    for (const d of o.diagnostics) rows.push([o.file, d.rule, d.severity, d.cells.join(' '), d.message]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A one-line progress bar for a terminal, redrawn in place. */
export function progressLine(done: number, total: number, current: string): string {
  const width = 24;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const name = current.length > 40 ? `…${current.slice(-39)}` : current;
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${name}\u001b[K`;
}
