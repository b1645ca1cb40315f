// 年报检查: anyone uploads a published annual report (Word, PDF, web page, text, JSON) or pastes its text, and
// sees what is wrong with it — the same checker as `gongkai report check` — with the flagged cells marked in
// the national layout. Nothing submitted is stored.

import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { type Diagnostic, ReadError } from '../../report/diagnostics.ts';
import type { AnnualReport } from '../../report/model.ts';
import { type ReadOptions, readReportData } from '../../report/read/index.ts';
import { checkReport } from '../../report/rules.ts';
import { renderReportTables } from '../../report/write/html.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { PortalPage } from '../layout.tsx';
import { html } from '../render.ts';
import { errorCount, FindingList } from '../report-findings.tsx';

type C = Context<AppEnv>;

export const CHECK_PATH = '/reports/check';
/** A report is a few hundred KB; a PDF with pictures a few MB. */
export const CHECK_LIMIT_BYTES = 20 * 1024 * 1024;
/** Reading a PDF takes a core for ~0.1 s: at most this many at once, the rest are asked to retry. */
const MAX_CONCURRENT = 2;
let running = 0;

function CheckForm(props: { csrf: string; error?: string; year?: string; agency?: string }) {
  return (
    <>
      {props.error ? (
        <p class="alert" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={CHECK_PATH} enctype="multipart/form-data" class="stack">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <label for="file">报告文件（Word .docx、PDF、网页 .html、文本 .txt 或 JSON）</label>
        <input type="file" id="file" name="file" accept=".docx,.pdf,.html,.htm,.txt,.md,.json" />
        <label for="text">或粘贴报告全文</label>
        <textarea id="text" name="text" rows={8} maxlength={2_000_000} />
        <label for="previous">上一年度报告（可选，用于核对上年结转、现行有效件数和内容雷同）</label>
        <input type="file" id="previous" name="previous" accept=".docx,.pdf,.html,.htm,.txt,.md,.json" />
        <label for="year">报告年度（文件中未写明时填写）</label>
        <input type="text" id="year" name="year" inputmode="numeric" maxlength={4} value={props.year ?? ''} />
        <label for="agency">报告机关（可选）</label>
        <input type="text" id="agency" name="agency" maxlength={100} value={props.agency ?? ''} />
        <button type="submit">检查</button>
      </form>
    </>
  );
}

function formPage(c: C, props: { error?: string; year?: string; agency?: string } = {}, status: 200 | 400 | 503 = 200) {
  return html(
    c,
    <PortalPage title="年报检查" settings={c.get('settings')} current="/reports">
      <h1>政府信息公开工作年度报告检查</h1>
      <p>
        上传或粘贴一份已公布的年度报告，系统按国办公开办函〔2021〕30号规定的格式逐项核对勾稽关系、合计、空白单元格、章节标题等，并在表格中标出有问题的单元格。提交的文件只用于本次检查，不会保存。
      </p>
      <CheckForm csrf={csrfToken(c)} {...props} />
    </PortalPage>,
    status,
  );
}

function Findings(props: { diagnostics: Diagnostic[] }) {
  if (props.diagnostics.length === 0) return <p class="notice">未发现问题。</p>;
  const errors = errorCount(props.diagnostics);
  return (
    <>
      <p role="status">
        共发现 {errors} 个错误、{props.diagnostics.length - errors} 个警告。
      </p>
      <FindingList diagnostics={props.diagnostics} />
    </>
  );
}

function resultPage(c: C, report: AnnualReport, diagnostics: Diagnostic[]) {
  const flagged = new Map<string, string>();
  for (const d of diagnostics) {
    for (const path of d.cells) if (flagged.get(path) !== 'flag-error') flagged.set(path, `flag-${d.severity}`);
  }
  const tables = renderReportTables(report, { inlineStyles: false, mark: (path) => flagged.get(path) });
  const who = report.agency ?? '（未写明机关）';
  return html(
    c,
    <PortalPage title="年报检查结果" settings={c.get('settings')} current="/reports">
      <h1>检查结果</h1>
      <p>
        {who} {report.year}年度报告（{report.formatVersion === '2019' ? '2019年版' : '2021年版'}格式）
        {report.publishedOn ? `，发布日期 ${report.publishedOn}` : ''}
      </p>
      <Findings diagnostics={diagnostics} />
      <h2>报告表格（有问题的单元格已标出）</h2>
      <div class="report-tables">{raw(tables.join('\n'))}</div>
      <p>
        <a href={CHECK_PATH}>检查另一份报告</a>
      </p>
    </PortalPage>,
  );
}

async function fileBytes(value: unknown): Promise<{ data: Uint8Array; name: string } | null> {
  if (!(value instanceof File) || value.size === 0) return null;
  return { data: new Uint8Array(await value.arrayBuffer()), name: value.name };
}

export const checkRoutes = new Hono<AppEnv>();

checkRoutes.get(CHECK_PATH, (c) => formPage(c));

checkRoutes.post(CHECK_PATH, async (c) => {
  const body = await c.req.parseBody();
  const text = typeof body.text === 'string' ? body.text : '';
  const yearText = typeof body.year === 'string' ? body.year.trim() : '';
  const agency = typeof body.agency === 'string' ? body.agency.trim() : '';
  const again = { year: yearText, agency };
  const options: ReadOptions = {};
  if (yearText) {
    const year = Number(yearText);
    if (!Number.isInteger(year) || year < 2008 || year > 2100) {
      return formPage(c, { ...again, error: '报告年度：应为2008至2100之间的四位年份' }, 400);
    }
    options.year = year;
  }
  if (agency) options.agency = agency;
  const file = await fileBytes(body.file);
  const input = file ?? (text.trim() ? { data: new TextEncoder().encode(text), name: 'pasted.txt' } : null);
  if (!input) return formPage(c, { ...again, error: '请选择报告文件，或粘贴报告全文' }, 400);
  if (running >= MAX_CONCURRENT) return formPage(c, { ...again, error: '当前检查的人较多，请稍后再试' }, 503);
  running++;
  try {
    let previous: AnnualReport | null = null;
    const previousFile = await fileBytes(body.previous);
    if (previousFile) {
      try {
        previous = (await readReportData(previousFile.data, previousFile.name)).report;
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        return formPage(c, { ...again, error: `上一年度报告无法读取：${e.message}` }, 400);
      }
    }
    const { report, diagnostics } = await readReportData(input.data, input.name, options);
    return resultPage(c, report, [...diagnostics, ...checkReport(report, { previous })]);
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    return formPage(c, { ...again, error: `无法读取：${e.message}` }, 400);
  } finally {
    running--;
  }
});
