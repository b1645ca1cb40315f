// The demo district's 政府信息公开目录: about thirty published items across the kinds — 规章, 行政规范性文件 with their
// 政策解读 (one repealed and replaced, one amended, one expired), other documents, 通知公告, each agency's 2024
// 政府信息公开工作年度报告 (one with a PDF) — put through the catalogue's own workflow (draft → 保密审查 → 发布) by
// each agency's demo 发布员 and 审核人. Every title, number and text is fictitious.
import type { Actor, Agency } from '../agencies/model.ts';
import type { CatalogItem, Kind } from '../catalog/model.ts';
import type { ItemInput } from '../catalog/schema.ts';
import {
  addItemAttachment,
  changeValidity,
  createItem,
  publishItem,
  reviewItem,
  submitForReview,
} from '../catalog/service.ts';
import type { Context } from '../context.ts';

interface DemoItem {
  /** Index into [government, ...departments]. */
  agency: number;
  /** A name other items refer to (interpretations, replacements). */
  key?: string;
  kind: Kind;
  title: string;
  docNo?: string;
  formedOn: string;
  publishedOn: string;
  topic: string;
  article20?: string;
  standardArea?: string;
  body: string;
  interprets?: string;
  mode?: 'onRequest' | 'withheld';
  withheldReason?: string;
  pdf?: string;
}

const ARTICLES = (...points: string[]) => points.map((p, i) => `${'一二三四五六七八九十'[i]}、${p}`).join('\n\n');

const ITEMS: DemoItem[] = [
  {
    agency: 0,
    key: 'assets',
    kind: 'rule',
    title: '示例区农村集体资产管理办法',
    docNo: '示例区人民政府令第3号',
    formedOn: '2024-03-15',
    publishedOn: '2024-03-22',
    topic: '农业、林业、水利',
    body: `## 第一章 总则\n\n第一条 为加强农村集体资产管理，维护农村集体经济组织及其成员的合法权益，制定本办法。\n\n第二条 本办法适用于本区行政区域内农村集体资产的管理和监督。\n\n## 第二章 资产管理\n\n第三条 农村集体经济组织应当建立健全资产台账，每年至少清查一次。\n\n第四条 本办法自2024年5月1日起施行。`,
  },
  {
    agency: 0,
    key: 'business',
    kind: 'normative',
    title: '示例区关于进一步优化营商环境的若干措施',
    docNo: '示政规〔2025〕2号',
    formedOn: '2025-04-10',
    publishedOn: '2025-04-16',
    topic: '综合政务',
    standardArea: '市场监管',
    body: `为深入贯彻《优化营商环境条例》，进一步激发市场主体活力，结合本区实际，制定以下措施。\n\n${ARTICLES(
      '压缩企业开办时间。企业开办全流程压缩至1个工作日以内，实现“一网通办”。',
      '推进政务公开标准化规范化。涉企政策在出台后20个工作日内同步发布政策解读。',
      '降低企业用地成本。工业用地可采取长期租赁、先租后让等方式供应。',
      '本措施自发布之日起施行，有效期5年。',
    )}`,
  },
  {
    agency: 0,
    kind: 'interpretation',
    title: '《示例区关于进一步优化营商环境的若干措施》政策解读',
    formedOn: '2025-04-16',
    publishedOn: '2025-04-16',
    topic: '综合政务',
    interprets: 'business',
    body: `## 一、制定背景\n\n为落实国家和省、市优化营商环境部署，区政府制定了《若干措施》。\n\n## 二、主要内容\n\n《若干措施》共四条，重点在企业开办、政务公开和用地保障三个方面提出具体举措。\n\n## 三、适用对象\n\n在本区登记注册的各类市场主体。`,
  },
  {
    agency: 0,
    key: 'dibao-old',
    kind: 'normative',
    title: '示例区城镇居民最低生活保障实施办法',
    docNo: '示政规〔2021〕2号',
    formedOn: '2021-05-20',
    publishedOn: '2021-05-28',
    topic: '民政、扶贫、救灾',
    article20: '11',
    standardArea: '社会救助',
    body: `第一条 为保障城镇困难居民基本生活，制定本办法。\n\n第二条 城镇居民最低生活保障标准由区人民政府按年度公布。\n\n第三条 本办法自2021年7月1日起施行。`,
  },
  {
    agency: 0,
    key: 'dibao',
    kind: 'normative',
    title: '示例区城乡居民最低生活保障实施办法',
    docNo: '示政规〔2025〕1号',
    formedOn: '2025-06-10',
    publishedOn: '2025-06-18',
    topic: '民政、扶贫、救灾',
    article20: '11',
    standardArea: '社会救助',
    body: `第一条 为统筹城乡社会救助体系，保障城乡困难群众基本生活，制定本办法。\n\n第二条 城乡居民最低生活保障实行统一标准，由区人民政府按年度公布。\n\n第三条 申请最低生活保障以家庭为单位，向户籍所在地镇人民政府（街道办事处）提出。\n\n第四条 本办法自2025年7月1日起施行，《示例区城镇居民最低生活保障实施办法》（示政规〔2021〕2号）同时废止。`,
  },
  {
    agency: 0,
    kind: 'interpretation',
    title: '图解：《示例区城乡居民最低生活保障实施办法》',
    formedOn: '2025-06-18',
    publishedOn: '2025-06-19',
    topic: '民政、扶贫、救灾',
    interprets: 'dibao',
    body: `## 谁可以申请？\n\n共同生活的家庭成员人均收入低于本区低保标准，且家庭财产状况符合规定的，可以申请。\n\n## 到哪里申请？\n\n向户籍所在地镇人民政府（街道办事处）提出，也可以委托村（居）民委员会代为提出。\n\n## 多久办结？\n\n自受理之日起30日内作出审批决定。`,
  },
  {
    agency: 0,
    key: 'openness',
    kind: 'normative',
    title: '示例区政务公开工作规定',
    docNo: '示政规〔2022〕4号',
    formedOn: '2022-09-01',
    publishedOn: '2022-09-08',
    topic: '综合政务',
    body: `第一条 为推进政务公开工作制度化、规范化，制定本规定。\n\n第二条 各部门应当在信息形成或者变更之日起20个工作日内予以公开。\n\n第三条 政府信息公开指南和目录应当及时更新。`,
  },
  {
    agency: 0,
    key: 'jobs',
    kind: 'normative',
    title: '示例区关于实施企业稳岗扩岗补贴的通知',
    docNo: '示政规〔2023〕3号',
    formedOn: '2023-02-20',
    publishedOn: '2023-02-27',
    topic: '劳动、人事、监察',
    article20: '11',
    standardArea: '就业',
    body: `各镇人民政府、街道办事处，区各有关部门：\n\n为支持企业稳定和扩大就业岗位，现就实施稳岗扩岗补贴有关事项通知如下。\n\n${ARTICLES(
      '补贴对象为2023年度新增吸纳就业的中小微企业。',
      '补贴标准为每新增1人补贴1000元。',
      '本通知执行至2024年12月31日。',
    )}`,
  },
  {
    agency: 0,
    kind: 'document',
    title: '示例区2025年政府工作报告',
    formedOn: '2025-01-10',
    publishedOn: '2025-01-20',
    topic: '综合政务',
    article20: '3',
    body: `各位代表：\n\n现在，我代表区人民政府，向大会报告工作，请予审议。\n\n## 一、2024年工作回顾\n\n全区地区生产总值增长5.2%，一般公共预算收入增长3.1%，政务公开标准化规范化水平持续提升。\n\n## 二、2025年主要任务\n\n坚持稳中求进工作总基调，持续优化营商环境，办好十件民生实事。`,
  },
  {
    agency: 0,
    kind: 'document',
    title: '示例区2025年区级财政预算公开说明',
    formedOn: '2025-02-05',
    publishedOn: '2025-02-12',
    topic: '财政、金融、审计',
    article20: '7',
    standardArea: '财政预决算',
    body: `## 一、收入预算\n\n2025年一般公共预算收入安排32.6亿元，增长3%。\n\n## 二、支出预算\n\n2025年一般公共预算支出安排58.4亿元，其中民生支出占比78%。\n\n## 三、“三公”经费预算\n\n区级“三公”经费预算比上年下降2%。`,
  },
  {
    agency: 0,
    kind: 'document',
    title: '示例区2025年重大建设项目名单',
    formedOn: '2025-03-01',
    publishedOn: '2025-03-06',
    topic: '城乡建设、环境保护',
    article20: '10',
    standardArea: '重大建设项目',
    body: `| 序号 | 项目名称 | 总投资（亿元） |\n| --- | --- | --- |\n| 1 | 人民路综合管廊工程 | 4.2 |\n| 2 | 区人民医院新院区 | 9.8 |\n| 3 | 老旧小区改造（2025年度） | 2.1 |`,
  },
  {
    agency: 0,
    kind: 'notice',
    title: '关于开展2025年度政府信息公开社会评议的公告',
    formedOn: '2025-10-09',
    publishedOn: '2025-10-10',
    topic: '综合政务',
    body: `为进一步提升政务公开质量，现面向社会开展2025年度政府信息公开社会评议。欢迎通过本网站“对本信息提出意见建议”功能参与评议。\n\n评议时间：2025年10月10日至11月10日。`,
  },
  {
    agency: 0,
    kind: 'notice',
    title: '关于2025年国庆节、中秋节期间政务服务安排的通告',
    formedOn: '2025-09-25',
    publishedOn: '2025-09-26',
    topic: '综合政务',
    body: `2025年10月1日至8日放假调休，共8天。9月28日（星期日）、10月11日（星期六）上班。\n\n假期内区政务服务中心暂停对外办公，网上申请正常受理，答复期限按工作日顺延。`,
  },
  {
    agency: 0,
    kind: 'document',
    title: '示例区人民政府2024年政府信息公开工作年度报告',
    formedOn: '2025-03-18',
    publishedOn: '2025-03-25',
    topic: '综合政务',
    article20: '15',
    pdf: 'Shili District People\u2019s Government - 2024 annual report on government information disclosure (demo)',
    body: `本报告根据《中华人民共和国政府信息公开条例》第五十条编制。\n\n## 一、总体情况\n\n2024年，区人民政府主动公开政府信息1,268条，受理政府信息公开申请86件，均在法定期限内答复。\n\n## 二、主动公开政府信息情况\n\n见附件。\n\n## 三、收到和处理政府信息公开申请情况\n\n见附件。`,
  },
  {
    agency: 1,
    kind: 'document',
    title: '关于印发《示例区2025年政务公开工作要点》的通知',
    docNo: '示政办发〔2025〕8号',
    formedOn: '2025-04-02',
    publishedOn: '2025-04-08',
    topic: '综合政务',
    body: `各镇人民政府、街道办事处，区各有关部门：\n\n《示例区2025年政务公开工作要点》已经区人民政府同意，现印发给你们，请认真贯彻落实。\n\n${ARTICLES(
      '深化重点领域信息公开。',
      '加强政策解读和回应关切。',
      '提升政府网站和政务新媒体服务水平，全面推进适老化和无障碍改造。',
    )}`,
  },
  {
    agency: 1,
    kind: 'notice',
    title: '示例区人民政府办公室关于政府信息公开申请受理场所调整的公告',
    formedOn: '2025-07-01',
    publishedOn: '2025-07-02',
    topic: '综合政务',
    body: `自2025年7月7日起，区人民政府办公室政府信息公开申请受理场所调整至示例区人民路1号区政务服务中心二楼。联系电话不变。`,
  },
  {
    agency: 1,
    kind: 'document',
    title: '示例区人民政府办公室2024年政府信息公开工作年度报告',
    formedOn: '2025-01-20',
    publishedOn: '2025-01-24',
    topic: '综合政务',
    article20: '15',
    body: `## 一、总体情况\n\n2024年，区政府办公室主动公开政府信息312条，受理政府信息公开申请12件。\n\n## 二、存在的主要问题及改进情况\n\n政策解读形式还不够丰富，2025年将增加图解、视频等形式。`,
  },
  {
    agency: 1,
    kind: 'document',
    title: '示例区人民政府办公室内设机构及职能',
    formedOn: '2024-01-05',
    publishedOn: '2024-01-10',
    topic: '综合政务',
    article20: '2',
    body: `区人民政府办公室设综合科、秘书科、督查科、政务公开科、电子政务科。\n\n政务公开科负责全区政务公开和政府信息公开工作的组织协调和监督指导。`,
  },
  {
    agency: 2,
    key: 'workshop',
    kind: 'normative',
    title: '示例区食品小作坊登记管理办法',
    docNo: '示市监规〔2024〕1号',
    formedOn: '2024-08-12',
    publishedOn: '2024-08-20',
    topic: '市场监管、安全生产监管',
    article20: '5',
    standardArea: '食品药品监管',
    body: `第一条 为规范食品小作坊登记管理，保障食品安全，制定本办法。\n\n第二条 食品小作坊应当向所在地市场监督管理所申请登记，取得登记证后方可从事生产加工活动。\n\n第三条 登记证有效期为3年。`,
  },
  {
    agency: 2,
    kind: 'interpretation',
    title: '《示例区食品小作坊登记管理办法》解读',
    formedOn: '2024-08-20',
    publishedOn: '2024-08-21',
    topic: '市场监管、安全生产监管',
    interprets: 'workshop',
    body: `## 一、为什么要制定《办法》？\n\n规范小作坊登记，既方便群众办事，又守住食品安全底线。\n\n## 二、登记需要哪些材料？\n\n登记申请书、经营者身份证明、生产场所使用证明。`,
  },
  {
    agency: 2,
    kind: 'notice',
    title: '关于2025年第三季度食品安全监督抽检结果的公告',
    formedOn: '2025-10-15',
    publishedOn: '2025-10-20',
    topic: '市场监管、安全生产监管',
    article20: '13',
    standardArea: '食品药品监管',
    body: `2025年第三季度，本局共抽检食品样品420批次，合格412批次，合格率98.1%。不合格产品已依法处置。`,
  },
  {
    agency: 2,
    kind: 'document',
    title: '示例区市场监督管理局行政处罚决定书（示市监处罚〔2025〕15号）',
    docNo: '示市监处罚〔2025〕15号',
    formedOn: '2025-05-08',
    publishedOn: '2025-05-14',
    topic: '市场监管、安全生产监管',
    article20: '6',
    standardArea: '市场监管',
    body: `当事人：示例区某某食品经营部\n\n违法事实：销售超过保质期的食品。\n\n处罚依据：《中华人民共和国食品安全法》第一百二十四条。\n\n处罚决定：没收违法所得并处罚款人民币五万元。`,
  },
  {
    agency: 2,
    kind: 'document',
    title: '示例区市场监督管理局2024年政府信息公开工作年度报告',
    formedOn: '2025-01-18',
    publishedOn: '2025-01-22',
    topic: '市场监管、安全生产监管',
    article20: '15',
    body: `## 一、总体情况\n\n2024年，本局主动公开政府信息486条，其中行政处罚决定112件；受理政府信息公开申请31件。`,
  },
  {
    agency: 2,
    kind: 'other',
    title: '示例区市场监督管理局执法案卷评查情况',
    formedOn: '2025-06-30',
    publishedOn: '2025-07-04',
    topic: '市场监管、安全生产监管',
    mode: 'onRequest',
    body: '本年度执法案卷评查的具体情况。',
  },
  {
    agency: 3,
    key: 'enrolment',
    kind: 'normative',
    title: '示例区2025年义务教育学校招生入学工作实施办法',
    docNo: '示教规〔2025〕1号',
    formedOn: '2025-05-06',
    publishedOn: '2025-05-12',
    topic: '科技、教育',
    article20: '11',
    standardArea: '义务教育',
    body: `${ARTICLES(
      '坚持免试就近入学，严禁以任何形式的考试、测试选拔学生。',
      '网上报名时间为2025年6月10日至6月20日。',
      '随迁子女按照“两为主”原则保障入学。',
    )}`,
  },
  {
    agency: 3,
    kind: 'interpretation',
    title: '一图读懂2025年义务教育招生入学政策',
    formedOn: '2025-05-12',
    publishedOn: '2025-05-13',
    topic: '科技、教育',
    interprets: 'enrolment',
    body: `## 什么时候报名？\n\n2025年6月10日至6月20日，网上报名。\n\n## 需要哪些材料？\n\n户口簿、房产证明或居住证。`,
  },
  {
    agency: 3,
    kind: 'notice',
    title: '示例区教育局2025年公开招聘教师公告',
    formedOn: '2025-03-10',
    publishedOn: '2025-03-12',
    topic: '科技、教育',
    article20: '14',
    standardArea: '义务教育',
    body: `本次计划招聘中小学教师60名。报名时间：2025年3月20日至3月26日。报考条件、岗位表详见正文。`,
  },
  {
    agency: 3,
    kind: 'notice',
    title: '关于2025年秋季学期中小学开学安排的通知',
    formedOn: '2025-08-20',
    publishedOn: '2025-08-22',
    topic: '科技、教育',
    standardArea: '义务教育',
    body: `2025年秋季学期全区中小学于9月1日正式开学，8月31日学生报到。`,
  },
  {
    agency: 3,
    kind: 'document',
    title: '示例区教育局2024年政府信息公开工作年度报告',
    formedOn: '2025-01-15',
    publishedOn: '2025-01-21',
    topic: '科技、教育',
    article20: '15',
    body: `## 一、总体情况\n\n2024年，本局主动公开政府信息205条，受理政府信息公开申请9件。`,
  },
];

/** A small, valid one-page PDF with a line of (ASCII) text. */
export function tinyPdf(text: string): Uint8Array {
  const safe = text.replace(/[^\x20-\x7e]/g, ' ').replace(/[()\\]/g, ' ');
  const stream = `BT /F1 12 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const staff = (agency: Agency, role: 'publisher' | 'reviewer'): Actor => ({
  id: null,
  name:
    role === 'publisher'
      ? `演示数据:${agency.shortName ?? agency.name}发布员`
      : `演示数据:${agency.shortName ?? agency.name}审核人`,
  role,
  agencyId: agency.id,
  clientAddress: 'local',
});

/** Publish the demo catalogue for the agencies (in the order [government, ...departments]); returns the items. */
export async function seedDemoCatalog(ctx: Context, agencies: readonly Agency[]): Promise<CatalogItem[]> {
  const byKey = new Map<string, CatalogItem>();
  const items: CatalogItem[] = [];
  for (const d of ITEMS) {
    const agency = agencies[d.agency];
    if (!agency) continue;
    const publisher = staff(agency, 'publisher');
    const reviewer = staff(agency, 'reviewer');
    const input: ItemInput = {
      kind: d.kind,
      title: d.title,
      docNo: d.docNo ?? null,
      formedOn: d.formedOn,
      topic: d.topic,
      article20: (d.article20 ?? null) as ItemInput['article20'],
      standardArea: d.standardArea ?? null,
      disclosureMode: d.mode ?? 'active',
      withheldReason: d.withheldReason ?? null,
      bodyFormat: 'markdown',
      body: d.body,
      interpretsId: d.interprets ? (byKey.get(d.interprets)?.id ?? null) : null,
    };
    const { item } = await createItem(publisher, ctx, agency.id, input);
    if (d.pdf) await addItemAttachment(publisher, ctx, item.id, { name: `${d.title}.pdf`, data: tinyPdf(d.pdf) });
    await submitForReview(publisher, ctx, item.id);
    await reviewItem(reviewer, ctx, item.id, { approve: true, secrecyChecked: true });
    const published = await publishItem(publisher, ctx, item.id, { publishedOn: d.publishedOn });
    if (d.key) byKey.set(d.key, published);
    items.push(published);
  }
  const government = agencies[0];
  const change = async (key: string, validity: 'amended' | 'repealed' | 'expired', onDate: string, by?: string) => {
    const item = byKey.get(key);
    if (!item || !government) return;
    const agency = agencies.find((a) => a.id === item.agencyId) ?? government;
    const replacedById = by ? (byKey.get(by)?.id ?? null) : null;
    const changed = await changeValidity(staff(agency, 'publisher'), ctx, item.id, { validity, onDate, replacedById });
    items[items.findIndex((i) => i.id === item.id)] = changed;
  };
  await change('dibao-old', 'repealed', '2025-07-01', 'dibao');
  await change('openness', 'amended', '2025-03-01');
  await change('jobs', 'expired', '2024-12-31');
  return items;
}
