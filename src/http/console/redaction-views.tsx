// The redaction page of one file of a case (区分处理, issue 8): the pages as images with the boxes drawn over them
// by /static/redaction.js, and forms that work without a mouse or script — a box typed in (page, position and
// size in 毫米 or 磅), 查找并遮盖 for a phrase, the personal-data patterns, the list of boxes with their reasons,
// and 应用区分处理. Every form posts with its CSRF token; every field has its label.
import type { Child } from 'hono/jsx';
import { PERSONAL_DATA_KINDS, PERSONAL_DATA_LABELS } from '../../privacy/detect.ts';
import { REDACTION_REASONS, type RedactionReason, redactedName } from '../../redaction/model.ts';
import { HREF } from './application-views.tsx';
import { ErrorSummary, FieldError, type FormError, fieldId, type Values } from './form.tsx';
import { BoxList, Found, ReasonSelect, type RedactionPageProps, redactBase } from './redaction-list.tsx';

function Input(props: { name: string; label: string; values: Values; error: FormError | undefined; hint?: string }) {
  const invalid = props.error?.field === props.name;
  return (
    <div class="field">
      <label for={fieldId(props.name)}>{props.label}</label>
      <input
        type="text"
        inputmode="decimal"
        id={fieldId(props.name)}
        name={props.name}
        value={props.values[props.name] ?? ''}
        autocomplete="off"
        aria-invalid={invalid ? 'true' : undefined}
      />
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

function Form(props: { action: string; csrf: string; children: Child; submit: string; id?: string }) {
  return (
    <form method="post" action={props.action} class="stack" id={props.id} novalidate>
      <input type="hidden" name="_csrf" value={props.csrf} />
      {props.children}
      <button type="submit">{props.submit}</button>
    </form>
  );
}

export function RedactionPage(props: RedactionPageProps) {
  const { w, applicationId: id, failed } = props;
  const base = redactBase(id, w.attachment.id);
  const errorOf = (form: string) => (failed?.form === form ? failed.error : undefined);
  const valuesOf = (form: string, defaults: Values = {}) => (failed?.form === form ? failed.values : defaults);
  const lastReason = (w.boxes.at(-1)?.reason ?? 'personalPrivacy') as RedactionReason;
  const manual = valuesOf('boxes', { unit: 'mm', page: '1', reason: lastReason });
  const phrase = valuesOf('phrase', { phraseReason: lastReason });
  const pattern = valuesOf('patterns', { patternReason: 'personalPrivacy' });
  const kindsChosen = failed?.form === 'patterns' ? (failed.values.kinds ?? '').split(',') : [...PERSONAL_DATA_KINDS];
  return (
    <>
      <h1>区分处理：{w.attachment.fileName}</h1>
      <p>
        <a href={`${HREF}/${id}`}>返回申请 {props.trackingNo}</a>
      </p>
      <p class="hint">
        依据《条例》第三十七条，对能够区分处理的政府信息，向申请人提供可以公开的内容，并说明不予公开部分的理由。应用后生成新的
        PDF文件提供给申请人：遮盖框下的文字、图像和元数据均被删除而非覆盖，每页注明理由，并附区分处理说明页；原件仅供工作人员查阅。
      </p>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {w.copies.length > 0 ? (
        <section aria-labelledby="copies-title">
          <h2 id="copies-title">已生成的区分处理件</h2>
          <ul>
            {w.copies.map((c) => (
              <li>
                <a href={`${HREF}/${id}/attachments/${c.file.id}`}>{c.file.fileName}</a>（
                {c.redaction.appliedAt.slice(0, 10)}，{c.redaction.appliedBy}，遮盖{c.redaction.boxes.length}
                处，提供给申请人）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {w.conversionError ? (
        <div class="alert" role="alert">
          <p>{w.conversionError}</p>
          <p>无法对该文件作区分处理。请将其转换为PDF文件，在申请页面上传后再作区分处理。</p>
        </div>
      ) : (
        <Workbench {...props} base={base} errorOf={errorOf} values={{ manual, phrase, pattern }} kinds={kindsChosen} />
      )}
    </>
  );
}

function Workbench(
  props: RedactionPageProps & {
    base: string;
    errorOf: (form: string) => FormError | undefined;
    values: { manual: Values; phrase: Values; pattern: Values };
    kinds: string[];
  },
) {
  const { w, csrf, base, errorOf, values, mayHandle } = props;
  const pages = w.pages ?? [];
  return (
    <>
      <section aria-labelledby="pages-title" id="redaction" data-boxes-form="f-boxes-form">
        <h2 id="pages-title">页面（共{pages.length}页）</h2>
        <p class="hint">
          {mayHandle
            ? '在页面图像上按住鼠标拖动即可标出遮盖框（使用下方“添加遮盖框”中选择的理由）；不使用鼠标时，请在“添加遮盖框”中填写位置和大小。'
            : '您可以查看本文件的遮盖框，但无权修改。'}
        </p>
        {pages.map((size, i) => (
          <figure
            class="redaction-page"
            data-page={String(i + 1)}
            data-width={String(size.width)}
            data-height={String(size.height)}
          >
            <img
              src={`${base}/pages/${i + 1}`}
              alt={`第${i + 1}页`}
              loading="lazy"
              width={String(Math.round(size.width * 1.5))}
              height={String(Math.round(size.height * 1.5))}
            />
            <figcaption>
              第{i + 1}页（宽{Math.round((size.width / 72) * 25.4)}毫米、高{Math.round((size.height / 72) * 25.4)}毫米）
            </figcaption>
            {w.boxes.map((b, n) =>
              b.page === i + 1 ? (
                <span
                  class="redaction-box"
                  data-n={String(n + 1)}
                  data-x={String(b.x)}
                  data-y={String(b.y)}
                  data-width={String(b.width)}
                  data-height={String(b.height)}
                  data-reason={REDACTION_REASONS[b.reason].label}
                  hidden
                />
              ) : null,
            )}
          </figure>
        ))}
      </section>
      {props.searched ? <Found searched={props.searched} /> : null}
      <BoxList {...props} />
      {mayHandle ? (
        <>
          <section aria-labelledby="add-title">
            <h2 id="add-title">添加遮盖框</h2>
            <ErrorSummary error={errorOf('boxes')} />
            <Form action={`${base}/boxes`} csrf={csrf} submit="添加遮盖框" id="f-boxes-form">
              <p class="hint" id="f-boxes">
                位置自页面左上角起算。1毫米约等于2.83磅；A4页面宽210毫米、高297毫米。
              </p>
              <Input name="page" label="页码" values={values.manual} error={errorOf('boxes')} />
              <div class="field">
                <label for={fieldId('unit')}>单位</label>
                <select id={fieldId('unit')} name="unit">
                  <option value="mm" selected={values.manual.unit !== 'pt'}>
                    毫米
                  </option>
                  <option value="pt" selected={values.manual.unit === 'pt'}>
                    磅（1/72英寸）
                  </option>
                </select>
              </div>
              <Input name="x" label="距左边" values={values.manual} error={errorOf('boxes')} />
              <Input name="y" label="距上边" values={values.manual} error={errorOf('boxes')} />
              <Input name="width" label="宽度" values={values.manual} error={errorOf('boxes')} />
              <Input name="height" label="高度" values={values.manual} error={errorOf('boxes')} />
              <div class="field">
                <label for={fieldId('reason')}>不予公开的理由</label>
                <ReasonSelect
                  id={fieldId('reason')}
                  name="reason"
                  current={values.manual.reason ?? ''}
                  error={errorOf('boxes')}
                />
                <FieldError name="reason" error={errorOf('boxes')} />
              </div>
              <div class="field">
                <label for={fieldId('note')}>说明（选填，如“申请人以外自然人的姓名”）</label>
                <input
                  type="text"
                  id={fieldId('note')}
                  name="note"
                  maxlength={100}
                  value={values.manual.note ?? ''}
                  autocomplete="off"
                />
              </div>
            </Form>
          </section>
          <section aria-labelledby="phrase-title">
            <h2 id="phrase-title">查找并遮盖</h2>
            <ErrorSummary error={errorOf('phrase')} />
            <Form action={`${base}/phrase`} csrf={csrf} submit="查找并遮盖">
              <div class="field">
                <label for={fieldId('phrase')}>要遮盖的文字（如姓名、单位名称）</label>
                <input
                  type="text"
                  id={fieldId('phrase')}
                  name="phrase"
                  maxlength={500}
                  value={values.phrase.phrase ?? ''}
                  autocomplete="off"
                  aria-invalid={errorOf('phrase')?.field === 'phrase' ? 'true' : undefined}
                />
                <FieldError name="phrase" error={errorOf('phrase')} />
              </div>
              <div class="field">
                <label for={fieldId('phraseReason')}>不予公开的理由</label>
                <ReasonSelect
                  id={fieldId('phraseReason')}
                  name="phraseReason"
                  current={values.phrase.phraseReason ?? ''}
                />
              </div>
            </Form>
          </section>
          <section aria-labelledby="patterns-title">
            <h2 id="patterns-title">识别个人信息并遮盖</h2>
            <ErrorSummary error={errorOf('patterns')} />
            <Form action={`${base}/patterns`} csrf={csrf} submit="识别并遮盖">
              <fieldset class="choices" id={fieldId('kinds')}>
                <legend>要识别的个人信息</legend>
                {PERSONAL_DATA_KINDS.map((kind) => (
                  <div class="choice">
                    <input
                      type="checkbox"
                      id={`${fieldId('kinds')}-${kind}`}
                      name="kinds"
                      value={kind}
                      checked={props.kinds.includes(kind)}
                    />
                    <label for={`${fieldId('kinds')}-${kind}`}>{PERSONAL_DATA_LABELS[kind]}</label>
                  </div>
                ))}
              </fieldset>
              <div class="field">
                <label for={fieldId('patternReason')}>不予公开的理由</label>
                <ReasonSelect
                  id={fieldId('patternReason')}
                  name="patternReason"
                  current={values.pattern.patternReason ?? ''}
                />
              </div>
            </Form>
          </section>
          <section aria-labelledby="apply-title">
            <h2 id="apply-title">应用区分处理</h2>
            <ErrorSummary error={errorOf('apply')} />
            <p class="hint">
              应用后生成“{redactedName(w.attachment.fileName)}”，作为答复附件提供给申请人；原件仅供工作人员查阅。
            </p>
            <Form action={`${base}/apply`} csrf={csrf} submit="应用区分处理">
              {null}
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}
