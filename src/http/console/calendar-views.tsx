// The calendar pages' content: the years entered, a year month by month (one table per month, each day named in
// text), and the forms that enter a year's State Council notice.
import type { CalendarDay, CalendarYear, WorkingCalendar } from '../../calendar/workdays.ts';
import { type DayCell, dayText, monthWeeks } from './calendar-input.ts';
import { type FormError, fieldId, SelectField, TextField, type Values } from './form.tsx';

export const HREF = '/console/calendar';
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

export function YearsTable(props: { years: readonly CalendarYear[]; counts: ReadonlyMap<number, number> }) {
  return (
    <table>
      <caption>已录入的年度（共 {props.years.length} 个）</caption>
      <thead>
        <tr>
          <th scope="col">年度</th>
          <th scope="col">状态</th>
          <th scope="col">节假日及调休日数</th>
          <th scope="col">依据</th>
        </tr>
      </thead>
      <tbody>
        {[...props.years].reverse().map((y) => (
          <tr>
            <th scope="row">
              <a href={`${HREF}/${y.year}`}>{y.year}年</a>
            </th>
            <td>{y.complete ? '已录入完整' : '未录入完整（不能用于计算期限）'}</td>
            <td>{props.counts.get(y.year) ?? 0}</td>
            <td>{y.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cell(props: { cell: DayCell | null }) {
  const { cell } = props;
  if (!cell) return <td />;
  return (
    <td class={`day-${cell.kind}`}>
      <time datetime={cell.date}>{cell.day}</time> {cell.label}
    </td>
  );
}

/** Twelve tables, one per month, Monday first. */
export function YearMonths(props: { year: number; calendar: WorkingCalendar }) {
  return (
    <>
      {Array.from({ length: 12 }, (_, i) => (
        <table class="calendar-month">
          <caption>
            {props.year}年{i + 1}月
          </caption>
          <thead>
            <tr>
              {WEEKDAYS.map((w) => (
                <th scope="col">星期{w}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(props.calendar, props.year, i + 1).map((week) => (
              <tr>
                {week.map((cell) => (
                  <Cell cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

const Csrf = (props: { value: string }) => <input type="hidden" name="_csrf" value={props.value} />;

/** The notice's days with a button each to remove one (asked to confirm on the next page). */
export function DayList(props: { year: number; days: readonly CalendarDay[]; csrf: string }) {
  if (props.days.length === 0) return <p class="hint">本年度尚未录入任何节假日或调休上班日。</p>;
  return (
    <table>
      <caption>
        {props.year}年节假日及调休上班日（共 {props.days.length} 天）
      </caption>
      <thead>
        <tr>
          <th scope="col">日期</th>
          <th scope="col">类别</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {props.days.map((d) => (
          <tr>
            <th scope="row">{d.date}</th>
            <td>{dayText(d).slice(11)}</td>
            <td>
              <form method="post" action={`${HREF}/${props.year}/remove`} class="inline">
                <Csrf value={props.csrf} />
                <input type="hidden" name="date" value={d.date} />
                <button type="submit">删除 {d.date}</button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface FormProps {
  csrf: string;
  values: Values;
  error: FormError | undefined;
}

/** One form for both kinds, so each field id is unique on the page; its errors are summarised at the page top. */
export function AddDayForm(props: FormProps & { year: number }) {
  const common = { values: props.values, error: props.error };
  return (
    <form method="post" action={`${HREF}/${props.year}/add`} class="stack" novalidate>
      <Csrf value={props.csrf} />
      <SelectField
        name="kind"
        label="类别"
        required
        options={[
          ['holiday', '法定节假日（可录入连续多天）'],
          ['workday', '调休上班（周六或周日上班，逐日录入）'],
        ]}
        {...common}
      />
      <TextField name="from" label="日期" required hint="YYYY-MM-DD，如 2027-10-01" {...common} />
      <TextField name="to" label="结束日期" hint="仅用于连续多天的法定节假日，只有一天的不填" {...common} />
      <TextField
        name="name"
        label="节日名称"
        required
        maxlength={30}
        hint="如“国庆节”；调休上班填所属节日"
        {...common}
      />
      <TextField
        name="source"
        label="依据"
        required
        maxlength={100}
        hint="通知文号，如“国办发明电〔2026〕5号”"
        {...common}
      />
      <button type="submit">添加</button>
    </form>
  );
}

export function CompleteForm(props: { year: number; complete: boolean; csrf: string }) {
  return (
    <form method="post" action={`${HREF}/${props.year}/complete`} class="stack">
      <Csrf value={props.csrf} />
      <input type="hidden" name="complete" value={props.complete ? 'false' : 'true'} />
      <p class="hint" id="complete-hint">
        {props.complete
          ? '本年度已录入完整，可用于计算答复期限。撤销后，涉及本年度的期限将无法计算。'
          : '请与国务院办公厅通知逐日核对无误后，再标记为已录入完整；标记后本年度方可用于计算答复期限。'}
      </p>
      <button type="submit" aria-describedby="complete-hint">
        {props.complete ? '撤销“已录入完整”标记' : '标记为已录入完整'}
      </button>
    </form>
  );
}

export function ImportForm(props: FormProps) {
  const { values, error } = props;
  const invalid = (name: string) => error?.field === name;
  return (
    <form method="post" action={`${HREF}/import`} class="stack" enctype="multipart/form-data" novalidate>
      <Csrf value={props.csrf} />
      <div class="field">
        <label for={fieldId('text')}>通知内容（每行一个日期）</label>
        <p class="hint" id="f-text-hint">
          格式为“日期,类别,名称”，类别为 holiday（法定节假日）或 workday（调休上班），如
          <code>2027-01-01,holiday,元旦</code>；以 # 开头的行为注释。文件中出现的年度将整体替换。
        </p>
        <textarea
          id={fieldId('text')}
          name="text"
          rows={12}
          aria-invalid={invalid('text') ? 'true' : undefined}
          aria-describedby={invalid('text') ? 'f-text-hint f-text-error' : 'f-text-hint'}
        >
          {values.text ?? ''}
        </textarea>
        {invalid('text') ? (
          <p class="field-error" id="f-text-error">
            {error?.message}
          </p>
        ) : null}
      </div>
      <div class="field">
        <label for={fieldId('file')}>或上传文件（UTF-8 文本，格式同上）</label>
        <input
          type="file"
          id={fieldId('file')}
          name="file"
          accept=".txt,.csv,text/plain"
          aria-invalid={invalid('file') ? 'true' : undefined}
          aria-describedby={invalid('file') ? 'f-file-error' : undefined}
        />
        {invalid('file') ? (
          <p class="field-error" id="f-file-error">
            {error?.message}
          </p>
        ) : null}
      </div>
      <TextField
        name="source"
        label="依据"
        required
        maxlength={100}
        hint="通知文号，如“国办发明电〔2026〕5号”"
        {...{ values, error }}
      />
      <button type="submit">导入</button>
    </form>
  );
}

/** The second step of a destructive change: what will be lost, and the same request again with confirm=yes. */
export function Confirm(props: {
  action: string;
  csrf: string;
  lines: readonly string[];
  hidden: Values;
  /** Long text carried to the second step (the imported notice), shown read-only. */
  text?: string;
  button: string;
}) {
  return (
    <form method="post" action={props.action} class="stack">
      <Csrf value={props.csrf} />
      <div class="alert" role="alert">
        <p>此操作将：</p>
        <ul>
          {props.lines.map((l) => (
            <li>{l}</li>
          ))}
        </ul>
        <p>所有办理中申请的答复期限将按变更后的日历重新计算。确认继续吗？</p>
      </div>
      {Object.entries(props.hidden).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      {props.text !== undefined ? (
        <div class="field">
          <label for="f-text">将导入的内容</label>
          <textarea id="f-text" name="text" rows={8} readonly>
            {props.text}
          </textarea>
        </div>
      ) : null}
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit">{props.button}</button>
    </form>
  );
}
