// For the tests of the published annual reports (portal, open data, API): a hierarchy with the people of the
// workflow, a report taken through the services up to a status, and a pre-system report imported.
import { readFile } from 'node:fs/promises';
import type { Actor, Agency } from '../src/agencies/model.ts';
import type { Status } from '../src/annual/model.ts';
import {
  approveReport,
  getReport,
  importReport,
  publishReport,
  saveTexts,
  submitReport,
} from '../src/annual/service.ts';
import type { Context } from '../src/context.ts';
import { buildHierarchy, buildUser } from './platform.ts';

const SEED = new URL('./fixtures/seed/000_c1efcce95eb0748a.txt', import.meta.url);

export interface ReportPeople {
  government: Agency;
  department: Agency;
  other: Agency;
  /** The department's clerk and publisher; the supervising office (a reviewer of the government). */
  clerk: Actor;
  publisher: Actor;
  office: Actor;
}

export async function buildReportPeople(ctx: Context): Promise<ReportPeople> {
  const { government, department, other } = await buildHierarchy(ctx);
  return {
    government,
    department,
    other,
    clerk: (await buildUser(ctx, 'handler', department.id)).actor,
    publisher: (await buildUser(ctx, 'publisher', department.id)).actor,
    office: (await buildUser(ctx, 'reviewer', government.id)).actor,
  };
}

/** The department's report for `year`, taken through saveTexts → submit → approve → publish up to `until`. */
export async function advanceReport(ctx: Context, p: ReportPeople, year: number, until: Status = 'published') {
  const id = p.department.id;
  await saveTexts(p.clerk, ctx, id, year, {
    overview: `${year}年，本机关认真贯彻《中华人民共和国政府信息公开条例》。`,
    problems: '存在的问题：公开的及时性有待提高。改进：建立发布提醒。',
    other: '本年度未收取信息处理费。',
  });
  if (until === 'draft') return;
  const view = await getReport(p.clerk, ctx, id, year);
  await submitReport(
    p.clerk,
    ctx,
    id,
    year,
    view.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.rule),
  );
  if (until === 'submitted') return;
  await approveReport(p.office, ctx, id, year);
  if (until === 'approved') return;
  await publishReport(p.publisher, ctx, id, year);
}

/** The seed report (2024) imported for the department as published on 2025-01-20. */
export async function importSeedReport(ctx: Context, p: ReportPeople) {
  const data = new Uint8Array(await readFile(SEED));
  return importReport(p.clerk, ctx, p.department.id, { data, name: 'seed.txt', publishedOn: '2025-01-20' });
}
