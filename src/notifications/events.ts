// What is notified (issue 4 point 10), called by the services inside their transactions — so a change rolled back
// notifies nobody. Emails go to the applicant who gave an address; notices to staff in the console. No message
// carries an ID number or a phone number: the 查询号 and the agency name identify the case.
import { findAgency } from '../agencies/repository.ts';
import type { ClockEvent } from '../applications/ledger.ts';
import type { Application } from '../applications/model.ts';
import { chineseDate } from '../calendar/dates.ts';
import type { Tx } from '../storage/transaction.ts';
import { addNotices, staffOf } from './notices.ts';
import { enqueueEmail } from './outbox.ts';

export const caseLink = (id: number) => `/console/applications/${id}`;

const CLOSING =
  '\n\n您可在本单位政府信息公开网站凭查询号和查询码查看办理进度和相关文书。本邮件由系统自动发送，请勿回复。';

async function agencyName(tx: Tx, app: Application): Promise<string> {
  return (await findAgency(tx.kysely, app.agencyId))?.name ?? '';
}

async function emailApplicant(tx: Tx, app: Application, kind: string, subject: string, text: string) {
  if (!app.email) return;
  const name = await agencyName(tx, app);
  await enqueueEmail(
    tx.kysely,
    {
      kind,
      to: app.email,
      subject: `${subject}（查询号${app.trackingNo}）`,
      body: `申请人：\n\n您向${name}提出的政府信息公开申请（查询号${app.trackingNo}）${text}${CLOSING}`,
      objectType: 'application',
      objectId: app.id,
    },
    tx.now,
  );
}

const due = (app: Application) => (app.dueDate ? `答复期限为${chineseDate(app.dueDate)}。` : '');

/** After a clock event is stored (applications/service.ts appendEvent); `app` is the application as stored. */
export async function notifyClockEvent(tx: Tx, app: Application, event: ClockEvent): Promise<void> {
  switch (event.type) {
    case 'received':
      return emailApplicant(
        tx,
        app,
        'application.received',
        '申请已受理',
        `已于${chineseDate(event.date)}确认收到。依照《政府信息公开条例》第三十三条，${due(app)}`,
      );
    case 'correctionRequested':
      return emailApplicant(
        tx,
        app,
        'application.correctionRequested',
        '请补正申请',
        `内容需要补正，详见补正告知书。${event.replyBy ? `请于${chineseDate(event.replyBy)}前提交补正材料；` : ''}答复期限自收到补正之日起重新计算（《政府信息公开条例》第三十条）。`,
      );
    case 'extensionApproved':
      return emailApplicant(
        tx,
        app,
        'application.extensionApproved',
        '延期答复告知',
        `经政府信息公开工作机构负责人同意，答复期限延长${event.days}个工作日（《政府信息公开条例》第三十三条第二款）。${due(app)}`,
      );
    default:
      return;
  }
}

/** After the 答复书 is issued (letters/service.ts issueLetter). */
export async function notifyReplyIssued(tx: Tx, app: Application, number: string): Promise<void> {
  await emailApplicant(tx, app, 'application.replied', '已作出答复', `已作出答复（${number}），答复书可在网站下载。`);
}

/** A new online application: the agency's handlers confirm its receipt. */
export async function notifyOnlineSubmitted(tx: Tx, app: Application): Promise<void> {
  await addNotices(
    tx.kysely,
    await staffOf(tx.kysely, app.agencyId, 'handler'),
    { text: `收到新的网上申请（查询号${app.trackingNo}），请及时确认收到。`, link: caseLink(app.id) },
    tx.now,
  );
}

/** A reply proposed: the agency's reviewers (except the proposer) review it. */
export async function notifyProposal(tx: Tx, app: Application, proposerId: number | null): Promise<void> {
  const reviewers = (await staffOf(tx.kysely, app.agencyId, 'reviewer')).filter((id) => id !== proposerId);
  await addNotices(
    tx.kysely,
    reviewers,
    { text: `申请（查询号${app.trackingNo}）有待审核的拟答复意见。`, link: caseLink(app.id) },
    tx.now,
  );
}
