// 文书 on the case page (issue 4 point 6): the letters issued — number, kind, date, the DOCX (and the PDF where
// Chromium is installed), their deliveries — and a “生成XX” form for each letter a recorded event calls for, with
// what the case already says filled in. A 收费通知书 shows the fee fees.ts computes and needs the amount confirmed.
import type { Child } from 'hono/jsx';
import { FEE_BASES, FEE_BASIS_LABELS } from '../../applications/fees.ts';
import { type CaseLetters, type LetterOffer, yuan } from '../../letters/case-letters.ts';
import { DELIVERY_METHOD_LABELS, DELIVERY_METHODS, type DeliveryRecord } from '../../letters/deliveries.ts';
import type { Failed } from './application-actions.tsx';
import { Choice, Field } from './application-fields.tsx';
import { HREF } from './application-views.tsx';
import { ErrorSummary, type Values } from './form.tsx';

export interface LettersProps {
  applicationId: number;
  data: CaseLetters;
  /** Handlers and reviewers of the agency issue letters and record deliveries. */
  mayIssue: boolean;
  csrf: string;
  failed: Failed | undefined;
}

const METHOD_LABELS: Record<string, string> = DELIVERY_METHOD_LABELS;

function deliveryText(d: DeliveryRecord) {
  return `${METHOD_LABELS[d.method] ?? d.method}，${d.deliveredOn}送达${d.proof ? `（凭证：${d.proof}）` : ''}`;
}

/** The form's fields, ids f-{key}-{name} so that the error summary links to the right one. */
function offerFields(o: LetterOffer, key: string, v: Values, f: Failed | undefined): Child {
  const error = f?.form === key ? f.error : undefined;
  const field = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field id={`f-${key}-${name}`} name={name} label={label} values={v} error={error} {...extra} />
  );
  switch (o.kind) {
    case 'correction':
      return (
        <>
          {field('problems', '需要补正的事项', { required: true, rows: 3, maxlength: 1000 })}
          {field('replyBy', '补正期限', { type: 'date', required: true })}
        </>
      );
    case 'thirdPartyConsultation':
      return field('thirdPartyName', '第三方名称', { required: true, maxlength: 100 });
    case 'extension':
      return (
        <>
          {field('days', '延长的工作日数', { required: true, maxlength: 2 })}
          {field('reason', '延期理由', { maxlength: 500 })}
        </>
      );
    case 'feeNotice':
      return (
        <>
          {o.fee && o.month ? (
            <div class="notice">
              <p>
                该申请人{o.month.monthText}向本机关提出申请共{o.month.count}件，按件计收应收
                <strong>{yuan(o.fee.amount)}</strong>（国办函〔2020〕109号，超额累进）：
              </p>
              <ul>
                {o.fee.text.map((t) => (
                  <li>{t}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <Choice
            id={`f-${key}-feeBasis`}
            name="feeBasis"
            label="计费方式"
            options={FEE_BASES.map((b) => [b, FEE_BASIS_LABELS[b]] as const)}
            values={v}
            error={error}
          />
          {field('quantity', '申请件数（按件）或页数（按量）', { required: true, maxlength: 6 })}
          {field('month', '计件月份', { maxlength: 20 })}
          {field('payBy', '缴费期限（不填则为20个工作日）', { type: 'date' })}
          {field('payment', '缴费方式', { maxlength: 200 })}
          {field('amount', '确认收费金额（元）', {
            required: true,
            maxlength: 9,
            hint: '请核对系统计算的金额后填写；与计算结果不一致的，不予生成。',
          })}
        </>
      );
    case 'reply':
      return (
        <>
          {field('reason', '答复理由', { rows: 3, maxlength: 2000 })}
          {field('where', '已主动公开的获取途径', { maxlength: 300 })}
          {field('rightAgency', '负责公开该信息的机关', { maxlength: 100 })}
          {field('rightAgencyContact', '该机关的联系方式', { maxlength: 200 })}
          {field('previousReply', '此前答复的文号或日期', { maxlength: 100 })}
        </>
      );
    default:
      return null;
  }
}

function Form(props: {
  key_: string;
  title: string;
  action: string;
  csrf: string;
  failed: Failed | undefined;
  submit: string;
  hidden: Record<string, string>;
  children?: Child;
}) {
  const error = props.failed?.form === props.key_ ? props.failed.error : undefined;
  const summary = error?.field ? { ...error, field: `${props.key_}-${error.field}` } : error;
  return (
    <section aria-labelledby={`act-${props.key_}`}>
      <h3 id={`act-${props.key_}`}>{props.title}</h3>
      <ErrorSummary error={summary} />
      <form method="post" action={props.action} class="stack" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        {Object.entries(props.hidden).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        {props.children}
        <button type="submit">{props.submit}</button>
      </form>
    </section>
  );
}

export function lettersSection(props: LettersProps): { node: Child; shown: string[] } {
  const { applicationId: id, data, mayIssue, csrf, failed } = props;
  const shown: string[] = [];
  const base = `${HREF}/${id}/letters`;
  const valuesOf = (key: string, defaults: Values = {}) => (failed?.form === key ? failed.values : defaults);
  const node = (
    <section aria-labelledby="letters-title">
      <h2 id="letters-title">文书</h2>
      {data.letters.length === 0 ? (
        <p class="hint">尚未生成文书。</p>
      ) : (
        <table>
          <caption>已生成的文书（共 {data.letters.length} 件）</caption>
          <thead>
            <tr>
              <th scope="col">文号</th>
              <th scope="col">种类</th>
              <th scope="col">成文日期</th>
              <th scope="col">下载</th>
              <th scope="col">送达</th>
            </tr>
          </thead>
          <tbody>
            {data.letters.map((l) => (
              <tr>
                <th scope="row">{l.number}</th>
                <td>{l.kindLabel}</td>
                <td>{l.issuedOn}</td>
                <td>
                  {mayIssue ? (
                    <>
                      <a href={`${base}/${l.id}/docx`}>DOCX</a>{' '}
                      {data.pdfAvailable ? (
                        <a href={`${base}/${l.id}/pdf`}>PDF</a>
                      ) : (
                        <span class="hint">PDF需安装Chromium</span>
                      )}
                    </>
                  ) : (
                    <span class="hint">仅本机关承办人、审核人可下载</span>
                  )}
                </td>
                <td>
                  {l.deliveries.length === 0 ? (
                    <span class="hint">未记录送达</span>
                  ) : (
                    l.deliveries.map((d) => <p>{deliveryText(d)}</p>)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayIssue
        ? data.offers.map((o) => {
            const key = `letter-${o.kind}`;
            shown.push(key);
            return (
              <Form
                key_={key}
                title={o.label}
                action={base}
                csrf={csrf}
                failed={failed}
                submit={o.label}
                hidden={{ kind: o.kind }}
              >
                {offerFields(o, key, valuesOf(key, o.defaults), failed)}
              </Form>
            );
          })
        : null}
      {mayIssue
        ? data.letters.map((l) => {
            const key = `deliver-${l.id}`;
            shown.push(key);
            const v = valuesOf(key, { method: 'post' });
            const error = failed?.form === key ? failed.error : undefined;
            return (
              <Form
                key_={key}
                title={`记录送达：${l.number}`}
                action={`${base}/${l.id}/deliveries`}
                csrf={csrf}
                failed={failed}
                submit="记录送达"
                hidden={{ letter: String(l.id) }}
              >
                <Choice
                  id={`f-${key}-method`}
                  name="method"
                  label="送达方式"
                  options={DELIVERY_METHODS.map((m) => [m, DELIVERY_METHOD_LABELS[m]] as const)}
                  values={v}
                  error={error}
                />
                <Field
                  id={`f-${key}-date`}
                  name="date"
                  label="送达日期"
                  type="date"
                  required
                  values={v}
                  error={error}
                />
                <Field
                  id={`f-${key}-proof`}
                  name="proof"
                  label="送达凭证"
                  maxlength={500}
                  hint="如挂号信单号、发送的电子邮箱和时间、领取人签收"
                  values={v}
                  error={error}
                />
              </Form>
            );
          })
        : null}
    </section>
  );
  return { node, shown };
}
