// The statutory clock of an application (spec §3). Pure: the working-day calendar and today's Beijing date are
// given; the ledger of events in date order goes in, the deadline and a line per event (with its legal basis) come
// out. An impossible ledger is refused with a ledgerInvalid error rather than half-computed.
//
// Pauses (征求意见: 条例第三十三条第三款; 收费: 国办函〔2020〕109号 “自发出收费通知之日起至申请人缴纳费用之日止”)
// leave out every working day from the day the pause starts to the day it ends, both included.
import { addDays, isIsoDate } from '../calendar/dates.ts';
import type { WorkingCalendar } from '../calendar/workdays.ts';
import { errors } from '../errors.ts';
import {
  BASIS,
  type ClockEvent,
  type ClockState,
  CORRECTION_NOTICE_DAYS,
  DEFAULT_FEE_PAYMENT_DAYS,
  EVENT_LABELS,
  type LedgerLine,
  MAX_EXTENSION_DAYS,
  type PauseState,
  REPLY_DAYS,
  THIRD_PARTY_DAYS,
} from './ledger.ts';

export interface ClockOptions {
  /** Today's Beijing date (calendar/dates.ts beijingDate(clock())). */
  today: string;
  /** Working days the applicant has to pay a fee notice; default 20 (configurable per agency). */
  feePaymentDays?: number;
}

interface Pause {
  from: string;
  to: string | null;
}

const invalid = errors.ledgerInvalid;

export function computeClock(
  events: readonly ClockEvent[],
  calendar: WorkingCalendar,
  options: ClockOptions,
): ClockState {
  const { today } = options;
  const feeDays = options.feePaymentDays ?? DEFAULT_FEE_PAYMENT_DAYS;
  const first = events[0];
  if (first?.type !== 'received') throw invalid('第一条记录应为“收到申请”');

  const ledger: LedgerLine[] = [];
  const warnings: string[] = [];
  let countsFrom: string | null = first.date;
  let allowed = REPLY_DAYS;
  let pauses: Pause[] = [];
  let correctionRequested = false;
  let correctionReplyBy: string | undefined;
  let awaitingCorrection = false;
  let extended = false;
  let consultation: { from: string; party: string; answerBy: string | null } | null = null;
  let fee: { from: string; payBy: string } | null = null;
  let outcome: string | null = null;
  let closedOn: string | null = null;
  /** The deadline in force when a reply closed the application (none when the applicant gave up). */
  let closingDue: string | null = null;

  const paused = (date: string) => pauses.some((p) => p.from <= date && (p.to === null || date <= p.to));
  const counted = (date: string) => calendar.isWorkingDay(date) && !paused(date);
  const openPause = () => pauses.some((p) => p.to === null);
  const closePauseFrom = (from: string, to: string) => {
    pauses = pauses.map((p) => (p.from === from && p.to === null ? { from, to } : p));
  };
  const usedBy = (date: string) => {
    if (countsFrom === null) return 0;
    let n = 0;
    for (let d = addDays(countsFrom, 1); d <= date; d = addDays(d, 1)) if (counted(d)) n += 1;
    return n;
  };
  const due = (): string | null => {
    if (countsFrom === null || openPause() || closedOn) return null;
    let d = countsFrom;
    for (let left = allowed; left > 0; ) {
      d = addDays(d, 1);
      if (counted(d)) left -= 1;
    }
    return d;
  };
  const usage = (date: string) => {
    const used = usedBy(date);
    return `已用${used}个工作日，尚余${Math.max(0, allowed - used)}个工作日`;
  };
  const resumed = () => (openPause() ? '其他事项仍在暂停计时' : `计时恢复，答复期限为${due()}`);
  const line = (date: string, event: LedgerLine['event'], what: string, basis: string, effect: string) => {
    ledger.push({ date, event, basis, text: `${date} ${what}，依据${basis}，${effect}`, dueDate: due() });
  };
  const expireFee = (before: string) => {
    // 国办函〔2020〕109号: not paid within the notice's period → treated as giving the application up.
    if (!fee || before <= fee.payBy) return;
    closedOn = fee.payBy;
    outcome = 'otherUnpaidFee';
    line(fee.payBy, 'feeExpired', '缴费期限届满，申请人未缴纳信息处理费', BASIS.fee, '视为放弃申请，不再处理');
  };

  line(first.date, 'received', '收到申请', BASIS.receipt, `应于${REPLY_DAYS}个工作日内答复，答复期限为${due()}`);

  let previous = first.date;
  for (const [index, event] of events.entries()) {
    const where = `第${index + 1}条记录（${EVENT_LABELS[event.type]}）`;
    if (!isIsoDate(event.date)) throw invalid(`${where}的日期“${event.date}”无效`);
    if (event.date < previous) throw invalid(`${where}的日期${event.date}早于前一条记录的${previous}`);
    if (event.date > today) throw invalid(`${where}的日期${event.date}晚于今天（${today}）`);
    previous = event.date;
    if (index === 0) continue;
    expireFee(event.date);
    if (closedOn) throw invalid(`申请已于${closedOn}办结，${where}不能再记录`);
    if (awaitingCorrection && !['correctionReceived', 'correctionExpired', 'decided'].includes(event.type))
      throw invalid(`等待申请人补正期间不能记录${where}`);
    const { date } = event;

    switch (event.type) {
      case 'received':
        throw invalid(`${where}重复：一件申请只能收到一次`);
      case 'correctionRequested': {
        // 条例第三十条: once and in full, within 7 working days of receipt.
        if (correctionRequested) throw invalid(`${where}重复：补正应一次性告知`);
        if (openPause()) throw invalid(`${where}：暂停计时期间不能告知补正`);
        const limit = calendar.addWorkingDays(first.date, CORRECTION_NOTICE_DAYS);
        const late = date > limit;
        if (late) warnings.push(`补正告知晚于收到申请之日起${CORRECTION_NOTICE_DAYS}个工作日（应于${limit}前告知）`);
        correctionRequested = true;
        correctionReplyBy = event.replyBy;
        awaitingCorrection = true;
        countsFrom = null;
        const period = event.replyBy ? `，补正期限至${event.replyBy}` : '';
        line(
          date,
          event.type,
          `告知申请人补正${period}`,
          BASIS.correction,
          `答复期限自收到补正后的申请之日起重新计算${late ? `（注意：已超过${limit}的补正告知期限）` : ''}`,
        );
        continue;
      }
      case 'correctionReceived': {
        if (!awaitingCorrection) throw invalid(`${where}：此前没有补正告知`);
        if (correctionReplyBy && date > correctionReplyBy)
          warnings.push(`申请人于${date}补正，晚于补正期限${correctionReplyBy}`);
        awaitingCorrection = false;
        countsFrom = date;
        pauses = [];
        line(date, event.type, '收到补正后的申请', BASIS.correction, `答复期限重新计算为${due()}`);
        continue;
      }
      case 'correctionExpired':
        if (!awaitingCorrection) throw invalid(`${where}：此前没有待补正的告知`);
        awaitingCorrection = false;
        closedOn = date;
        outcome = 'otherNoCorrection';
        line(date, event.type, '申请人无正当理由逾期未补正', BASIS.correction, '视为放弃申请，不再处理');
        continue;
      case 'consultationStarted': {
        if (consultation) throw invalid(`${where}：上一次征求意见（${consultation.from}）尚未结束`);
        const thirdParty = event.party === 'thirdParty';
        const answerBy = thirdParty ? calendar.addWorkingDays(date, THIRD_PARTY_DAYS) : null;
        consultation = { from: date, party: event.party, answerBy };
        pauses.push({ from: date, to: null });
        const usedText = usage(date);
        const whom = `${thirdParty ? '第三方' : '其他机关'}${event.name ? `（${event.name}）` : ''}`;
        line(
          date,
          event.type,
          `书面征求${whom}意见`,
          thirdParty ? BASIS.thirdParty : BASIS.consultation,
          `征求意见所需时间不计入答复期限，暂停计时（${usedText}）${answerBy ? `；第三方应于${answerBy}前提出意见` : ''}`,
        );
        continue;
      }
      case 'consultationEnded':
        if (!consultation) throw invalid(`${where}：没有正在进行的征求意见`);
        closePauseFrom(consultation.from, date);
        line(date, event.type, '征求意见结束', consultationBasis(consultation.party), resumed());
        consultation = null;
        continue;
      case 'extensionApproved': {
        // 条例第三十三条第二款: once, at most 20 working days, approved by the head of the disclosure office.
        if (extended) throw invalid(`${where}重复：答复期限只能延长一次`);
        if (!Number.isInteger(event.days) || event.days < 1 || event.days > MAX_EXTENSION_DAYS)
          throw invalid(`${where}：延长的期限应为1至${MAX_EXTENSION_DAYS}个工作日，不能为${event.days}`);
        if (!event.approvedBy?.trim()) throw invalid(`${where}：应记录批准人`);
        const before = due();
        if (before && date > before) warnings.push(`延期决定（${date}）晚于原答复期限${before}`);
        extended = true;
        allowed += event.days;
        const after = due();
        line(
          date,
          event.type,
          `经${event.approvedBy.trim()}批准延长答复期限${event.days}个工作日`,
          BASIS.extension,
          after ? `答复期限延至${after}` : '答复期限在恢复计时后相应顺延',
        );
        continue;
      }
      case 'feeNoticeSent': {
        if (fee) throw invalid(`${where}：上一份收费通知（缴费期限${fee.payBy}）尚未缴费`);
        const payBy = event.payBy ?? calendar.addWorkingDays(date, feeDays);
        if (!isIsoDate(payBy) || payBy < date) throw invalid(`${where}：缴费期限“${payBy}”无效`);
        fee = { from: date, payBy };
        pauses.push({ from: date, to: null });
        const usedText = usage(date);
        line(
          date,
          event.type,
          `发出收费通知，缴费期限至${payBy}`,
          BASIS.fee,
          `自发出收费通知之日起至缴费之日止不计入答复期限，暂停计时（${usedText}）`,
        );
        continue;
      }
      case 'feePaid': {
        if (!fee) throw invalid(`${where}：此前没有收费通知`);
        closePauseFrom(fee.from, date);
        fee = null;
        line(date, event.type, '申请人缴纳信息处理费', BASIS.fee, resumed());
        continue;
      }
      case 'decided': {
        const deadline = due();
        const late = deadline !== null && date > deadline;
        const used = usedBy(date);
        if (late) warnings.push(`答复晚于答复期限${deadline}，逾期${used - allowed}个工作日`);
        closedOn = date;
        closingDue = deadline;
        outcome = event.outcome ?? null;
        const effect = deadline ? (late ? `晚于答复期限${deadline}` : `在答复期限${deadline}内`) : '办结';
        line(date, event.type, '作出答复', BASIS.decision, effect);
        continue;
      }
    }
  }

  if (!closedOn) expireFee(today);
  if (consultation?.answerBy && today > consultation.answerBy)
    warnings.push(`第三方未在${consultation.answerBy}前提出意见，依据《条例》第三十二条由本机关依法决定是否公开`);

  const at = closedOn ?? today;
  const dueDate = closedOn ? closingDue : due();
  const daysUsed = usedBy(at);
  return {
    status: closedOn ? 'closed' : awaitingCorrection ? 'awaitingCorrection' : openPause() ? 'paused' : 'running',
    receivedOn: first.date,
    countsFrom,
    dueDate,
    daysAllowed: allowed,
    daysUsed,
    daysRemaining: Math.max(0, allowed - daysUsed),
    paused: !closedOn && openPause(),
    overdue: countsFrom !== null && daysUsed > allowed,
    overdueDays: countsFrom !== null ? Math.max(0, daysUsed - allowed) : 0,
    outcome,
    closedOn,
    warnings,
    ledger,
    pause: closedOn ? null : pauseOf(consultation, fee),
  };
}

function pauseOf(
  consultation: { from: string; party: string; answerBy: string | null } | null,
  fee: { from: string; payBy: string } | null,
): PauseState | null {
  if (consultation)
    return { reason: 'consultation', party: consultation.party, from: consultation.from, until: consultation.answerBy };
  if (fee) return { reason: 'fee', party: null, from: fee.from, until: fee.payBy };
  return null;
}

function consultationBasis(party: string): string {
  return party === 'thirdParty' ? BASIS.thirdParty : BASIS.consultation;
}
