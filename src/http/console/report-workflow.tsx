// The annual report's workflow buttons, each a plain POST form with its CSRF token: 报送审核 (what still blocks it,
// and a checkbox per warning rule: 已核实，确认报送), 撤回, the supervising office's 退回修改 (comment required) and
// 审核通过, and 发布; after publication, the link to the portal page.
import { submissionProblems } from '../../annual/service.ts';
import type { Diagnostic } from '../../report/diagnostics.ts';
import { consoleReportHref, portalReportHref } from '../report-links.ts';
import { fieldId } from './form.tsx';
import { PrivacyPanel } from './privacy.tsx';
import type { PageData } from './report-page.tsx';

/** The warnings grouped by rule: one acknowledgement covers every finding of a rule. */
function warningRules(diagnostics: readonly Diagnostic[]): [string, string[]][] {
  const rules = new Map<string, string[]>();
  for (const d of diagnostics) {
    if (d.severity !== 'warning') continue;
    rules.set(d.rule, [...(rules.get(d.rule) ?? []), d.message]);
  }
  return [...rules];
}

function SubmitForm(props: { data: PageData; action: string }) {
  const { view, csrf } = props.data;
  const warnings = warningRules(view.diagnostics);
  const blocking = submissionProblems(
    view,
    warnings.map(([rule]) => rule),
  );
  return (
    <form method="post" action={`${props.action}/submit`} class="stack wide">
      <input type="hidden" name="_csrf" value={csrf} />
      <p>报送后报告内容即固定，由上级政务公开主管部门审核；审核前可以撤回。</p>
      {blocking.length > 0 ? (
        <div class="alert">
          <p>以下问题须先解决，否则不能报送：</p>
          <ul>
            {blocking.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <fieldset>
          <legend>警告：请逐项核实后勾选确认</legend>
          {warnings.map(([rule, messages]) => (
            <div class="choice">
              <input type="checkbox" id={fieldId(`ack-${rule}`)} name="ack" value={rule} />
              <label for={fieldId(`ack-${rule}`)}>
                已核实，确认报送（{rule}）：{messages.join('；')}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <button type="submit">报送审核</button>
    </form>
  );
}

function DecideForms(props: { data: PageData; action: string }) {
  const { csrf, error, values } = props.data;
  const invalid = error?.field === 'comment';
  return (
    <>
      <form method="post" action={`${props.action}/return`} class="stack wide">
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="field">
          <label for={fieldId('comment')}>
            退回意见<span class="required">（必填）</span>
          </label>
          <textarea
            id={fieldId('comment')}
            name="comment"
            rows={5}
            maxlength={5000}
            required
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={invalid ? `${fieldId('comment')}-error` : undefined}
          >
            {values?.comment ?? ''}
          </textarea>
          {invalid ? (
            <p class="field-error" id={`${fieldId('comment')}-error`}>
              {error?.message}
            </p>
          ) : null}
        </div>
        <button type="submit">退回修改</button>
      </form>
      <form method="post" action={`${props.action}/approve`} class="stack">
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="field">
          <label for={fieldId('approve-comment')}>审核意见（可不填）</label>
          <textarea id={fieldId('approve-comment')} name="comment" rows={3} maxlength={5000} />
        </div>
        <button type="submit">审核通过</button>
      </form>
    </>
  );
}

function Plain(props: { csrf: string; action: string; label: string; text: string }) {
  return (
    <form method="post" action={props.action} class="stack">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <p>{props.text}</p>
      <button type="submit">{props.label}</button>
    </form>
  );
}

export function Workflow(props: { data: PageData }) {
  const { view, steps, csrf } = props.data;
  const action = consoleReportHref(view.agency.id, view.year);
  const status = view.record?.status ?? null;
  const published = status === 'published';
  const any = steps.submit || steps.withdraw || steps.decide || steps.publish || published;
  if (!any) return null;
  return (
    <section aria-labelledby="workflow-title">
      <h2 id="workflow-title">报送、审核与发布</h2>
      {steps.submit ? <SubmitForm data={props.data} action={action} /> : null}
      {steps.withdraw ? (
        <Plain
          csrf={csrf}
          action={`${action}/withdraw`}
          label="撤回"
          text="报告已报送、尚未审核，撤回后可以继续修改。"
        />
      ) : null}
      {steps.decide ? <DecideForms data={props.data} action={action} /> : null}
      {steps.publish && props.data.privacy ? (
        <PrivacyPanel
          action={`${action}/privacy`}
          review={props.data.privacy}
          csrf={csrf}
          mayAcknowledge={true}
          failed={
            props.data.error && props.data.values?.fingerprint
              ? { error: props.data.error, values: props.data.values }
              : undefined
          }
        />
      ) : null}
      {steps.publish ? (
        <Plain
          csrf={csrf}
          action={`${action}/publish`}
          label="发布"
          text={`报告已审核通过。发布后将在门户网站公开，发布日期为今天（法定期限：${view.due}前）。`}
        />
      ) : null}
      {published ? (
        <p>
          已于{view.record?.publishedOn}发布：<a href={portalReportHref(view.agency.id, view.year)}>在门户网站查看</a>
        </p>
      ) : null}
    </section>
  );
}
