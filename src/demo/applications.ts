// Last year's demo applications (issue 6: right after `npm start` the demo district has last year's records): ~50
// fictitious 政府信息公开申请 of the district's agencies, registered and decided through the real services — receipt,
// 补正, an extension, a consultation of a third party, a fee notice paid, replies proposed by the handler and approved
// by the reviewer — so table 三, section 六 and the drill-down of last year's compiled report show real records.
// Two of the 市场监督管理局's were received the year before and decided last year (上年结转); one per bureau was
// received in late December and is still open at the year's end (结转下年度). Each step runs with the clock set
// to the day it happened, so tracking numbers, ledgers and the audit trail read as they would have.

import { creditCodeCheckChar } from '../agencies/credit-code.ts';
import { type Actor, type Agency, userActor } from '../agencies/model.ts';
import { listUserRows } from '../agencies/repository.ts';
import type { ApplicantKind, OutcomeCode } from '../applications/model.ts';
import { findByTrackingNo } from '../applications/repository.ts';
import { approveProposal, proposeReply } from '../applications/review.ts';
import type { OnlineInput } from '../applications/schema.ts';
import { confirmReceipt, decide, recordEvent, registerByStaff, submitOnline } from '../applications/service.ts';
import { addDays, beijingDate, yearOf } from '../calendar/dates.ts';
import { loadWorkingCalendar } from '../calendar/repository.ts';
import type { Context } from '../context.ts';
import { issueCaseLetter } from '../letters/case-letters.ts';
import { listMyNotices, markRead } from '../notifications/notices.ts';

/** The seed's actors at an agency: the 承办人 records and proposes, the 审核人 approves replies and extensions. */
export const demoActor = (agencyId: number, role: 'handler' | 'reviewer' | 'publisher'): Actor => ({
  id: null,
  name: `系统:演示数据（${{ handler: '承办人', reviewer: '审核人', publisher: '发布员' }[role]}）`,
  role,
  agencyId,
  clientAddress: 'local',
});

/** The context as of 09:30 Beijing time on `date`: each step is recorded on the day it happened. */
export const contextOn = (ctx: Context, date: string): Context => ({
  ...ctx,
  clock: () => new Date(`${date}T01:30:00.000Z`),
});

type Extra = 'correction' | 'noCorrection' | 'extension' | 'fee' | 'consult';

interface DemoCase {
  /** Index into [government, 办公室, 市场监督管理局, 教育局]. */
  agency: number;
  kind: ApplicantKind;
  name: string;
  what: string;
  /** Month and day of receipt last year (moved back to a working day); month 0: December the year before. */
  month: number;
  day: number;
  /** null: still open at the end of the year (answered in January when that day has come). */
  outcome: OutcomeCode | null;
  extra: Extra | null;
  online: boolean;
}

// One case a line: agency | applicant kind | applicant | information asked for | received (MM-DD; 00-DD: December
// of the year before) | outcome (- : open at the year's end) | what else happened | online.
const TABLE = `
2|naturalPerson|林晓东|本区上年第四季度农贸市场食品安全监督抽检结果|00-23|granted||
2|business|示例区鲜达食品有限公司|本公司食品经营许可变更审查意见|00-27|granted||
2|naturalPerson|赵明|本区第一季度食品安全监督抽检结果及不合格产品处置情况|03-10|granted||online
2|naturalPerson|孙丽|和平路某餐饮店行政处罚决定书|03-24|granted||
2|naturalPerson|周建国|本区农贸市场电子秤强制检定情况|04-14|granted|correction|
2|business|示例区恒丰商贸有限公司|示例区某科技有限公司的工商登记档案|04-21|withheldQueryMatter||
2|naturalPerson|吴海燕|本人投诉某美容店一案的调查笔录和证据材料|05-08|withheldEnforcementFile||
2|research|示例学院公共管理系|本局年度特种设备安全监察计划|05-22|granted||online
2|nonprofit|示例区消费者权益促进会|全区电梯维护保养单位检查结果|06-12|partlyGranted|extension|
2|business|示例区康源乳业有限公司|同行企业产品质量监督抽查检验报告（含技术参数）|06-26|withheldThirdPartyRights|consult|
2|naturalPerson|郑伟|本局局务会议纪要|07-09|withheldInternalAffairs||
2|naturalPerson|钱晓红|全区个体工商户名单及其经营者联系方式汇总表|07-23|unableNeedsCreation||
2|naturalPerson|冯立新|2012年某批次食品抽检原始记录|08-07|unableNotHeld||
2|naturalPerson|冯立新|2012年某批次食品抽检原始记录（再次申请）|08-28|rejectedDuplicate||
2|naturalPerson|陈国庆|要求查处小区门口无证摊贩并答复处理结果|09-11|rejectedPetition||
2|business|示例区惠民超市有限公司|示例区市场监管领域随机抽查事项清单|09-25|rejectedPublication||
2|business|示例区味源餐饮管理有限公司|全区食品经营许可发放明细（分街道）|10-09|granted|fee|
2|naturalPerson|何静|“示例牌”桶装水抽检情况|10-15|unableStillUnclear|correction|
2|naturalPerson|马骏|某药店销售处方药的检查情况|10-27|otherNoCorrection|noCorrection|
2|legalService|示例律师事务所|某商品房销售价格违法案件的处罚决定书|11-03|partlyGranted||
2|naturalPerson|黄晓梅|下一年度双随机抽查工作方案（征求意见稿）|11-10|withheldDeliberative||
2|naturalPerson|罗斌|第三季度本区重点商品价格监测数据|11-24|granted||online
2|otherOrg|示例区锦绣花园业主委员会|小区周边餐饮油烟投诉的处理结果|12-01|granted||
2|naturalPerson|高远|本区年度食品安全抽检计划及完成情况|12-26|-||
3|naturalPerson|宋佳|区属公办初中招生计划及学区划分|03-03|granted||online
3|naturalPerson|唐宇|实验小学课后服务收费标准及收支情况|03-17|granted||
3|naturalPerson|韩梅|区属学校教师招聘笔试成绩及排名|04-07|partlyGranted||
3|business|示例区启航教育咨询有限公司|全区校外培训机构办学许可名单|04-21|granted||
3|business|示例区优膳餐饮配送有限公司|区属学校食堂食材采购合同及报价|05-19|withheldThirdPartyRights||
3|nonprofit|示例区关爱儿童志愿者协会|中小学校舍安全排查报告|06-16|granted||
3|research|示例师范学院教育科学研究所|区教育事业统计数据（上一学年）|07-14|granted||
3|naturalPerson|彭磊|2010年某校学生学籍档案|07-21|unableNotHeld||
3|naturalPerson|曹雪|要求重新出具已收到的学位审核结果告知书|08-04|rejectedConfirmation||
3|naturalPerson|邓超|区教育局局务会会议记录|08-18|withheldInternalAffairs||
3|legalService|示例律师事务所|某校校园伤害事故调查处理报告|09-08|partlyGranted|extension|
3|naturalPerson|许诺|秋季学期学区调整后各小学招生人数|09-22|granted||
3|naturalPerson|沈冰|区属幼儿园保育费收费标准|11-03|granted||online
3|naturalPerson|袁帅|下一学年学区划分调整方案|12-29|-||
1|naturalPerson|邹敏|区政府常务会议议定事项|03-12|granted||
1|naturalPerson|戴军|区级部门预算执行情况|05-07|rejectedPublication||
1|business|示例区建安工程有限公司|区政府办公室关于加强城市管理的通知|06-18|granted||
1|naturalPerson|夏天|区长信箱来信的办理情况并要求答复诉求|09-09|rejectedPetition||
1|naturalPerson|江河|某片区房屋征收补偿安置方案|10-20|unableNotHeld||
0|naturalPerson|叶青|东片区国有土地上房屋征收决定|04-15|granted||
0|business|示例区城建开发有限公司|某片区控制性详细规划批复|07-09|granted||
0|naturalPerson|方圆|区政府对某信访事项的处理意见|10-14|otherOther||
`;

const CASES: DemoCase[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [agency, kind, name, what, on, outcome, extra, online] = line.split('|') as string[];
    const [month, day] = (on as string).split('-').map(Number) as [number, number];
    return {
      agency: Number(agency),
      kind: kind as ApplicantKind,
      name: name as string,
      what: what as string,
      month,
      day,
      outcome: outcome === '-' ? null : (outcome as OutcomeCode),
      extra: (extra || null) as Extra | null,
      online: online === 'online',
    };
  });

/** A reason and legal basis for each reply, as a handler would propose it. */
const BASIS: Partial<Record<OutcomeCode, string>> = {
  granted: '《条例》第三十六条第（二）项',
  partlyGranted: '《条例》第三十七条',
  withheldThirdPartyRights: '《条例》第十五条、第三十二条',
  withheldInternalAffairs: '《条例》第十六条第一款',
  withheldDeliberative: '《条例》第十六条第二款',
  withheldEnforcementFile: '《条例》第十六条第二款',
  withheldQueryMatter: '《条例》第三十六条第（七）项',
  unableNotHeld: '《条例》第三十六条第（四）项',
  unableNeedsCreation: '《条例》第三十八条',
  unableStillUnclear: '《条例》第三十条',
  rejectedPetition: '《条例》第三十九条第一款',
  rejectedDuplicate: '《条例》第三十六条第（六）项',
  rejectedPublication: '《条例》第三十六条第（二）项',
  rejectedConfirmation: '《条例》第三十九条第二款',
  otherOther: '《条例》第三十六条',
};

/** A 公民身份号码 with its check character (fictitious: area 320899). */
function idNumber(n: number): string {
  const first = `320899${1960 + (n % 40)}0${(n % 9) + 1}1${n % 10}${String(100 + n).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first].reduce((s, c, i) => s + Number(c) * (weights[i] as number), 0);
  return first + ('10X98765432'[sum % 11] as string);
}

/** A 统一社会信用代码 of an enterprise (9…) or other organisation (5…/3…) in the fictitious area 320899. */
function creditCode(kind: ApplicantKind, n: number): string {
  const head = kind === 'business' || kind === 'legalService' ? '91' : kind === 'nonprofit' ? '51' : '12';
  const first17 = `${head}320899MA${String(1000000 + n * 7919).slice(-7)}`;
  return first17 + creditCodeCheckChar(first17);
}

function applicant(agencyId: number, c: DemoCase, n: number): OnlineInput {
  const common = {
    agencyId,
    applicantKind: c.kind,
    applicantName: c.name,
    phone: `0517-8${String(3000000 + n * 137).slice(-6)}`,
    address: `示例区幸福路${n + 1}号`,
    postcode: '223000',
    description: c.what,
    provisionForm: 'paper' as const,
    delivery: 'post' as const,
  };
  if (c.kind === 'naturalPerson') return { ...common, idType: 'residentId', idNumber: idNumber(n) };
  return { ...common, contactPerson: '王经办', creditCode: creditCode(c.kind, n) };
}

/** Seed the cases; returns how many applications were registered. `agencies` as the seed makes them. */
export async function seedDemoApplications(ctx: Context, agencies: readonly Agency[]): Promise<number> {
  const year = yearOf(beijingDate(ctx.clock())) - 1;
  const today = beijingDate(ctx.clock());
  const calendar = await loadWorkingCalendar(ctx.db.kysely);
  // The working-day calendar ships up to BUNDLED_LAST_YEAR; later years are entered by an administrator.
  if (!calendar.covers(year - 1) || !calendar.covers(year)) return 0;
  const workday = (date: string) => (calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1));
  const after = (date: string, n: number) => calendar.addWorkingDays(date, n);
  /** Received on a working day: the day itself or the last one before (late December stays in December). */
  const receiptDay = (date: string): string => (calendar.isWorkingDay(date) ? date : receiptDay(addDays(date, -1)));
  let count = 0;
  for (const [n, c] of CASES.entries()) {
    const agency = agencies[c.agency];
    if (!agency) continue;
    const handler = demoActor(agency.id, 'handler');
    const reviewer = demoActor(agency.id, 'reviewer');
    const { month, day } = c;
    // A December application's deadline runs into next year: only when next year's calendar is there.
    if (month === 12 && !calendar.covers(year + 1)) continue;
    const received = receiptDay(
      month === 0 ? `${year - 1}-12-${String(day).padStart(2, '0')}` : `${year}-${pad(month)}-${pad(day)}`,
    );
    const input = applicant(agency.id, c, n);
    let id: number;
    if (c.online) {
      const { trackingNo } = await submitOnline(contextOn(ctx, received), input);
      id = (await findByTrackingNo(ctx.db.kysely, trackingNo))?.application.id as number;
      await confirmReceipt(handler, contextOn(ctx, received), id, received);
    } else {
      const staff = { ...input, channel: 'inPerson' as const, submittedOn: received };
      id = (await registerByStaff(handler, contextOn(ctx, received), staff)).application.id;
    }
    count += 1;
    let last = received;
    const step = async (days: number, fn: (on: string, at: Context) => Promise<unknown>) => {
      last = after(last, days);
      await fn(last, contextOn(ctx, last));
    };
    if (c.extra === 'correction' || c.extra === 'noCorrection') {
      await step(2, (on, at) =>
        recordEvent(handler, at, id, { type: 'correctionRequested', date: on, replyBy: after(on, 10) }),
      );
      if (c.extra === 'noCorrection') {
        await step(11, (on, at) => decide(handler, at, id, 'otherNoCorrection', on));
        continue;
      }
      await step(4, (on, at) => recordEvent(handler, at, id, { type: 'correctionReceived', date: on }));
    }
    if (c.extra === 'extension')
      await step(15, (on, at) => recordEvent(reviewer, at, id, { type: 'extensionApproved', date: on, days: 15 }));
    if (c.extra === 'consult') {
      await step(3, (on, at) =>
        recordEvent(handler, at, id, {
          type: 'consultationStarted',
          date: on,
          party: 'thirdParty',
          name: '被抽检企业',
        }),
      );
      await step(9, (on, at) => recordEvent(handler, at, id, { type: 'consultationEnded', date: on }));
    }
    if (c.extra === 'fee') {
      // 按量计收 60页: 第31至60页每页10元，共300元 (国办函〔2020〕109号).
      await step(5, async (on, at) => {
        const payBy = after(on, 20);
        await recordEvent(handler, at, id, { type: 'feeNoticeSent', date: on, payBy });
        await issueCaseLetter(
          handler,
          at,
          id,
          'feeNotice',
          { feeBasis: 'pages', quantity: 60, payBy, issuedOn: on },
          300,
        );
      });
      await step(6, (on, at) => recordEvent(handler, at, id, { type: 'feePaid', date: on }));
    }
    const outcome = c.outcome;
    if (outcome === null) {
      // Open at the end of the year; answered early in January when that day has come.
      if (!calendar.covers(year + 1)) continue;
      const on = workday(`${year + 1}-01-08`);
      if (on > today) continue;
      last = on;
    } else last = after(last, month === 0 ? 12 : 5 + (n % 7)); // 上年结转: answered in January
    const reply = outcome ?? 'granted';
    await proposeReply(handler, contextOn(ctx, last), id, {
      outcome: reply,
      basis: BASIS[reply] ?? '《条例》第三十六条',
      reason: `经审查，对“${c.what}”作出答复。`,
    });
    await approveProposal(reviewer, contextOn(ctx, last), id, last);
  }
  await readCaseNotices(ctx, agencies);
  return count;
}

/** The demo staff acted on these cases last year: their notices about them (new online application, reply to
 * review) are read, so a newcomer's bell shows only what is new. */
async function readCaseNotices(ctx: Context, agencies: readonly Agency[]) {
  for (const agency of agencies)
    for (const user of await listUserRows(ctx.db.kysely, agency.id)) {
      const actor = userActor(user);
      for (const notice of await listMyNotices(actor, ctx, 1000))
        if (notice.readAt === null && notice.link?.startsWith('/console/applications/'))
          await markRead(actor, ctx, notice.id);
    }
}

const pad = (n: number) => String(n).padStart(2, '0');
