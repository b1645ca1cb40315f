// 年度数据: the figures of report table 二 not kept as records — 行政许可, 行政处罚, 行政强制 decisions and 行政事业性收费
// (万元) — entered per year by the agency's administrator (agency.update), with the source, or imported for several
// years at once from CSV/Excel (figures/import.ts: all rows or none). The list shows who entered each year and when.
import { type Context, Hono } from 'hono';
import { authorize } from '../../agencies/authorize.ts';
import { getAgency } from '../../agencies/service.ts';
import { beijingTime } from '../../agencies/sessions.ts';
import { beijingDate } from '../../calendar/dates.ts';
import { errors } from '../../errors.ts';
import { FIGURE_COLUMNS, type FiguresImportReport, importFigures } from '../../figures/import.ts';
import type { YearlyFigures } from '../../figures/model.ts';
import { FIGURE_FIELD_LABELS } from '../../figures/schema.ts';
import { listFigures, saveFigures } from '../../figures/service.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { filesOf } from '../portal/attachment-field.tsx';
import {
  ErrorSummary,
  type FormError,
  formError,
  formValues,
  RejectedRows,
  TableUploadForm,
  TextField,
  type Values,
} from './form.tsx';
import { consolePage } from './frame.tsx';

type C = Context<AppEnv>;
export const FIGURES_HREF = '/console/figures';
const IMPORT_PATH = `${FIGURES_HREF}/import`;
export const figuresRoutes = new Hono<AppEnv>();

/** The actor's agency, once the policy allows entering its figures. */
async function agencyOf(c: C): Promise<number> {
  const actor = c.get('auth').actor;
  if (actor.agencyId === null) throw errors.forbidden('录入年度数据（请以机构管理员身份登录）');
  await authorize(actor, c.get('ctx'), 'agency.update', actor.agencyId);
  return actor.agencyId;
}

const lastYear = (c: C) => Number(beijingDate(c.get('ctx').clock()).slice(0, 4)) - 1;

function valuesOf(f: YearlyFigures | undefined, year: number): Values {
  if (!f) return { year: String(year), licensing: '', punishment: '', coercion: '', fees: '', source: '' };
  return {
    year: String(f.year),
    licensing: String(f.licensing),
    punishment: String(f.punishment),
    coercion: String(f.coercion),
    fees: f.fees,
    source: f.source,
  };
}

function FigureList(props: { figures: YearlyFigures[] }) {
  if (props.figures.length === 0) return <p>尚未录入任何年度的数据。</p>;
  return (
    <table>
      <caption>已录入的年度数据</caption>
      <thead>
        <tr>
          <th scope="col">年度</th>
          <th scope="col">行政许可</th>
          <th scope="col">行政处罚</th>
          <th scope="col">行政强制</th>
          <th scope="col">行政事业性收费（万元）</th>
          <th scope="col">数据来源</th>
          <th scope="col">录入</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {props.figures.map((f) => (
          <tr>
            <th scope="row">{f.year}年</th>
            <td>{f.licensing}</td>
            <td>{f.punishment}</td>
            <td>{f.coercion}</td>
            <td>{f.fees}</td>
            <td>{f.source}</td>
            <td>
              {f.enteredBy}，{beijingTime(f.enteredAt)}
            </td>
            <td>
              <a href={`${FIGURES_HREF}?year=${f.year}`} aria-label={`修改${f.year}年度数据`}>
                修改
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportResult(props: { report: FiguresImportReport }) {
  const r = props.report;
  if (r.rejected.length > 0)
    return (
      <section aria-labelledby="import-result">
        <h3 id="import-result">检查结果：有 {r.rejected.length} 处问题，未导入任何数据</h3>
        <div class="alert" role="alert">
          <p>
            文件“{r.fileName}”共 {r.rows} 行数据。请改正下列问题后重新上传；任何一行有误时全部不导入。
          </p>
        </div>
        <RejectedRows rows={r.rejected} />
      </section>
    );
  return (
    <section aria-labelledby="import-result">
      <h3 id="import-result">
        {r.check ? `检查通过：可导入 ${r.figures.length} 条年度数据（未导入）` : `已导入 ${r.imported} 条年度数据`}
      </h3>
      <p class="notice" role="status">
        文件“{r.fileName}”{r.check ? '检查通过，可取消“只检查”后正式导入。' : '已全部导入，并记入审计日志。'}
      </p>
      <table>
        <caption>{r.check ? '将导入的数据' : '已导入的数据'}</caption>
        <thead>
          <tr>
            <th scope="col">行号</th>
            <th scope="col">机构</th>
            <th scope="col">年度</th>
            <th scope="col">行政许可</th>
            <th scope="col">行政处罚</th>
            <th scope="col">行政强制</th>
            <th scope="col">行政事业性收费（万元）</th>
          </tr>
        </thead>
        <tbody>
          {r.figures.map((x) => (
            <tr>
              <th scope="row">第{x.line}行</th>
              <td>{x.agencyName}</td>
              <td>
                {x.year}
                {x.replaces ? '（替换已有数据）' : ''}
              </td>
              <td>{x.licensing}</td>
              <td>{x.punishment}</td>
              <td>{x.coercion}</td>
              <td>{x.fees}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

async function page(
  c: C,
  options: { values?: Values; error?: FormError; report?: FiguresImportReport; problem?: string } = {},
) {
  const agencyId = await agencyOf(c);
  const actor = c.get('auth').actor;
  const ctx = c.get('ctx');
  const agency = await getAgency(actor, ctx, agencyId);
  const figures = await listFigures(actor, ctx, agencyId);
  const asked = Number(c.req.query('year'));
  const year = Number.isInteger(asked) && asked >= 2008 && asked <= 2100 ? asked : lastYear(c);
  const values =
    options.values ??
    valuesOf(
      figures.find((f) => f.year === year),
      year,
    );
  const { error, report, problem } = options;
  const failed = error || problem || (report && report.rejected.length > 0);
  const field = (name: string, hint?: string, maxlength = 12) => (
    <TextField
      name={name}
      label={FIGURE_FIELD_LABELS[name] as string}
      required
      maxlength={maxlength}
      values={values}
      error={error}
      {...(hint ? { hint } : {})}
    />
  );
  return consolePage(c, {
    title: '年度数据',
    status: failed ? (error?.status ?? 400) : 200,
    children: (
      <>
        <h1>年度数据（{agency.name}）</h1>
        <p>
          年度报告表二中第二十条第（五）（六）（八）项的数据——行政许可、行政处罚、行政强制的本年处理决定数量和行政事业性收费金额——不在本系统中办理，请按年度录入并注明数据来源。编制年度报告时自动填入。
        </p>
        {c.req.query('saved') ? (
          <p class="notice" role="status">
            已保存{c.req.query('saved')}年度数据。
          </p>
        ) : null}
        <section aria-labelledby="entry-title">
          <h2 id="entry-title">录入或修改一个年度</h2>
          <ErrorSummary error={error} />
          <form method="post" action={FIGURES_HREF} class="stack" novalidate>
            <input type="hidden" name="_csrf" value={csrfToken(c)} />
            {field('year', '四位年份，如 2025。已录入的年度再次保存即为修改。', 4)}
            {field('licensing', '本年处理决定数量，没有的填0。')}
            {field('punishment', '本年处理决定数量，没有的填0。')}
            {field('coercion', '本年处理决定数量，没有的填0。')}
            {field('fees', '单位：万元，最多两位小数，如 18651.06；没有收费的填0。', 16)}
            {field('source', '如：本机关行政审批系统导出、财务部门统计。', 200)}
            <button type="submit">保存</button>
          </form>
        </section>
        <section aria-labelledby="list-title">
          <h2 id="list-title">已录入的年度</h2>
          <FigureList figures={figures} />
        </section>
        <section aria-labelledby="import-title">
          <h2 id="import-title">从文件导入</h2>
          <p>
            上传 CSV 或 Excel（.xlsx）文件，第一行为表头，可含多个年度；列为：
            {Object.values(FIGURE_COLUMNS)
              .map((names) => names[0])
              .join('、')}
            （“行政事业性收费”以万元为单位，可写作“行政事业性收费（万元）”；“机构”可填全称、简称、编号或统一社会信用代码；“数据来源”可省略）。任何一行有误时全部不导入。
          </p>
          {problem ? (
            <div class="alert" role="alert">
              <p>{problem}</p>
            </div>
          ) : null}
          <TableUploadForm action={IMPORT_PATH} csrf={csrfToken(c)} label="数据文件" check={report?.check ?? true} />
          {report ? <ImportResult report={report} /> : null}
        </section>
      </>
    ),
  });
}

figuresRoutes.get(FIGURES_HREF, requireLogin(), (c) => page(c));

figuresRoutes.post(FIGURES_HREF, requireLogin(), async (c) => {
  const agencyId = await agencyOf(c);
  const values = formValues(await c.req.parseBody());
  try {
    const { year, licensing, punishment, coercion, fees, source = '' } = values;
    const input = { year, licensing, punishment, coercion, fees, source };
    const saved = await saveFigures(c.get('auth').actor, c.get('ctx'), agencyId, input);
    return c.redirect(`${FIGURES_HREF}?year=${saved.year}&saved=${saved.year}`, 303);
  } catch (e) {
    const error = formError(e);
    if (!error) throw e;
    return page(c, { values, error });
  }
});

figuresRoutes.post(IMPORT_PATH, requireLogin(), async (c) => {
  await agencyOf(c);
  const body = await c.req.parseBody({ all: true });
  const [file] = await filesOf(body.file);
  if (!file || file.data.length === 0) return page(c, { problem: '请选择要导入的文件' });
  const report = await importFigures(c.get('auth').actor, c.get('ctx'), file, { check: body.check === 'yes' });
  return page(c, { report });
});
