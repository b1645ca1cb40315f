// Small fields for the forms of the case page that repeat on it (one per letter, one per proposal): the id is
// given, so that two forms never share one; the error shows beside the input it is about.
import type { FormError, Values } from './form.tsx';

export function Field(props: {
  id: string;
  name: string;
  label: string;
  values: Values;
  error: FormError | undefined;
  hint?: string;
  required?: boolean;
  maxlength?: number;
  type?: 'text' | 'date' | 'number';
  rows?: number;
}) {
  const invalid = props.error?.field === props.name;
  const described = [props.hint ? `${props.id}-hint` : '', invalid ? `${props.id}-error` : ''].filter(Boolean);
  const common = {
    id: props.id,
    name: props.name,
    required: props.required,
    maxlength: props.maxlength,
    'aria-invalid': invalid ? 'true' : undefined,
    'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
  };
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        {props.required ? <span class="required">（必填）</span> : null}
      </label>
      {props.rows ? (
        <textarea rows={props.rows} {...common}>
          {props.values[props.name] ?? ''}
        </textarea>
      ) : (
        <input type={props.type ?? 'text'} value={props.values[props.name] ?? ''} {...common} />
      )}
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {invalid ? (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error?.message}
        </p>
      ) : null}
    </div>
  );
}

/** A select with a given id; options are [value, label]. */
export function Choice(props: {
  id: string;
  name: string;
  label: string;
  options: readonly (readonly [string, string])[];
  values: Values;
  error: FormError | undefined;
}) {
  const current = props.values[props.name] ?? '';
  const invalid = props.error?.field === props.name;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.name}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? `${props.id}-error` : undefined}
      >
        {props.options.map(([v, l]) => (
          <option value={v} selected={v === current}>
            {l}
          </option>
        ))}
      </select>
      {invalid ? (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error?.message}
        </p>
      ) : null}
    </div>
  );
}
