// 答复审核 on the case page (issue 4 point 5): where the agency requires it, the handler proposes the reply (one
// outcome, the reason and the legal basis), the case shows 待审核, and a reviewer other than the proposer approves it
// (the case is decided on the date given) or returns it with a comment. The forms are offered only where the
// policy and the case allow; the services refuse the rest anyway.
import type { Child } from 'hono/jsx';
import { PROPOSAL_STATUS_LABELS, type ReplyProposal, type ReviewState } from '../../applications/review.ts';
import { REQUEST_ROW_LABELS } from '../../report/labels.ts';
import type { Failed } from './application-actions.tsx';
import { Field } from './application-fields.tsx';
import { ActionForm, DateField, OutcomeField } from './application-forms.tsx';
import { HREF, type Presented } from './application-views.tsx';
import { Settings, type Values } from './form.tsx';

export interface ReviewProps {
  a: Presented;
  review: ReviewState;
  mayHandle: boolean;
  mayApprove: boolean;
  actorId: number | null;
  open: boolean;
  csrf: string;
  failed: Failed | undefined;
  /** What the case suggests for the proposal (区分处理 applied → 部分公开 and the withheld list). */
  proposal?: Values;
}

const outcomeText = (p: ReplyProposal) => REQUEST_ROW_LABELS[p.outcome].short;
const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

function History(props: { proposals: readonly ReplyProposal[] }) {
  if (props.proposals.length === 0) return null;
  return (
    <table>
      <caption>审核记录</caption>
      <thead>
        <tr>
          <th scope="col">提出时间（UTC）</th>
          <th scope="col">拟办理结果</th>
          <th scope="col">提出人</th>
          <th scope="col">状态</th>
          <th scope="col">审核人</th>
          <th scope="col">审核意见或答复日期</th>
        </tr>
      </thead>
      <tbody>
        {props.proposals.map((p) => (
          <tr>
            <td>{when(p.proposedAt)}</td>
            <td>{outcomeText(p)}</td>
            <td>{p.proposedBy}</td>
            <td>{PROPOSAL_STATUS_LABELS[p.status]}</td>
            <td>{p.reviewedBy ?? ''}</td>
            <td>{p.status === 'approved' ? `答复日期 ${p.decidedOn}` : (p.reviewComment ?? '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The review section and the keys of the forms it rendered. */
export function reviewSection(props: ReviewProps): { node: Child; shown: string[] } {
  const { a, review, mayHandle, mayApprove, csrf, failed } = props;
  if (!review.required && review.proposals.length === 0) return { node: null, shown: [] };
  const shown: string[] = [];
  const errorOf = (key: string) => (failed?.form === key ? failed.error : undefined);
  const valuesOf = (key: string): Values =>
    failed?.form === key ? failed.values : key === 'proposeReply' ? (props.proposal ?? {}) : {};
  const form = (key: string, title: string, path: string, submit: string, body: Child) => {
    shown.push(key);
    return (
      <ActionForm
        name={key}
        title={title}
        action={`${HREF}/${a.id}/review/${path}`}
        csrf={csrf}
        error={errorOf(key)}
        submit={submit}
      >
        {body}
      </ActionForm>
    );
  };
  const p = review.pending;
  const own = p !== null && p.proposedById !== null && p.proposedById === props.actorId;
  const node = (
    <section aria-labelledby="review-title">
      <h2 id="review-title">答复审核</h2>
      {p ? (
        <>
          <p class="notice" role="status">
            待审核：承办人已提出拟答复意见，须经审核人批准后答复。
          </p>
          <Settings
            rows={[
              ['拟办理结果', outcomeText(p)],
              ['法律依据', p.basis],
              ['答复理由', p.reason],
              ['提出人', p.proposedBy],
            ]}
          />
          {mayApprove && !own ? (
            <>
              {form(
                'approveReply',
                '批准答复',
                'approve',
                '批准并办结',
                <DateField
                  name="date"
                  label="答复日期"
                  required
                  idPrefix="approveReply-"
                  values={valuesOf('approveReply')}
                  error={errorOf('approveReply')}
                />,
              )}
              {form(
                'returnReply',
                '退回承办人',
                'return',
                '退回',
                <Field
                  id="f-comment"
                  name="comment"
                  label="退回意见"
                  required
                  rows={3}
                  maxlength={1000}
                  values={valuesOf('returnReply')}
                  error={errorOf('returnReply')}
                />,
              )}
            </>
          ) : mayApprove ? (
            <p class="notice">本人提出的拟答复意见，须由其他审核人审核。</p>
          ) : null}
        </>
      ) : null}
      {!p && review.returned && props.open ? (
        <div class="alert" role="alert">
          <p>
            审核人{review.returned.reviewedBy}退回了拟答复意见：{review.returned.reviewComment}
          </p>
        </div>
      ) : null}
      {!p && props.open && mayHandle && review.required
        ? form(
            'proposeReply',
            '提交拟答复意见',
            'propose',
            '提交审核',
            <>
              <OutcomeField
                values={valuesOf('proposeReply')}
                error={errorOf('proposeReply')}
                idPrefix="proposeReply-"
              />
              <Field
                id="f-basis"
                name="basis"
                label="法律依据"
                required
                maxlength={500}
                hint="如：《条例》第三十六条第（二）项"
                values={valuesOf('proposeReply')}
                error={errorOf('proposeReply')}
              />
              <Field
                id="f-reason"
                name="reason"
                label="答复理由"
                rows={4}
                maxlength={2000}
                hint="部分公开、不予公开的，写明不予公开的内容和理由。"
                values={valuesOf('proposeReply')}
                error={errorOf('proposeReply')}
              />
            </>,
          )
        : null}
      <History proposals={review.proposals} />
    </section>
  );
  return { node, shown };
}
