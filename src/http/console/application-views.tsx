// The application pages' content: the work-list tables, one case's particulars, its clock and ledger. Presenters'
// output only (applications/presenters.ts): what an inspector may not see never reaches these components.
import { STATUS_LABELS as CLOCK_LABELS, type ClockState, EVENT_LABELS } from '../../applications/ledger.ts';
import { CHANNEL_LABELS, DELIVERY_LABELS, ID_TYPE_LABELS, PROVISION_FORM_LABELS } from '../../applications/model.ts';
import type { presentFor } from '../../applications/queries.ts';
import { Settings } from './form.tsx';

export type Presented = ReturnType<typeof presentFor>;
export type Row = Presented & { daysLeft: number | null };

export const HREF = '/console/applications';

/** “剩余3个工作日” / “今日到期” / “已超期2个工作日”. */
export function daysLeftText(days: number | null): string {
  if (days === null) return '';
  if (days > 0) return `剩余${days}个工作日`;
  if (days === 0) return '今日到期';
  return `已超期${-days}个工作日`;
}

function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function CaseTable(props: {
  caption: string;
  rows: readonly Row[];
  handlerName: (id: number | null) => string;
  /** A page of a longer list: the count of the whole list. */
  total?: number;
}) {
  if (props.rows.length === 0)
    return (
      <p class="hint">
        {props.caption}：<span>无</span>
      </p>
    );
  return (
    <table>
      <caption>
        {props.caption}（共 {props.total ?? props.rows.length} 件
        {props.total !== undefined && props.total > props.rows.length ? `，本页 ${props.rows.length} 件` : ''}）
      </caption>
      <thead>
        <tr>
          <th scope="col">查询号</th>
          <th scope="col">申请人</th>
          <th scope="col">所需信息</th>
          <th scope="col">收到日期</th>
          <th scope="col">答复期限</th>
          <th scope="col">状态</th>
          <th scope="col">承办人</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">
              <a href={`${HREF}/${r.id}`}>{r.trackingNo}</a>
            </th>
            <td>
              {r.applicantName}（{r.applicantKindLabel}）
            </td>
            <td>{shorten(r.description)}</td>
            <td>{r.receivedOn ?? '待确认'}</td>
            <td>
              {r.dueDate ?? (r.status === 'closed' ? '' : '暂停计时')}
              {r.daysLeft === null || r.status === 'closed' ? null : (
                <>
                  <br />
                  <span class={r.daysLeft < 0 ? 'failure' : undefined}>{daysLeftText(r.daysLeft)}</span>
                </>
              )}
            </td>
            <td>{r.statusLabel}</td>
            <td>{props.handlerName(r.handlerUserId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CaseDetails(props: { a: Presented; handler: string; agencyName: string }) {
  const a = props.a;
  const idType = a.idType ? ID_TYPE_LABELS[a.idType] : null;
  return (
    <Settings
      rows={[
        ['查询号', a.trackingNo],
        ['受理机关', props.agencyName],
        ['状态', a.statusLabel],
        ['申请方式', CHANNEL_LABELS[a.channel]],
        ['收到申请日期', a.receivedOn ?? '尚未确认收到'],
        ['申请人类型', a.applicantKindLabel],
        ['申请人姓名或名称', a.applicantName],
        ['联系人', a.contactPerson],
        ['证件', idType ? `${idType} ${a.idNumber ?? ''}` : null],
        ['统一社会信用代码', a.creditCode],
        ['联系电话', a.phone],
        ['电子邮箱', a.email],
        ['通信地址', a.address],
        ['所需信息', a.description],
        ['文件名称或文号', a.documentRef],
        ['信息提供方式', PROVISION_FORM_LABELS[a.provisionForm]],
        ['获取方式', DELIVERY_LABELS[a.delivery]],
        ['承办人', props.handler],
        ['办理结果', a.outcomeLabel],
        ['答复日期', a.decidedOn],
      ]}
    />
  );
}

export function ClockSummary(props: { clock: ClockState }) {
  const c = props.clock;
  return (
    <>
      <Settings
        rows={[
          ['计时状态', CLOCK_LABELS[c.status]],
          ['起算日', c.countsFrom],
          ['当前答复期限', c.dueDate ?? (c.closedOn ? `已于${c.closedOn}办结` : '暂停计时，恢复后重新计算')],
          ['法定办理期限', `${c.daysAllowed}个工作日`],
          ['已用', `${c.daysUsed}个工作日`],
          ['尚余', c.overdue ? `已超期${c.overdueDays}个工作日` : `${c.daysRemaining}个工作日`],
          ['是否暂停计时', c.paused ? '是' : '否'],
        ]}
      />
      {c.warnings.length > 0 ? (
        <div class="alert" role="status">
          <p>请注意：</p>
          <ul>
            {c.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** The ledger (spec §3): every event that moved the deadline, with its effect and legal basis. */
export function LedgerTable(props: { clock: ClockState }) {
  return (
    <table>
      <caption>期限台账</caption>
      <thead>
        <tr>
          <th scope="col">日期</th>
          <th scope="col">事项</th>
          <th scope="col">对答复期限的影响</th>
          <th scope="col">法律依据</th>
        </tr>
      </thead>
      <tbody>
        {props.clock.ledger.map((l) => (
          <tr>
            <td>{l.date}</td>
            <td>{EVENT_LABELS[l.event]}</td>
            <td>{l.text.split(`依据${l.basis}，`)[1] ?? l.text}</td>
            <td>{l.basis}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
