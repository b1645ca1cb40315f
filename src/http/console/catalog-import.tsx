// 导入已有目录: a 发布员 uploads the agency's existing catalogue (CSV or Excel) and sees the row-by-row report —
// checked only, or imported in one transaction when every row is good (catalog/import.ts).
import { type Context, Hono } from 'hono';
import { authorize } from '../../agencies/authorize.ts';
import { getAgency } from '../../agencies/service.ts';
import { IMPORT_COLUMNS, type ImportReport, importCatalog } from '../../catalog/import.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { filesOf } from '../portal/attachment-field.tsx';
import { HREF } from './catalog-views.tsx';
import { RejectedRows, TableUploadForm } from './form.tsx';
import { consolePage, requireModule } from './frame.tsx';

type C = Context<AppEnv>;
const PATH = `${HREF}/import`;

export const catalogImportRoutes = new Hono<AppEnv>();
const gate = requireModule(HREF);

function Report(props: { report: ImportReport }) {
  const r = props.report;
  if (r.rejected.length > 0)
    return (
      <section aria-labelledby="report-title">
        <h2 id="report-title">检查结果：有 {r.rejected.length} 处问题，未导入任何信息</h2>
        <div class="alert" role="alert">
          <p>
            文件“{r.fileName}”共 {r.rows} 行数据。请逐行改正下列问题后重新上传；任何一行有误时全部不导入。
          </p>
        </div>
        <RejectedRows rows={r.rejected} />
      </section>
    );
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">
        {r.check ? `检查通过：可导入 ${r.items.length} 条信息（未导入）` : `已导入 ${r.imported} 条信息`}
      </h2>
      <p class="notice" role="status">
        文件“{r.fileName}”（SHA-256 <code>{r.sha256.slice(0, 16)}…</code>）
        {r.check ? '检查通过，可取消“只检查”后正式导入。' : '已全部导入，状态为已发布，并记入审计日志。'}
      </p>
      <table>
        <caption>{r.check ? '将导入的信息' : '已导入的信息'}</caption>
        <thead>
          <tr>
            <th scope="col">行号</th>
            <th scope="col">索引号</th>
            <th scope="col">标题</th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((x) => (
            <tr>
              <th scope="row">第{x.line}行</th>
              <td>{x.indexNo}</td>
              <td>{x.id ? <a href={`${HREF}/${x.id}`}>{x.title}</a> : x.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

async function importPage(c: C, report?: ImportReport, problem?: string) {
  const actor = c.get('auth').actor;
  const agency = await getAgency(actor, c.get('ctx'), actor.agencyId as number);
  const csrf = csrfToken(c);
  return consolePage(c, {
    title: '导入已有目录',
    current: HREF,
    status: problem || (report && report.rejected.length > 0) ? 400 : 200,
    children: (
      <>
        <h1>导入已有目录（{agency.name}）</h1>
        <p>
          上传本机关原有的政府信息公开目录（CSV 或 Excel .xlsx
          文件，第一行为表头）。导入的信息保留原索引号和日期，状态为已发布，不再经过审查流程，请确认内容此前已按规定审查发布。
        </p>
        <details>
          <summary>可识别的列名</summary>
          <ul>
            {Object.values(IMPORT_COLUMNS).map((names) => (
              <li>{names.join('、')}</li>
            ))}
          </ul>
          <p class="hint">
            必须有“标题”和“发布日期”列；信息类别填写规章、行政规范性文件、其他文件、政策解读、通知公告或其他信息；效力状态为废止、失效或已修改时须填写效力变更日期；政策解读在“所解读的政策”列填写所解读文件的索引号。
          </p>
        </details>
        {problem ? (
          <div class="alert" role="alert">
            <p>{problem}</p>
          </div>
        ) : null}
        <TableUploadForm action={PATH} csrf={csrf} label="目录文件" check={report?.check ?? true} />
        {report ? <Report report={report} /> : null}
        <p>
          <a href={HREF}>返回目录</a>
        </p>
      </>
    ),
  });
}

catalogImportRoutes.get(PATH, requireLogin(), gate, async (c) => {
  const actor = c.get('auth').actor;
  // Refused (and recorded) here as the service would refuse the POST.
  await authorize(actor, c.get('ctx'), 'catalog.publish', actor.agencyId);
  return importPage(c);
});

catalogImportRoutes.post(PATH, requireLogin(), gate, async (c) => {
  const actor = c.get('auth').actor;
  const body = await c.req.parseBody({ all: true });
  const [file] = await filesOf(body.file);
  if (!file || file.data.length === 0) {
    await authorize(actor, c.get('ctx'), 'catalog.publish', actor.agencyId);
    return importPage(c, undefined, '请选择要导入的文件');
  }
  const report = await importCatalog(actor, c.get('ctx'), actor.agencyId as number, file, {
    check: body.check === 'yes',
  });
  return importPage(c, report);
});
