// 工作日历 — the system administrator's view of the working-day calendar (spec §1): the years entered, a year month
// by month, and entering each new year's State Council notice (day by day, or as text/a file in the format of
// calendar/notice.ts). calendar/service.ts checks 'calendar.manage', writes the audit log and, in the same
// transaction, has every open application's deadline recomputed. Removing a day, un-marking a year and an import
// that drops stored days are asked to be confirmed on a second page (a second POST, no script).
import { type Context, Hono } from 'hono';
import { checkYear, parseCalendarFile } from '../../calendar/notice.ts';
import {
  enterCalendarYear,
  importCalendarFile,
  listDays,
  listYears,
  markCalendarYear,
} from '../../calendar/service.ts';
import { type CalendarDay, WorkingCalendar } from '../../calendar/workdays.ts';
import { errors, isDomainError } from '../../errors.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { Notice } from './agency-views.tsx';
import { addedDays, dayText, entriesFrom, importLosses } from './calendar-input.ts';
import { savedText } from './calendar-saved.ts';
import {
  AddDayForm,
  CompleteForm,
  Confirm,
  DayList,
  HREF,
  ImportForm,
  YearMonths,
  YearsTable,
} from './calendar-views.tsx';
import { ErrorSummary, type FormError, formError, formValues, type Values } from './form.tsx';
import { consolePage, requireModule } from './frame.tsx';

type C = Context<AppEnv>;

const YEAR = `${HREF}/:year{[0-9]{4}}`;
const actorOf = (c: C) => c.get('auth').actor;

/** Form errors, and a change refused because an open application's deadline could then not be computed. */
function calendarFormError(e: unknown): FormError | undefined {
  if (isDomainError(e, 'calendarMissing'))
    return { field: undefined, message: `${e.message}：有办理中的申请需要使用该年度计算期限`, status: 409 };
  return formError(e);
}

export const calendarRoutes = new Hono<AppEnv>();
const gate = requireModule(HREF);

async function indexPage(c: C, values: Values = {}, error?: FormError) {
  const ctx = c.get('ctx');
  const years = await listYears(ctx);
  const counts = new Map(
    await Promise.all(years.map(async (y) => [y.year, (await listDays(ctx, y.year)).length] as const)),
  );
  return consolePage(c, {
    title: '工作日历',
    current: HREF,
    status: error?.status ?? 200,
    children: (
      <>
        <h1>工作日历</h1>
        <Notice text={await savedText(c)} />
        <ErrorSummary error={error} />
        <p>
          答复期限按工作日计算（《政府信息公开条例》第三十三条）。每年国务院办公厅发布次年节假日安排后，请及时录入并标记为已录入完整；未录入完整的年度不能用于计算期限。
        </p>
        <YearsTable years={years} counts={counts} />
        <h2>录入新年度</h2>
        <form method="get" action={HREF} class="filters" aria-label="打开年度">
          <div>
            <label for="f-year">年度</label>
            <input id="f-year" name="year" inputmode="numeric" maxlength={4} />
          </div>
          <div>
            <button type="submit">逐日录入</button>
          </div>
        </form>
        <h2>导入节假日安排</h2>
        <ImportForm csrf={csrfToken(c)} values={values} error={error} />
      </>
    ),
  });
}

calendarRoutes.get(HREF, requireLogin(), gate, (c) => {
  const year = c.req.query('year')?.trim();
  if (year && /^\d{4}$/.test(year)) return c.redirect(`${HREF}/${year}`, 303);
  return indexPage(c);
});

type Failed = { form: 'add' | 'top'; values: Values; error: FormError };

async function yearPage(c: C, year: number, failed?: Failed) {
  checkYear(year);
  const ctx = c.get('ctx');
  const [days, years] = await Promise.all([listDays(ctx, year), listYears(ctx)]);
  const row = years.find((y) => y.year === year);
  // A view of this year alone, complete or not: the page shows what is entered, deadlines still need it complete.
  const calendar = new WorkingCalendar(days, [year]);
  const csrf = csrfToken(c);
  const add = failed?.form === 'add' ? failed : { values: { source: row?.source ?? '' }, error: undefined };
  return consolePage(c, {
    title: `${year}年工作日历`,
    current: HREF,
    status: failed?.error.status ?? 200,
    children: (
      <>
        <h1>{year}年工作日历</h1>
        <Notice text={await savedText(c)} />
        <ErrorSummary error={failed?.error} />
        <p>
          状态：{row ? (row.complete ? '已录入完整' : '未录入完整（不能用于计算期限）') : '尚未录入'}
          {row ? `；依据：${row.source}` : ''}
        </p>
        {days.length > 0 ? <CompleteForm year={year} complete={row?.complete ?? false} csrf={csrf} /> : null}
        <h2>逐月日历</h2>
        {row?.complete ? null : (
          <p class="hint">本年度尚未录入完整：下表仅反映已录入的内容，不能作为计算期限的依据。</p>
        )}
        <YearMonths year={year} calendar={calendar} />
        <h2>节假日及调休上班日</h2>
        <DayList year={year} days={days} csrf={csrf} />
        <h2>添加法定节假日或调休上班日</h2>
        <AddDayForm year={year} csrf={csrf} values={add.values} error={add.error} />
        <p>
          <a href={HREF}>返回工作日历</a> · <a href="/console/audit?objectType=calendarYear">查看日历变更记录</a>
        </p>
      </>
    ),
  });
}

calendarRoutes.get(YEAR, requireLogin(), gate, (c) => yearPage(c, Number(c.req.param('year'))));

/** Write the year with its days changed, keeping its source and completeness unless the form gives a source. */
async function saveYear(c: C, year: number, days: readonly CalendarDay[], source?: string) {
  const ctx = c.get('ctx');
  const row = (await listYears(ctx)).find((y) => y.year === year);
  await enterCalendarYear(actorOf(c), ctx, {
    year,
    days,
    source: source ?? row?.source ?? '',
    complete: row?.complete ?? false,
  });
}

calendarRoutes.post(`${YEAR}/add`, requireLogin(), gate, async (c) => {
  const year = Number(c.req.param('year'));
  checkYear(year);
  const values = formValues(await c.req.parseBody());
  try {
    const days = addedDays(await listDays(c.get('ctx'), year), entriesFrom(values, year), year, 'from');
    await saveYear(c, year, days, values.source ?? '');
  } catch (e) {
    const error = calendarFormError(e);
    if (!error) throw e;
    return yearPage(c, year, { form: 'add', values, error });
  }
  return c.redirect(`${HREF}/${year}?saved=${values.kind === 'workday' ? 'workday' : 'holiday'}`, 303);
});

calendarRoutes.post(`${YEAR}/remove`, requireLogin(), gate, async (c) => {
  const year = Number(c.req.param('year'));
  checkYear(year);
  const values = formValues(await c.req.parseBody());
  const days = await listDays(c.get('ctx'), year);
  const day = days.find((d) => d.date === values.date);
  if (!day) throw errors.notFound('日期', values.date ?? '');
  if (values.confirm !== 'yes')
    return confirmPage(c, `${HREF}/${year}/remove`, [`删除 ${dayText(day)}`], { date: day.date }, '确认删除');
  try {
    await saveYear(
      c,
      year,
      days.filter((d) => d !== day),
    );
  } catch (e) {
    const error = calendarFormError(e);
    if (!error) throw e;
    return yearPage(c, year, { form: 'top', values, error });
  }
  return c.redirect(`${HREF}/${year}?saved=removed`, 303);
});

calendarRoutes.post(`${YEAR}/complete`, requireLogin(), gate, async (c) => {
  const year = Number(c.req.param('year'));
  checkYear(year);
  const values = formValues(await c.req.parseBody());
  const complete = values.complete === 'true';
  if (!complete && values.confirm !== 'yes')
    return confirmPage(
      c,
      `${HREF}/${year}/complete`,
      [`撤销${year}年“已录入完整”标记：涉及${year}年的答复期限将无法计算`],
      { complete: 'false' },
      '确认撤销',
    );
  try {
    await markCalendarYear(actorOf(c), c.get('ctx'), year, complete);
  } catch (e) {
    const error = calendarFormError(e);
    if (!error) throw e;
    return yearPage(c, year, { form: 'top', values, error });
  }
  return c.redirect(`${HREF}/${year}?saved=${complete ? 'complete' : 'incomplete'}`, 303);
});

function confirmPage(c: C, action: string, lines: string[], hidden: Values, button: string, text?: string) {
  return consolePage(c, {
    title: '请确认',
    current: HREF,
    children: (
      <>
        <h1>请确认</h1>
        <Confirm action={action} csrf={csrfToken(c)} lines={lines} hidden={hidden} text={text} button={button} />
        <p>
          <a href={HREF}>取消，返回工作日历</a>
        </p>
      </>
    ),
  });
}

calendarRoutes.post(`${HREF}/import`, requireLogin(), gate, async (c) => {
  const body = await c.req.parseBody();
  const values = formValues(body);
  const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
  const typed = (values.text ?? '').trim() !== '';
  // The parser names the input 'file'; the message goes beside the box the text came from.
  const field = file ? 'file' : 'text';
  try {
    if (file && typed) throw errors.validation('file', '导入内容', '请只使用文本框或上传文件中的一种');
    const text = file ? await file.text() : (values.text ?? '');
    if (values.confirm !== 'yes') {
      const incoming = parseCalendarFile(text);
      const ctx = c.get('ctx');
      const years = await listYears(ctx);
      const stored = new Map<number, CalendarDay[]>();
      for (const y of new Set(incoming.map((d) => Number(d.date.slice(0, 4))))) stored.set(y, await listDays(ctx, y));
      const { removed, uncompleted } = importLosses(stored, years, incoming);
      if (removed.length > 0 || uncompleted.length > 0)
        return confirmPage(
          c,
          `${HREF}/import`,
          [
            ...removed.map((d) => `删除或改动 ${dayText(d)}`),
            ...uncompleted.map((y) => `将${y}年改为未录入完整（导入后须重新核对、标记）`),
          ],
          { source: values.source ?? '' },
          '确认导入',
          text,
        );
    }
    const result = await importCalendarFile(actorOf(c), c.get('ctx'), text, { source: values.source ?? '' });
    const target = result.years.length === 1 ? `${HREF}/${result.years[0]}` : HREF;
    return c.redirect(`${target}?saved=imported`, 303);
  } catch (e) {
    const error = calendarFormError(e);
    if (!error) throw e;
    const shown = error.field === 'file' ? { ...error, field } : error;
    return indexPage(c, file ? { source: values.source ?? '' } : values, shown);
  }
});
