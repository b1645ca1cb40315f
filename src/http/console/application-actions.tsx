// The actions on one case, each a small POST form with the CSRF token, offered only when the policy (mayHandle,
// mayApprove) and the case's state allow: what the services would refuse is not offered, and what they refuse anyway
// (a date out of order, a late reply) comes back with its reason beside the form that was submitted.
import type { Child } from 'hono/jsx';
import { type ClockState, CORRECTION_NOTICE_DAYS, MAX_EXTENSION_DAYS } from '../../applications/ledger.ts';
import type { HandlerName } from '../../applications/list.ts';
import { ActionForm, DateField, OutcomeField } from './application-forms.tsx';
import { HREF, type Presented } from './application-views.tsx';
import { type FormError, SelectField, TextField, type Values } from './form.tsx';

export interface Failed {
  form: string;
  values: Values;
  error: FormError;
}

/** What the ledger says is under way: which actions the case's state allows. */
export function stateOf(a: Presented, clock: ClockState | null) {
  const n = (t: string) => clock?.ledger.filter((l) => l.event === t).length ?? 0;
  const open = a.status === 'received' || a.status === 'paused' || a.status === 'awaitingCorrection';
  return {
    submitted: a.status === 'submitted',
    open,
    running: a.status === 'received',
    awaitingCorrection: a.status === 'awaitingCorrection',
    correctionAsked: n('correctionRequested') > 0,
    consulting: n('consultationStarted') > n('consultationEnded'),
    feeOpen: n('feeNoticeSent') > n('feePaid') + n('feeExpired'),
    extended: n('extensionApproved') > 0,
  };
}

export interface ActionProps {
  a: Presented;
  clock: ClockState | null;
  mayHandle: boolean;
  mayApprove: boolean;
  handlers: readonly HandlerName[];
  /** The last day for a 补正告知 (条例第三十条), when one may still be given. */
  limit: string | null;
  csrf: string;
  failed: Failed | undefined;
  /** The agency's replies need a reviewer's approval: the handler proposes (application-review.tsx) instead. */
  reviewRequired?: boolean;
  /** What the case suggests for the decision (区分处理 applied → 部分公开). */
  proposal?: Values;
}

/** The forms, and which were rendered: a refusal for a form no longer offered is shown at the top instead. */
export function caseActions(props: ActionProps): { actions: Child; shown: Set<string> } {
  const { a, mayHandle, mayApprove, handlers, limit, csrf, failed } = props;
  const s = stateOf(a, props.clock);
  const shown = new Set<string>();
  const base = `${HREF}/${a.id}`;
  const errorOf = (form: string) => (failed?.form === form ? failed.error : undefined);
  const valuesOf = (form: string): Values =>
    failed?.form === form ? failed.values : form === 'decide' ? (props.proposal ?? {}) : {};
  const form = (key: string, title: string, action: string, submit: string, body: (v: Values) => Child) => {
    shown.add(key);
    return (
      <ActionForm
        name={key}
        title={title}
        action={`${base}/${action}`}
        csrf={csrf}
        error={errorOf(key)}
        submit={submit}
        hidden={action === 'events' ? { type: key } : undefined}
      >
        {body(valuesOf(key))}
      </ActionForm>
    );
  };
  const date =
    (key: string, label = '日期', hint?: string) =>
    (v: Values) => (
      <DateField name="date" label={label} required idPrefix={`${key}-`} values={v} error={errorOf(key)} hint={hint} />
    );
  const actions = (
    <>
      {mayHandle && s.submitted
        ? form('confirm', '确认收到', 'confirm', '确认收到', date('confirm', '双方确认日期'))
        : null}
      {mayHandle && (s.open || s.submitted) && handlers.length > 0
        ? form('assign', '分配承办人', 'assign', '分配', (v) => (
            <SelectField
              name="handlerUserId"
              label="承办人"
              required
              options={[
                ['', '请选择'],
                ...handlers.filter((h) => h.active).map((h): [string, string] => [String(h.id), h.displayName]),
              ]}
              values={{ handlerUserId: String(a.handlerUserId ?? ''), ...v }}
              error={errorOf('assign')}
            />
          ))
        : null}
      {mayHandle && s.running && !s.correctionAsked
        ? form('correctionRequested', '补正告知', 'events', '记录补正告知', (v) => (
            <>
              {date(
                'correctionRequested',
                '告知日期',
                limit
                  ? `应于收到申请之日起${CORRECTION_NOTICE_DAYS}个工作日内（${limit}前）一次性告知（《条例》第三十条）；晚于该日的，系统将提示。`
                  : undefined,
              )(v)}
              <DateField
                name="replyBy"
                label="补正期限"
                idPrefix="correctionRequested-"
                values={v}
                error={errorOf('correctionRequested')}
              />
            </>
          ))
        : null}
      {mayHandle && s.awaitingCorrection ? (
        <>
          {form(
            'correctionReceived',
            '收到补正',
            'events',
            '记录收到补正',
            date('correctionReceived', '收到补正日期', '答复期限自收到补正之日起重新计算。'),
          )}
          {form(
            'correctionExpired',
            '逾期未补正',
            'events',
            '记录逾期未补正',
            date('correctionExpired', '日期', '申请人无正当理由逾期不补正的，视为放弃申请，本件办结。'),
          )}
        </>
      ) : null}
      {mayHandle && s.running && !s.consulting
        ? form('consultationStarted', '征求第三方或其他机关意见', 'events', '开始征求意见', (v) => (
            <>
              {date(
                'consultationStarted',
                '发出征求意见日期',
                '征求意见期间不计算在答复期限内（《条例》第三十三条第三款）。',
              )(v)}
              <SelectField
                name="party"
                label="征求对象"
                options={[
                  ['thirdParty', '第三方（《条例》第三十二条，15个工作日内提出意见）'],
                  ['agency', '其他机关'],
                ]}
                values={v}
                error={errorOf('consultationStarted')}
              />
              <TextField
                name="name"
                label="征求对象名称"
                maxlength={100}
                values={v}
                error={errorOf('consultationStarted')}
              />
            </>
          ))
        : null}
      {mayHandle && s.consulting
        ? form(
            'consultationEnded',
            '征求意见结束',
            'events',
            '记录征求意见结束',
            date('consultationEnded', '收到意见或期满日期'),
          )
        : null}
      {s.open && !s.extended && !s.awaitingCorrection ? (
        mayApprove ? (
          form('extensionApproved', '批准延期答复', 'events', '批准延期', (v) => (
            <>
              {date('extensionApproved', '批准日期')(v)}
              <TextField
                name="days"
                label={`延长的工作日数（不超过${MAX_EXTENSION_DAYS}）`}
                maxlength={2}
                values={v}
                error={errorOf('extensionApproved')}
              />
            </>
          ))
        ) : mayHandle ? (
          <section aria-labelledby="act-extension">
            <h3 id="act-extension">延期答复</h3>
            <p class="notice">
              需要延长答复期限的，须经政府信息公开工作机构负责人同意（《条例》第三十三条第二款），延长不超过
              {MAX_EXTENSION_DAYS}个工作日。请报审核人在本系统中批准。
            </p>
          </section>
        ) : null
      ) : null}
      {mayHandle && s.running && !s.feeOpen
        ? form('feeNoticeSent', '收费通知', 'events', '记录收费通知', (v) => (
            <>
              {date(
                'feeNoticeSent',
                '通知日期',
                '发出收费通知后暂停计时，至申请人缴费之日恢复（国办函〔2020〕109号）。',
              )(v)}
              <DateField
                name="payBy"
                label="缴费期限（不填则为20个工作日）"
                idPrefix="feeNoticeSent-"
                values={v}
                error={errorOf('feeNoticeSent')}
              />
            </>
          ))
        : null}
      {mayHandle && s.feeOpen ? form('feePaid', '已缴费', 'events', '记录已缴费', date('feePaid', '缴费日期')) : null}
      {mayHandle && s.open && !props.reviewRequired
        ? form('decide', '答复', 'decide', '记录答复并办结', (v) => (
            <>
              <OutcomeField values={v} error={errorOf('decide')} idPrefix="decide-" />
              {date('decide', '答复日期')(v)}
            </>
          ))
        : null}
    </>
  );
  return { actions, shown };
}
