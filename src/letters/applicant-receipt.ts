// The applicant's receipt as a document (DOCX, or PDF printed by the local Chromium): what the printable receipt page
// shows — 查询号, 查询码, applicant kind, agency, submission time, the information asked for — laid out as a letter
// (docx.ts / pdf.ts), so that it can be kept or printed like the agency's other letters. Before staff confirm
// receipt it is a 提交回执; once the date of receipt is known (条例第三十一条) a 受理回执 with that date and the
// reply deadline. Not numbered and not sealed: it is generated on request, not issued (the numbered 受理回执 is
// staff's letter, letters/compose.ts). The 查询号 and 查询码 are checked exactly as on the status page.
import { normalizeQueryCode } from '../applications/codes.ts';
import type { Application } from '../applications/model.ts';
import { CHANNEL_LABELS, DELIVERY_LABELS, PROVISION_FORM_LABELS } from '../applications/model.ts';
import { statusForApplicant } from '../applications/queries.ts';
import { findByTrackingNo } from '../applications/repository.ts';
import { beijingDate, chineseDate } from '../calendar/dates.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { APPLICANT_LABELS } from '../report/labels.ts';
import { renderLetterDocx } from './docx.ts';
import type { Letter } from './model.ts';
import { renderLetterPdf } from './pdf.ts';
import type { LetterFile } from './service.ts';

const LAW = '《中华人民共和国政府信息公开条例》';
const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** 自然人, or 法人或其他组织 with its kind (the columns of report table 三). */
export function applicantKindText(kind: Application['applicantKind']): string {
  return kind === 'naturalPerson' ? APPLICANT_LABELS[kind] : `法人或其他组织（${APPLICANT_LABELS[kind]}）`;
}

/** “2026年2月26日 10:20（北京时间）”. */
export function submittedText(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${chineseDate(t.slice(0, 10))} ${t.slice(11, 16)}（北京时间）`;
}

/** The receipt as a letter. today: the Beijing date it is generated on. */
export function receiptLetter(app: Application, agencyName: string, queryCode: string, today: string): Letter {
  const received = app.receivedOn !== null;
  const opening = `您于${submittedText(app.submittedAt)}以${CHANNEL_LABELS[app.channel]}方式提出的政府信息公开申请`;
  const clock = received
    ? `${opening}，本机关已于${chineseDate(app.receivedOn as string)}收到。根据${LAW}第三十三条的规定，本机关将自收到申请之日起20个工作日内予以答复${app.dueDate && app.status !== 'closed' ? `（目前的答复期限为${chineseDate(app.dueDate)}）` : ''}；需要延长答复期限的，将另行告知。`
    : `${opening}已提交。根据${LAW}第三十一条的规定，通过互联网渠道提交的，以双方确认之日为收到申请之日；本机关确认后，自收到申请之日起20个工作日内予以答复。`;
  return {
    kind: 'receipt',
    agencyName,
    title: received ? '政府信息公开申请受理回执' : '政府信息公开申请提交回执',
    number: `查询号：${app.trackingNo}`,
    addressee: `${app.applicantName}：`,
    paragraphs: [
      clock,
      `查询号：${app.trackingNo}`,
      `查询码：${(queryCode.match(/.{1,4}/g) ?? []).join(' ')}`,
      `申请人类型：${applicantKindText(app.applicantKind)}`,
      `受理机关：${agencyName}`,
      `提交时间：${submittedText(app.submittedAt)}`,
      ...(received ? [`收到申请之日：${chineseDate(app.receivedOn as string)}`] : []),
      `所需信息：${app.description.trim()}`,
      `提供形式和获取方式：${PROVISION_FORM_LABELS[app.provisionForm]}，${DELIVERY_LABELS[app.delivery]}`,
      '请妥善保管查询号和查询码，不要告诉他人。凭查询号和查询码可在本机关政府信息公开网站“依申请公开”栏目查询办理进度、下载本机关发出的文书。',
    ],
    remedy: null,
    contact: [],
    issuedOn: today,
    dateText: `${chineseDate(today)}生成`,
    seal: '（本回执由系统生成，无需盖章）',
  };
}

/**
 * The receipt for the applicant, with the 查询号 and 查询码: a wrong pair gives the status page's generic failure
 * (and its audit entry), through statusForApplicant.
 */
export async function receiptFileForApplicant(
  ctx: Context,
  trackingNo: string,
  queryCode: string,
  format: 'docx' | 'pdf',
  clientAddress: string | null = null,
): Promise<LetterFile> {
  const status = await statusForApplicant(ctx, trackingNo, queryCode, clientAddress);
  const found = await findByTrackingNo(ctx.db.kysely, status.trackingNo);
  if (!found) throw errors.applicationLookupFailed();
  if (format !== 'docx' && format !== 'pdf') throw errors.validation('format', '文件格式', '应为 docx 或 pdf');
  const code = normalizeQueryCode(queryCode);
  const letter = receiptLetter(found.application, status.agencyName, code, beijingDate(ctx.clock()));
  const data = format === 'docx' ? await renderLetterDocx(letter) : await renderLetterPdf(letter);
  const name = `${letter.title}（${found.application.trackingNo}）`;
  return { filename: `${name}.${format}`, contentType: CONTENT_TYPES[format], data };
}
