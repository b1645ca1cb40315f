// The pages of public feedback (公众留言): the form, the thank-you page with the 留言编号 and 查询码 (shown once),
// the status page and the list of public answers. Every field has a label, every group a legend; the trap field is
// hidden from everyone. What the public list shows comes from listPublicAnswers: never a name or a contact.
import type { Agency } from '../../agencies/model.ts';
import { chineseDate } from '../../calendar/dates.ts';
import { KIND_LABELS, KINDS } from '../../feedback/model.ts';
import type { PublicAnswer, SenderStatus } from '../../feedback/queries.ts';
import {
  ErrorSummary,
  FieldError,
  type FormError,
  fieldId,
  SelectField,
  TextField,
  type Values,
} from '../console/form.tsx';
import { HoneypotField } from './apply-form.tsx';
import { CodeLookupForm, OneTimeCodes } from './apply-views.tsx';

/** Text as the sender typed it: one paragraph per line (no raw HTML, no inline style). */
export function Paragraphs(props: { text: string }) {
  const lines = props.text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return (
    <>
      {lines.map((l) => (
        <p>{l}</p>
      ))}
    </>
  );
}

export interface FeedbackFormProps {
  csrf: string;
  stamp: string;
  agencies: Agency[];
  values: Values;
  /** The published item the message is about (from its page): its agency answers. */
  item?: { id: number; title: string; agencyName: string } | undefined;
  error?: FormError | undefined;
  notice?: string | undefined;
  dueDays: number;
}

export function FeedbackForm(props: FeedbackFormProps) {
  const { values, error, item } = props;
  const f = { values, error };
  const kindInvalid = error?.field === 'kind';
  const contentInvalid = error?.field === 'content';
  const consentInvalid = error?.field === 'publishConsent';
  return (
    <>
      {props.notice ? (
        <div class="alert" role="alert">
          <p>{props.notice}</p>
        </div>
      ) : (
        <ErrorSummary error={error} />
      )}
      <form method="post" action="/feedback/new" class="stack wide" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="stamp" value={props.stamp} />
        <fieldset>
          <legend>一、向哪个机关留言</legend>
          {item ? (
            <>
              <input type="hidden" name="itemId" value={String(item.id)} />
              <p>
                您对以下信息提出意见建议：<a href={`/catalog/${item.id}`}>{item.title}</a>
              </p>
              <p>留言将转给发布该信息的{item.agencyName}答复。</p>
            </>
          ) : (
            <SelectField
              name="agencyId"
              label="受理机关"
              required
              hint="请选择您要咨询或提出意见的机关。不清楚时，可选择本级人民政府，由其转交。"
              options={[['', '请选择'], ...props.agencies.map((a): [string, string] => [String(a.id), a.name])]}
              {...f}
            />
          )}
        </fieldset>
        <fieldset>
          <legend>二、留言内容</legend>
          <fieldset class="choices" aria-describedby={kindInvalid ? `${fieldId('kind')}-error` : undefined}>
            <legend>
              留言类型<span class="required">（必选）</span>
            </legend>
            <FieldError name="kind" error={error} />
            {KINDS.map((k, i) => {
              const id = i === 0 ? fieldId('kind') : `${fieldId('kind')}-${k}`;
              return (
                <div class="choice">
                  <input type="radio" id={id} name="kind" value={k} checked={values.kind === k} required />
                  <label for={id}>{KIND_LABELS[k]}</label>
                </div>
              );
            })}
          </fieldset>
          <TextField
            name="subject"
            label="标题"
            required
            maxlength={100}
            hint="用一句话概括，例如：咨询老旧小区改造清单。"
            {...f}
          />
          <div class="field">
            <label for={fieldId('content')}>
              留言内容<span class="required">（必填）</span>
            </label>
            <p class="hint" id={`${fieldId('content')}-hint`}>
              请写清楚您的问题或意见，2000字以内。纠错的，请写明哪里有误或哪个链接打不开。请勿在此填写身份证号码等个人信息。
            </p>
            <textarea
              id={fieldId('content')}
              name="content"
              rows={8}
              maxlength={2000}
              required
              aria-invalid={contentInvalid ? 'true' : undefined}
              aria-describedby={
                contentInvalid ? `${fieldId('content')}-hint ${fieldId('content')}-error` : `${fieldId('content')}-hint`
              }
            >
              {values.content ?? ''}
            </textarea>
            <FieldError name="content" error={error} />
          </div>
        </fieldset>
        <fieldset>
          <legend>三、联系方式（希望私下答复时填写）</legend>
          <p class="hint">
            可以不填。不填的，凭提交后得到的留言编号和查询码在本站查看答复；填写电子邮箱的，答复后同时发送邮件。姓名和联系方式只有受理机关的工作人员能看到，不会公开。
          </p>
          <TextField
            name="name"
            label="姓名或称呼"
            maxlength={50}
            autocomplete="name"
            hint="填写联系方式的，请同时填写。"
            {...f}
          />
          <TextField
            name="contact"
            label="联系方式"
            maxlength={100}
            autocomplete="email"
            hint="手机号码、固定电话或电子邮箱，例如 13812345678 或 name@example.com。"
            {...f}
          />
        </fieldset>
        <fieldset>
          <legend>四、是否同意公开</legend>
          <div class="choice">
            <input
              type="checkbox"
              id={fieldId('publishConsent')}
              name="publishConsent"
              value="1"
              checked={values.publishConsent === '1'}
              aria-invalid={consentInvalid ? 'true' : undefined}
              aria-describedby={`${fieldId('publishConsent')}-hint`}
            />
            <label for={fieldId('publishConsent')}>同意在本站“公众留言”栏目公开我的留言和答复</label>
          </div>
          <p class="hint" id={`${fieldId('publishConsent')}-hint`}>
            公开时不显示您的姓名和联系方式，留言中的电话号码等个人信息也会隐去。不同意的，答复只有您本人能查看。
          </p>
          <FieldError name="publishConsent" error={error} />
        </fieldset>
        <HoneypotField />
        <p>受理机关一般在收到留言后{props.dueDays}个工作日内答复。</p>
        <button type="submit">提交留言</button>
      </form>
    </>
  );
}

export function ThanksBody(props: { messageNo: string; queryCode: string; agencyName: string; dueOn: string | null }) {
  return (
    <>
      <h1>留言已提交，感谢您的意见建议</h1>
      <OneTimeCodes keep="抄写下来或保存" numberLabel="留言编号" number={props.messageNo} queryCode={props.queryCode} />
      <h2>接下来会怎样</h2>
      <ol>
        <li>您的留言已转给{props.agencyName}。</li>
        <li>
          {props.dueOn
            ? `受理机关应在${chineseDate(props.dueOn)}以前答复。`
            : '受理机关会尽快答复（答复期限按工作日计算）。'}
        </li>
        <li>
          您可以随时凭留言编号和查询码在<a href="/feedback/status">查询留言答复</a>页面查看答复。
        </li>
      </ol>
      <p>
        <a href="/feedback">查看已公开的留言答复</a>
      </p>
    </>
  );
}

export function FeedbackLookupForm(props: { csrf: string; message?: string | undefined }) {
  return (
    <CodeLookupForm
      csrf={props.csrf}
      message={props.message}
      action="/feedback/status"
      numberName="messageNo"
      numberLabel="留言编号"
      numberHint="提交留言时显示的编号，形如 LY2026-1-000001。"
    />
  );
}

export function SenderStatusBody(props: { status: SenderStatus }) {
  const s = props.status;
  return (
    <>
      <h1>留言答复</h1>
      <dl class="settings">
        <dt>留言编号</dt>
        <dd>{s.messageNo}</dd>
        <dt>受理机关</dt>
        <dd>{s.agencyName}</dd>
        <dt>留言类型</dt>
        <dd>{s.kindLabel}</dd>
        <dt>标题</dt>
        <dd>{s.subject}</dd>
        <dt>留言日期</dt>
        <dd>{chineseDate(s.receivedOn)}</dd>
        <dt>当前状态</dt>
        <dd>{s.statusLabel}</dd>
      </dl>
      <h2>您的留言</h2>
      <Paragraphs text={s.content} />
      <h2>答复</h2>
      {s.status === 'answered' ? (
        <>
          <p>
            {chineseDate(s.handledOn as string)}答复
            {s.answerMode === 'public' ? '（已在“公众留言”栏目公开，不含您的姓名和联系方式）' : ''}：
          </p>
          <div class="answer">
            <Paragraphs text={s.answer ?? ''} />
          </div>
        </>
      ) : s.status === 'closed' ? (
        <p>
          该留言已于{chineseDate(s.handledOn as string)}关闭，未予答复。原因：{s.closeReasonLabel}
          {s.closeNote ? `（${s.closeNote}）` : ''}。
        </p>
      ) : (
        <p class="notice">
          尚未答复。{s.dueOn ? `受理机关应在${chineseDate(s.dueOn)}以前答复。` : '受理机关会尽快答复。'}
        </p>
      )}
      <p>
        <a href="/feedback/status">查询其他留言</a>
      </p>
    </>
  );
}

export function PublicAnswers(props: { rows: PublicAnswer[] }) {
  if (props.rows.length === 0) return <p>暂无公开的留言答复。</p>;
  return (
    <ol class="feedback-list">
      {props.rows.map((r) => (
        <li>
          <article>
            <h2>{r.subject}</h2>
            <dl class="settings">
              <dt>留言编号</dt>
              <dd>{r.messageNo}</dd>
              <dt>留言类型</dt>
              <dd>{r.kindLabel}</dd>
              <dt>答复机关</dt>
              <dd>{r.agencyName}</dd>
              <dt>留言日期</dt>
              <dd>{chineseDate(r.receivedOn)}</dd>
              <dt>答复日期</dt>
              <dd>{chineseDate(r.answeredOn)}</dd>
              {r.itemId ? (
                <>
                  <dt>相关信息</dt>
                  <dd>
                    <a href={`/catalog/${r.itemId}`}>查看该信息</a>
                  </dd>
                </>
              ) : null}
            </dl>
            <h3>留言</h3>
            <Paragraphs text={r.content} />
            <h3>答复</h3>
            <Paragraphs text={r.answer} />
          </article>
        </li>
      ))}
    </ol>
  );
}
