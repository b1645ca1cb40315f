// What every console form shares: reading a posted form, turning a domain error into "this field, this message",
// and fields whose label, hint and error are tied to the input (aria-describedby, aria-invalid), with an error
// summary (role="alert") at the top linking to the field that failed. The user's input is always put back.
import { type DomainError, isDomainError } from '../../errors.ts';
import { STATUS } from '../status.ts';

export type Values = Record<string, string>;

export interface FormError {
  /** The input the message is about; undefined: the form as a whole. */
  field: string | undefined;
  message: string;
  status: 400 | 409;
}

/** The posted strings (files and repeated names ignored), trimmed of nothing: the user's input as typed. */
export function formValues(body: Record<string, unknown>): Values {
  const values: Values = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  return values;
}

/** Errors a form shows beside its fields; anything else (forbidden, not found) goes to the error page. */
const FORM_ERRORS = new Set(['validation', 'weakPassword', 'conflict', 'referenceMissing']);

export function formError(e: unknown): FormError | undefined {
  if (!isDomainError(e) || !FORM_ERRORS.has(e.code)) return undefined;
  return { field: (e as DomainError).field, message: e.message, status: STATUS[e.code] === 409 ? 409 : 400 };
}

/** '' → null, a whole number → that number, anything else as typed (the schema then names the field). */
export function idOrText(value: string | undefined): number | string | null {
  const v = (value ?? '').trim();
  if (v === '') return null;
  return /^\d{1,12}$/.test(v) ? Number(v) : v;
}

export const fieldId = (name: string) => `f-${name}`;

/** The message of an error on field `name`, beside the field (id f-{name}-error); nothing for other fields. */
export function FieldError(props: { name: string; error: FormError | undefined }) {
  if (props.error?.field !== props.name) return null;
  return (
    <p class="field-error" id={`${fieldId(props.name)}-error`}>
      {props.error.message}
    </p>
  );
}
const errorId = (name: string) => `f-${name}-error`;
const hintId = (name: string) => `f-${name}-hint`;

export function ErrorSummary(props: { error: FormError | undefined }) {
  const { error } = props;
  if (!error) return null;
  return (
    <div class="alert" role="alert">
      <p>提交的内容有误，未予保存。请修改后重新提交：</p>
      <ul>
        <li>{error.field ? <a href={`#${fieldId(error.field)}`}>{error.message}</a> : error.message}</li>
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  values: Values;
  error: FormError | undefined;
  hint?: string;
  required?: boolean;
  maxlength?: number;
  type?: 'text' | 'email' | 'url' | 'tel';
  autocomplete?: string;
}

function describedBy(props: { name: string; hint?: string }, invalid: boolean): string | undefined {
  const ids = [props.hint ? hintId(props.name) : '', invalid ? errorId(props.name) : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Extra(props: { name: string; hint?: string; invalid: boolean; message: string | undefined }) {
  return (
    <>
      {props.hint ? (
        <p class="hint" id={hintId(props.name)}>
          {props.hint}
        </p>
      ) : null}
      {props.invalid ? (
        <p class="field-error" id={errorId(props.name)}>
          {props.message}
        </p>
      ) : null}
    </>
  );
}

export function TextField(props: FieldProps) {
  const invalid = props.error?.field === props.name;
  return (
    <div class="field">
      <label for={fieldId(props.name)}>
        {props.label}
        {props.required ? <span class="required">（必填）</span> : null}
      </label>
      <input
        type={props.type ?? 'text'}
        id={fieldId(props.name)}
        name={props.name}
        value={props.values[props.name] ?? ''}
        required={props.required}
        maxlength={props.maxlength}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props, invalid)}
      />
      <Extra name={props.name} hint={props.hint} invalid={invalid} message={props.error?.message} />
    </div>
  );
}

export function SelectField(props: Omit<FieldProps, 'type' | 'maxlength'> & { options: [string, string][] }) {
  const invalid = props.error?.field === props.name;
  const current = props.values[props.name] ?? '';
  return (
    <div class="field">
      <label for={fieldId(props.name)}>
        {props.label}
        {props.required ? <span class="required">（必填）</span> : null}
      </label>
      <select
        id={fieldId(props.name)}
        name={props.name}
        required={props.required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props, invalid)}
      >
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === current}>
            {label}
          </option>
        ))}
      </select>
      <Extra name={props.name} hint={props.hint} invalid={invalid} message={props.error?.message} />
    </div>
  );
}

/** A definition list of settings: label, then the value or “未填写”. */
export function Settings(props: { rows: [string, string | null | undefined][] }) {
  return (
    <dl class="settings">
      {props.rows.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value ? value : <span class="hint">未填写</span>}</dd>
        </>
      ))}
    </dl>
  );
}

/** A filter of a list's query form (`q-` ids): the choices, led by “全部” (or `all`; '' for none) meaning no filter. */
export const filterSelect = (name: string, text: string, current: string, opts: [string, string][], all = '全部') => (
  <div>
    <label for={`q-${name}`}>{text}</label>
    <select id={`q-${name}`} name={name}>
      {all ? <option value="">{all}</option> : null}
      {opts.map(([v, l]) => (
        <option value={v} selected={v === current}>
          {l}
        </option>
      ))}
    </select>
  </div>
);

/** The rows an import refused, each with its line, column and reason (the catalogue and yearly-figure imports). */
export function RejectedRows(props: { rows: readonly { line: number; column: string | null; reason: string }[] }) {
  return (
    <table>
      <caption>未通过检查的行</caption>
      <thead>
        <tr>
          <th scope="col">行号</th>
          <th scope="col">列</th>
          <th scope="col">问题</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((x) => (
          <tr>
            <th scope="row">第{x.line}行</th>
            <td>{x.column ?? ''}</td>
            <td>{x.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The upload form of a CSV/XLSX import: the file, “只检查，不导入” (on by default), and the button. */
export function TableUploadForm(props: { action: string; csrf: string; label: string; check: boolean }) {
  return (
    <form method="post" action={props.action} enctype="multipart/form-data" class="stack" novalidate>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <div class="field">
        <label for={fieldId('file')}>{props.label}</label>
        <input type="file" id={fieldId('file')} name="file" accept=".csv,.xlsx,text/csv" required />
      </div>
      <div class="choice">
        <input type="checkbox" id={fieldId('check')} name="check" value="yes" checked={props.check} />
        <label for={fieldId('check')}>只检查，不导入</label>
      </div>
      <button type="submit">上传</button>
    </form>
  );
}
