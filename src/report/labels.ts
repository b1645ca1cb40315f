// The printed labels of the 2021 national form (国办公开办函〔2021〕30号), shared by writers, readers and messages.
import type { AppealGroup, ApplicantColumn, CaseColumn, DocColumn, RequestRow } from './model.ts';

export const SECTION_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export const REPORT_TITLE_SUFFIX = '政府信息公开工作年度报告';

export const APPLICANT_LABELS: Record<ApplicantColumn, string> = {
  naturalPerson: '自然人',
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他',
  total: '总计',
};

export const CASE_LABELS: Record<CaseColumn, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

export const APPEAL_LABELS: Record<AppealGroup, string> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼·未经复议直接起诉',
  litigationAfterReconsideration: '行政诉讼·复议后起诉',
};

export const DOC_LABELS: Record<DocColumn, string> = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
};

/** Table 三 rows: the group heading (if any) and the leaf label, exactly as printed on the form. */
export interface RowLabel {
  group: string | null;
  label: string;
  /** Short name used in diagnostics, e.g. "（七）总计" or "不予公开·属于国家秘密". */
  short: string;
}

function leaf(group: string, label: string): RowLabel {
  const groupName = group.replace(/^（.）/, '');
  return { group, label, short: `${groupName}·${label.replace(/^\d\./, '')}` };
}

export const GROUP_WITHHELD = '（三）不予公开';
export const GROUP_UNABLE = '（四）无法提供';
export const GROUP_REJECTED = '（五）不予处理';
export const GROUP_OTHER = '（六）其他处理';
export const GROUP_RESULTS = '三、本年度办理结果';

export const REQUEST_ROW_LABELS: Record<RequestRow, RowLabel> = {
  received: { group: null, label: '一、本年新收政府信息公开申请数量', short: '一、本年新收申请数量' },
  carriedOver: { group: null, label: '二、上年结转政府信息公开申请数量', short: '二、上年结转申请数量' },
  granted: { group: GROUP_RESULTS, label: '（一）予以公开', short: '（一）予以公开' },
  partlyGranted: {
    group: GROUP_RESULTS,
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    short: '（二）部分公开',
  },
  withheldStateSecret: leaf(GROUP_WITHHELD, '1.属于国家秘密'),
  withheldProhibitedByLaw: leaf(GROUP_WITHHELD, '2.其他法律行政法规禁止公开'),
  withheldSecurityStability: leaf(GROUP_WITHHELD, '3.危及“三安全一稳定”'),
  withheldThirdPartyRights: leaf(GROUP_WITHHELD, '4.保护第三方合法权益'),
  withheldInternalAffairs: leaf(GROUP_WITHHELD, '5.属于三类内部事务信息'),
  withheldDeliberative: leaf(GROUP_WITHHELD, '6.属于四类过程性信息'),
  withheldEnforcementFile: leaf(GROUP_WITHHELD, '7.属于行政执法案卷'),
  withheldQueryMatter: leaf(GROUP_WITHHELD, '8.属于行政查询事项'),
  unableNotHeld: leaf(GROUP_UNABLE, '1.本机关不掌握相关政府信息'),
  unableNeedsCreation: leaf(GROUP_UNABLE, '2.没有现成信息需要另行制作'),
  unableStillUnclear: leaf(GROUP_UNABLE, '3.补正后申请内容仍不明确'),
  rejectedPetition: leaf(GROUP_REJECTED, '1.信访举报投诉类申请'),
  rejectedDuplicate: leaf(GROUP_REJECTED, '2.重复申请'),
  rejectedPublication: leaf(GROUP_REJECTED, '3.要求提供公开出版物'),
  rejectedExcessive: leaf(GROUP_REJECTED, '4.无正当理由大量反复申请'),
  rejectedConfirmation: leaf(GROUP_REJECTED, '5.要求行政机关确认或重新出具已获取信息'),
  otherNoCorrection: leaf(GROUP_OTHER, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
  otherUnpaidFee: leaf(GROUP_OTHER, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
  otherOther: leaf(GROUP_OTHER, '3.其他'),
  totalHandled: { group: GROUP_RESULTS, label: '（七）总计', short: '（七）总计' },
  carriedForward: { group: null, label: '四、结转下年度继续办理', short: '四、结转下年度继续办理' },
};

export const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const PROACTIVE_NAMES: Record<string, string> = {
  'proactive.rules.issued': '规章·本年制发件数',
  'proactive.rules.repealed': '规章·本年废止件数',
  'proactive.rules.inForce': '规章·现行有效件数',
  'proactive.normativeDocuments.issued': '行政规范性文件·本年制发件数',
  'proactive.normativeDocuments.repealed': '行政规范性文件·本年废止件数',
  'proactive.normativeDocuments.inForce': '行政规范性文件·现行有效件数',
  'proactive.licensing': '行政许可·本年处理决定数量',
  'proactive.punishment': '行政处罚·本年处理决定数量',
  'proactive.coercion': '行政强制·本年处理决定数量',
  'proactive.feesTenThousandYuan': '行政事业性收费·本年收费金额（万元）',
};

/** The Chinese name of a cell a clerk recognises on the printed form, e.g. "（七）总计·自然人". */
export function cellName(path: string): string {
  const [table, row, column] = path.split('.') as [string, string, string | undefined];
  if (table === 'proactive') return PROACTIVE_NAMES[path] ?? path;
  if (table === 'requests' && column) {
    const rowLabel = REQUEST_ROW_LABELS[row as RequestRow];
    const colLabel = APPLICANT_LABELS[column as ApplicantColumn];
    if (rowLabel && colLabel) return `${rowLabel.short}·${colLabel}`;
  }
  if (table === 'appeals' && column) {
    const group = APPEAL_LABELS[row as AppealGroup];
    const col = CASE_LABELS[column as CaseColumn];
    if (group && col) return `${group}·${col}`;
  }
  return path;
}
