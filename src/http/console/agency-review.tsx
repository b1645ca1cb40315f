// 答复审核 on an agency's page: whether its replies need a reviewer's approval before they go out (on by default),
// and — for whoever may change the agency's settings — one button to switch it. The change is audited.
export function ReplyReviewSetting(props: { agencyId: number; on: boolean; mayEdit: boolean; csrf: string }) {
  return (
    <section aria-labelledby="reply-review">
      <h2 id="reply-review">答复审核</h2>
      <p>
        {props.on
          ? '本机构的政府信息公开申请答复，须由承办人提出拟答复意见、经审核人批准后办结。'
          : '本机构的承办人直接记录答复，无需审核人批准。'}
      </p>
      {props.mayEdit ? (
        <form method="post" action={`/console/agencies/${props.agencyId}/reply-review`} class="stack">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="on" value={props.on ? '0' : '1'} />
          <button type="submit">{props.on ? '改为无需审核' : '改为须经审核人批准'}</button>
        </form>
      ) : null}
    </section>
  );
}
