import { describe, expect, it } from 'vitest';
import { ledger } from '../../test/ledger.ts';
import { bundledCalendar } from '../calendar/bundled.ts';
import { type ClockOptions, computeClock } from './clock.ts';
import type { ClockState } from './ledger.ts';

const calendar = bundledCalendar();
const clock = (l: { events: Parameters<typeof computeClock>[0] }, today: string, options: Partial<ClockOptions> = {}) =>
  computeClock(l.events, calendar, { today, ...options });

type Expected = Partial<Omit<ClockState, 'ledger'>> & { lines?: string[] };

describe('the statutory clock', () => {
  const cases: [string, ReturnType<typeof ledger>, string, Expected][] = [
    [
      '20 working days across National Day (spec §1)',
      ledger().received('2025-09-29'),
      '2025-10-20',
      {
        status: 'running',
        dueDate: '2025-11-03',
        daysUsed: 10,
        daysRemaining: 10,
        overdue: false,
        lines: ['2025-09-29 收到申请，依据《条例》第三十三条第二款，应于20个工作日内答复，答复期限为2025-11-03'],
      },
    ],
    [
      'a correction restarts the 20 days from the corrected application',
      ledger().received('2025-09-29').correctionRequested('2025-09-30', '2025-10-20').correctionReceived('2025-10-09'),
      '2025-10-09',
      {
        status: 'running',
        countsFrom: '2025-10-09',
        dueDate: '2025-11-05',
        daysUsed: 0,
        warnings: [],
        lines: [
          '2025-09-29 收到申请，依据《条例》第三十三条第二款，应于20个工作日内答复，答复期限为2025-11-03',
          '2025-09-30 告知申请人补正，补正期限至2025-10-20，依据《条例》第三十条，答复期限自收到补正后的申请之日起重新计算',
          '2025-10-09 收到补正后的申请，依据《条例》第三十条，答复期限重新计算为2025-11-05',
        ],
      },
    ],
    [
      'awaiting correction: no deadline runs',
      ledger().received('2025-09-29').correctionRequested('2025-09-30'),
      '2025-10-10',
      { status: 'awaitingCorrection', dueDate: null, daysUsed: 0, daysRemaining: 20, overdue: false },
    ],
    [
      'a 补正告知 later than 7 working days is reported',
      ledger().received('2025-09-29').correctionRequested('2025-10-16'),
      '2025-10-16',
      { warnings: ['补正告知晚于收到申请之日起7个工作日（应于2025-10-15前告知）'] },
    ],
    [
      'no correction in time ends the application',
      ledger().received('2025-09-29').correctionRequested('2025-09-30', '2025-10-20').correctionExpired('2025-10-21'),
      '2025-11-20',
      {
        status: 'closed',
        outcome: 'otherNoCorrection',
        closedOn: '2025-10-21',
        overdue: false,
        lines: [
          '2025-09-29 收到申请，依据《条例》第三十三条第二款，应于20个工作日内答复，答复期限为2025-11-03',
          '2025-09-30 告知申请人补正，补正期限至2025-10-20，依据《条例》第三十条，答复期限自收到补正后的申请之日起重新计算',
          '2025-10-21 申请人无正当理由逾期未补正，依据《条例》第三十条，视为放弃申请，不再处理',
        ],
      },
    ],
    [
      'a third-party consultation pauses the clock, both ends included',
      ledger()
        .received('2025-11-03')
        .consultationStarted('2025-11-10', 'thirdParty', '某公司')
        .consultationEnded('2025-11-20'),
      '2025-11-21',
      {
        status: 'running',
        dueDate: '2025-12-12',
        daysUsed: 5,
        lines: [
          '2025-11-03 收到申请，依据《条例》第三十三条第二款，应于20个工作日内答复，答复期限为2025-12-01',
          '2025-11-10 书面征求第三方（某公司）意见，依据《条例》第三十二条、第三十三条第三款，征求意见所需时间不计入答复期限，暂停计时（已用4个工作日，尚余16个工作日）；第三方应于2025-12-01前提出意见',
          '2025-11-20 征求意见结束，依据《条例》第三十二条、第三十三条第三款，计时恢复，答复期限为2025-12-12',
        ],
      },
    ],
    [
      'paused: no deadline while another agency is consulted',
      ledger().received('2025-11-03').consultationStarted('2025-11-10', 'agency'),
      '2025-11-28',
      {
        status: 'paused',
        paused: true,
        dueDate: null,
        daysUsed: 4,
        daysRemaining: 16,
        overdue: false,
        warnings: [],
        pause: { reason: 'consultation', party: 'agency', from: '2025-11-10', until: null },
      },
    ],
    [
      'a third party that does not answer in 15 working days is reported',
      ledger().received('2025-11-03').consultationStarted('2025-11-10'),
      '2025-12-02',
      {
        warnings: ['第三方未在2025-12-01前提出意见，依据《条例》第三十二条由本机关依法决定是否公开'],
        pause: { reason: 'consultation', party: 'thirdParty', from: '2025-11-10', until: '2025-12-01' },
      },
    ],
    [
      'an approved extension adds at most 20 working days, with the approver',
      ledger().received('2025-11-03').extensionApproved('2025-11-28', 20, '张主任').decided('2025-12-29'),
      '2026-01-05',
      {
        status: 'closed',
        dueDate: '2025-12-29',
        daysAllowed: 40,
        daysUsed: 40,
        overdue: false,
        outcome: 'granted',
        lines: [
          '2025-11-03 收到申请，依据《条例》第三十三条第二款，应于20个工作日内答复，答复期限为2025-12-01',
          '2025-11-28 经张主任批准延长答复期限20个工作日，依据《条例》第三十三条第二款，答复期限延至2025-12-29',
          '2025-12-29 作出答复，依据《条例》第三十三条，在答复期限2025-12-29内',
        ],
      },
    ],
    [
      'a fee notice pauses until payment',
      ledger().received('2025-11-03').feeNoticeSent('2025-11-10').feePaid('2025-11-12'),
      '2025-11-12',
      {
        status: 'running',
        pause: null,
        dueDate: '2025-12-04',
        lines: [
          '2025-11-03 收到申请，依据《条例》第三十三条第二款，应于20个工作日内答复，答复期限为2025-12-01',
          '2025-11-10 发出收费通知，缴费期限至2025-12-08，依据国办函〔2020〕109号，自发出收费通知之日起至缴费之日止不计入答复期限，暂停计时（已用4个工作日，尚余16个工作日）',
          '2025-11-12 申请人缴纳信息处理费，依据国办函〔2020〕109号，计时恢复，答复期限为2025-12-04',
        ],
      },
    ],
    [
      'an open fee notice says until when the applicant may pay',
      ledger().received('2025-11-03').feeNoticeSent('2025-11-10'),
      '2025-11-20',
      {
        status: 'paused',
        dueDate: null,
        pause: { reason: 'fee', party: null, from: '2025-11-10', until: '2025-12-08' },
      },
    ],
    [
      'an unpaid fee ends the application at the notice deadline',
      ledger().received('2025-11-03').feeNoticeSent('2025-11-10'),
      '2025-12-09',
      {
        status: 'closed',
        outcome: 'otherUnpaidFee',
        closedOn: '2025-12-08',
        dueDate: null,
        lines: [
          '2025-11-03 收到申请，依据《条例》第三十三条第二款，应于20个工作日内答复，答复期限为2025-12-01',
          '2025-11-10 发出收费通知，缴费期限至2025-12-08，依据国办函〔2020〕109号，自发出收费通知之日起至缴费之日止不计入答复期限，暂停计时（已用4个工作日，尚余16个工作日）',
          '2025-12-08 缴费期限届满，申请人未缴纳信息处理费，依据国办函〔2020〕109号，视为放弃申请，不再处理',
        ],
      },
    ],
    [
      'the payment period is configurable',
      ledger().received('2025-11-03').feeNoticeSent('2025-11-10'),
      '2025-11-25',
      { status: 'closed', outcome: 'otherUnpaidFee', closedOn: '2025-11-24', pause: null },
    ],
    [
      'overdue while open',
      ledger().received('2025-11-03'),
      '2025-12-03',
      { status: 'running', dueDate: '2025-12-01', daysUsed: 22, daysRemaining: 0, overdue: true, overdueDays: 2 },
    ],
    [
      'a late decision is recorded as late',
      ledger().received('2025-11-03').decided('2025-12-03', 'partlyGranted'),
      '2025-12-10',
      {
        status: 'closed',
        overdue: true,
        overdueDays: 2,
        outcome: 'partlyGranted',
        warnings: ['答复晚于答复期限2025-12-01，逾期2个工作日'],
      },
    ],
    [
      'Spring Festival 2026 and its 调休 Saturdays',
      ledger().received('2026-02-06'),
      '2026-02-06',
      // 02-09..13, Saturday 02-14 worked, 02-15..23 off, 02-24..27, Saturday 02-28 worked, 03-02..06, 03-09..12.
      { dueDate: '2026-03-12', daysUsed: 0 },
    ],
  ];

  it.each(cases)('%s', (_name, l, today, expected) => {
    const options = _name.includes('configurable') ? { feePaymentDays: 10 } : {};
    const { lines, ...fields } = expected;
    const state = clock(l, today, options);
    expect(state).toMatchObject(fields);
    if (lines) expect(state.ledger.map((x) => x.text)).toEqual(lines);
  });
});

describe('impossible ledgers', () => {
  it.each([
    [ledger().correctionRequested('2025-09-30'), '办理记录有误：第一条记录应为“收到申请”'],
    [
      ledger().received('2025-11-03').extensionApproved('2025-11-20').extensionApproved('2025-11-21'),
      '办理记录有误：第3条记录（延期答复）重复：答复期限只能延长一次',
    ],
    [
      ledger().received('2025-11-03').extensionApproved('2025-11-20', 21),
      '办理记录有误：第2条记录（延期答复）：延长的期限应为1至20个工作日，不能为21',
    ],
    [
      ledger().received('2025-11-03').extensionApproved('2025-11-20', 5, ' '),
      '办理记录有误：第2条记录（延期答复）：应记录批准人',
    ],
    [
      ledger().received('2025-11-03').consultationEnded('2025-11-10'),
      '办理记录有误：第2条记录（征求意见结束）：没有正在进行的征求意见',
    ],
    [
      ledger().received('2025-11-03').consultationStarted('2025-11-10').consultationStarted('2025-11-11'),
      '办理记录有误：第3条记录（征求意见）：上一次征求意见（2025-11-10）尚未结束',
    ],
    [
      ledger().received('2025-11-03').feeNoticeSent('2025-11-10').decided('2025-11-05'),
      '办理记录有误：第3条记录（作出答复）的日期2025-11-05早于前一条记录的2025-11-10',
    ],
    [ledger().received('2025-11-03').feePaid('2025-11-10'), '办理记录有误：第2条记录（缴费）：此前没有收费通知'],
    [
      ledger()
        .received('2025-09-29')
        .correctionRequested('2025-09-30')
        .correctionReceived('2025-10-09')
        .correctionRequested('2025-10-10'),
      '办理记录有误：第4条记录（补正告知）重复：补正应一次性告知',
    ],
    [
      ledger().received('2025-09-29').correctionRequested('2025-09-30').extensionApproved('2025-10-09'),
      '办理记录有误：等待申请人补正期间不能记录第3条记录（延期答复）',
    ],
    [
      ledger().received('2025-11-03').decided('2025-11-20').feeNoticeSent('2025-11-21'),
      '办理记录有误：申请已于2025-11-20办结，第3条记录（收费通知）不能再记录',
    ],
    [
      ledger().received('2025-11-03').feeNoticeSent('2025-11-10').feePaid('2025-12-09'),
      '办理记录有误：申请已于2025-12-08办结，第3条记录（缴费）不能再记录',
    ],
    [
      ledger().received('2025-11-03').decided('2026-01-10'),
      '办理记录有误：第2条记录（作出答复）的日期2026-01-10晚于今天（2026-01-05）',
    ],
    [
      ledger().received('2025-11-03').received('2025-11-04'),
      '办理记录有误：第2条记录（收到申请）重复：一件申请只能收到一次',
    ],
  ])('refuses %#', (l, message) => {
    expect(() => clock(l, '2026-01-05')).toThrow(expect.objectContaining({ code: 'ledgerInvalid', message }));
  });

  it('never guesses a deadline in a year without calendar data', () => {
    expect(() => clock(ledger().received('2026-12-20'), '2026-12-20')).toThrow(
      '2027年的节假日安排尚未录入，无法计算期限',
    );
  });
});
