// Input of the appeal case forms and API, with the labels messages name.
import { z } from 'zod';
import { isoDate, optionalText, text } from '../validation-fields.ts';
import { KINDS, RESULTS, ROLES } from './model.ts';

export const APPEAL_FIELD_LABELS: Record<string, string> = {
  agencyId: '被申请人或被告机关',
  kind: '案件类型',
  role: '本机关的地位',
  trackingNo: '相关申请的查询号',
  earlierCaseId: '此前的行政复议案件',
  bodyName: '复议机关或人民法院',
  caseNo: '案号或复议决定书文号',
  appellantName: '申请人或原告',
  filedOn: '受理或立案日期',
  result: '审理结果',
  resultOn: '结果日期',
  resultNote: '结果说明',
  note: '备注',
  documents: '文书',
};

const id = z.number({ error: '应为编号' }).int('应为编号').positive('应为编号');
const choice = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `请选择${what}` });
const optionalDate = z
  .union([z.literal(''), isoDate])
  .nullish()
  .transform((v) => (v ? v : null));

export const caseInput = z
  .object({
    kind: choice(KINDS, '案件类型'),
    role: choice(ROLES, '本机关的地位').default('original'),
    trackingNo: optionalText(40).transform((v) => (v ? v.toUpperCase() : null)),
    earlierCaseId: id.nullish().transform((v) => v ?? null),
    bodyName: text(100),
    caseNo: optionalText(100),
    appellantName: text(100),
    filedOn: isoDate,
    result: choice(RESULTS, '审理结果').default('pending'),
    resultOn: optionalDate,
    resultNote: optionalText(1000),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.role === 'reviewBodyCoDefendant' && v.kind !== 'litigationAfterReconsideration')
      issue('role', '只有“行政诉讼（复议后起诉）”案件中，复议机关才可能作为共同被告');
    if (v.earlierCaseId !== null && v.kind !== 'litigationAfterReconsideration')
      issue('earlierCaseId', '只有“行政诉讼（复议后起诉）”案件可以关联此前的行政复议案件');
    if (v.result !== 'pending' && v.resultOn === null) issue('resultOn', '已审结的案件请填写结果日期');
    if (v.result === 'pending' && v.resultOn !== null) issue('resultOn', '尚未审结的案件不填写结果日期');
    if (v.resultOn !== null && v.resultOn < v.filedOn) issue('resultOn', '不能早于受理或立案日期');
  });
export type CaseInput = z.input<typeof caseInput>;
export type CaseValues = z.output<typeof caseInput>;
