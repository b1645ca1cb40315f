// 依申请公开办理 — one case: its particulars as the presenter allows, the clock and its ledger, and the actions the
// policy and the case's state allow, each a small POST form. A refused action re-renders the page with the
// service's reason beside the form that was submitted; nothing is half-written (the services write in one
// transaction).
import { type Context, Hono } from 'hono';
import { permits } from '../../agencies/authorize.ts';
import { getAgency } from '../../agencies/service.ts';
import { CORRECTION_NOTICE_DAYS } from '../../applications/ledger.ts';
import { listHandlers } from '../../applications/list.ts';
import { getApplication } from '../../applications/queries.ts';
import { approveProposal, proposeReply, returnProposal, reviewState } from '../../applications/review.ts';
import { assignHandler, confirmReceipt, decide, recordEvent } from '../../applications/service.ts';
import { listAttachments } from '../../attachments/service.ts';
import { loadWorkingCalendar } from '../../calendar/repository.ts';
import { isDomainError } from '../../errors.ts';
import { caseLetters, issueCaseLetter } from '../../letters/case-letters.ts';
import { recordDelivery } from '../../letters/deliveries.ts';
import { letterFile } from '../../letters/service.ts';
import { caseRedactions, withheldProposal } from '../../redaction/service.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { STATUS } from '../status.ts';
import { appealsSection } from './appeals-views.tsx';
import { caseActions, type Failed, stateOf } from './application-actions.tsx';
import { attachmentsSection } from './application-attachments.tsx';
import { eventInputFrom } from './application-input.ts';
import { lettersSection } from './application-letters.tsx';
import { publishedSection } from './application-published.tsx';
import { reviewSection } from './application-review.tsx';
import { similarSection } from './application-similar.tsx';
import { CaseDetails, ClockSummary, HREF, LedgerTable } from './application-views.tsx';
import { handlerNamer } from './applications.tsx';
import { formValues, type Values } from './form.tsx';
import { consolePage, requireModule } from './frame.tsx';
import { letterInputFrom } from './letter-input.ts';

type C = Context<AppEnv>;
const actorOf = (c: C) => c.get('auth').actor;
const ID = `${HREF}/:id{[0-9]{1,12}}`;

export const applicationDetailRoutes = new Hono<AppEnv>();
const gate = requireModule(HREF);

/** 条例第三十条: the 补正告知 is due within 7 working days of receipt. */
async function correctionLimit(c: C, receivedOn: string | null): Promise<string | null> {
  if (!receivedOn) return null;
  try {
    return (await loadWorkingCalendar(c.get('ctx').db.kysely)).addWorkingDays(receivedOn, CORRECTION_NOTICE_DAYS);
  } catch {
    return null;
  }
}

export async function casePage(c: C, id: number, failed?: Failed) {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const { application: a, clock } = await getApplication(actor, ctx, id);
  const [mayHandle, mayApprove, agency, name] = await Promise.all([
    permits(actor, ctx, 'application.handle', a.agencyId),
    permits(actor, ctx, 'application.approve', a.agencyId),
    getAgency(actor, ctx, a.agencyId),
    handlerNamer(c, [a.agencyId]),
  ]);
  const s = stateOf(a, clock);
  const limit = s.running && !s.correctionAsked ? await correctionLimit(c, a.receivedOn) : null;
  const handlers = mayHandle && (s.open || s.submitted) ? await listHandlers(actor, ctx, a.agencyId) : [];
  const csrf = csrfToken(c);
  const review = await reviewState(actor, ctx, id, a.agencyId);
  const reviewRequired = review.required;
  // 区分处理 applied (《条例》第三十七条): propose 部分公开 with the generated list of what is withheld and why.
  const redactions = await caseRedactions(actor, ctx, id);
  const proposal: Values = redactions.length
    ? { outcome: 'partlyGranted', basis: '《条例》第三十七条', reason: await withheldProposal(ctx.db.kysely, id) }
    : {};
  const { actions, shown } = caseActions({
    a,
    clock,
    mayHandle,
    mayApprove,
    handlers,
    limit,
    csrf,
    failed,
    reviewRequired,
    proposal,
  });
  const open = { open: s.open, actorId: actor.id };
  const reviewed = reviewSection({ a, review, mayHandle, mayApprove, csrf, failed, proposal, ...open });
  const letters = lettersSection({
    applicationId: id,
    data: await caseLetters(actor, ctx, id),
    mayIssue: mayHandle || mayApprove,
    csrf,
    failed,
  });
  const attachments = attachmentsSection({
    applicationId: id,
    items: await listAttachments(actor, ctx, id),
    copies: new Map(redactions.map((r) => [r.copy.id, r.source.fileName])),
    mayUpload: mayHandle,
    csrf,
    failed,
  });
  for (const key of [...reviewed.shown, ...letters.shown, ...attachments.shown]) shown.add(key);
  const elsewhere = failed && !shown.has(failed.form) ? failed.error.message : undefined;
  const saved = c.req.query('saved') ? '已保存。' : undefined;
  return consolePage(c, {
    title: `申请 ${a.trackingNo}`,
    current: HREF,
    status: failed?.error.status ?? 200,
    children: (
      <>
        <h1>申请 {a.trackingNo}</h1>
        {elsewhere ? (
          <div class="alert" role="alert">
            <p>未予保存：{elsewhere}</p>
          </div>
        ) : null}
        {saved ? (
          <p class="notice" role="status">
            {saved}
          </p>
        ) : null}
        <CaseDetails a={a} handler={name(a.handlerUserId)} agencyName={agency.name} />
        <h2>答复期限</h2>
        {clock ? (
          <>
            <ClockSummary clock={clock} />
            <LedgerTable clock={clock} />
          </>
        ) : (
          <p class="hint">尚未确认收到申请，答复期限自确认之日起计算。</p>
        )}
        {await similarSection(actor, ctx, id)}
        {await publishedSection(actor, ctx, id)}
        {await appealsSection(actor, ctx, id)}
        {mayHandle || mayApprove ? <h2>办理</h2> : null}
        {actions}
        {reviewed.node}
        {letters.node}
        {attachments.node}
        <p>
          <a href={HREF}>返回申请列表</a>
        </p>
      </>
    ),
  });
}

applicationDetailRoutes.get(ID, requireLogin(), gate, (c) => casePage(c, Number(c.req.param('id'))));

/** Errors shown on the page beside the form; forbidden and not found go to the error page. */
const SHOWN = new Set(['validation', 'ledgerInvalid', 'conflict', 'referenceMissing', 'calendarMissing']);

function post(path: string, form: (v: Values) => string, run: (c: C, id: number, v: Values) => Promise<unknown>) {
  applicationDetailRoutes.post(`${ID}/${path}`, requireLogin(), gate, async (c) => {
    const id = Number(c.req.param('id'));
    const values = formValues(await c.req.parseBody());
    try {
      await run(c, id, values);
    } catch (e) {
      if (!isDomainError(e) || !SHOWN.has(e.code)) throw e;
      const status = STATUS[e.code] === 409 ? 409 : 400;
      return casePage(c, id, { form: form(values), values, error: { field: e.field, message: e.message, status } });
    }
    return c.redirect(`${HREF}/${id}?saved=1`, 303);
  });
}

post(
  'confirm',
  () => 'confirm',
  (c, id, v) => confirmReceipt(actorOf(c), c.get('ctx'), id, v.date ?? ''),
);
post(
  'assign',
  () => 'assign',
  (c, id, v) =>
    assignHandler(actorOf(c), c.get('ctx'), id, /^\d{1,12}$/.test(v.handlerUserId ?? '') ? Number(v.handlerUserId) : 0),
);
post(
  'events',
  (v) => v.type ?? '',
  (c, id, v) => recordEvent(actorOf(c), c.get('ctx'), id, eventInputFrom(v)),
);
post(
  'decide',
  () => 'decide',
  (c, id, v) => decide(actorOf(c), c.get('ctx'), id, (v.outcome ?? '') as Parameters<typeof decide>[3], v.date ?? ''),
);
post(
  'review/propose',
  () => 'proposeReply',
  (c, id, v) =>
    proposeReply(actorOf(c), c.get('ctx'), id, { outcome: v.outcome ?? '', basis: v.basis ?? '', reason: v.reason }),
);
post(
  'review/approve',
  () => 'approveReply',
  (c, id, v) => approveProposal(actorOf(c), c.get('ctx'), id, v.date ?? ''),
);
post(
  'review/return',
  () => 'returnReply',
  (c, id, v) => returnProposal(actorOf(c), c.get('ctx'), id, v.comment ?? ''),
);
post(
  'letters',
  (v) => `letter-${v.kind ?? ''}`,
  (c, id, v) => {
    const { kind, details, amount } = letterInputFrom(v);
    return issueCaseLetter(actorOf(c), c.get('ctx'), id, kind, details, amount);
  },
);
post(
  'letters/:lid{[0-9]{1,12}}/deliveries',
  (v) => `deliver-${v.letter ?? ''}`,
  (c, id, v) =>
    recordDelivery(
      actorOf(c),
      c.get('ctx'),
      Number(c.req.param('lid')),
      { method: v.method ?? '', date: v.date ?? '', proof: v.proof ?? null },
      id,
    ),
);

/** RFC 5987/6266: an ASCII fallback, and the Chinese name percent-encoded as UTF-8 in filename*. */
export function contentDisposition(filename: string, fallback: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

applicationDetailRoutes.get(`${ID}/letters/:lid{[0-9]{1,12}}/:format{docx|pdf}`, requireLogin(), gate, async (c) => {
  const lid = Number(c.req.param('lid'));
  const format = c.req.param('format') as 'docx' | 'pdf';
  // The letter must be one of this case's: another case's letter id under this URL is 404.
  const file = await letterFile(actorOf(c), c.get('ctx'), lid, format, Number(c.req.param('id')));
  c.header('content-type', file.contentType);
  c.header('content-disposition', contentDisposition(file.filename, `letter-${lid}.${format}`));
  c.header('cache-control', 'private, no-store');
  return c.body(file.data as Uint8Array<ArrayBuffer>);
});
