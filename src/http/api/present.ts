// The API's own presenters (allow-lists, like src/applications/presenters.ts): the clock of a case and the result
// of a report check. Field by field, so nothing internal reaches a response by accident.
import type { ClockState } from '../../applications/ledger.ts';
import type { CheckResult } from '../../report/check.ts';
import { normalizeReport } from '../../report/model.ts';

export function presentClock(s: ClockState | null) {
  if (!s) return null;
  return {
    status: s.status,
    receivedOn: s.receivedOn,
    countsFrom: s.countsFrom,
    dueDate: s.dueDate,
    daysAllowed: s.daysAllowed,
    daysUsed: s.daysUsed,
    daysRemaining: s.daysRemaining,
    paused: s.paused,
    overdue: s.overdue,
    overdueDays: s.overdueDays,
    closedOn: s.closedOn,
    warnings: [...s.warnings],
    ledger: s.ledger.map((l) => ({ date: l.date, event: l.event, text: l.text, basis: l.basis, dueDate: l.dueDate })),
  };
}

/** What `gongkai report check --json` gives for one file: the report in the schema's shape and the findings. */
export function presentCheck(r: CheckResult) {
  return {
    report: normalizeReport(r.report),
    diagnostics: r.diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, cells: d.cells })),
  };
}
