// 导入往年年度报告 (issue 6 points 5 and 9): a clerk of an agency uploads the annual report it published before the
// system was installed (Word, PDF, web page, text or JSON), sees it read into the national layout with every
// diagnostic and the faulty cells marked, and confirms; only then is it stored (annual/service.ts importReport), as
// published, for the cross-year rules and the open data. Nothing is stored by the preview and no upload is kept on
// disk: the confirm form carries the file back (in a hidden field; a very large file is chosen again).

import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { authorize } from '../../agencies/authorize.ts';
import type { Agency } from '../../agencies/model.ts';
import { getAgency } from '../../agencies/service.ts';
import { findReport } from '../../annual/repository.ts';
import { importReport } from '../../annual/service.ts';
import { beijingDate, isIsoDate, yearOf } from '../../calendar/dates.ts';
import { type Diagnostic, ReadError } from '../../report/diagnostics.ts';
import { type AnnualReport, normalizeReport } from '../../report/model.ts';
import { readReportData } from '../../report/read/index.ts';
import { checkReport } from '../../report/rules.ts';
import { renderReportTables } from '../../report/write/html.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { errorCount, FindingList } from '../report-findings.tsx';
import { consoleReportHref, REPORT_IMPORT_PATH } from '../report-links.ts';
import { ErrorSummary, type FormError, fieldId, formError, TextField, type Values } from './form.tsx';
import { consolePage, requireModule } from './frame.tsx';

type C = Context<AppEnv>;
const REPORTS = '/console/reports';
/** Files up to this size travel back with the confirm form; larger ones are chosen again. */
const CARRY_LIMIT = 4 * 1024 * 1024;
const ACCEPT = '.docx,.pdf,.html,.htm,.txt,.md,.json';

export const reportImportRoutes = new Hono<AppEnv>();
const gate = requireModule(REPORTS);

interface Upload {
  data: Uint8Array;
  name: string;
}

const problem = (field: string, message: string): FormError => ({ field, message, status: 400 });

function Fields(props: { values: Values; error: FormError | undefined }) {
  return (
    <>
      <TextField
        name="year"
        label="报告年度"
        values={props.values}
        error={props.error}
        maxlength={4}
        hint="文件中未写明年度时填写，如 2024"
      />
      <TextField
        name="publishedOn"
        label="发布日期"
        values={props.values}
        error={props.error}
        maxlength={10}
        hint="文件中未写明发布日期时填写，格式 YYYY-MM-DD，如 2025-01-20"
      />
    </>
  );
}

function FileField() {
  return (
    <div class="field">
      <label for={fieldId('file')}>报告文件（Word .docx、PDF、网页 .html、文本 .txt 或 JSON）</label>
      <input type="file" id={fieldId('file')} name="file" accept={ACCEPT} required />
    </div>
  );
}

function uploadPage(c: C, agency: Agency, values: Values = {}, error?: FormError) {
  return consolePage(c, {
    title: '导入往年年度报告',
    current: REPORTS,
    status: error ? 400 : 200,
    children: (
      <>
        <h1>导入往年年度报告（{agency.name}）</h1>
        <p>
          上传本机关在使用本系统以前已经发布的政府信息公开工作年度报告。系统按全国统一格式读取并检查，先显示预览；确认后才保存，保存后为已发布状态，用于与下一年度报告核对上年结转、现行有效件数，并列入开放数据。已在本系统中编制的年度不能导入。
        </p>
        <ErrorSummary error={error} />
        <form method="post" action={REPORT_IMPORT_PATH} enctype="multipart/form-data" class="stack" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken(c)} />
          <FileField />
          <Fields values={values} error={error} />
          <button type="submit">预览</button>
        </form>
        <p>
          <a href={REPORTS}>返回年度报告</a>
        </p>
      </>
    ),
  });
}

function Findings(props: { diagnostics: Diagnostic[] }) {
  if (props.diagnostics.length === 0) return <p class="notice">检查未发现问题。</p>;
  const errors = errorCount(props.diagnostics);
  return (
    <>
      <p>
        检查发现 {errors} 个错误、{props.diagnostics.length - errors}{' '}
        个警告。往年报告按原样导入，问题不会被改正，但会在报告页面上列出。
      </p>
      <FindingList diagnostics={props.diagnostics} />
    </>
  );
}

interface Preview {
  agency: Agency;
  upload: Upload;
  report: AnnualReport;
  diagnostics: Diagnostic[];
  values: Values;
  error: FormError | undefined;
  /** An imported report of the year is already kept: confirming replaces it. */
  replaces: boolean;
}

function previewPage(c: C, p: Preview) {
  const flagged = new Map<string, string>();
  for (const d of p.diagnostics)
    for (const path of d.cells) if (flagged.get(path) !== 'flag-error') flagged.set(path, `flag-${d.severity}`);
  const tables = renderReportTables(p.report, { inlineStyles: false, mark: (path) => flagged.get(path) });
  const carry = p.upload.data.length <= CARRY_LIMIT;
  return consolePage(c, {
    title: '导入往年年度报告：预览',
    current: REPORTS,
    status: p.error ? 400 : 200,
    children: (
      <>
        <h1>导入往年年度报告：预览</h1>
        <p role="status">
          文件“{p.upload.name}”已读取为 {p.agency.name} {p.report.year}年度报告（
          {p.report.formatVersion === '2019' ? '2019年版' : '2021年版'}格式）
          {p.report.publishedOn ? `，发布日期 ${p.report.publishedOn}` : ''}。尚未保存。
          {p.replaces ? `确认后将替换此前导入的${p.report.year}年度报告。` : ''}
        </p>
        <ErrorSummary error={p.error} />
        <form method="post" action={REPORT_IMPORT_PATH} enctype="multipart/form-data" class="stack" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken(c)} />
          <input type="hidden" name="confirm" value="yes" />
          {carry ? (
            <>
              <input type="hidden" name="content" value={Buffer.from(p.upload.data).toString('base64')} />
              <input type="hidden" name="fileName" value={p.upload.name} />
            </>
          ) : (
            <FileField />
          )}
          <Fields values={p.values} error={p.error} />
          <button type="submit">确认导入</button>
        </form>
        <p>
          <a href={REPORT_IMPORT_PATH}>重新选择文件</a>
        </p>
        <h2>检查结果</h2>
        <Findings diagnostics={p.diagnostics} />
        <h2>报告表格（有问题的单元格已标出）</h2>
        <div class="report-tables">{raw(tables.join('\n'))}</div>
      </>
    ),
  });
}

async function fileOf(value: unknown): Promise<Upload | null> {
  if (!(value instanceof File) || value.size === 0) return null;
  return { data: new Uint8Array(await value.arrayBuffer()), name: value.name };
}

/** The file as the confirm form carried it back. */
function carried(body: Record<string, unknown>): Upload | null {
  const { content, fileName } = body;
  if (typeof content !== 'string' || content === '') return null;
  const name = typeof fileName === 'string' && fileName ? fileName : '报告';
  return { data: new Uint8Array(Buffer.from(content, 'base64')), name };
}

/** The year and date as typed, each checked; the first problem, naming its field. */
function checkFields(values: Values): FormError | undefined {
  const year = values.year ?? '';
  if (year && (!/^\d{4}$/.test(year) || Number(year) < 2008 || Number(year) > 2100))
    return problem('year', `报告年度：应为2008至2100之间的四位年份，收到“${year}”`);
  const on = values.publishedOn ?? '';
  if (on && !(/^\d{4}-\d{2}-\d{2}$/.test(on) && isIsoDate(on)))
    return problem('publishedOn', `发布日期：应为YYYY-MM-DD格式的日期，如 2025-01-20，收到“${on}”`);
  return undefined;
}

reportImportRoutes.get(REPORT_IMPORT_PATH, requireLogin(), gate, async (c) => {
  const actor = c.get('auth').actor;
  await authorize(actor, c.get('ctx'), 'report.edit', actor.agencyId);
  return uploadPage(c, await getAgency(actor, c.get('ctx'), actor.agencyId as number));
});

reportImportRoutes.post(REPORT_IMPORT_PATH, requireLogin(), gate, async (c) => {
  const actor = c.get('auth').actor;
  const ctx = c.get('ctx');
  await authorize(actor, ctx, 'report.edit', actor.agencyId);
  const agencyId = actor.agencyId as number;
  const agency = await getAgency(actor, ctx, agencyId);
  const body = await c.req.parseBody();
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  const values: Values = { year: text('year'), publishedOn: text('publishedOn') };
  const upload = (await fileOf(body.file)) ?? carried(body);
  if (!upload) return uploadPage(c, agency, values, problem('file', '报告文件：请选择要导入的报告文件'));
  const invalid = checkFields(values);
  if (invalid) return uploadPage(c, agency, values, invalid);
  let read: Awaited<ReturnType<typeof readReportData>>;
  try {
    read = await readReportData(upload.data, upload.name, {
      ...(values.year ? { year: Number(values.year) } : {}),
      agency: agency.name,
    });
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    if (e.message.startsWith('无法确定报告年度'))
      return uploadPage(c, agency, values, problem('year', '报告年度：文件中没有写明报告年度，请填写'));
    return uploadPage(c, agency, values, problem('file', `报告文件：无法读取——${e.message}`));
  }
  const report = normalizeReport(read.report);
  report.agency = agency.name;
  report.publishedOn = read.report.publishedOn ?? (values.publishedOn || null);
  const shown = { year: values.year || String(report.year), publishedOn: report.publishedOn ?? '' };
  const thisYear = yearOf(beijingDate(ctx.clock()));
  const existing = await findReport(ctx.db.kysely, agencyId, report.year);
  let error: FormError | undefined;
  if (report.year >= thisYear) error = problem('year', `报告年度：只能导入${thisYear}年以前年度的报告`);
  else if (existing && existing.origin !== 'imported')
    error = problem('year', `报告年度：${report.year}年度报告已在本系统中编制，不能用导入的文件替换`);
  else if (!report.publishedOn) error = problem('publishedOn', '发布日期：文件中未写明发布日期，请填写');
  if (!error && body.confirm === 'yes') {
    try {
      const { record } = await importReport(actor, ctx, agencyId, {
        data: upload.data,
        name: upload.name,
        ...(values.year ? { year: Number(values.year) } : {}),
        ...(values.publishedOn ? { publishedOn: values.publishedOn } : {}),
      });
      return c.redirect(`${consoleReportHref(agencyId, record.year)}?done=imported`, 303);
    } catch (e) {
      error = formError(e);
      if (!error) throw e;
    }
  }
  const diagnostics = [...read.diagnostics, ...checkReport(report)];
  const replaces = existing?.origin === 'imported';
  return previewPage(c, { agency, upload, report, diagnostics, values: shown, error, replaces });
});
