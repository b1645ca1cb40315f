// Last year's annual reports of the demo district (issue 6: right after `npm start` a newcomer sees a real compiled
// report): each agency's report compiled from its records (demo/applications.ts, the appeals, the catalogue and the
// yearly figures), with sections 一, 五 and 六 written as a clerk would, submitted with its warnings acknowledged,
// approved by the district's 政务公开办 and published — all through the annual report's services, dated within the
// legal deadline (departments by 31 January, the government by 31 March). Before that, the 市场监督管理局's report
// of the year before, a Word document from before the system, is imported so the cross-year rules compare with it.
import type { Agency } from '../agencies/model.ts';
import { approveReport, importReport, publishReport, reportView, saveTexts, submitReport } from '../annual/service.ts';
import { beijingDate, yearOf } from '../calendar/dates.ts';
import type { Context } from '../context.ts';
import { compileReport } from '../report/compile/index.ts';
import type { AnnualReport, ApplicantKind, OutcomeCode } from '../report/model.ts';
import { renderDocx } from '../report/write/docx.ts';
import { contextOn, demoActor } from './applications.ts';

/** What each agency (seeding order: government, 办公室, 市场监督管理局, 教育局) writes besides the figures. */
const WRITING: { work: string; manage: string; problems: string; other: string }[] = [
  {
    work: '区政府坚持把政务公开作为建设法治政府的重要抓手，围绕重大决策、重点项目和民生实事，全面推进决策、执行、管理、服务、结果公开。',
    manage:
      '（三）政府信息管理。修订完善政府信息公开指南和目录，开展行政规范性文件清理，及时公布清理结果；严格落实公开前保密审查。',
    problems:
      '一是部分政策解读形式较为单一，图解、视频等解读方式运用不多；二是基层政务公开标准化规范化工作推进不够平衡。下一步，区政府将丰富政策解读形式，加强对各部门、各街道的培训指导，推动公开工作提质增效。',
    other: '本年度，区政府按照省、市政务公开工作要点的要求，完成了各项重点任务，未发生因信息公开引发的重大舆情。',
  },
  {
    work: '区政府办公室认真落实政务公开工作要点，统筹做好区政府文件、会议和重点工作的公开发布。',
    manage:
      '（三）政府信息管理。对区政府及办公室发文实行公开属性源头认定，发文时同步明确主动公开、依申请公开或不予公开。',
    problems:
      '一是依申请公开答复文书的说理还不够充分；二是公开平台个别栏目更新不够及时。下一步将规范答复文书格式，建立栏目更新提醒机制。',
    other: '本年度，区政府办公室牵头组织政务公开培训2次，完成政府网站年度报表的编制和发布。',
  },
  {
    work: '区市场监督管理局围绕食品安全、产品质量、特种设备安全和价格监管，持续加大监管信息公开力度，及时公开抽检结果和行政处罚信息。',
    manage:
      '（三）政府信息管理。建立抽检结果、行政处罚决定“双公示”工作台账，行政处罚决定书在作出之日起7个工作日内公开。',
    problems:
      '一是部分申请人对依申请公开与投诉举报的区别了解不多，以公开申请反映诉求的情况仍然存在；二是涉及企业商业秘密的信息征求意见耗时较长。下一步将加强申请指引和窗口解释，优化征求第三方意见流程。',
    other: '本年度，本局按照国办函〔2020〕109号的规定，仅对申请数量、频次明显超过合理范围的1件申请收取了信息处理费。',
  },
  {
    work: '区教育局聚焦招生入学、教育收费、校园安全等群众关注的事项，做好教育领域信息公开。',
    manage:
      '（三）政府信息管理。每年春季集中发布义务教育招生政策、学区划分和招生计划，并通过家长会、学校公众号同步推送。',
    problems:
      '一是学区划分调整前的政策解读不够及时，家长咨询集中；二是学校层面公开的规范性有待提高。下一步将提前发布调整方案征求意见，指导学校规范公开内容。',
    other: '本年度，本局在招生入学期间开通咨询热线，集中答复家长咨询，未发生相关行政复议或行政诉讼。',
  },
];

function overview(year: number, agency: Agency, r: AnnualReport, w: (typeof WRITING)[number]): string {
  const q = r.requests;
  const lawsuits = r.appeals.litigationDirect.total + r.appeals.litigationAfterReconsideration.total;
  return [
    `${year}年，${w.work}`,
    `（一）主动公开。本年度，${agency.name}制发行政规范性文件${r.proactive.normativeDocuments.issued}件、废止${r.proactive.normativeDocuments.repealed}件，现行有效${r.proactive.normativeDocuments.inForce}件，均已在政府信息公开目录中公开，并同步发布政策解读。`,
    `（二）依申请公开。本年度新收政府信息公开申请${q.received.total}件，上年结转申请${q.carriedOver.total}件，办结${q.totalHandled.total}件，结转下年度继续办理${q.carriedForward.total}件。答复均使用规范文书，告知申请人救济途径。`,
    w.manage,
    '（四）平台建设。依托区政府门户网站政府信息公开专栏和政务服务中心查阅点，方便公众查阅和申请。',
    r.appeals.reconsideration.total + lawsuits > 0
      ? `（五）监督保障。本年度发生政府信息公开行政复议${r.appeals.reconsideration.total}件、行政诉讼${lawsuits}件，已按复议决定和判决要求整改。`
      : '（五）监督保障。本年度本机关没有计入本报告的政府信息公开行政复议、行政诉讼案件。',
  ].join('\n');
}

/** Add n applications of a kind received and decided with an outcome (keeps every sum of table 三). */
function addDecided(r: AnnualReport, kind: ApplicantKind, outcome: OutcomeCode, n: number) {
  for (const row of ['received', outcome, 'totalHandled'] as const) {
    r.requests[row][kind] += n;
    r.requests[row].total += n;
  }
}

/** The 市场监督管理局's report of the year before the system, published as a Word document, and imported. */
async function importEarlier(ctx: Context, market: Agency, year: number): Promise<void> {
  const r = await compileReport(ctx, market.id, year);
  const decided: [ApplicantKind, OutcomeCode, number][] = [
    ['naturalPerson', 'granted', 11],
    ['naturalPerson', 'partlyGranted', 3],
    ['naturalPerson', 'unableNotHeld', 2],
    ['naturalPerson', 'rejectedPetition', 2],
    ['business', 'granted', 4],
    ['business', 'withheldQueryMatter', 2],
    ['legalService', 'partlyGranted', 1],
  ];
  for (const [kind, outcome, n] of decided) addDecided(r, kind, outcome, n);
  const q = r.requests;
  r.agency = market.name;
  r.publishedOn = `${year + 1}-01-24`;
  r.text = {
    overview: [
      `${year}年，本局以食品安全和民生领域监管信息公开为重点，推进“双随机、一公开”监管结果及时公开。`,
      `（一）主动公开。全年公开食品安全抽检信息、行政处罚决定等各类政府信息，规范性文件按规定报备并公开。`,
      `（二）依申请公开。全年新收政府信息公开申请${q.received.total}件，上年结转申请${q.carriedOver.total}件，办结${q.totalHandled.total}件，结转下年度继续办理${q.carriedForward.total}件。`,
      '（三）政府信息管理。落实公开前审查制度，明确专人负责政府信息公开工作。',
      '（四）平台建设与监督保障。在区政府门户网站开设本局政务公开栏目，将政务公开工作纳入年度考核。',
    ].join('\n'),
    problems:
      '主要问题是政策解读形式较少、部分栏目信息更新偏慢。改进措施：增加图文解读，建立栏目责任人制度，按月检查更新情况。',
    other: '本年度，本局未收取信息处理费。',
  };
  const handler = demoActor(market.id, 'handler');
  await importReport(handler, contextOn(ctx, `${year + 1}-12-01`), market.id, {
    data: await renderDocx(r),
    name: `${market.name}${year}年政府信息公开工作年度报告.docx`,
  });
}

/** Compile, write, submit, approve and publish last year's report of every agency; returns the year. */
export async function seedDemoReports(ctx: Context, agencies: readonly Agency[]): Promise<number> {
  const today = beijingDate(ctx.clock());
  const year = yearOf(today) - 1;
  const government = agencies[0];
  const market = agencies[2];
  if (!government) return year;
  if (market) await importEarlier(ctx, market, year - 1);
  const office = demoActor(government.id, 'reviewer');
  // Departments first (due 31 January), then the government (due 31 March); never later than today.
  const order = [...agencies.slice(1), government];
  for (const agency of order) {
    const i = agencies.indexOf(agency);
    const w = WRITING[i];
    if (!w) continue;
    const month = agency.parentId === null ? '03' : '01';
    const on = (day: number) => {
      const date = `${year + 1}-${month}-${String(day).padStart(2, '0')}`;
      return contextOn(ctx, date > today ? today : date);
    };
    const handler = demoActor(agency.id, 'handler');
    const compiled = await compileReport(ctx, agency.id, year);
    await saveTexts(handler, on(12), agency.id, year, {
      overview: overview(year, agency, compiled, w),
      problems: w.problems,
      other: `${compiled.text.other}\n${w.other}`,
    });
    const view = await reportView(on(14), agency.id, year);
    const warnings = view.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.rule);
    await submitReport(handler, on(14), agency.id, year, warnings);
    await approveReport(office, on(19), agency.id, year, '经审核，同意发布。');
    await publishReport(demoActor(agency.id, 'publisher'), on(22), agency.id, year);
  }
  return year;
}
