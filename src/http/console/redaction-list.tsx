// The lists of the redaction page: what a search found (shown once, never stored) and the boxes of the plan, each
// with its reason select, note and remove button. Also the page's shared props and the reason select.
import { REDACTION_REASON_CODES, REDACTION_REASONS } from '../../redaction/model.ts';
import type { SearchResult } from '../../redaction/plan.ts';
import { presentBox, presentFound } from '../../redaction/presenters.ts';
import type { Workspace } from '../../redaction/service.ts';
import { HREF } from './application-views.tsx';
import { ErrorSummary, type FormError, type Values } from './form.tsx';

export interface RedactionPageProps {
  applicationId: number;
  trackingNo: string;
  w: Workspace;
  mayHandle: boolean;
  csrf: string;
  /** Which form failed, its input, and why. */
  failed?: { form: string; values: Values; error: FormError };
  /** After a search: what was found (shown once, never stored). */
  searched?: { label: string; result: SearchResult };
  /** After a change: what was done (“已添加1个遮盖框”). */
  notice?: string;
}

export const redactBase = (applicationId: number, attachmentId: number) =>
  `${HREF}/${applicationId}/attachments/${attachmentId}/redact`;

export function ReasonSelect(props: { id: string; name: string; current: string; error?: FormError | undefined }) {
  return (
    <select id={props.id} name={props.name} aria-invalid={props.error?.field === props.name ? 'true' : undefined}>
      {REDACTION_REASON_CODES.map((code) => (
        <option value={code} selected={code === props.current}>
          {REDACTION_REASONS[code].label}（{REDACTION_REASONS[code].basis}）
        </option>
      ))}
    </select>
  );
}

export function Found(props: { searched: NonNullable<RedactionPageProps['searched']> }) {
  const { label, result } = props.searched;
  return (
    <section aria-labelledby="found-title">
      <h2 id="found-title" tabindex={-1}>
        {label}的结果
      </h2>
      {result.found.length === 0 ? (
        <p role="status">未找到相符的内容，未添加遮盖框。</p>
      ) : (
        <>
          <p role="status">
            找到{result.found.length}处，新添加遮盖框{result.added}个（其余已在遮盖框中）。
          </p>
          <table>
            <caption>找到的内容</caption>
            <thead>
              <tr>
                <th scope="col">页码</th>
                <th scope="col">类型</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {result.found.map(presentFound).map((f) => (
                <tr>
                  <td>第{f.page}页</td>
                  <td>{f.kind || '查找的文字'}</td>
                  <td>{f.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function BoxList(
  props: RedactionPageProps & { base: string; errorOf: (form: string) => FormError | undefined },
) {
  const { w, base, csrf, mayHandle } = props;
  return (
    <section aria-labelledby="boxes-title">
      <h2 id="boxes-title">遮盖框（共{w.boxes.length}个）</h2>
      {w.updatedAt ? (
        <p class="hint">
          最近由{w.updatedBy}于{w.updatedAt.slice(0, 16).replace('T', ' ')}（UTC）修改。
        </p>
      ) : null}
      <ErrorSummary error={props.errorOf('update')} />
      {w.boxes.length === 0 ? (
        <p class="hint">尚未添加遮盖框。</p>
      ) : (
        <form method="post" action={`${base}/update`} class="stack table-form" novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="count" value={String(w.boxes.length)} />
          <table>
            <caption>遮盖框及不予公开的理由</caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">页码</th>
                <th scope="col">位置</th>
                <th scope="col">来源</th>
                <th scope="col">理由</th>
                <th scope="col">说明</th>
                {mayHandle ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {w.boxes.map(presentBox).map((b, i) => (
                <tr>
                  <th scope="row">{i + 1}</th>
                  <td>第{b.page}页</td>
                  <td>{b.where}</td>
                  <td>{b.source}</td>
                  <td>
                    {mayHandle ? (
                      <>
                        <label for={`f-reason-${i + 1}`} class="visually-hidden">
                          第{i + 1}个遮盖框的理由
                        </label>
                        <ReasonSelect id={`f-reason-${i + 1}`} name={`reason-${i + 1}`} current={b.reason} />
                      </>
                    ) : (
                      REDACTION_REASONS[b.reason].label
                    )}
                  </td>
                  <td>
                    {mayHandle ? (
                      <>
                        <label for={`f-note-${i + 1}`} class="visually-hidden">
                          第{i + 1}个遮盖框的说明
                        </label>
                        <input
                          type="text"
                          id={`f-note-${i + 1}`}
                          name={`note-${i + 1}`}
                          value={b.note}
                          maxlength={100}
                          autocomplete="off"
                        />
                      </>
                    ) : (
                      b.note
                    )}
                  </td>
                  {mayHandle ? (
                    <td>
                      <button type="submit" form="f-remove-form" name="remove" value={String(i + 1)}>
                        删除第{i + 1}个
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {mayHandle ? <button type="submit">保存理由和说明</button> : null}
        </form>
      )}
      {mayHandle && w.boxes.length > 0 ? (
        // The remove buttons belong here (form attribute), so Enter in the list saves rather than removes.
        <form method="post" action={`${base}/remove`} id="f-remove-form">
          <input type="hidden" name="_csrf" value={csrf} />
        </form>
      ) : null}
    </section>
  );
}
