// Routes of the redaction page (区分处理) of one file of a case: the page, its page images, and the POSTs that
// change the plan or apply it. Thin: parse, call one service function, present. A refusal re-renders the page
// with the reason beside the form that was sent (400), and nothing is stored.
import { type Context, Hono } from 'hono';
import { permits } from '../../agencies/authorize.ts';
import { getApplication } from '../../applications/queries.ts';
import { isDomainError } from '../../errors.ts';
import { PERSONAL_DATA_LABELS } from '../../privacy/detect.ts';
import { RedactionError } from '../../redaction/engine.ts';
import {
  addBoxes,
  redactPatterns,
  redactPhrase,
  removeBox,
  type SearchResult,
  updateBoxes,
} from '../../redaction/plan.ts';
import { applyPlan, pageImage, redactionWorkspace } from '../../redaction/service.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { HREF } from './application-views.tsx';
import { type FormError, formError, formValues, type Values } from './form.tsx';
import { consolePage, requireModule } from './frame.tsx';
import { boxFromForm, changesFromForm, kindsFromForm } from './redaction-input.ts';
import { type RedactionPageProps, redactBase } from './redaction-list.tsx';
import { RedactionPage } from './redaction-views.tsx';

type C = Context<AppEnv>;
const BASE = `${HREF}/:id{[0-9]{1,12}}/attachments/:aid{[0-9]{1,12}}/redact`;
const actorOf = (c: C) => c.get('auth').actor;
const gate = requireModule(HREF);

export const redactionRoutes = new Hono<AppEnv>();

const NOTICES: Record<string, string> = {
  added: '已添加遮盖框。',
  updated: '已保存遮盖框的理由和说明。',
  removed: '已删除遮盖框。',
  applied: '已应用区分处理，生成的文件已作为答复附件提供给申请人。',
};

async function page(
  c: C,
  extra: Pick<RedactionPageProps, 'failed' | 'searched' | 'notice'> = {},
  status: 200 | 400 | 409 = 200,
) {
  const id = Number(c.req.param('id'));
  const aid = Number(c.req.param('aid'));
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const w = await redactionWorkspace(actor, ctx, aid);
  if (w.attachment.applicationId !== id) return c.notFound();
  const { application } = await getApplication(actor, ctx, id);
  const mayHandle = await permits(actor, ctx, 'application.handle', w.attachment.agencyId);
  const notice = extra.notice ?? NOTICES[c.req.query('done') ?? ''];
  return consolePage(c, {
    title: `区分处理：${w.attachment.fileName}`,
    current: HREF,
    status,
    children: (
      <>
        <RedactionPage
          applicationId={id}
          trackingNo={application.trackingNo}
          w={w}
          mayHandle={mayHandle}
          csrf={csrfToken(c)}
          {...extra}
          {...(notice ? { notice } : {})}
        />
        <script src="/static/redaction.js" defer />
      </>
    ),
  });
}

/** The engine's refusals (a phrase too long, a page it cannot read) are shown like a form's. */
function refusal(e: unknown, field?: string): FormError | undefined {
  if (e instanceof RedactionError) return { field, message: e.message, status: 400 };
  return formError(e);
}

/** Run a change for the file of this case; on a refusal show the page again with it beside the form. */
async function change(c: C, form: string, values: Values, run: (aid: number) => Promise<unknown>, done: string) {
  const id = Number(c.req.param('id'));
  const aid = Number(c.req.param('aid'));
  const w = await redactionWorkspace(actorOf(c), c.get('ctx'), aid);
  if (w.attachment.applicationId !== id) return c.notFound();
  try {
    await run(aid);
  } catch (e) {
    const error = refusal(e);
    if (!error && !isDomainError(e, 'invalidState')) throw e;
    const shown = error ?? { field: undefined, message: (e as Error).message, status: 409 as const };
    return page(c, { failed: { form, values, error: shown } }, shown.status);
  }
  return c.redirect(`${redactBase(id, aid)}?done=${done}`, 303);
}

redactionRoutes.get(BASE, requireLogin(), gate, (c) => page(c));

redactionRoutes.get(`${BASE}/pages/:n{[0-9]{1,4}}`, requireLogin(), gate, async (c) => {
  const w = await redactionWorkspace(actorOf(c), c.get('ctx'), Number(c.req.param('aid')));
  if (w.attachment.applicationId !== Number(c.req.param('id'))) return c.notFound();
  let png: Uint8Array;
  try {
    png = await pageImage(actorOf(c), c.get('ctx'), w.attachment.id, Number(c.req.param('n')));
  } catch (e) {
    if (e instanceof RedactionError || isDomainError(e, 'notFound')) return c.notFound();
    throw e;
  }
  c.header('content-type', 'image/png');
  c.header('cache-control', 'private, no-store');
  return c.body(png as Uint8Array<ArrayBuffer>);
});

redactionRoutes.post(`${BASE}/boxes`, requireLogin(), gate, async (c) => {
  const values = formValues(await c.req.parseBody());
  return change(c, 'boxes', values, (aid) => addBoxes(actorOf(c), c.get('ctx'), aid, [boxFromForm(values)]), 'added');
});

redactionRoutes.post(`${BASE}/update`, requireLogin(), gate, async (c) => {
  const values = formValues(await c.req.parseBody());
  const run = (aid: number) => updateBoxes(actorOf(c), c.get('ctx'), aid, changesFromForm(values));
  return change(c, 'update', values, run, 'updated');
});

redactionRoutes.post(`${BASE}/remove`, requireLogin(), gate, async (c) => {
  const values = formValues(await c.req.parseBody());
  const run = (aid: number) => removeBox(actorOf(c), c.get('ctx'), aid, Number(values.remove ?? ''));
  return change(c, 'update', values, run, 'removed');
});

redactionRoutes.post(`${BASE}/apply`, requireLogin(), gate, async (c) => {
  const values = formValues(await c.req.parseBody());
  return change(c, 'apply', values, (aid) => applyPlan(actorOf(c), c.get('ctx'), aid), 'applied');
});

/** A search adds what it found and shows the list once (the found text is never stored). */
async function search(c: C, form: string, values: Values, label: string, run: (aid: number) => Promise<SearchResult>) {
  const id = Number(c.req.param('id'));
  const aid = Number(c.req.param('aid'));
  const w = await redactionWorkspace(actorOf(c), c.get('ctx'), aid);
  if (w.attachment.applicationId !== id) return c.notFound();
  try {
    const result = await run(aid);
    return page(c, { searched: { label, result } });
  } catch (e) {
    const error = refusal(e, form === 'phrase' ? 'phrase' : 'kinds');
    if (!error) throw e;
    const field = error.field === 'reason' ? `${form === 'phrase' ? 'phrase' : 'pattern'}Reason` : error.field;
    return page(c, { failed: { form, values, error: { ...error, field } } }, error.status);
  }
}

redactionRoutes.post(`${BASE}/phrase`, requireLogin(), gate, async (c) => {
  const values = formValues(await c.req.parseBody());
  const phrase = values.phrase ?? '';
  const run = (aid: number) => redactPhrase(actorOf(c), c.get('ctx'), aid, phrase, values.phraseReason ?? '');
  return search(c, 'phrase', values, '查找并遮盖', run);
});

redactionRoutes.post(`${BASE}/patterns`, requireLogin(), gate, async (c) => {
  const body = await c.req.parseBody({ all: true });
  const kinds = kindsFromForm(body.kinds);
  const values: Values = { ...formValues(body), kinds: kinds.join(',') };
  const label = `识别${kinds.map((k) => PERSONAL_DATA_LABELS[k]).join('、') || '个人信息'}`;
  const run = (aid: number) => redactPatterns(actorOf(c), c.get('ctx'), aid, kinds, values.patternReason ?? '');
  return search(c, 'patterns', values, label, run);
});
