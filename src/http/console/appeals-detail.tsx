// 复议诉讼 — one case: its particulars (the applicant's or plaintiff's name only for the agency's staff, masked for
// inspectors), the application it concerns, the reconsideration it follows or the suits that followed it, its
// documents (download; upload and remove for the agency's handlers), and the form to correct it or record its result.
import { type Context, Hono } from 'hono';
import { permits } from '../../agencies/authorize.ts';
import { ACTION_LABELS } from '../../agencies/policy.ts';
import { caseDocument, getCase } from '../../appeals/queries.ts';
import { addCaseDocuments, removeCaseDocument, updateCase } from '../../appeals/service.ts';
import { MEDIA_EXTENSIONS, type MediaType } from '../../attachments/detect.ts';
import { megabytes } from '../../attachments/model.ts';
import { errors } from '../../errors.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { filesOf } from '../portal/attachment-field.tsx';
import { caseInputFrom, earlierChoices, gate } from './appeals.tsx';
import { CaseForm, HREF, valuesOf } from './appeals-views.tsx';
import { contentDisposition } from './application-detail.tsx';
import { ErrorSummary, type FormError, fieldId, formError, formValues, Settings, type Values } from './form.tsx';
import { consolePage } from './frame.tsx';

type C = Context<AppEnv>;
const ID = `${HREF}/:id{[0-9]{1,12}}`;
/** Uploads carry files: the attachment body limit applies (app.ts). */
export const APPEAL_UPLOAD_PATH = /^\/console\/appeals\/\d{1,12}\/documents$/;
export const appealDetailRoutes = new Hono<AppEnv>();
const actorOf = (c: C) => c.get('auth').actor;
const idOf = (c: C) => Number(c.req.param('id'));

async function casePage(c: C, id: number, uploadError?: FormError) {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const a = await getCase(actor, ctx, id);
  const mayEdit = await permits(actor, ctx, 'application.handle', a.agencyId);
  const csrf = csrfToken(c);
  const rows: [string, string | null][] = [
    ['被申请人或被告机关', a.agencyName],
    ['案件类型', a.kindLabel],
    ['本机关的地位', a.roleLabel],
    ['复议机关或人民法院', a.bodyName],
    ['案号或复议决定书文号', a.caseNo],
    ['申请人或原告', a.appellantName],
    ['受理或立案日期', a.filedOn],
    ['审理结果', `${a.resultLabel}${a.resultOn ? `（${a.resultOn}）` : ''}`],
    ['结果说明', a.resultNote],
    ['备注', a.note],
    ['登记', `${a.createdBy}，${a.createdAt.slice(0, 10)}`],
    ['最后修改', `${a.updatedBy}，${a.updatedAt.slice(0, 10)}`],
  ];
  const title = `${a.kindLabel} ${a.caseNo ?? `案件 ${a.id}`}`;
  return consolePage(c, {
    title,
    current: HREF,
    status: uploadError?.status ?? 200,
    children: (
      <>
        <h1>{title}</h1>
        {c.req.query('saved') ? (
          <p class="notice" role="status">
            已保存。
          </p>
        ) : null}
        <Settings rows={rows} />
        {a.personalDataMasked ? (
          <p class="hint">申请人或原告的姓名只有本机关的工作人员可以查看，此处已部分隐去。</p>
        ) : null}
        <p>
          {a.counted
            ? `计入${a.agencyName}${a.filedOn.slice(0, 4)}年度报告表四。`
            : '本机关作为复议机关与原行政行为机关作共同被告，只登记、不计入本机关年度报告（国办公开办函〔2016〕201号）。'}
        </p>
        {a.applicationId ? (
          <p>
            相关申请：<a href={`/console/applications/${a.applicationId}`}>{a.trackingNo}</a>
          </p>
        ) : null}
        {a.earlierCaseId ? (
          <p>
            此前的行政复议：<a href={`${HREF}/${a.earlierCaseId}`}>{a.earlierCaseNo ?? `案件 ${a.earlierCaseId}`}</a>
          </p>
        ) : null}
        {a.laterCases.length > 0 ? (
          <>
            <h2>复议后的诉讼</h2>
            <ul>
              {a.laterCases.map((l) => (
                <li>
                  <a href={`${HREF}/${l.id}`}>
                    {l.kindLabel} {l.caseNo ?? `案件 ${l.id}`}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {mayEdit ? (
          <p>
            <a href={`${HREF}/${id}/edit`}>修改案件或登记审理结果</a>
          </p>
        ) : null}
        <section aria-labelledby="documents-title">
          <h2 id="documents-title">文书</h2>
          {a.documents.length === 0 ? (
            <p class="hint">尚未上传文书。</p>
          ) : (
            <table>
              <caption class="visually-hidden">案件文书</caption>
              <thead>
                <tr>
                  <th scope="col">文件</th>
                  <th scope="col">大小</th>
                  <th scope="col">上传</th>
                  {mayEdit ? <th scope="col">操作</th> : null}
                </tr>
              </thead>
              <tbody>
                {a.documents.map((d) => (
                  <tr>
                    <td>
                      <a href={`${HREF}/${id}/documents/${d.id}`}>{d.fileName}</a>
                    </td>
                    <td class="nowrap">{megabytes(d.size)}</td>
                    <td>
                      {d.createdBy}，{d.createdAt.slice(0, 10)}
                    </td>
                    {mayEdit ? (
                      <td>
                        <form method="post" action={`${HREF}/${id}/documents/${d.id}/remove`}>
                          <input type="hidden" name="_csrf" value={csrf} />
                          <button type="submit" class="secondary" aria-label={`删除文书“${d.fileName}”`}>
                            删除
                          </button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {mayEdit ? (
            <section aria-labelledby="upload-title">
              <h3 id="upload-title">上传文书</h3>
              <ErrorSummary error={uploadError} />
              <form
                method="post"
                action={`${HREF}/${id}/documents`}
                enctype="multipart/form-data"
                class="stack"
                novalidate
              >
                <input type="hidden" name="_csrf" value={csrf} />
                <div class="field">
                  <label for={fieldId('documents')}>文件（复议决定书、判决书、裁定书等，PDF、Word、图片）</label>
                  {uploadError?.field === 'documents' || uploadError?.field === 'attachments' ? (
                    <p class="field-error" id={`${fieldId('documents')}-error`}>
                      {uploadError.message}
                    </p>
                  ) : null}
                  <input type="file" id={fieldId('documents')} name="documents" multiple required />
                </div>
                <button type="submit">上传</button>
              </form>
            </section>
          ) : null}
        </section>
        <p>
          <a href={HREF}>返回案件列表</a>
        </p>
      </>
    ),
  });
}

appealDetailRoutes.get(ID, requireLogin(), gate, (c) => casePage(c, idOf(c)));

async function editPage(c: C, id: number, values?: Values, error?: FormError) {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const a = await getCase(actor, ctx, id);
  if (!(await permits(actor, ctx, 'application.handle', a.agencyId)))
    throw errors.forbidden(ACTION_LABELS['application.handle']);
  const earlier = (await earlierChoices(c, a.agencyId)).filter((e) => e.id !== id);
  return consolePage(c, {
    title: '修改复议诉讼案件',
    current: HREF,
    status: error?.status ?? 200,
    children: (
      <>
        <h1>修改复议诉讼案件</h1>
        <CaseForm
          action={`${HREF}/${id}/edit`}
          csrf={csrfToken(c)}
          values={values ?? valuesOf(a)}
          error={error}
          earlier={earlier}
          submit="保存"
        />
        <p>
          <a href={`${HREF}/${id}`}>返回案件</a>
        </p>
      </>
    ),
  });
}

appealDetailRoutes.get(`${ID}/edit`, requireLogin(), gate, (c) => editPage(c, idOf(c)));

appealDetailRoutes.post(`${ID}/edit`, requireLogin(), gate, async (c) => {
  const id = idOf(c);
  const values = formValues(await c.req.parseBody());
  try {
    await updateCase(actorOf(c), c.get('ctx'), id, caseInputFrom(values));
  } catch (e) {
    const error = formError(e);
    if (!error) throw e;
    return editPage(c, id, values, error);
  }
  return c.redirect(`${HREF}/${id}?saved=1`, 303);
});

appealDetailRoutes.post(`${ID}/documents`, requireLogin(), gate, async (c) => {
  const id = idOf(c);
  const body = await c.req.parseBody({ all: true });
  try {
    await addCaseDocuments(actorOf(c), c.get('ctx'), id, await filesOf(body.documents));
  } catch (e) {
    const error = formError(e);
    if (!error) throw e;
    return casePage(c, id, { ...error, field: 'documents' });
  }
  return c.redirect(`${HREF}/${id}?saved=1`, 303);
});

appealDetailRoutes.post(`${ID}/documents/:did{[0-9]{1,12}}/remove`, requireLogin(), gate, async (c) => {
  const id = idOf(c);
  const { document } = await caseDocument(actorOf(c), c.get('ctx'), Number(c.req.param('did')));
  if (document.caseId !== id) return c.notFound();
  await removeCaseDocument(actorOf(c), c.get('ctx'), document.id);
  return c.redirect(`${HREF}/${id}?saved=1`, 303);
});

appealDetailRoutes.get(`${ID}/documents/:did{[0-9]{1,12}}`, requireLogin(), gate, async (c) => {
  const { document, content } = await caseDocument(actorOf(c), c.get('ctx'), Number(c.req.param('did')));
  if (document.caseId !== idOf(c)) return c.notFound();
  const ext = MEDIA_EXTENSIONS[document.mediaType as MediaType] ?? 'bin';
  c.header('content-type', document.mediaType);
  c.header('content-disposition', contentDisposition(document.fileName, `appeal-document-${document.id}.${ext}`));
  c.header('x-content-type-options', 'nosniff');
  c.header('content-security-policy', 'sandbox');
  c.header('cache-control', 'private, no-store');
  return c.body(content as Uint8Array<ArrayBuffer>);
});
