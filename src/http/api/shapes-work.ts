// Response shapes of the case-work routes (proposals, letters, attachments) and the public tools (fees, calendar,
// deadline), for the OpenAPI document; tests parse real responses with them.
import { z } from 'zod';
import { OUTCOME_LEAVES } from '../../report/model.ts';

const text = z.string();
const maybe = z.string().nullable();
const int = z.number().int();

export const proposal = z
  .object({
    id: int,
    applicationId: int,
    outcome: z.enum(OUTCOME_LEAVES),
    outcomeLabel: text,
    reason: maybe,
    basis: maybe,
    status: z.enum(['pending', 'returned', 'approved']),
    statusLabel: text,
    proposedAt: text,
    proposedBy: text,
    reviewedAt: maybe,
    reviewedBy: maybe,
    reviewComment: maybe,
    decidedOn: maybe,
  })
  .strict()
  .describe('拟答复意见');

export const delivery = z
  .object({ id: int, letterId: int, method: text, deliveredOn: text, proof: maybe, createdAt: text, createdBy: text })
  .strict()
  .describe('送达记录');

export const letter = z
  .object({
    id: int,
    kind: text,
    kindLabel: text,
    number: text.describe('文号，如“X公复〔2026〕1号”'),
    issuedOn: text,
    createdBy: text,
    createdAt: text,
    deliveries: z.array(delivery),
  })
  .strict()
  .describe('文书（不含正文）');

export const attachment = z
  .object({
    id: int,
    applicationId: int,
    ownerKind: text,
    fileName: text,
    mediaType: text,
    size: int,
    sha256: text,
    audience: text,
    uploadedBy: text,
    createdAt: text,
  })
  .strict()
  .describe('附件（不含内容）');

export const fee = z
  .object({
    basis: z.enum(['items', 'pages']),
    quantity: int,
    amount: int.describe('元'),
    lines: z.array(z.object({ from: int, to: int, count: int, unitPrice: int, amount: int, text: text }).strict()),
    text: z.array(text).describe('收费通知书上的算式，末行为合计'),
  })
  .strict()
  .describe('信息处理费（国办函〔2020〕109号）');

export const calendarDay = z
  .object({ date: text, kind: z.enum(['holiday', 'workday']), kindLabel: text, name: text })
  .strict();

export const calendarYear = z
  .object({ year: int, complete: z.boolean(), source: maybe, days: z.array(calendarDay) })
  .strict()
  .describe('一年的节假日和调休工作日（其余按周一至周五工作）');

export const deadline = z.object({ from: text, days: int, date: text.describe('第 N 个工作日') }).strict();

export const binary = z.string().describe('文件内容（二进制）');

export const WORK_COMPONENTS: Record<string, z.ZodType> = {
  Proposal: proposal,
  Letter: letter,
  Delivery: delivery,
  Attachment: attachment,
  Fee: fee,
  CalendarYear: calendarYear,
};
