// 信息处理费按件计收 (国办函〔2020〕109号): the same applicant's applications to the agency in one natural month.
// The applicant is the same person when the ID number (or the organisation's 统一社会信用代码) is the same; without
// either, the same kind and name. The month is that of the receipt date of the application being charged.
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.ts';
import type { Application } from './model.ts';

export interface MonthCount {
  /** YYYY-MM. */
  month: string;
  /** “2026年3月”. */
  monthText: string;
  count: number;
}

export async function applicationsInMonth(db: Kysely<Schema>, app: Application): Promise<MonthCount | null> {
  if (!app.receivedOn) return null;
  const month = app.receivedOn.slice(0, 7);
  let q = db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('agency_id', '=', app.agencyId)
    .where('received_on', '>=', `${month}-01`)
    .where('received_on', '<=', `${month}-31`);
  if (app.idNumber) q = q.where('id_number', '=', app.idNumber);
  else if (app.creditCode) q = q.where('credit_code', '=', app.creditCode);
  else q = q.where('applicant_kind', '=', app.applicantKind).where('applicant_name', '=', app.applicantName);
  const row = await q.executeTakeFirstOrThrow();
  return { month, monthText: `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`, count: Number(row.n) };
}
