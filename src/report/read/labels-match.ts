// Loose matching of the printed row labels of tables 二 and 三, shared by every reader.
// Real documents break labels over lines, mix full- and half-width brackets, number "1、" for "1." and
// carry typos ("2.其他法律行政止公开"): match on the phrases that identify a row, report exactly.
import type { FormatVersion, RequestRow } from '../model.ts';

const FULL_WIDTH_DIGITS = /[０-９]/g;

/** Collapse whitespace, unify brackets, digits and list punctuation so labels compare reliably. */
export function normalizeLabel(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/(\d)[、．,，]/g, '$1.')
    .replace(/[“”"]/g, '"');
}

/** The last document judged: the line reader and finishDraft both ask about the same full text. */
let lastEdition: { text: string; edition: FormatVersion | null } | null = null;

/** Which edition's tables a document uses, judged by labels only (spec §7). */
export function detectEdition(text: string): FormatVersion | null {
  if (lastEdition?.text !== text) lastEdition = { text, edition: editionOf(normalizeLabel(text)) };
  return lastEdition.edition;
}

function editionOf(t: string): FormatVersion | null {
  const markers2019 = [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '第二十条第（九）项',
    '政府集中采购',
    '上一年项目数量',
  ];
  const markers2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'];
  const n2019 = markers2019.filter((m) => t.includes(m)).length;
  const n2021 = markers2021.filter((m) => t.includes(m)).length;
  if (n2019 === 0 && n2021 === 0) return null;
  return n2019 > n2021 ? '2019' : '2021';
}

/**
 * The edition of a table 二 block judged by its column headings: our writers print a 2019-edition report's table 二
 * in the 2021 layout when it holds figures the 2019 form has no place for, with the 2019 cells in an appendix.
 */
export function headerEdition(label: string): FormatVersion | null {
  if (/本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额/.test(label)) return '2021';
  if (/本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/减|采购项目数量|采购总金额/.test(label))
    return '2019';
  return null;
}

/** Table 三 rows outside any group: reaching one ends the group in force. */
export const UNGROUPED_ROWS: ReadonlySet<RequestRow> = new Set<RequestRow>([
  'received',
  'carriedOver',
  'granted',
  'partlyGranted',
  'totalHandled',
  'carriedForward',
]);

export type RowGroup = 'withheld' | 'unable' | 'rejected' | 'other';

/** The group heading a label carries, for the numbered leaves that repeat ("1.", "2." …) across groups. */
export function groupOf(label: string): RowGroup | null {
  const t = normalizeLabel(label);
  if (t.includes('不予公开')) return 'withheld';
  if (t.includes('无法提供')) return 'unable';
  if (t.includes('不予处理')) return 'rejected';
  if (t.includes('其他处理')) return 'other';
  return null;
}

const LEAF_PHRASES: [RequestRow, string[]][] = [
  ['withheldStateSecret', ['国家秘密']],
  ['withheldProhibitedByLaw', ['禁止公开', '法律行政', '行政止公开']],
  ['withheldSecurityStability', ['三安全一稳定', '危及']],
  ['withheldThirdPartyRights', ['第三方合法权益', '保护第三方']],
  ['withheldInternalAffairs', ['内部事务']],
  ['withheldDeliberative', ['过程性']],
  ['withheldEnforcementFile', ['执法案卷']],
  ['withheldQueryMatter', ['查询事项']],
  ['unableNotHeld', ['不掌握']],
  ['unableNeedsCreation', ['另行制作', '没有现成']],
  ['unableStillUnclear', ['仍不明确', '补正后申请']],
  ['rejectedPetition', ['信访', '举报投诉']],
  ['rejectedExcessive', ['大量反复', '反复申请']],
  ['rejectedDuplicate', ['重复申请']],
  ['rejectedPublication', ['出版物']],
  ['rejectedConfirmation', ['重新出具', '确认或']],
  ['otherNoCorrection', ['不补正', '逾期不补']],
  ['otherUnpaidFee', ['缴纳费用', '收费通知']],
];

const TOP_PHRASES: [RequestRow, string[]][] = [
  ['received', ['本年新收']],
  ['carriedOver', ['上年结转']],
  ['carriedForward', ['结转下年']],
  ['partlyGranted', ['部分公开']],
  ['granted', ['予以公开']],
  ['totalHandled', ['总计']],
];

/**
 * The table 三 row a label names, or `otherSingleRow` for a （六）其他处理 printed as one row
 * (2019 edition, and some 2021 reports), or null. `group` is the group heading in force
 * when the label itself does not carry it (a merged cell printed once for several rows).
 */
export function matchRequestRow(label: string, group: RowGroup | null = null): RequestRow | 'otherSingleRow' | null {
  const t = normalizeLabel(label);
  if (t === '') return null;
  for (const [row, phrases] of LEAF_PHRASES) if (phrases.some((p) => t.includes(p))) return row;
  const inGroup = groupOf(t) ?? group;
  const rest = t
    .replace(/三.?本年度办理结果/, '')
    .replace(/（六）|六./, '')
    .replace('其他处理', '');
  if (inGroup === 'other' && /^3\.?其他$|^其他$/.test(rest)) return 'otherOther';
  if (t.includes('其他处理') && rest === '') return 'otherSingleRow';
  for (const [row, phrases] of TOP_PHRASES) if (phrases.some((p) => t.includes(p))) return row;
  return null;
}

export type ProactiveRow =
  | 'rules'
  | 'normativeDocuments'
  | 'licensing'
  | 'otherServices'
  | 'punishment'
  | 'coercion'
  | 'fees'
  | 'procurement';

/** The table 二 row a label names. `otherServices` and `procurement` exist only in the 2019 edition. */
export function matchProactiveRow(label: string): ProactiveRow | null {
  const t = normalizeLabel(label);
  if (/^(行政)?规范性文件$/.test(t)) return 'normativeDocuments';
  if (/^规章$/.test(t)) return 'rules';
  if (t === '行政许可') return 'licensing';
  if (t.startsWith('其他对外管理服务')) return 'otherServices';
  if (t === '行政处罚') return 'punishment';
  if (t === '行政强制') return 'coercion';
  if (t === '行政事业性收费') return 'fees';
  if (t === '政府集中采购') return 'procurement';
  return null;
}

/** Printed columns of each table 二 row: the 2021 paths, or the 2019 column labels kept in `legacy`. */
export const PROACTIVE_2021: Partial<Record<ProactiveRow, string[]>> = {
  rules: ['proactive.rules.issued', 'proactive.rules.repealed', 'proactive.rules.inForce'],
  normativeDocuments: [
    'proactive.normativeDocuments.issued',
    'proactive.normativeDocuments.repealed',
    'proactive.normativeDocuments.inForce',
  ],
  licensing: ['proactive.licensing'],
  punishment: ['proactive.punishment'],
  coercion: ['proactive.coercion'],
  fees: ['proactive.feesTenThousandYuan'],
};

const COUNT_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量'];
const ITEMS_2019 = ['上一年项目数量', '本年增/减', '处理决定数量'];

export const PROACTIVE_2019: Record<ProactiveRow, { item: string; label: string; columns: string[] }> = {
  rules: { item: '第二十条第（一）项', label: '规章', columns: COUNT_2019 },
  normativeDocuments: { item: '第二十条第（一）项', label: '规范性文件', columns: COUNT_2019 },
  licensing: { item: '第二十条第（五）项', label: '行政许可', columns: ITEMS_2019 },
  otherServices: { item: '第二十条第（五）项', label: '其他对外管理服务事项', columns: ITEMS_2019 },
  punishment: { item: '第二十条第（六）项', label: '行政处罚', columns: ITEMS_2019 },
  coercion: { item: '第二十条第（六）项', label: '行政强制', columns: ITEMS_2019 },
  fees: { item: '第二十条第（八）项', label: '行政事业性收费', columns: ['上一年项目数量', '本年增/减'] },
  procurement: { item: '第二十条第（九）项', label: '政府集中采购', columns: ['采购项目数量', '采购总金额'] },
};

/**
 * A 2019-edition cell kept verbatim by its key, as our writers print the cells that the printed table 二 has no
 * place for (appendix "附表"): "第二十条第（一）项/规章/本年新制作数量".
 */
export const LEGACY_KEY = /^第二十条第（[一二三四五六七八九十]+）项\/[^/]+\/.+$/;

/** In the 2019 edition the 处理决定数量 of these rows map onto the 2021 cells (spec §7). */
export const PROACTIVE_2019_MAPPED: Partial<Record<ProactiveRow, string>> = {
  licensing: 'proactive.licensing',
  punishment: 'proactive.punishment',
  coercion: 'proactive.coercion',
};
