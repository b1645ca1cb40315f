// The optional attachments of the online application form: one file input (several files), what is accepted, and
// the refusal beside it. A browser cannot keep a chosen file across a refused submission, so the hint says to
// choose the files again. Also the list of files given to the applicant on the status page.
import { ALLOWED_TYPES_TEXT } from '../../attachments/detect.ts';
import { type Attachment, type AttachmentLimits, FIELD, megabytes } from '../../attachments/model.ts';
import { type FormError, fieldId } from '../console/form.tsx';

export function AttachmentField(props: { legend: string; limits: AttachmentLimits; error: FormError | undefined }) {
  const { limits, error } = props;
  const invalid = error?.field === FIELD;
  const id = fieldId(FIELD);
  const described = invalid ? `${id}-error ${id}-hint` : `${id}-hint`;
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <label for={id}>上传附件（选填）</label>
      <p class="hint" id={`${id}-hint`}>
        如身份证明、授权委托书、所需信息的线索等。可上传{ALLOWED_TYPES_TEXT}；最多 {limits.maxFiles} 个文件，单个不超过
        {megabytes(limits.maxFileBytes)}，合计不超过 {megabytes(limits.maxTotalBytes)}。
        {invalid ? '为安全起见，刚才选择的文件均未保存，请重新选择。' : ''}
      </p>
      {invalid ? (
        <p class="field-error" id={`${id}-error`}>
          {error.message}
        </p>
      ) : null}
      <input
        type="file"
        id={id}
        name={FIELD}
        multiple
        accept=".pdf,.docx,.ofd,.jpg,.jpeg,.png,.txt,application/pdf,image/jpeg,image/png,text/plain"
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={described}
      />
    </fieldset>
  );
}

/** The files of a multipart body (parsed with all: true): empty inputs (no file chosen) are left out. */
export async function filesOf(value: unknown): Promise<{ name: string; data: Uint8Array }[]> {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const files: { name: string; data: Uint8Array }[] = [];
  for (const v of list) {
    if (!(v instanceof File) || (v.size === 0 && v.name === '')) continue;
    files.push({ name: v.name, data: new Uint8Array(await v.arrayBuffer()) });
  }
  return files;
}

/** On the status page: the files meant for the applicant, each a POST form (the codes never go into a URL). */
export function ApplicantAttachments(props: {
  items: Attachment[];
  trackingNo: string;
  queryCode: string;
  csrf: string;
}) {
  if (props.items.length === 0) return null;
  return (
    <section aria-labelledby="given-files">
      <h2 id="given-files">提供给您的文件</h2>
      <ul>
        {props.items.map((a) => (
          <li>
            <form method="post" action={`/apply/attachments/${a.id}`}>
              <input type="hidden" name="_csrf" value={props.csrf} />
              <input type="hidden" name="trackingNo" value={props.trackingNo} />
              <input type="hidden" name="queryCode" value={props.queryCode} />
              {a.fileName}（{megabytes(a.size)}）<button type="submit">下载</button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
