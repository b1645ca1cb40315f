// The application forms: registering a case received by post, fax, at the counter or orally, and the small forms
// of the detail page (one POST each, with the CSRF token). Errors sit beside the field they are about.

import type { Child } from 'hono/jsx';
import {
  APPLICANT_KINDS,
  CHANNEL_LABELS,
  DELIVERIES,
  DELIVERY_LABELS,
  ID_TYPE_LABELS,
  ID_TYPES,
  OUTCOME_LEAVES,
  type OutcomeCode,
  PROVISION_FORM_LABELS,
  PROVISION_FORMS,
  STAFF_CHANNELS,
} from '../../applications/model.ts';
import { RECEIPT_RULES } from '../../applications/receipt.ts';
import { APPLICATION_FIELD_LABELS } from '../../applications/schema.ts';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../attachments/model.ts';
import { APPLICANT_LABELS, GROUP_RESULTS, REQUEST_ROW_LABELS } from '../../report/labels.ts';
import { AttachmentField } from '../portal/attachment-field.tsx';
import { ErrorSummary, type FormError, fieldId, SelectField, TextField, type Values } from './form.tsx';

const label = (name: string) => APPLICATION_FIELD_LABELS[name] ?? name;
const options = <K extends string>(keys: readonly K[], labels: Record<K, string>): [string, string][] =>
  keys.map((k) => [k, labels[k]]);

function FieldError(props: { name: string; id: string; error: FormError | undefined }) {
  return props.error?.field === props.name ? (
    <p class="field-error" id={`${props.id}-error`}>
      {props.error.message}
    </p>
  ) : null;
}

/** Fields repeated in several forms of one page get the form's key in their id: f-{key}-{name}. */
const idOf = (name: string, prefix = '') => fieldId(`${prefix}${name}`);
const PREFIXED = new Set(['date', 'replyBy', 'payBy', 'outcome']);

export function DateField(props: {
  name: string;
  label: string;
  values: Values;
  error: FormError | undefined;
  hint?: string;
  required?: boolean;
  idPrefix?: string;
}) {
  const invalid = props.error?.field === props.name;
  const id = idOf(props.name, props.idPrefix);
  const described = [props.hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.required ? <span class="required">（必填）</span> : null}
      </label>
      <input
        type="date"
        id={id}
        name={props.name}
        value={props.values[props.name] ?? ''}
        required={props.required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError name={props.name} id={id} error={props.error} />
    </div>
  );
}

/** 条例第三十一条, beside the receipt date: which day counts for each channel. */
export function receiptRuleText(): string {
  return STAFF_CHANNELS.map(
    (ch) => `${CHANNEL_LABELS[ch]}：以${RECEIPT_RULES[ch].label}为准（${RECEIPT_RULES[ch].basis}）`,
  ).join('；');
}

export function RegisterForm(props: { csrf: string; values: Values; error: FormError | undefined }) {
  const common = { values: props.values, error: props.error };
  return (
    <>
      <ErrorSummary error={props.error} />
      <form method="post" action="/console/applications" class="stack" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <fieldset>
          <legend>收到申请</legend>
          <SelectField
            name="channel"
            label={label('channel')}
            required
            options={[['', '请选择'], ...options(STAFF_CHANNELS, CHANNEL_LABELS)]}
            hint="网上申请由申请人自行提交，在列表中确认收到。口头申请仅限书面确有困难的，由工作人员代为填写。"
            {...common}
          />
          <DateField
            name="receivedDate"
            label="收到申请日期"
            required
            hint={`${receiptRuleText()}。答复期限自该日起算（不含当日）。`}
            {...common}
          />
        </fieldset>
        <fieldset>
          <legend>申请人</legend>
          <SelectField
            name="applicantKind"
            label={label('applicantKind')}
            required
            options={options(APPLICANT_KINDS, APPLICANT_LABELS)}
            {...common}
          />
          <TextField name="applicantName" label={label('applicantName')} required maxlength={100} {...common} />
          <TextField
            name="contactPerson"
            label={label('contactPerson')}
            maxlength={50}
            hint="法人或其他组织填写"
            {...common}
          />
          <SelectField
            name="idType"
            label={label('idType')}
            options={[['', '（法人或其他组织不填）'], ...options(ID_TYPES, ID_TYPE_LABELS)]}
            {...common}
          />
          <TextField name="idNumber" label={label('idNumber')} maxlength={40} hint="自然人填写" {...common} />
          <TextField
            name="creditCode"
            label={label('creditCode')}
            maxlength={18}
            hint="法人或其他组织填写，18位"
            {...common}
          />
          <TextField name="phone" label={label('phone')} type="tel" maxlength={30} {...common} />
          <TextField name="email" label={label('email')} type="email" maxlength={100} {...common} />
          <TextField name="address" label={label('address')} maxlength={200} {...common} />
          <TextField name="postcode" label={label('postcode')} maxlength={6} {...common} />
        </fieldset>
        <fieldset>
          <legend>所需政府信息</legend>
          <div class="field">
            <label for={fieldId('description')}>
              {label('description')}
              <span class="required">（必填）</span>
            </label>
            <textarea
              id={fieldId('description')}
              name="description"
              rows={4}
              maxlength={2000}
              aria-invalid={props.error?.field === 'description' ? 'true' : undefined}
            >
              {props.values.description ?? ''}
            </textarea>
            <FieldError name="description" id={fieldId('description')} error={props.error} />
          </div>
          <TextField name="documentRef" label={label('documentRef')} maxlength={200} {...common} />
          <SelectField
            name="provisionForm"
            label={label('provisionForm')}
            required
            options={options(PROVISION_FORMS, PROVISION_FORM_LABELS)}
            {...common}
          />
          <SelectField
            name="delivery"
            label={label('delivery')}
            required
            options={options(DELIVERIES, DELIVERY_LABELS)}
            {...common}
          />
        </fieldset>
        <AttachmentField legend="申请人提交的材料" limits={DEFAULT_ATTACHMENT_LIMITS} error={props.error} />
        <p class="hint">登记后系统生成查询号和查询码；查询码仅显示一次，请当场交给申请人。</p>
        <button type="submit">登记申请</button>
      </form>
    </>
  );
}

/** The summary links to the field's id, which carries the form's key where the name repeats on the page. */
function summaryError(key: string, error: FormError | undefined): FormError | undefined {
  return error?.field && PREFIXED.has(error.field) ? { ...error, field: `${key}-${error.field}` } : error;
}

/** One action of the detail page: a small POST form; its error (if it was the one submitted) at its top. */
export function ActionForm(props: {
  name: string;
  title: string;
  action: string;
  csrf: string;
  error: FormError | undefined;
  submit: string;
  hidden?: Record<string, string>;
  children?: Child;
}) {
  return (
    <section aria-labelledby={`act-${props.name}`}>
      <h3 id={`act-${props.name}`}>{props.title}</h3>
      <ErrorSummary error={summaryError(props.name, props.error)} />
      <form method="post" action={props.action} class="stack" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        {Object.entries(props.hidden ?? {}).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        {props.children}
        <button type="submit">{props.submit}</button>
      </form>
    </section>
  );
}

/** Table 三's 21 leaves, grouped as the form prints them: exactly one is chosen. */
export function OutcomeField(props: { values: Values; error: FormError | undefined; idPrefix: string }) {
  const current = props.values.outcome ?? '';
  const groups = new Map<string, OutcomeCode[]>();
  for (const code of OUTCOME_LEAVES) {
    const row = REQUEST_ROW_LABELS[code];
    const group = row.group && row.group !== GROUP_RESULTS ? row.group : row.label.replace(/（[^）]*）$/, '');
    groups.set(group, [...(groups.get(group) ?? []), code]);
  }
  const id = idOf('outcome', props.idPrefix);
  return (
    <div class="field">
      <label for={id}>
        办理结果<span class="required">（必填，只选一项）</span>
      </label>
      <select id={id} name="outcome" aria-invalid={props.error?.field === 'outcome' ? 'true' : undefined}>
        <option value="">请选择</option>
        {[...groups].map(([group, codes]) =>
          codes.length === 1 ? (
            <option value={codes[0] as string} selected={codes[0] === current}>
              {group}
            </option>
          ) : (
            <optgroup label={group}>
              {codes.map((code) => (
                <option value={code} selected={code === current}>
                  {REQUEST_ROW_LABELS[code].label}
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
      <FieldError name="outcome" id={id} error={props.error} />
    </div>
  );
}
