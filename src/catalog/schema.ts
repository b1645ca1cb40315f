// Input of the catalogue's forms and API, with the labels messages name.
import { z } from 'zod';
import { isoDate, optionalText, text } from '../validation-fields.ts';
import { BODY_FORMATS, KINDS, MODES, VALIDITY } from './model.ts';

export const CATALOG_FIELD_LABELS: Record<string, string> = {
  agencyId: '发布机关',
  kind: '信息类别',
  title: '标题',
  docNo: '文号',
  issuer: '发布机构',
  formedOn: '成文日期',
  changedOn: '变更日期',
  topic: '主题分类',
  article20: '条例第二十条事项',
  standardArea: '标准目录领域',
  disclosureMode: '公开方式',
  withheldReason: '不予公开的理由',
  bodyFormat: '正文格式',
  body: '正文',
  interpretsId: '所解读的政策',
  note: '修改说明',
  validity: '效力状态',
  onDate: '效力变更日期',
  replacedById: '替代文件',
  comment: '审查意见',
  secrecyChecked: '保密审查',
  reason: '撤回理由',
  publishedOn: '发布日期',
};

const optionalDate = z
  .union([isoDate, z.literal('')])
  .nullish()
  .transform((v) => (v ? v : null));
const optionalId = z
  .union([z.number({ error: '应为信息编号' }).int().positive(), z.literal(''), z.null()])
  .optional()
  .transform((v) => (typeof v === 'number' ? v : null));

export const itemInput = z
  .object({
    kind: z.enum(KINDS, { error: '应为规章、行政规范性文件、其他文件、政策解读、通知公告或其他信息' }),
    title: text(300),
    docNo: optionalText(100),
    issuer: optionalText(100),
    formedOn: isoDate,
    changedOn: optionalDate,
    topic: optionalText(50),
    article20: z
      .union([z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']), z.literal('')])
      .nullish()
      .transform((v) => (v ? v : null)),
    standardArea: optionalText(50),
    disclosureMode: z.enum(MODES, { error: '应为主动公开、依申请公开或不予公开' }).default('active'),
    withheldReason: optionalText(500),
    bodyFormat: z.enum(BODY_FORMATS, { error: '应为 markdown 或 html' }).default('markdown'),
    body: z.string().max(500_000, '不得超过50万个字符').default(''),
    interpretsId: optionalId,
    note: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.disclosureMode === 'withheld' && !v.withheldReason)
      ctx.addIssue({ code: 'custom', path: ['withheldReason'], message: '不予公开的信息须写明理由和依据' });
    if (v.kind === 'interpretation' && v.interpretsId === null)
      ctx.addIssue({ code: 'custom', path: ['interpretsId'], message: '政策解读须选择所解读的政策文件' });
    if (v.kind !== 'interpretation' && v.interpretsId !== null)
      ctx.addIssue({ code: 'custom', path: ['interpretsId'], message: '只有政策解读可以关联所解读的政策' });
  });
export type ItemInput = z.input<typeof itemInput>;

export const reviewInput = z.object({
  approve: z.boolean({ error: '请选择通过或退回' }),
  secrecyChecked: z.boolean().default(false),
  comment: optionalText(1000),
});
export type ReviewInput = z.input<typeof reviewInput>;

export const validityInput = z.object({
  validity: z.enum(VALIDITY, { error: '应为有效、已修改、废止或失效' }),
  onDate: isoDate,
  replacedById: optionalId,
  note: optionalText(500),
});
export type ValidityInput = z.input<typeof validityInput>;

export const publishInput = z.object({ publishedOn: optionalDate });
export type PublishInput = z.input<typeof publishInput>;

export const withdrawInput = z.object({ reason: text(500) });
export type WithdrawInput = z.input<typeof withdrawInput>;
