// 年度报告 in the console (issue 6 points 3–5): the staff member's list of years, and one report's page with its
// editor, workflow forms and downloads. Thin routes: each parses the form, calls one service function of
// src/annual/service.ts (which authorizes) and redirects back (303) with a notice, or shows the page again with the
// refusal (a field's error beside the field; a blocked submission at the top).
import { type Context, Hono } from 'hono';
import { TEXT_SECTION_LABELS, TEXT_SECTIONS, type TextSection } from '../../annual/model.ts';
import { findReport } from '../../annual/repository.ts';
import {
  allowedSteps,
  approveReport,
  getReport,
  publishReport,
  returnReport,
  saveTexts,
  submitReport,
  type TextsInput,
  withdrawReport,
} from '../../annual/service.ts';
import { beijingDate } from '../../calendar/dates.ts';
import { errors, isDomainError } from '../../errors.ts';
import { acknowledgeReportHit, reviewAnnualReport } from '../../privacy/service.ts';
import { FORMAT_MEDIA_TYPES, findChromium, type OutputFormat, renderReport } from '../../report/write/index.ts';
import { CHROMIUM_MISSING } from '../../report/write/pdf.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../errors.tsx';
import { consoleReportHref } from '../report-links.ts';
import { contentDisposition } from './application-detail.tsx';
import type { FormError, Values } from './form.tsx';
import { consolePage } from './frame.tsx';
import { REPORTS_HREF, reportListPage } from './report-list.tsx';
import { type PageData, ReportPage } from './report-page.tsx';

type C = Context<AppEnv>;
const ID = `${REPORTS_HREF}/:agencyId{[0-9]{1,12}}/:year{[0-9]{4}}`;
export const consoleReportRoutes = new Hono<AppEnv>();

const NOTICES: Record<string, string> = {
  saved: '已保存文字部分。',
  adopted: '已采用上年度的文字，请按本年度情况修改后保存。',
  submitted: '已报送上级政务公开主管部门审核。',
  withdrawn: '已撤回报送，可以继续修改。',
  returned: '已退回修改，经办人将看到退回意见。',
  approved: '已审核通过，可由本机关发布。',
  published: '已发布，门户网站已公开。',
  privacy: '已记录可以公开的理由。',
  imported: '已导入往年报告，作为已发布的报告保存，并用于下一年度报告的跨年度核对。',
};

const target = (c: C) => ({ agencyId: Number(c.req.param('agencyId')), year: Number(c.req.param('year')) });

async function lastYearTexts(c: C, view: PageData['view']): Promise<Record<TextSection, string | null>> {
  const last = view.previous ? null : await findReport(c.get('ctx').db.kysely, view.agency.id, view.year - 1);
  const out = {} as Record<TextSection, string | null>;
  for (const s of TEXT_SECTIONS) out[s] = view.previous?.text[s] || last?.snapshot?.text[s] || last?.texts[s] || null;
  return out;
}

async function page(c: C, options: { error?: FormError; values?: Values } = {}) {
  const { agencyId, year } = target(c);
  const actor = c.get('auth').actor;
  const ctx = c.get('ctx');
  const view = await getReport(actor, ctx, agencyId, year);
  const [steps, lastTexts] = await Promise.all([allowedSteps(actor, ctx, view), lastYearTexts(c, view)]);
  const privacy = steps.publish ? await reviewAnnualReport(actor, ctx, agencyId, year) : null;
  const notice = NOTICES[c.req.query('done') ?? ''];
  const data: PageData = {
    view,
    steps,
    today: beijingDate(ctx.clock()),
    lastTexts,
    csrf: csrfToken(c),
    pdf: findChromium() !== null,
    privacy,
    ...(notice ? { notice } : {}),
    ...options,
  };
  return consolePage(c, {
    title: `${view.year}年度报告（${view.agency.name}）`,
    current: REPORTS_HREF,
    status: options.error?.status ?? 200,
    children: <ReportPage data={data} />,
  });
}

/** Run a workflow step: back to the page with a notice, or the page again with what was refused. */
async function step(c: C, run: () => Promise<unknown>, done: string, values?: Values) {
  const { agencyId, year } = target(c);
  try {
    await run();
  } catch (e) {
    if (isDomainError(e, 'validation'))
      return page(c, { error: { field: e.field, message: e.message, status: 400 }, ...(values ? { values } : {}) });
    if (isDomainError(e, 'invalidState') || isDomainError(e, 'personalData'))
      return page(c, { error: { field: undefined, message: e.message, status: 409 }, ...(values ? { values } : {}) });
    throw e;
  }
  return c.redirect(`${consoleReportHref(agencyId, year)}?done=${done}`, 303);
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const normal = (v: string) => v.replace(/\r\n?/g, '\n').trim();

consoleReportRoutes.get(REPORTS_HREF, requireLogin(), (c) => reportListPage(c));
consoleReportRoutes.get(ID, requireLogin(), (c) => page(c));

consoleReportRoutes.get(`${ID}/:file{report\\.(?:html|docx|pdf|json|xlsx|md)}`, requireLogin(), async (c) => {
  const { agencyId, year } = target(c);
  const format = c.req.param('file').slice('report.'.length) as OutputFormat;
  const view = await getReport(c.get('auth').actor, c.get('ctx'), agencyId, year);
  if (format === 'pdf' && findChromium() === null) return errorResponse(c, 503, CHROMIUM_MISSING);
  const content = await renderReport(view.report, format);
  c.header('content-type', FORMAT_MEDIA_TYPES[format]);
  c.header(
    'content-disposition',
    contentDisposition(
      `${view.agency.name}${year}年政府信息公开工作年度报告.${format}`,
      `annual-report-${agencyId}-${year}.${format}`,
    ),
  );
  c.header('cache-control', 'private, no-store');
  return typeof content === 'string' ? c.body(content) : c.body(content as Uint8Array<ArrayBuffer>);
});

consoleReportRoutes.post(`${ID}/texts`, requireLogin(), async (c) => {
  const { agencyId, year } = target(c);
  const actor = c.get('auth').actor;
  const ctx = c.get('ctx');
  const body = await c.req.parseBody();
  const values: Values = {};
  for (const s of TEXT_SECTIONS) values[s] = text(body[s]);
  const view = await getReport(actor, ctx, agencyId, year);
  const adopt = TEXT_SECTIONS.find((s) => s === body.adopt);
  return step(
    c,
    async () => {
      if (adopt) {
        const last = (await lastYearTexts(c, view))[adopt];
        if (!last) throw errors.validation(adopt, TEXT_SECTION_LABELS[adopt], '没有上年度的文字可以采用');
        values[adopt] = last;
      }
      // A section left as the system drafted it is not saved: it keeps following the records.
      const texts: TextsInput = {};
      for (const s of TEXT_SECTIONS) {
        const unchanged = view.record?.texts[s] == null && normal(values[s] ?? '') === normal(view.report.text[s]);
        if (!unchanged) texts[s] = values[s] ?? '';
      }
      await saveTexts(actor, ctx, agencyId, year, texts);
    },
    adopt ? 'adopted' : 'saved',
    values,
  );
});

consoleReportRoutes.post(`${ID}/submit`, requireLogin(), async (c) => {
  const { agencyId, year } = target(c);
  const body = await c.req.parseBody({ all: true });
  const acks = [body.ack ?? []].flat().filter((a): a is string => typeof a === 'string');
  return step(c, () => submitReport(c.get('auth').actor, c.get('ctx'), agencyId, year, acks), 'submitted');
});

consoleReportRoutes.post(`${ID}/withdraw`, requireLogin(), async (c) => {
  const { agencyId, year } = target(c);
  return step(c, () => withdrawReport(c.get('auth').actor, c.get('ctx'), agencyId, year), 'withdrawn');
});

consoleReportRoutes.post(`${ID}/return`, requireLogin(), async (c) => {
  const { agencyId, year } = target(c);
  const comment = text((await c.req.parseBody()).comment);
  const run = () => returnReport(c.get('auth').actor, c.get('ctx'), agencyId, year, comment);
  return step(c, run, 'returned', { comment });
});

consoleReportRoutes.post(`${ID}/approve`, requireLogin(), async (c) => {
  const { agencyId, year } = target(c);
  const comment = text((await c.req.parseBody()).comment);
  return step(c, () => approveReport(c.get('auth').actor, c.get('ctx'), agencyId, year, comment), 'approved');
});

consoleReportRoutes.post(`${ID}/privacy`, requireLogin(), async (c) => {
  const { agencyId, year } = target(c);
  const body = await c.req.parseBody();
  const values = { fingerprint: text(body.fingerprint), reason: text(body.reason) };
  const run = () => acknowledgeReportHit(c.get('auth').actor, c.get('ctx'), agencyId, year, values);
  return step(c, run, 'privacy', values);
});

consoleReportRoutes.post(`${ID}/publish`, requireLogin(), async (c) => {
  const { agencyId, year } = target(c);
  return step(c, () => publishReport(c.get('auth').actor, c.get('ctx'), agencyId, year), 'published');
});
