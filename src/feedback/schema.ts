// Input of the feedback forms and API, with the labels messages name.
import { z } from 'zod';
import { optionalText, text } from '../validation-fields.ts';
import { ANSWER_MODES, CLOSE_REASONS, KINDS } from './model.ts';

export const FEEDBACK_FIELD_LABELS: Record<string, string> = {
  agencyId: '受理机关',
  itemId: '相关信息',
  kind: '留言类型',
  subject: '标题',
  content: '留言内容',
  name: '姓名或称呼',
  contact: '联系方式',
  publishConsent: '是否同意公开',
  mode: '答复方式',
  answer: '答复内容',
  publicSubject: '公开的标题',
  publicContent: '公开的留言内容',
  reason: '关闭原因',
  note: '关闭说明',
  deadlineDays: '答复期限（工作日）',
  messageNo: '留言编号',
  queryCode: '查询码',
};

const id = z.number({ error: '应为编号' }).int('应为编号').positive('应为编号');
const choice = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `请选择${what}` });

const PHONE = /^[\d\s()+-]{7,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const submitInput = z
  .object({
    agencyId: id.nullish().transform((v) => v ?? null),
    itemId: id.nullish().transform((v) => v ?? null),
    kind: choice(KINDS, '留言类型'),
    subject: text(100),
    content: text(2000),
    name: optionalText(50),
    contact: optionalText(100).refine(
      (v) => v === null || EMAIL.test(v) || (PHONE.test(v) && v.replace(/\D/g, '').length >= 7),
      '应为手机号码、固定电话或电子邮箱，如 13812345678 或 name@example.com',
    ),
    publishConsent: z.boolean({ error: '应为是或否' }).default(false),
  })
  .superRefine((v, ctx) => {
    if (v.agencyId === null && v.itemId === null)
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: '请选择' });
    if (v.contact !== null && v.name === null)
      ctx.addIssue({ code: 'custom', path: ['name'], message: '留下联系方式以便私下答复的，请填写姓名或称呼' });
  });
export type SubmitInput = z.input<typeof submitInput>;

export const answerInput = z.object({
  mode: choice(ANSWER_MODES, '答复方式'),
  answer: text(5000),
  publicSubject: optionalText(100),
  publicContent: optionalText(2000),
});
export type AnswerInput = z.input<typeof answerInput>;

export const closeInput = z.object({
  reason: choice(CLOSE_REASONS, '关闭原因'),
  note: optionalText(500),
});
export type CloseInput = z.input<typeof closeInput>;

export const deadlineInput = z.object({
  deadlineDays: z
    .number({ error: '应为1至60的整数' })
    .int('应为1至60的整数')
    .min(1, '至少1个工作日')
    .max(60, '不得超过60个工作日'),
});
