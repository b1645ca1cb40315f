// The annual report compiled from what an agency recorded (issue 6 point 3): table 二 from the catalogue's validity
// counts and the yearly figures, table 三 from the applications (countYear), table 四 from the 复议/诉讼 cases,
// section 六 from the fee notices and payments, sections 一 and 五 a first draft. `compileReport` is a pure read
// (the command line's `gongkai report compile`); pages call `compileForActor`, which checks the policy first.
import { type Kysely, sql } from 'kysely';
import { authorize, permits } from '../../agencies/authorize.ts';
import type { Actor } from '../../agencies/model.ts';
import { findAgency } from '../../agencies/repository.ts';
import { appealCounts } from '../../appeals/counts.ts';
import { countYear } from '../../applications/counts.ts';
import { listForYear } from '../../applications/repository.ts';
import { validityCounts } from '../../catalog/counts.ts';
import { KIND_LABELS, KINDS } from '../../catalog/model.ts';
import type { Context } from '../../context.ts';
import { errors } from '../../errors.ts';
import { feedbackYearSummary } from '../../feedback/queries.ts';
import { centsToNumber } from '../../figures/model.ts';
import { findFigures } from '../../figures/repository.ts';
import type { Schema } from '../../storage/schema.ts';
import type { AnnualReport } from '../model.ts';
import { assembleReport, type CompileFacts, type FeeFacts } from './assemble.ts';

export { assembleReport, type CompileFacts, DRAFT_NOTE, feeStatement } from './assemble.ts';

type Db = Kysely<Schema>;

/** Items the agency published in the year, by kind (the catalogue's labels, in its order). */
async function publishedByKind(db: Db, agencyId: number, year: number) {
  const rows = await db
    .selectFrom('catalog_items')
    .select((eb) => ['kind', eb.fn.countAll<number>().as('n')])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where('published_on', '>=', `${year}-01-01`)
    .where('published_on', '<=', `${year}-12-31`)
    .groupBy('kind')
    .execute();
  const count = new Map(rows.map((r) => [r.kind, Number(r.n)]));
  return KINDS.map((k) => ({ label: KIND_LABELS[k], count: count.get(k) ?? 0 }));
}

/** Decided in the year with a deadline, and decided by it (the clock keeps the deadline that applied at closing). */
async function timeliness(db: Db, agencyId: number, year: number) {
  const row = await db
    .selectFrom('applications')
    .select((eb) => [
      eb.fn.countAll<number>().as('decided'),
      eb.fn.sum<number>(sql`case when decided_on <= due_date then 1 else 0 end`).as('on_time'),
    ])
    .where('agency_id', '=', agencyId)
    .where('outcome', 'is not', null)
    .where('due_date', 'is not', null)
    .where('decided_on', '>=', `${year}-01-01`)
    .where('decided_on', '<=', `${year}-12-31`)
    .executeTakeFirst();
  return { decided: Number(row?.decided ?? 0), onTime: Number(row?.on_time ?? 0) };
}

const AMOUNT = /缴纳信息处理费(\d+)元/;

/**
 * 信息处理费 of the year: notices sent (feeNoticeSent), the amounts of the 收费通知书 issued in the year, and the
 * payments recorded (feePaid), each at the amount of the case's latest 收费通知书 issued by the day it was paid.
 */
async function feeFacts(db: Db, agencyId: number, year: number): Promise<FeeFacts> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const events = await db
    .selectFrom('application_events as e')
    .innerJoin('applications as a', 'a.id', 'e.application_id')
    .select(['e.application_id', 'e.kind', 'e.on_date'])
    .where('a.agency_id', '=', agencyId)
    .where('e.kind', 'in', ['feeNoticeSent', 'feePaid'])
    .where('e.on_date', '>=', start)
    .where('e.on_date', '<=', end)
    .execute();
  const letters = await db
    .selectFrom('letters')
    .select(['application_id', 'issued_on', 'body_json'])
    .where('agency_id', '=', agencyId)
    .where('kind', '=', 'feeNotice')
    .where('issued_on', '<=', end)
    .orderBy('issued_on')
    .orderBy('id')
    .execute();
  const notices = letters.map((l) => {
    const letter = JSON.parse(l.body_json) as { paragraphs?: string[] };
    const m = (letter.paragraphs ?? []).map((p) => AMOUNT.exec(p)).find(Boolean);
    return { applicationId: Number(l.application_id), issuedOn: l.issued_on, amount: m ? Number(m[1]) : 0 };
  });
  const billedYuan = notices.filter((n) => n.issuedOn >= start).reduce((s, n) => s + n.amount, 0);
  let paidYuan = 0;
  let payments = 0;
  for (const e of events) {
    if (e.kind !== 'feePaid') continue;
    payments += 1;
    const notice = notices.findLast((n) => n.applicationId === Number(e.application_id) && n.issuedOn <= e.on_date);
    paidYuan += notice?.amount ?? 0;
  }
  return { notices: events.filter((e) => e.kind === 'feeNoticeSent').length, billedYuan, payments, paidYuan };
}

/** Everything the report of an agency for a year is made of, read from its records. */
export async function gatherFacts(ctx: Context, agencyId: number, year: number): Promise<CompileFacts> {
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw errors.validation('year', '年度', '应为四位年份');
  const db = ctx.db.kysely;
  const agency = await findAgency(db, agencyId);
  if (!agency) throw errors.notFound('机构', agencyId);
  const [tableTwo, figures, applications, appeals, published, timed, feedback, fees] = await Promise.all([
    validityCounts(db, agencyId, year),
    findFigures(db, agencyId, year),
    listForYear(db, agencyId, year),
    appealCounts(db, agencyId, year),
    publishedByKind(db, agencyId, year),
    timeliness(db, agencyId, year),
    feedbackYearSummary(ctx, year, { agencyIds: [agencyId], asOf: `${year}-12-31` }),
    feeFacts(db, agencyId, year),
  ]);
  const fb = feedback[0];
  return {
    year,
    agencyName: agency.name,
    rules: tableTwo.rules,
    normativeDocuments: tableTwo.normativeDocuments,
    figures: figures
      ? {
          licensing: figures.licensing,
          punishment: figures.punishment,
          coercion: figures.coercion,
          feesTenThousandYuan: centsToNumber(figures.feesCents),
        }
      : null,
    requests: countYear(applications, year),
    appeals,
    published,
    timed,
    feedback: fb ? { received: fb.received, answered: fb.answered, overdue: fb.overdue } : null,
    fees,
  };
}

/** The agency's report for the year, compiled from its records (no policy: the command line's read). */
export async function compileReport(ctx: Context, agencyId: number, year: number): Promise<AnnualReport> {
  return assembleReport(await gatherFacts(ctx, agencyId, year));
}

/** The same for a signed-in user: whoever may read the agency's applications or its catalogue. */
export async function compileForActor(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  year: number,
): Promise<AnnualReport> {
  if (!(await permits(actor, ctx, 'catalog.view', agencyId)))
    await authorize(actor, ctx, 'application.view', agencyId, { type: 'agency', id: agencyId });
  return compileReport(ctx, agencyId, year);
}
