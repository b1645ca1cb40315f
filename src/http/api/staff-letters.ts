// Letters and attachments of a case for staff (session cookie; X-CSRF-Token on POST): the letters issued (with
// their deliveries), issuing one, the DOCX as issued or a PDF printed by the local Chromium, recording a delivery;
// the case's files and one file's bytes. Thin wrappers: the services check the policy (the agency's staff only).
import { Hono } from 'hono';
import { z } from 'zod';
import { OUTCOME_LEAVES } from '../../applications/model.ts';
import { attachmentFile, listAttachments } from '../../attachments/service.ts';
import { caseLetters, issueCaseLetter } from '../../letters/case-letters.ts';
import { recordDelivery } from '../../letters/deliveries.ts';
import { LETTER_KINDS } from '../../letters/model.ts';
import { letterFile } from '../../letters/service.ts';
import { findChromium } from '../../report/write/pdf.ts';
import { isoDateShape as isoDate } from '../../validation-fields.ts';
import { download } from '../console/application-attachments.tsx';
import { contentDisposition } from '../console/application-detail.tsx';
import type { AppEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import type { Operation } from './operation.ts';
import { presentAttachment, presentDelivery, presentLetter } from './present-work.ts';
import { apiError, jsonBody, parse } from './respond.ts';
import { attachment, binary, delivery, letter } from './shapes-work.ts';
import { ID_LABELS, idParams } from './staff-applications.ts';

const LABELS: Record<string, string> = {
  kind: '文书种类',
  details: '文书内容',
  amount: '确认收费金额',
  method: '送达方式',
  date: '送达日期',
  proof: '送达凭证',
};
const words = (max: number) => z.string().max(max, `不得超过${max}个字符`).optional();

export const letterDetails = z
  .object({
    issuedOn: isoDate.optional().describe('成文日期，默认今天'),
    outcome: z.enum(OUTCOME_LEAVES, { error: '应为年度报告表三的21项办理结果之一' }).optional(),
    reason: words(2000).describe('答复理由'),
    where: words(500).describe('可获取该信息的方式或途径'),
    rightAgency: words(200).describe('负责公开该信息的机关'),
    rightAgencyContact: words(200).describe('该机关的联系方式'),
    previousReply: words(200).describe('此前答复的文号或日期'),
    problems: words(2000).describe('补正：需要补正的事项'),
    replyBy: isoDate.optional().describe('补正期限'),
    thirdPartyName: words(100).describe('第三方名称'),
    days: z.number().int().min(1).max(20).optional().describe('延长的工作日数'),
    dueDate: isoDate.optional().describe('延长后的答复期限'),
    feeBasis: z.enum(['items', 'pages'], { error: '应为按件（items）或按量（pages）' }).optional(),
    quantity: z.number().int().min(0).optional().describe('申请件数或页数'),
    month: words(20).describe('计件的月份，如“2026年3月”'),
    payBy: isoDate.optional().describe('缴费期限'),
    payment: words(500).describe('缴费方式'),
  })
  .strict();
export const issueBody = z.object({
  kind: z.enum(LETTER_KINDS, { error: `应为${LETTER_KINDS.join('、')}之一` }),
  details: letterDetails.optional(),
  amount: z.number().int().optional().describe('收费通知书：确认的收费金额（元），须与系统计算一致'),
});
export const deliveryBody = z.object({
  method: z.enum(['post', 'email', 'inPerson', 'online'], { error: '应为邮寄、电子邮件、当面领取或网上查看' }),
  date: isoDate,
  proof: z.string().max(500, '不得超过500个字符').nullish(),
});
const formatParams = z.object({ id: idParams.shape.id });

export const PDF_NEEDS_CHROMIUM = 'PDF 需要在服务器上安装 Chromium（或设置其路径）；DOCX 格式可直接下载';

export const staffLetterRoutes = new Hono<AppEnv>();

staffLetterRoutes.get('/applications/:id{[0-9]+}/letters', async (c) => {
  const { id } = parse(idParams, c.req.param(), ID_LABELS);
  const { letters, pdfAvailable } = await caseLetters(actorOf(c), c.get('ctx'), id);
  return c.json({ letters: letters.map((l) => presentLetter(l, l.deliveries)), pdfAvailable });
});

staffLetterRoutes.post('/applications/:id{[0-9]+}/letters', async (c) => {
  const { id } = parse(idParams, c.req.param(), ID_LABELS);
  const { kind, details, amount } = parse(issueBody, await jsonBody(c), LABELS);
  const issued = await issueCaseLetter(actorOf(c), c.get('ctx'), id, kind, details ?? {}, amount ?? null);
  return c.json({ letter: presentLetter(issued.letter) }, 201);
});

for (const format of ['docx', 'pdf'] as const) {
  staffLetterRoutes.get(`/letters/:id{[0-9]+}/${format}`, async (c) => {
    const { id } = parse(formatParams, c.req.param(), { id: '文书编号' });
    if (format === 'pdf' && findChromium() === null) {
      // The policy first: who may not read the letter learns nothing, not even that PDF is unavailable.
      await letterFile(actorOf(c), c.get('ctx'), id, 'docx');
      return apiError(c, 503, 'pdfUnavailable', PDF_NEEDS_CHROMIUM);
    }
    const file = await letterFile(actorOf(c), c.get('ctx'), id, format);
    c.header('content-type', file.contentType);
    c.header('content-disposition', contentDisposition(file.filename, `letter-${id}.${format}`));
    c.header('cache-control', 'private, no-store');
    return c.body(file.data as Uint8Array<ArrayBuffer>);
  });
}

staffLetterRoutes.post('/letters/:id{[0-9]+}/deliveries', async (c) => {
  const { id } = parse(formatParams, c.req.param(), { id: '文书编号' });
  const input = parse(deliveryBody, await jsonBody(c), LABELS);
  const recorded = await recordDelivery(actorOf(c), c.get('ctx'), id, input);
  return c.json({ delivery: presentDelivery(recorded) }, 201);
});

staffLetterRoutes.get('/applications/:id{[0-9]+}/attachments', async (c) => {
  const { id } = parse(idParams, c.req.param(), ID_LABELS);
  const files = await listAttachments(actorOf(c), c.get('ctx'), id);
  return c.json({ attachments: files.map(presentAttachment) });
});

staffLetterRoutes.get('/attachments/:id{[0-9]+}', async (c) => {
  const { id } = parse(formatParams, c.req.param(), { id: '附件编号' });
  const { attachment: found, data } = await attachmentFile(actorOf(c), c.get('ctx'), id);
  return download(c, found, data);
});

const STAFF = '依申请公开（工作人员）' as const;
const common = { tag: STAFF, staff: true, labels: LABELS, params: idParams } as const;
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const staffLetterOperations: Operation[] = [
  {
    ...common,
    method: 'get',
    path: '/applications/{id}/letters',
    summary: '一件申请已制作的文书及其送达记录',
    response: z.object({ letters: z.array(letter), pdfAvailable: z.boolean() }),
    errors: [401, 403, 404],
  },
  {
    ...common,
    method: 'post',
    path: '/applications/{id}/letters',
    summary: '制作一份文书（受理回执、补正告知书、征求意见书、延期答复告知书、收费通知书、答复书），编号并保存',
    description: '收费通知书须在 amount 中填写按 details.feeBasis 与 details.quantity 计算出的金额以示确认。',
    json: issueBody,
    response: z.object({ letter }),
    status: 201,
    errors: [400, 401, 403, 404, 409],
  },
  {
    ...common,
    method: 'get',
    path: '/letters/{id}/docx',
    summary: '下载文书（DOCX，与制作时完全一致）',
    response: binary,
    produces: docx,
    errors: [401, 403, 404],
  },
  {
    ...common,
    method: 'get',
    path: '/letters/{id}/pdf',
    summary: '下载文书（PDF，需服务器安装 Chromium，否则返回 503）',
    response: binary,
    produces: 'application/pdf',
    errors: [401, 403, 404, 503],
  },
  {
    ...common,
    method: 'post',
    path: '/letters/{id}/deliveries',
    summary: '记录文书的送达（方式、日期、凭证）',
    json: deliveryBody,
    response: z.object({ delivery }),
    status: 201,
    errors: [400, 401, 403, 404],
  },
  {
    ...common,
    method: 'get',
    path: '/applications/{id}/attachments',
    summary: '一件申请的附件（申请人提交的和答复所附的）',
    response: z.object({ attachments: z.array(attachment) }),
    errors: [401, 403, 404],
  },
  {
    ...common,
    method: 'get',
    path: '/attachments/{id}',
    summary: '下载一个附件',
    response: binary,
    produces: 'application/octet-stream',
    errors: [401, 403, 404],
  },
];
