// The disclosure catalogue (主动公开, 条例第十九条至第二十六条): the kinds of information, where each stands in the
// 审查 → 发布 workflow, the validity of 规章 and 行政规范性文件, and the lists of 第二十条 items and 主题分类 that the
// forms offer. The domain speaks English in code and Chinese in its labels.

export const KINDS = ['rule', 'normative', 'document', 'interpretation', 'notice', 'other'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Record<Kind, string> = {
  rule: '规章',
  normative: '行政规范性文件',
  document: '其他文件',
  interpretation: '政策解读',
  notice: '通知公告',
  other: '其他信息',
};
/** The kinds with a validity (有效、已修改、废止、失效), counted in report table 二. */
export const NORMATIVE_KINDS: readonly Kind[] = ['rule', 'normative'];
export const hasValidity = (kind: Kind) => NORMATIVE_KINDS.includes(kind);

/** The item as the public sees it: never published, published, or withdrawn from the portal. */
export const ITEM_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '未发布',
  published: '已发布',
  withdrawn: '已撤回',
};

/** A change on its way: 先审查、后公开 (条例第十七条). */
export const REVISION_STATUSES = ['draft', 'reviewing', 'approved', 'published', 'discarded'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];
export const REVISION_STATUS_LABELS: Record<RevisionStatus, string> = {
  draft: '草稿',
  reviewing: '待审查',
  approved: '已审查待发布',
  published: '已发布',
  discarded: '已放弃',
};
/** A revision still open for work or decision (at most one per item). */
export const OPEN_REVISION: readonly RevisionStatus[] = ['draft', 'reviewing', 'approved'];

export const MODES = ['active', 'onRequest', 'withheld'] as const;
export type DisclosureMode = (typeof MODES)[number];
export const MODE_LABELS: Record<DisclosureMode, string> = {
  active: '主动公开',
  onRequest: '依申请公开',
  withheld: '不予公开',
};

export const VALIDITY = ['valid', 'amended', 'repealed', 'expired'] as const;
export type Validity = (typeof VALIDITY)[number];
export const VALIDITY_LABELS: Record<Validity, string> = {
  valid: '有效',
  amended: '已修改',
  repealed: '废止',
  expired: '失效',
};
/** Still in force: counted in 现行有效件数. */
export const IN_FORCE: readonly Validity[] = ['valid', 'amended'];

export const BODY_FORMATS = ['markdown', 'html'] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];

/** 条例第二十条 (2019): what every agency publishes of its own accord. */
export const ARTICLE20_ITEMS: Record<string, string> = {
  '1': '（一）行政法规、规章和规范性文件',
  '2': '（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  '3': '（三）国民经济和社会发展规划、专项规划、区域规划及相关政策',
  '4': '（四）国民经济和社会发展统计信息',
  '5': '（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  '6': '（六）实施行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定',
  '7': '（七）财政预算、决算信息',
  '8': '（八）行政事业性收费项目及其依据、标准',
  '9': '（九）政府集中采购项目的目录、标准及实施情况',
  '10': '（十）重大建设项目的批准和实施情况',
  '11': '（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  '12': '（十二）突发公共事件的应急预案、预警信息及应对情况',
  '13': '（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  '14': '（十四）公务员招考的职位、名额、报考条件等事项以及录用结果',
  '15': '（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
};

/** 主题分类 as Chinese government sites use them (the forms suggest these; others are allowed). */
export const TOPICS = [
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
] as const;

/** 基层政务公开标准目录: the 26 areas of 国办发〔2019〕54号 (the forms suggest these). */
export const STANDARD_AREAS = [
  '重大建设项目',
  '公共资源交易',
  '财政预决算',
  '安全生产',
  '税收管理',
  '征地补偿',
  '国有土地上房屋征收与补偿',
  '农村危房改造',
  '扶贫',
  '社会救助',
  '养老服务',
  '户籍管理',
  '涉农补贴',
  '义务教育',
  '就业',
  '社会保险',
  '食品药品监管',
  '环境保护',
  '公共文化服务',
  '公共法律服务',
  '医疗卫生',
  '城乡规划',
  '自然资源',
  '市场监管',
  '城市综合执法',
  '救灾',
] as const;

/** What a revision proposes: every field an editor fills in. */
export interface ItemFields {
  kind: Kind;
  title: string;
  docNo: string | null;
  /** 发布机构; the agency's name when not given. */
  issuer: string;
  formedOn: string;
  /** For a change of a published item: the date the information changed (第二十六条 counts from it). */
  changedOn: string | null;
  topic: string | null;
  article20: string | null;
  standardArea: string | null;
  disclosureMode: DisclosureMode;
  withheldReason: string | null;
  bodyFormat: BodyFormat;
  body: string;
  interpretsId: number | null;
}

export interface CatalogItem {
  id: number;
  agencyId: number;
  indexNo: string | null;
  status: ItemStatus;
  kind: Kind;
  title: string;
  docNo: string | null;
  issuer: string;
  formedOn: string;
  publishedOn: string | null;
  changedOn: string | null;
  topic: string | null;
  article20: string | null;
  standardArea: string | null;
  disclosureMode: DisclosureMode;
  withheldReason: string | null;
  bodyFormat: BodyFormat;
  body: string;
  bodyHtml: string;
  bodyText: string;
  validity: Validity | null;
  validityOn: string | null;
  replacedById: number | null;
  interpretsId: number | null;
  publishedRevision: number | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface Revision {
  id: number;
  itemId: number;
  no: number;
  status: RevisionStatus;
  fields: ItemFields;
  note: string | null;
  createdAt: string;
  createdBy: string;
  submittedAt: string | null;
  secrecyChecked: boolean;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface ValidityChange {
  id: number;
  itemId: number;
  validity: Validity;
  onDate: string;
  replacedById: number | null;
  note: string | null;
  createdAt: string;
  createdBy: string;
}

export interface CatalogAttachment {
  id: number;
  itemId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedIn: number;
  removedIn: number | null;
  createdAt: string;
}

/** Table 二's three columns for 规章 or 行政规范性文件 (report model proactive.rules / normativeDocuments). */
export interface ValidityCounts {
  issued: number;
  repealed: number;
  inForce: number;
}
