// The agency pages' content: the tree, one agency's settings, and the form. Presenters only: what is shown of an
// agency is listed here field by field.
import type { Child } from 'hono/jsx';
import { AGENCY_FIELD_LABELS, AGENCY_KIND_LABELS, AGENCY_KINDS, type Agency } from '../../agencies/model.ts';
import { PLACEMENT, SETTINGS } from './agency-input.ts';
import { ErrorSummary, type FormError, SelectField, Settings, TextField, type Values } from './form.tsx';

const label = (name: string) => AGENCY_FIELD_LABELS[name] ?? name;

export const SAVED: Record<string, string> = {
  created: '机构已新建。',
  updated: '机构设置已保存。',
};

export function Notice(props: { text: string | undefined }) {
  return props.text ? (
    <p class="notice" role="status">
      {props.text}
    </p>
  ) : null;
}

/** Nested lists by parent; an agency whose parent is not shown starts a tree of its own. */
export function AgencyTree(props: { agencies: readonly Agency[] }) {
  const shown = new Set(props.agencies.map((a) => a.id));
  const under = (id: number | null) =>
    props.agencies.filter((a) => (id === null ? a.parentId === null || !shown.has(a.parentId) : a.parentId === id));
  const list = (items: Agency[]): Child =>
    items.length === 0 ? null : (
      <ul class="tree">
        {items.map((a) => (
          <li>
            <a href={`/console/agencies/${a.id}`}>{a.name}</a>
            <span class="hint">（{AGENCY_KIND_LABELS[a.kind]}）</span>
            {list(under(a.id))}
          </li>
        ))}
      </ul>
    );
  return <>{list(under(null))}</>;
}

export function AgencyDetails(props: { agency: Agency; parentName: string | null }) {
  const a = props.agency;
  return (
    <Settings
      rows={[
        [label('name'), a.name],
        [label('shortName'), a.shortName],
        [label('creditCode'), a.creditCode],
        [label('kind'), AGENCY_KIND_LABELS[a.kind]],
        [label('parentId'), props.parentName ?? '无（顶级机构）'],
        [label('officeAddress'), a.officeAddress],
        [label('officeHours'), a.officeHours],
        [label('officePhone'), a.officePhone],
        [label('officeFax'), a.officeFax],
        [label('officeEmail'), a.officeEmail],
        [label('website'), a.website],
        [label('reviewBody'), a.reviewBody],
        [label('court'), a.court],
        [label('letterPrefix'), a.letterPrefix],
      ]}
    />
  );
}

const HINTS: Partial<Record<string, string>> = {
  creditCode: '18位，如 11320899014162705G；第18位为校验码。没有的可不填。',
  officeHours: '如：工作日上午9:00至12:00，下午13:30至17:30（法定节假日除外）',
  officePhone: '如 0517-83606114，多个号码以顿号分隔',
  website: '以 http:// 或 https:// 开头',
  letterPrefix: '答复文书编号的前缀，如“示政信公开”',
};

const MAX: Partial<Record<string, number>> = {
  name: 100,
  shortName: 30,
  creditCode: 18,
  officeAddress: 200,
  officeHours: 200,
  reviewBody: 100,
  court: 100,
  letterPrefix: 30,
};

const TYPES: Partial<Record<string, 'email' | 'url' | 'tel'>> = {
  officePhone: 'tel',
  officeFax: 'tel',
  officeEmail: 'email',
  website: 'url',
};

export function AgencyForm(props: {
  action: string;
  csrf: string;
  values: Values;
  error: FormError | undefined;
  /** Kind and parent are offered: the user may create agencies. */
  placement: boolean;
  parents: readonly Agency[];
  submit: string;
}) {
  const { values, error } = props;
  const common = { values, error };
  const placement = PLACEMENT.map((name) =>
    name === 'kind' ? (
      <SelectField
        name="kind"
        label={label('kind')}
        required
        {...common}
        options={[['', '请选择'], ...AGENCY_KINDS.map((k): [string, string] => [k, AGENCY_KIND_LABELS[k]])]}
      />
    ) : (
      <SelectField
        name="parentId"
        label={label('parentId')}
        hint="人民政府的上级应为人民政府；政府部门应有上级机构。"
        {...common}
        options={[['', '无（顶级机构）'], ...props.parents.map((a): [string, string] => [String(a.id), a.name])]}
      />
    ),
  );
  return (
    <>
      <ErrorSummary error={error} />
      <form method="post" action={props.action} class="stack" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        {SETTINGS.slice(0, 3).map((name) => (
          <TextField
            name={name}
            label={label(name)}
            required={name === 'name'}
            maxlength={MAX[name]}
            {...(HINTS[name] ? { hint: HINTS[name] } : {})}
            {...common}
          />
        ))}
        {props.placement ? placement : null}
        <fieldset>
          <legend>政府信息公开工作机构</legend>
          {SETTINGS.slice(3, 9).map((name) => (
            <TextField
              name={name}
              label={label(name)}
              maxlength={MAX[name]}
              {...(TYPES[name] ? { type: TYPES[name] } : {})}
              {...(HINTS[name] ? { hint: HINTS[name] } : {})}
              {...common}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>救济途径与文书</legend>
          {SETTINGS.slice(9).map((name) => (
            <TextField
              name={name}
              label={label(name)}
              maxlength={MAX[name]}
              {...(HINTS[name] ? { hint: HINTS[name] } : {})}
              {...common}
            />
          ))}
        </fieldset>
        <button type="submit">{props.submit}</button>
      </form>
    </>
  );
}
