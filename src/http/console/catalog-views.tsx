// The catalogue pages' content: the staff list, the item form (every field of ItemFields, with its Chinese label
// and the error beside it), and the small pieces the item page repeats.
import {
  ARTICLE20_ITEMS,
  BODY_FORMATS,
  type CatalogItem,
  KIND_LABELS,
  KINDS,
  MODE_LABELS,
  MODES,
  REVISION_STATUS_LABELS,
  type RevisionStatus,
  STANDARD_AREAS,
  TOPICS,
  VALIDITY_LABELS,
} from '../../catalog/model.ts';
import type { StaffRow } from '../../catalog/queries.ts';
import { CATALOG_FIELD_LABELS } from '../../catalog/schema.ts';
import { DateField } from './application-forms.tsx';
import { ErrorSummary, FieldError, type FormError, fieldId, SelectField, TextField, type Values } from './form.tsx';

export const HREF = '/console/catalog';
export const label = (name: string) => CATALOG_FIELD_LABELS[name] ?? name;
export const BODY_FORMAT_LABELS: Record<string, string> = { markdown: 'Markdown', html: 'HTML' };

/** Where an item stands for staff: its open change if any, else the item's own status. */
export function stageText(item: Pick<CatalogItem, 'status'>, open: RevisionStatus | null): string {
  const own = item.status === 'published' ? '已发布' : item.status === 'withdrawn' ? '已撤回' : '未发布';
  if (!open) return own;
  const change = REVISION_STATUS_LABELS[open];
  return item.status === 'draft' ? change : `${own}（修改${change}）`;
}

export function ItemTable(props: { caption: string; rows: readonly StaffRow[]; total: number }) {
  if (props.rows.length === 0)
    return (
      <p class="hint">
        {props.caption}：<span>无</span>
      </p>
    );
  return (
    <table>
      <caption>
        {props.caption}（共 {props.total} 条{props.total > props.rows.length ? `，本页 ${props.rows.length} 条` : ''}）
      </caption>
      <thead>
        <tr>
          <th scope="col">标题</th>
          <th scope="col">信息类别</th>
          <th scope="col">索引号</th>
          <th scope="col">成文日期</th>
          <th scope="col">发布日期</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ item, openStatus }) => (
          <tr>
            <th scope="row">
              <a href={`${HREF}/${item.id}`}>{item.title || '（无标题）'}</a>
            </th>
            <td>{KIND_LABELS[item.kind]}</td>
            <td>{item.indexNo ?? ''}</td>
            <td>{item.formedOn}</td>
            <td>{item.publishedOn ?? ''}</td>
            <td>
              {stageText(item, openStatus)}
              {item.validity && item.validity !== 'valid' ? `，${VALIDITY_LABELS[item.validity]}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A text input with suggestions (a datalist): the lists are what sites commonly use; others are allowed. */
function SuggestField(props: {
  name: string;
  label: string;
  values: Values;
  error: FormError | undefined;
  suggestions: readonly [string, string][];
  hint?: string;
  maxlength?: number;
}) {
  const id = fieldId(props.name);
  const invalid = props.error?.field === props.name;
  const described = [props.hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        type="text"
        id={id}
        name={props.name}
        list={`${id}-list`}
        value={props.values[props.name] ?? ''}
        maxlength={props.maxlength}
        autocomplete="off"
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      <datalist id={`${id}-list`}>
        {props.suggestions.map(([value, text]) => (
          <option value={value}>{text}</option>
        ))}
      </datalist>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

function TextArea(props: {
  name: string;
  label: string;
  values: Values;
  error: FormError | undefined;
  rows: number;
  hint?: string;
}) {
  const id = fieldId(props.name);
  const invalid = props.error?.field === props.name;
  const described = [props.hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        {props.values[props.name] ?? ''}
      </textarea>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

export interface ItemFormProps {
  action: string;
  csrf: string;
  values: Values;
  error: FormError | undefined;
  /** The agency's name: the default 发布机构. */
  agencyName: string;
  /** Policies an interpretation may explain: id and title. */
  policies: readonly { id: number; title: string }[];
  /** The title of the policy now chosen (it may not be among the suggestions). */
  interpretsTitle: string | null;
  /** A change of a published item: 变更日期 applies. */
  published: boolean;
  submit: string;
}

export function ItemForm(props: ItemFormProps) {
  const common = { values: props.values, error: props.error };
  const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>): [string, string][] =>
    keys.map((k) => [k, labels[k]]);
  return (
    <>
      <ErrorSummary error={props.error} />
      <form method="post" action={props.action} class="stack" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <fieldset>
          <legend>基本信息</legend>
          <SelectField name="kind" label={label('kind')} required options={opts(KINDS, KIND_LABELS)} {...common} />
          <TextField name="title" label={label('title')} required maxlength={300} {...common} />
          <TextField name="docNo" label={label('docNo')} maxlength={100} hint="如：测政规〔2025〕1号" {...common} />
          <TextField
            name="issuer"
            label={label('issuer')}
            maxlength={100}
            hint={`不填写时为“${props.agencyName}”`}
            {...common}
          />
          <DateField name="formedOn" label={label('formedOn')} required {...common} />
          {props.published ? (
            <DateField
              name="changedOn"
              label={label('changedOn')}
              hint="已发布信息的内容发生变更的日期；应自该日起20个工作日内发布（《条例》第二十六条）。不填写时以发布之日计。"
              {...common}
            />
          ) : null}
        </fieldset>
        <fieldset>
          <legend>分类</legend>
          <SuggestField
            name="topic"
            label={label('topic')}
            maxlength={50}
            suggestions={TOPICS.map((t) => [t, t])}
            {...common}
          />
          <SelectField
            name="article20"
            label={label('article20')}
            options={[['', '（不属于或未选择）'], ...Object.entries(ARTICLE20_ITEMS)]}
            hint="规章和规范性文件不选择时按第（一）项"
            {...common}
          />
          <SuggestField
            name="standardArea"
            label={label('standardArea')}
            maxlength={50}
            suggestions={STANDARD_AREAS.map((a) => [a, a])}
            hint="基层政务公开标准目录的26个领域"
            {...common}
          />
        </fieldset>
        <fieldset>
          <legend>公开方式</legend>
          <SelectField
            name="disclosureMode"
            label={label('disclosureMode')}
            required
            options={opts(MODES, MODE_LABELS)}
            {...common}
          />
          <TextArea
            name="withheldReason"
            label={label('withheldReason')}
            rows={2}
            hint="选择“不予公开”时必填，写明理由和依据"
            {...common}
          />
        </fieldset>
        <fieldset>
          <legend>正文</legend>
          <SelectField
            name="bodyFormat"
            label={label('bodyFormat')}
            options={BODY_FORMATS.map((f) => [f, BODY_FORMAT_LABELS[f] ?? f])}
            {...common}
          />
          <TextArea
            name="body"
            label={label('body')}
            rows={14}
            hint="HTML 正文发布时会清除脚本、样式等不安全内容"
            {...common}
          />
        </fieldset>
        <fieldset>
          <legend>政策解读</legend>
          <SuggestField
            name="interpretsId"
            label={`${label('interpretsId')}（信息编号）`}
            maxlength={12}
            suggestions={props.policies.map((p) => [String(p.id), p.title])}
            hint={
              props.interpretsTitle
                ? `当前：${props.interpretsTitle}。仅“政策解读”填写。`
                : '信息类别为“政策解读”时必填：所解读的规章、规范性文件或其他文件的编号。'
            }
            {...common}
          />
        </fieldset>
        <TextArea name="note" label={label('note')} rows={2} hint="本次修改的内容和原因（可选）" {...common} />
        <button type="submit">{props.submit}</button>
      </form>
    </>
  );
}
