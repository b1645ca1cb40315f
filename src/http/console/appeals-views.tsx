// 复议诉讼 — the pieces the pages share: the case form, the list table, table 四 as on the national form, and the
// section listing an application's cases on its console page.
import type { Child } from 'hono/jsx';
import { permits } from '../../agencies/authorize.ts';
import type { Actor } from '../../agencies/model.ts';
import { KIND_LABELS, KINDS, RESULT_HINTS, RESULT_LABELS, RESULTS, ROLE_LABELS, ROLES } from '../../appeals/model.ts';
import { type CaseView, casesOfApplication } from '../../appeals/queries.ts';
import { APPEAL_FIELD_LABELS } from '../../appeals/schema.ts';
import type { Context } from '../../context.ts';
import {
  APPEAL_GROUPS,
  type AppealGroup,
  CASE_COLUMNS,
  type CaseColumn,
  type CaseResults,
} from '../../report/model.ts';
import { DateField } from './application-forms.tsx';
import { ErrorSummary, type FormError, fieldId, SelectField, TextField, type Values } from './form.tsx';

export const HREF = '/console/appeals';
/** Drill-down: the console list of the cases behind one cell of an agency's table 四 for a year. */
export const appealCellHref = (agencyId: number, year: number, group: AppealGroup, column: CaseColumn) =>
  `${HREF}?agency=${agencyId}&year=${year}&kind=${group}&column=${column}`;

const label = (name: string) => APPEAL_FIELD_LABELS[name] ?? name;
const opts = <T extends string>(values: readonly T[], labels: Record<T, string>): [string, string][] =>
  values.map((v) => [v, labels[v]]);

function TextArea(props: { name: string; values: Values; error: FormError | undefined; hint?: string }) {
  const id = fieldId(props.name);
  const invalid = props.error?.field === props.name;
  const described = [props.hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label(props.name)}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        rows={3}
        maxlength={2000}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        {props.values[props.name] ?? ''}
      </textarea>
      {invalid ? (
        <p class="field-error" id={`${id}-error`}>
          {props.error?.message}
        </p>
      ) : null}
    </div>
  );
}

/** The form's values from a case (for editing). */
export function valuesOf(c: CaseView): Values {
  return {
    kind: c.kind,
    role: c.role,
    trackingNo: c.trackingNo ?? '',
    earlierCaseId: c.earlierCaseId === null ? '' : String(c.earlierCaseId),
    bodyName: c.bodyName,
    caseNo: c.caseNo ?? '',
    appellantName: c.appellantName,
    filedOn: c.filedOn,
    result: c.result,
    resultOn: c.resultOn ?? '',
    resultNote: c.resultNote ?? '',
    note: c.note ?? '',
  };
}

export function CaseForm(props: {
  action: string;
  csrf: string;
  values: Values;
  error: FormError | undefined;
  /** The agency's reconsideration cases a suit after reconsideration may follow. */
  earlier: { id: number; label: string }[];
  submit: string;
}) {
  const common = { values: props.values, error: props.error };
  return (
    <>
      <ErrorSummary error={props.error} />
      <form method="post" action={props.action} class="stack" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <SelectField name="kind" label={label('kind')} required options={opts(KINDS, KIND_LABELS)} {...common} />
        <SelectField
          name="role"
          label={label('role')}
          required
          options={opts(ROLES, ROLE_LABELS)}
          hint="本机关作为复议机关与原行政行为机关作共同被告的，只登记、不计入本机关年度报告（国办公开办函〔2016〕201号）。"
          {...common}
        />
        <TextField
          name="bodyName"
          label={label('bodyName')}
          required
          maxlength={100}
          hint="行政复议填复议机关，行政诉讼填受理的人民法院"
          {...common}
        />
        <TextField
          name="caseNo"
          label={label('caseNo')}
          maxlength={100}
          hint="如：（2025）苏0812行初12号、淮政复决〔2025〕3号"
          {...common}
        />
        <TextField name="appellantName" label={label('appellantName')} required maxlength={100} {...common} />
        <DateField name="filedOn" label={label('filedOn')} required hint="计入受理或立案当年的年度报告" {...common} />
        <TextField
          name="trackingNo"
          label={label('trackingNo')}
          maxlength={40}
          hint="案件涉及本机关办理的申请时填写，如 GK2025-3-000123"
          {...common}
        />
        <SelectField
          name="earlierCaseId"
          label={label('earlierCaseId')}
          options={[['', '无'], ...props.earlier.map((e): [string, string] => [String(e.id), e.label])]}
          hint="仅复议后起诉的案件"
          {...common}
        />
        <SelectField
          name="result"
          label={label('result')}
          required
          options={RESULTS.map((r): [string, string] => [r, `${RESULT_LABELS[r]}（${RESULT_HINTS[r]}）`])}
          {...common}
        />
        <DateField
          name="resultOn"
          label={label('resultOn')}
          hint="复议决定或裁判作出的日期；尚未审结的不填。当年12月31日后作出的，当年报告中计为尚未审结。"
          {...common}
        />
        <TextArea name="resultNote" hint="如：撤销原答复，责令重新答复" {...common} />
        <TextArea name="note" {...common} />
        <button type="submit">{props.submit}</button>
      </form>
    </>
  );
}

export function CaseTable(props: { caption: string; rows: CaseView[]; showAgency: boolean }) {
  if (props.rows.length === 0) return <p>{props.caption}：暂无。</p>;
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">案号或文号</th>
          <th scope="col">类型</th>
          {props.showAgency ? <th scope="col">机关</th> : null}
          <th scope="col">复议机关或法院</th>
          <th scope="col">申请人或原告</th>
          <th scope="col">受理或立案日期</th>
          <th scope="col">结果</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <td>
              <a href={`${HREF}/${r.id}`}>{r.caseNo ?? `案件 ${r.id}`}</a>
              {r.counted ? null : <span class="hint">（共同被告，不计入）</span>}
            </td>
            <td>{r.kindLabel}</td>
            {props.showAgency ? <td>{r.agencyName}</td> : null}
            <td>{r.bodyName}</td>
            <td>{r.appellantName}</td>
            <td class="nowrap">{r.filedOn}</td>
            <td>
              {r.resultLabel}
              {r.resultOn ? `（${r.resultOn}）` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const GROUP_LABELS: Record<AppealGroup, string> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼：未经复议直接起诉',
  litigationAfterReconsideration: '行政诉讼：复议后起诉',
};
const COLUMN_LABELS: Record<(typeof CASE_COLUMNS)[number], string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** Table 四 as printed: three groups × five columns; each number links to the cases behind it. */
export function TableFour(props: {
  caption: string;
  counts: Record<AppealGroup, CaseResults>;
  link: (group: AppealGroup, column: CaseColumn) => string;
}) {
  return (
    <table class="numbers">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">案件类型</th>
          {CASE_COLUMNS.map((col) => (
            <th scope="col">{COLUMN_LABELS[col]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {APPEAL_GROUPS.map((g) => (
          <tr>
            <th scope="row">{GROUP_LABELS[g]}</th>
            {CASE_COLUMNS.map((col) => (
              <td>
                {props.counts[g][col] > 0 ? (
                  <a
                    href={props.link(g, col)}
                    aria-label={`${GROUP_LABELS[g]}${COLUMN_LABELS[col]}：${props.counts[g][col]}件`}
                  >
                    {props.counts[g][col]}
                  </a>
                ) : (
                  props.counts[g][col]
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** On an application's console page: the 复议 and 诉讼 cases about it. */
export async function appealsSection(actor: Actor, ctx: Context, applicationId: number): Promise<Child> {
  const rows = await casesOfApplication(actor, ctx, applicationId);
  const app = await ctx.db.kysely
    .selectFrom('applications')
    .select(['agency_id', 'tracking_no'])
    .where('id', '=', applicationId)
    .executeTakeFirstOrThrow();
  const mayRecord = await permits(actor, ctx, 'application.handle', Number(app.agency_id));
  return (
    <section aria-labelledby="appeals-title">
      <h2 id="appeals-title">行政复议、行政诉讼</h2>
      {rows.length === 0 ? (
        <p class="hint">本申请没有登记行政复议或行政诉讼案件。</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li>
              <a href={`${HREF}/${r.id}`}>
                {r.kindLabel} {r.caseNo ?? `案件 ${r.id}`}
              </a>
              ，{r.bodyName}，{r.filedOn}受理或立案，{r.resultLabel}
              {r.resultOn ? `（${r.resultOn}）` : ''}
            </li>
          ))}
        </ul>
      )}
      {mayRecord ? (
        <p>
          <a href={`${HREF}/new?trackingNo=${encodeURIComponent(app.tracking_no)}`}>登记与本申请有关的复议诉讼案件</a>
        </p>
      ) : null}
    </section>
  );
}
