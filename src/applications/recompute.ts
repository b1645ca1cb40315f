// Keeping the stored state of an application (status, due date, outcome) equal to what the clock computes from its
// ledger. Run after every event, and for every open application when the working-day calendar changes (spec §1:
// “When the calendar changes, every open deadline is recomputed and the change is logged”).
import type { Kysely } from 'kysely';
import { beijingDate } from '../calendar/dates.ts';
import { type CalendarChange, onCalendarChanged } from '../calendar/service.ts';
import type { WorkingCalendar } from '../calendar/workdays.ts';
import type { Schema } from '../storage/schema.ts';
import { computeClock } from './clock.ts';
import type { ClockEvent, ClockState, Status } from './ledger.ts';
import type { Application, ApplicationStatus, OutcomeCode } from './model.ts';
import { findApplication, listEvents, listOpenIds, updateApplicationRow } from './repository.ts';

const STATUS_OF: Record<Status, ApplicationStatus> = {
  running: 'received',
  paused: 'paused',
  awaitingCorrection: 'awaitingCorrection',
  closed: 'closed',
};

/** Write the clock's state onto the application row; returns the row as stored. */
export async function storeClockState(db: Kysely<Schema>, app: Application, state: ClockState, now: string) {
  const closed = state.status === 'closed';
  return updateApplicationRow(
    db,
    app.id,
    {
      receivedOn: state.receivedOn,
      status: STATUS_OF[state.status],
      dueDate: state.dueDate,
      outcome: closed ? ((state.outcome as OutcomeCode | null) ?? null) : null,
      decidedOn: closed ? state.closedOn : null,
    },
    now,
  );
}

/** Compute the clock of a ledger (throws ledgerInvalid or calendarMissing) and store it. */
export async function applyLedger(
  db: Kysely<Schema>,
  app: Application,
  events: readonly ClockEvent[],
  calendar: WorkingCalendar,
  now: string,
): Promise<{ application: Application; clock: ClockState }> {
  const clock = computeClock(events, calendar, { today: beijingDate(new Date(now)) });
  return { application: await storeClockState(db, app, clock, now), clock };
}

/** The onCalendarChanged listener: inside the calendar change's transaction; a failure rolls the change back. */
export async function recomputeOpenApplications(change: CalendarChange): Promise<void> {
  const db = change.tx.kysely;
  const ids = await listOpenIds(db);
  let changed = 0;
  for (const id of ids) {
    const app = await findApplication(db, id);
    if (!app) continue;
    const { application } = await applyLedger(db, app, await listEvents(db, id), change.calendar, change.tx.now);
    if (application.dueDate !== app.dueDate || application.status !== app.status) changed += 1;
  }
  if (ids.length > 0) change.tx.note({ detail: `重新计算${ids.length}件办理中申请的答复期限，${changed}件有变化` });
}

/** Register the listener once (idempotent); the applications service does so when loaded. */
export function registerApplicationHooks(): void {
  if (!onCalendarChanged.includes(recomputeOpenApplications)) onCalendarChanged.push(recomputeOpenApplications);
}
