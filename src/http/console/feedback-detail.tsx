// 公众留言 — one message: what the sender wrote (name and contact only for the staff of the agency holding it, masked
// for inspectors), its deadline and the working days taken, and — while it is open and the policy allows — the forms
// to answer it (publicly, only with the sender's consent; or privately) or to close it as spam or a duplicate.
import { type Context, Hono } from 'hono';
import { permits } from '../../agencies/authorize.ts';
import { isDomainError } from '../../errors.ts';
import {
  ANSWER_MODE_LABELS,
  ANSWER_MODES,
  CLOSE_REASON_LABELS,
  CLOSE_REASONS,
  scrubPersonalData,
} from '../../feedback/model.ts';
import { getFeedback, type StaffView } from '../../feedback/queries.ts';
import type { AnswerInput } from '../../feedback/schema.ts';
import { answerFeedback, closeFeedback } from '../../feedback/service.ts';
import type { ReviewedHit } from '../../privacy/review.ts';
import { acknowledgeFeedbackHit, reviewFeedbackAnswer } from '../../privacy/service.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { Paragraphs } from '../portal/feedback-views.tsx';
import { STATUS } from '../status.ts';
import { gate, HREF } from './feedback.tsx';
import {
  ErrorSummary,
  FieldError,
  type FormError,
  fieldId,
  formValues,
  Settings,
  TextField,
  type Values,
} from './form.tsx';
import { consolePage } from './frame.tsx';
import { AnswerPrivacy, fingerprintOfField } from './privacy.tsx';

type C = Context<AppEnv>;
const ID = `${HREF}/:id{[0-9]{1,12}}`;
export const feedbackDetailRoutes = new Hono<AppEnv>();

interface Failed {
  form: 'answer' | 'close';
  values: Values;
  error: FormError;
  /** The personal data found in a public answer that was refused (privacy/). */
  hits?: ReviewedHit[];
}

function Radios(props: {
  name: string;
  legend: string;
  options: [string, string][];
  values: Values;
  error?: FormError;
}) {
  const invalid = props.error?.field === props.name;
  return (
    <fieldset class="choices" aria-describedby={invalid ? `${fieldId(props.name)}-error` : undefined}>
      <legend>
        {props.legend}
        <span class="required">（必选）</span>
      </legend>
      <FieldError name={props.name} error={props.error} />
      {props.options.map(([value, label], i) => {
        const id = i === 0 ? fieldId(props.name) : `${fieldId(props.name)}-${value}`;
        return (
          <div class="choice">
            <input type="radio" id={id} name={props.name} value={value} checked={props.values[props.name] === value} />
            <label for={id}>{label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

function Area(props: {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  values: Values;
  error?: FormError;
}) {
  const id = fieldId(props.name);
  const invalid = props.error?.field === props.name;
  const described = [props.hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.required ? <span class="required">（必填）</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        rows={6}
        maxlength={5000}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        {props.values[props.name] ?? ''}
      </textarea>
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

function AnswerForm(props: { m: StaffView; csrf: string; failed?: Failed | undefined }) {
  const { m } = props;
  const failed = props.failed?.form === 'answer' ? props.failed : undefined;
  const values: Values = failed?.values ?? {
    mode: m.publishConsent ? '' : 'private',
    publicSubject: scrubPersonalData(m.subject),
    publicContent: scrubPersonalData(m.content),
  };
  const error = failed?.error;
  const modes = ANSWER_MODES.filter((mode) => mode === 'private' || m.publishConsent);
  return (
    <section aria-labelledby="answer-heading">
      <h2 id="answer-heading">答复留言</h2>
      <ErrorSummary error={error} />
      <form method="post" action={`${HREF}/${m.id}/answer`} class="stack wide">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Radios
          name="mode"
          legend="答复方式"
          options={modes.map((mode): [string, string] => [mode, ANSWER_MODE_LABELS[mode]])}
          values={values}
          error={error}
        />
        {m.publishConsent ? null : <p class="hint">留言人未同意公开，只能私下答复。</p>}
        <Area name="answer" label="答复内容" required values={values} error={error} />
        {m.publishConsent ? (
          <fieldset>
            <legend>公开答复时在网站上显示的留言（请删去姓名、住址等个人信息）</legend>
            <TextField name="publicSubject" label="公开的标题" maxlength={100} values={values} error={error} />
            <Area
              name="publicContent"
              label="公开的留言内容"
              hint="已自动隐去电话号码、电子邮箱和身份证号码；其他个人信息请手工删去。私下答复时不使用。"
              values={values}
              error={error}
            />
          </fieldset>
        ) : null}
        <AnswerPrivacy hits={failed?.hits ?? []} values={values} />
        <button type="submit">提交答复</button>
      </form>
    </section>
  );
}

function CloseForm(props: { m: StaffView; csrf: string; failed?: Failed | undefined }) {
  const failed = props.failed?.form === 'close' ? props.failed : undefined;
  const values = failed?.values ?? {};
  const error = failed?.error;
  return (
    <section aria-labelledby="close-heading">
      <h2 id="close-heading">不予答复，关闭留言</h2>
      <ErrorSummary error={error} />
      <form method="post" action={`${HREF}/${props.m.id}/close`} class="stack wide">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Radios
          name="reason"
          legend="关闭原因"
          options={CLOSE_REASONS.map((r): [string, string] => [r, CLOSE_REASON_LABELS[r]])}
          values={values}
          error={error}
        />
        <TextField
          name="note"
          label="关闭说明"
          maxlength={500}
          hint="重复留言请注明与哪条留言重复（留言编号）。留言人查询时可以看到。"
          values={values}
          error={error}
        />
        <button type="submit">关闭留言</button>
      </form>
    </section>
  );
}

async function messagePage(c: C, id: number, failed?: Failed) {
  const actor = c.get('auth').actor;
  const ctx = c.get('ctx');
  const m = await getFeedback(actor, ctx, id);
  const mayAnswer = m.status === 'open' && (await permits(actor, ctx, 'feedback.answer', m.agencyId));
  const csrf = csrfToken(c);
  const rows: [string, string | null][] = [
    ['留言编号', m.messageNo],
    ['受理机关', m.agencyName],
    ['留言类型', m.kindLabel],
    ['状态', m.statusLabel],
    ['收到时间', `${m.receivedOn}`],
    [
      '答复期限',
      m.dueOn
        ? `${m.dueOn}（${m.deadlineDays}个工作日）${m.overdue ? '，已超期' : ''}`
        : '未能计算（节假日安排未录入）',
    ],
    [
      m.status === 'open' ? '已用时' : '用时',
      m.daysTaken === null ? null : `${m.daysTaken}个工作日${m.late ? '（超期答复）' : ''}`,
    ],
    ['姓名或称呼', m.name],
    ['联系方式', m.contact],
    ['是否同意公开', m.publishConsent ? '同意公开' : '不同意公开'],
  ];
  return consolePage(c, {
    title: `留言 ${m.messageNo}`,
    current: HREF,
    status: failed ? failed.error.status : 200,
    children: (
      <>
        <h1>留言 {m.messageNo}</h1>
        {c.req.query('saved') ? (
          <p class="notice" role="status">
            已保存。
          </p>
        ) : null}
        <Settings rows={rows} />
        {m.personalDataMasked ? (
          <p class="hint">留言人的个人信息只有受理机关的工作人员可以查看，此处已部分隐去。</p>
        ) : null}
        {m.itemId ? (
          <p>
            相关信息：<a href={`/catalog/${m.itemId}`}>{m.itemTitle ?? `信息（${m.itemId}）`}</a>
          </p>
        ) : null}
        <h2>{m.subject}</h2>
        <Paragraphs text={m.content} />
        {m.status === 'answered' ? (
          <section aria-labelledby="answered-heading">
            <h2 id="answered-heading">答复</h2>
            <p>
              {m.handledBy} 于 {m.handledOn} {m.answerMode === 'public' ? '公开答复' : '私下答复'}：
            </p>
            <Paragraphs text={m.answer ?? ''} />
            {m.answerMode === 'public' ? (
              <>
                <h3>网站上公开的留言</h3>
                <p>
                  <strong>{m.publicSubject}</strong>
                </p>
                <Paragraphs text={m.publicContent ?? ''} />
              </>
            ) : null}
          </section>
        ) : null}
        {m.status === 'closed' ? (
          <p>
            {m.handledBy} 于 {m.handledOn} 关闭：{m.closeReasonLabel}
            {m.closeNote ? `（${m.closeNote}）` : ''}。
          </p>
        ) : null}
        {mayAnswer ? (
          <>
            <AnswerForm m={m} csrf={csrf} failed={failed} />
            <CloseForm m={m} csrf={csrf} failed={failed} />
          </>
        ) : null}
        <p>
          <a href={HREF}>返回留言列表</a>
        </p>
      </>
    ),
  });
}

feedbackDetailRoutes.get(ID, requireLogin(), gate, (c) => messagePage(c, Number(c.req.param('id'))));

/** Errors shown beside the form; forbidden and not found go to the error page. */
const SHOWN = new Set(['validation', 'invalidState', 'personalData']);

function post(form: Failed['form'], run: (c: C, id: number, v: Values) => Promise<unknown>) {
  feedbackDetailRoutes.post(`${ID}/${form}`, requireLogin(), gate, async (c) => {
    const id = Number(c.req.param('id'));
    const values = formValues(await c.req.parseBody());
    try {
      await run(c, id, values);
    } catch (e) {
      if (!isDomainError(e) || !SHOWN.has(e.code)) throw e;
      const status = STATUS[e.code] === 409 ? 409 : 400;
      return messagePage(c, id, { form, values, error: { field: e.field, message: e.message, status } });
    }
    return c.redirect(`${HREF}/${id}?saved=1`, 303);
  });
}

const blank = (v: string | undefined) => (v?.trim() ? v : null);
const answerOf = (v: Values): AnswerInput => ({
  mode: (v.mode ?? '') as 'public',
  answer: v.answer ?? '',
  publicSubject: blank(v.publicSubject),
  publicContent: blank(v.publicContent),
});

/**
 * The answer: first the reasons given for personal data shown on the refused attempt (a hit since edited away
 * needs none), then the answer itself. Refused for personal data, the form comes back listing what was found.
 */
feedbackDetailRoutes.post(`${ID}/answer`, requireLogin(), gate, async (c) => {
  const id = Number(c.req.param('id'));
  const values = formValues(await c.req.parseBody());
  const actor = c.get('auth').actor;
  const ctx = c.get('ctx');
  const input = answerOf(values);
  try {
    for (const [name, reason] of Object.entries(values)) {
      const fingerprint = fingerprintOfField(name);
      if (!fingerprint || !reason.trim()) continue;
      try {
        await acknowledgeFeedbackHit(actor, ctx, id, input, { fingerprint, reason });
      } catch (e) {
        if (!isDomainError(e, 'invalidState')) throw e;
      }
    }
    await answerFeedback(actor, ctx, id, input);
  } catch (e) {
    if (!isDomainError(e) || !SHOWN.has(e.code)) throw e;
    const status = STATUS[e.code] === 409 ? 409 : 400;
    const hits = isDomainError(e, 'personalData') ? await reviewFeedbackAnswer(actor, ctx, id, input) : undefined;
    return messagePage(c, id, { form: 'answer', values, error: { field: e.field, message: e.message, status }, hits });
  }
  return c.redirect(`${HREF}/${id}?saved=1`, 303);
});
post('close', (c, id, v) =>
  closeFeedback(c.get('auth').actor, c.get('ctx'), id, { reason: (v.reason ?? '') as 'spam', note: blank(v.note) }),
);
