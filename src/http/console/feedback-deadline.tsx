// 公众留言 — the agency's deadline for answering (working days from receipt, default 5), set by its administrator
// (agency.update, as the agency's other settings). It applies to messages received afterwards.
import { type Context, Hono } from 'hono';
import { authorize } from '../../agencies/authorize.ts';
import { errors } from '../../errors.ts';
import { DEFAULT_DEADLINE_DAYS } from '../../feedback/model.ts';
import { deadlineDaysOf } from '../../feedback/repository.ts';
import { setFeedbackDeadline } from '../../feedback/service.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { ErrorSummary, type FormError, formError, formValues, TextField, type Values } from './form.tsx';
import { consolePage } from './frame.tsx';

type C = Context<AppEnv>;
export const DEADLINE_HREF = '/console/feedback-deadline';
export const feedbackDeadlineRoutes = new Hono<AppEnv>();

/** The actor's agency, once the policy allows changing its settings. */
async function agencyOf(c: C): Promise<number> {
  const actor = c.get('auth').actor;
  if (actor.agencyId === null) throw errors.forbidden('设置留言答复期限（请以机关管理员身份登录）');
  await authorize(actor, c.get('ctx'), 'agency.update', actor.agencyId);
  return actor.agencyId;
}

async function page(c: C, values?: Values, error?: FormError) {
  const agencyId = await agencyOf(c);
  const current = await deadlineDaysOf(c.get('ctx').db.kysely, agencyId);
  return consolePage(c, {
    title: '留言答复期限',
    status: error ? error.status : 200,
    children: (
      <>
        <h1>留言答复期限</h1>
        {c.req.query('saved') ? (
          <p class="notice" role="status">
            已保存。
          </p>
        ) : null}
        <p>
          本机关答复公众留言的期限为收到留言后 <strong>{current}</strong> 个工作日（未设置时为{DEFAULT_DEADLINE_DAYS}
          个工作日）。修改后，对此后收到的留言适用；已收到的留言期限不变。
        </p>
        <ErrorSummary error={error} />
        <form method="post" action={DEADLINE_HREF} class="stack">
          <input type="hidden" name="_csrf" value={csrfToken(c)} />
          <TextField
            name="deadlineDays"
            label="答复期限（工作日）"
            required
            maxlength={2}
            hint="1至60的整数。"
            values={values ?? { deadlineDays: String(current) }}
            error={error}
          />
          <button type="submit">保存</button>
        </form>
      </>
    ),
  });
}

feedbackDeadlineRoutes.get(DEADLINE_HREF, requireLogin(), (c) => page(c));

feedbackDeadlineRoutes.post(DEADLINE_HREF, requireLogin(), async (c) => {
  const agencyId = await agencyOf(c);
  const values = formValues(await c.req.parseBody());
  const raw = (values.deadlineDays ?? '').trim();
  try {
    const days = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
    await setFeedbackDeadline(c.get('auth').actor, c.get('ctx'), agencyId, { deadlineDays: days });
  } catch (e) {
    const error = formError(e);
    if (!error) throw e;
    return page(c, values, error);
  }
  return c.redirect(`${DEADLINE_HREF}?saved=1`, 303);
});
