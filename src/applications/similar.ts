// 可能的重复申请 (条例第三十六条（六）): the same applicant's earlier requests to the same agency in the twelve months
// before this one whose text is alike (similarity.ts). Shown to the handler, who decides; nothing is automatic. The
// applicant is the same when the ID number, or the organisation's 统一社会信用代码, is exactly the same; without
// either nothing is matched. The numbers are compared in SQL and never returned.
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { beijingDate } from '../calendar/dates.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { REQUEST_ROW_LABELS } from '../report/labels.ts';
import { type Application, STATUS_LABELS } from './model.ts';
import { findApplication, toApplication } from './repository.ts';
import { SIMILAR_THRESHOLD, soughtText, textSimilarity } from './similarity.ts';

/** At most this many are shown. */
export const SIMILAR_LIMIT = 5;
/** The same applicant's applications read at most (newest first) when looking for a repeat. */
const SCAN_LIMIT = 200;

export interface SimilarApplication {
  id: number;
  trackingNo: string;
  /** The receipt date, or the day it was submitted online when not yet confirmed. */
  date: string;
  receivedOn: string | null;
  statusLabel: string;
  outcomeLabel: string | null;
  /** 0…1, two decimals. */
  score: number;
  /** The information sought, shortened. */
  summary: string;
}

const dateOf = (a: Application) => a.receivedOn ?? beijingDate(new Date(a.submittedAt));
const yearBefore = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
const shorten = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Possible repeats of the application, most recent first, for staff who may view it. */
export async function similarApplications(
  actor: Actor,
  ctx: Context,
  applicationId: number,
): Promise<SimilarApplication[]> {
  const app = await findApplication(ctx.db.kysely, applicationId);
  await authorize(actor, ctx, 'application.view', app?.agencyId ?? null, { type: 'application', id: applicationId });
  if (!app) throw errors.notFound('申请', applicationId);
  if (!app.idNumber && !app.creditCode) return [];
  let q = ctx.db.kysely
    .selectFrom('applications')
    .selectAll()
    .where('agency_id', '=', app.agencyId)
    .where('id', '!=', app.id);
  q = app.idNumber ? q.where('id_number', '=', app.idNumber) : q.where('credit_code', '=', app.creditCode);
  const rows = await q.orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(SCAN_LIMIT).execute();
  const to = dateOf(app);
  const from = yearBefore(to);
  const text = soughtText(app);
  const found: SimilarApplication[] = [];
  for (const other of rows.map(toApplication)) {
    const date = dateOf(other);
    if (date < from || date > to) continue;
    const score = textSimilarity(text, soughtText(other));
    if (score < SIMILAR_THRESHOLD) continue;
    found.push({
      id: other.id,
      trackingNo: other.trackingNo,
      date,
      receivedOn: other.receivedOn,
      statusLabel: STATUS_LABELS[other.status],
      outcomeLabel: other.outcome ? REQUEST_ROW_LABELS[other.outcome].short : null,
      score: Math.round(score * 100) / 100,
      summary: shorten(other.description),
    });
  }
  found.sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
  return found.slice(0, SIMILAR_LIMIT);
}
