// The personal-data guard on the publishing pages (issue 8 point 5): the hits of what is about to go public — masked,
// with where each stands — and, per hit, the publisher's reason why it may stand. A catalogue item's hits each get a
// form of their own (the item's text is stored, so the page can be reloaded); a feedback answer's hits are fields of
// the answer form itself, since the answer is not stored until it is sent.
import { REASON_LABEL, REASON_MAX, type ReviewedHit } from '../../privacy/review.ts';
import { HIT_LABELS } from '../../privacy/scan.ts';
import type { ItemReview } from '../../privacy/service.ts';
import { ErrorSummary, type FormError, type Values } from './form.tsx';

const REASON_HINT =
  '例如：系本机关公开的办公电话；当事人书面同意公开；依法应当公示。不能说明理由的，请修改正文或替换附件后再发布。';

/** The field of the feedback answer form that carries the reason for one hit. */
export const reasonField = (fingerprint: string) => `reason-${fingerprint}`;
/** The fingerprint of a reason field, or null for another field. */
export const fingerprintOfField = (name: string) => /^reason-([0-9a-f]{64})$/.exec(name)?.[1] ?? null;

const hitId = (h: ReviewedHit) => `hit-${h.fingerprint.slice(0, 16)}`;

function HitRows(props: { hits: readonly ReviewedHit[] }) {
  return (
    <table>
      <caption>自动检查发现的个人信息（已遮盖部分内容）</caption>
      <thead>
        <tr>
          <th scope="col">类型</th>
          <th scope="col">内容</th>
          <th scope="col">位置</th>
          <th scope="col">处理情况</th>
        </tr>
      </thead>
      <tbody>
        {props.hits.map((h) => (
          <tr id={hitId(h)}>
            <td>{HIT_LABELS[h.kind]}</td>
            <td>{h.masked}</td>
            <td>{h.places.join('、')}</td>
            <td>
              {h.acknowledgement
                ? `已说明理由：${h.acknowledgement.reason}（${h.acknowledgement.createdBy}，${h.acknowledgement.createdAt.slice(0, 10)}）`
                : '待处理'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The hits of what is about to be published (a catalogue item, an annual report), each one still waiting with a
 * form for the reason (for those who may publish).
 */
export function PrivacyPanel(props: {
  action: string;
  review: ItemReview;
  csrf: string;
  mayAcknowledge: boolean;
  failed?: { values: Values; error: FormError } | undefined;
}) {
  const { hits } = props.review;
  const waiting = hits.filter((h) => h.acknowledgement === null);
  const failedOn = props.failed?.values.fingerprint;
  return (
    <section aria-labelledby="privacy-title" id="privacy">
      <h3 id="privacy-title">个人信息检查</h3>
      {hits.length === 0 ? (
        <p class="hint">未在待发布的标题、正文和附件中发现身份证号码、手机号码、银行卡号、电子邮箱或住址。</p>
      ) : (
        <>
          <p>
            {waiting.length > 0
              ? `发现${waiting.length}处个人信息尚未处理，处理完毕前不能发布：请修改正文或替换附件，或逐项说明可以公开的理由。`
              : '发现的个人信息均已说明可以公开的理由。'}
          </p>
          <HitRows hits={hits} />
        </>
      )}
      {props.mayAcknowledge
        ? waiting.map((h) => {
            const mine = failedOn === h.fingerprint ? props.failed : undefined;
            const id = `${hitId(h)}-reason`;
            return (
              <form method="post" action={props.action} class="stack" novalidate>
                <ErrorSummary error={mine?.error} />
                <input type="hidden" name="_csrf" value={props.csrf} />
                <input type="hidden" name="fingerprint" value={h.fingerprint} />
                <div class="field">
                  <label for={id}>
                    {REASON_LABEL}：{h.masked}（{h.places.join('、')}）
                  </label>
                  <textarea
                    id={id}
                    name="reason"
                    rows={2}
                    maxlength={REASON_MAX}
                    required
                    aria-invalid={mine ? 'true' : undefined}
                    aria-describedby={`${id}-hint`}
                  >
                    {mine?.values.reason ?? ''}
                  </textarea>
                  <p class="hint" id={`${id}-hint`}>
                    {REASON_HINT}
                  </p>
                  {mine ? <p class="field-error">{mine.error.message}</p> : null}
                </div>
                <button type="submit">记录理由</button>
              </form>
            );
          })
        : null}
    </section>
  );
}

/** Inside the feedback answer form: each hit still waiting, with its reason field. */
export function AnswerPrivacy(props: { hits: readonly ReviewedHit[]; values: Values }) {
  const waiting = props.hits.filter((h) => h.acknowledgement === null);
  if (props.hits.length === 0) return null;
  return (
    <fieldset id="privacy">
      <legend>个人信息检查</legend>
      <p>公开答复前发现以下个人信息。请修改答复或公开的留言内容将其删去，或逐项说明可以公开的理由后重新提交。</p>
      <HitRows hits={props.hits} />
      {waiting.map((h) => {
        const name = reasonField(h.fingerprint);
        const id = `${hitId(h)}-reason`;
        return (
          <div class="field">
            <label for={id}>
              {REASON_LABEL}：{h.masked}（{h.places.join('、')}）
            </label>
            <textarea id={id} name={name} rows={2} maxlength={REASON_MAX} aria-describedby={`${id}-hint`}>
              {props.values[name] ?? ''}
            </textarea>
            <p class="hint" id={`${id}-hint`}>
              {REASON_HINT}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
