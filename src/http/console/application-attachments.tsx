// 附件 on the case page: the applicant's files and the reply's, each downloadable by staff of the agency, and a
// form to add the information disclosed with the reply (staff-only original, or a copy for the applicant).
// Downloads are served as attachments that can never run in the browser: nosniff, and a sandbox CSP.
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { MEDIA_EXTENSIONS, type MediaType } from '../../attachments/detect.ts';
import {
  type Attachment,
  type AttachmentLimits,
  AUDIENCE_LABELS,
  AUDIENCES,
  FIELD,
  megabytes,
  OWNER_KIND_LABELS,
} from '../../attachments/model.ts';
import { addDecisionAttachment, attachmentFile } from '../../attachments/service.ts';
import { isDomainError } from '../../errors.ts';
import { requireLogin } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { filesOf } from '../portal/attachment-field.tsx';
import { STATUS } from '../status.ts';
import type { Failed } from './application-actions.tsx';
import { casePage, contentDisposition } from './application-detail.tsx';
import { HREF } from './application-views.tsx';
import { ErrorSummary, fieldId } from './form.tsx';
import { requireModule } from './frame.tsx';

type C = Context<AppEnv>;
const ID = `${HREF}/:id{[0-9]{1,12}}`;
const KEY = 'attachment';

/** Where a decision attachment is posted (the body limit allows a file there). */
export const ATTACHMENT_UPLOAD_PATH = /^\/console\/applications\/\d{1,12}\/attachments$/;

/** A request that may carry attachments (the online form, a case's upload): their limit plus 1 MB for the fields. */
export function attachmentBodyBytes(limits: AttachmentLimits): number {
  return Math.max(limits.maxTotalBytes, limits.maxFileBytes) + 1024 * 1024;
}
export const carriesAttachments = (path: string) =>
  path === '/apply' || path === HREF || ATTACHMENT_UPLOAD_PATH.test(path);

export interface AttachmentsProps {
  applicationId: number;
  items: Attachment[];
  mayUpload: boolean;
  csrf: string;
  failed: Failed | undefined;
  /** Redacted copies (区分处理件): the copy's id → its original's name. */
  copies?: ReadonlyMap<number, string>;
}

/** Files the redaction tool can open (a DOCX is converted to PDF first, where the machine can). */
const REDACTABLE = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'image/jpeg',
  'image/png',
]);

export function attachmentsSection(props: AttachmentsProps): { node: Child; shown: string[] } {
  const { applicationId: id, items, mayUpload, csrf, failed } = props;
  const error = failed?.form === KEY ? failed.error : undefined;
  const base = `${HREF}/${id}/attachments`;
  const node = (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">附件</h2>
      {items.length === 0 ? (
        <p class="hint">本案没有附件。</p>
      ) : (
        <table>
          <caption>本案的附件（共 {items.length} 个）</caption>
          <thead>
            <tr>
              <th scope="col">文件</th>
              <th scope="col">来源</th>
              <th scope="col">类型、大小</th>
              <th scope="col">提供对象</th>
              <th scope="col">上传</th>
              {mayUpload ? <th scope="col">区分处理</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr>
                <th scope="row">
                  <a href={`${base}/${a.id}`}>{a.fileName}</a>
                  {props.copies?.has(a.id) ? <p class="hint">区分处理件，原件：{props.copies.get(a.id)}</p> : null}
                </th>
                <td>{OWNER_KIND_LABELS[a.ownerKind]}</td>
                <td>
                  {a.mediaType.split(';')[0]}，{megabytes(a.size)}
                </td>
                <td>{AUDIENCE_LABELS[a.audience]}</td>
                <td>
                  {a.uploadedBy}，{a.createdAt.slice(0, 10)}
                </td>
                {mayUpload ? (
                  <td>
                    {REDACTABLE.has(a.mediaType) && !props.copies?.has(a.id) ? (
                      <a href={`${base}/${a.id}/redact`} aria-label={`对“${a.fileName}”作区分处理`}>
                        区分处理
                      </a>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayUpload ? (
        <section aria-labelledby="act-attachment">
          <h3 id="act-attachment">上传答复附件（公开的信息）</h3>
          <ErrorSummary error={error} />
          <form method="post" action={base} enctype="multipart/form-data" class="stack" novalidate>
            <input type="hidden" name="_csrf" value={csrf} />
            <div class="field">
              <label for={fieldId(FIELD)}>文件</label>
              {error?.field === FIELD ? (
                <p class="field-error" id={`${fieldId(FIELD)}-error`}>
                  {error.message}
                </p>
              ) : null}
              <input type="file" id={fieldId(FIELD)} name={FIELD} required />
            </div>
            <fieldset class="choices">
              <legend>提供对象</legend>
              {error?.field === 'audience' ? <p class="field-error">{error.message}</p> : null}
              {AUDIENCES.map((value, i) => (
                <div class="choice">
                  <input
                    type="radio"
                    id={i === 0 ? fieldId('audience') : `${fieldId('audience')}-${value}`}
                    name="audience"
                    value={value}
                    checked={(failed?.values.audience ?? 'staff') === value}
                  />
                  <label for={i === 0 ? fieldId('audience') : `${fieldId('audience')}-${value}`}>
                    {AUDIENCE_LABELS[value]}
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit">上传</button>
          </form>
        </section>
      ) : null}
    </section>
  );
  return { node, shown: mayUpload ? [KEY] : [] };
}

export const attachmentRoutes = new Hono<AppEnv>();
const gate = requireModule(HREF);
const actorOf = (c: C) => c.get('auth').actor;

attachmentRoutes.post(`${ID}/attachments`, requireLogin(), gate, async (c) => {
  const id = Number(c.req.param('id'));
  const body = await c.req.parseBody({ all: true });
  const audience = typeof body.audience === 'string' ? body.audience : '';
  const [file] = await filesOf(body[FIELD]);
  try {
    await addDecisionAttachment(actorOf(c), c.get('ctx'), id, file ?? { name: '', data: new Uint8Array() }, audience);
  } catch (e) {
    if (!isDomainError(e) || !['validation', 'conflict'].includes(e.code)) throw e;
    const status = STATUS[e.code] === 409 ? 409 : 400;
    return casePage(c, id, { form: KEY, values: { audience }, error: { field: e.field, message: e.message, status } });
  }
  return c.redirect(`${HREF}/${id}?saved=1`, 303);
});

attachmentRoutes.get(`${ID}/attachments/:aid{[0-9]{1,12}}`, requireLogin(), gate, async (c) => {
  const aid = Number(c.req.param('aid'));
  const { attachment, data } = await attachmentFile(actorOf(c), c.get('ctx'), aid);
  if (attachment.applicationId !== Number(c.req.param('id'))) return c.notFound();
  return download(c, attachment, data);
});

/** A stored file as a download that never runs in the browser. */
export function download(c: C, a: Attachment, data: Uint8Array) {
  const ext = MEDIA_EXTENSIONS[a.mediaType as MediaType] ?? 'bin';
  c.header('content-type', a.mediaType);
  c.header('content-disposition', contentDisposition(a.fileName, `attachment-${a.id}.${ext}`));
  c.header('x-content-type-options', 'nosniff');
  c.header('content-security-policy', 'sandbox');
  c.header('cache-control', 'private, no-store');
  return c.body(data as Uint8Array<ArrayBuffer>);
}
