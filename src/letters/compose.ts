// Composing a letter (spec §5): the application, the agency and the event in, the letter's parts out. Pure: the
// number and the date are given. Only the addressee's name is personal data on a letter — never the ID number,
// phone or address (the third party's letter does not even name the applicant).
import type { Agency } from '../agencies/model.ts';
import { computeFee, FEE_BASIS_LABELS, type FeeBasis } from '../applications/fees.ts';
import type { Application, OutcomeCode } from '../applications/model.ts';
import { isIsoDate } from '../calendar/dates.ts';
import { errors } from '../errors.ts';
import { LETTER_TITLES, type Letter, type LetterKind } from './model.ts';
import { decisionParagraphs, type ReplyDetails } from './replies.ts';

export const SEAL = '（印章）';
const LAW = '《中华人民共和国政府信息公开条例》（以下简称《条例》）';

export interface LetterDetails extends ReplyDetails {
  /** The date on the letter; default today (Beijing). */
  issuedOn?: string;
  /** 答复书: default the application's recorded outcome. */
  outcome?: OutcomeCode;
  /** 补正告知书: what is unclear and what to supply; the period given. */
  problems?: string;
  replyBy?: string;
  /** 征求第三方意见书: the third party addressed; the date the consultation started. */
  thirdPartyName?: string;
  /** 延期答复告知书: working days added and the new deadline (default the application's). */
  days?: number;
  dueDate?: string;
  /** 收费通知书: the basis, the count (applications in the month, or pages), the month counted, the deadline. */
  feeBasis?: FeeBasis;
  quantity?: number;
  month?: string;
  payBy?: string;
  /** How to pay (account, counter); printed as given. */
  payment?: string;
}

export type LetterApplication = Pick<
  Application,
  'applicantName' | 'trackingNo' | 'description' | 'receivedOn' | 'dueDate' | 'outcome'
>;
export type LetterAgency = Pick<
  Agency,
  'name' | 'kind' | 'reviewBody' | 'court' | 'officeAddress' | 'officePhone' | 'letterPrefix' | 'shortName'
>;

export interface ComposeInput {
  kind: LetterKind;
  application: LetterApplication;
  agency: LetterAgency;
  /** The agency above (for the default 复议机关 of a department: 本级人民政府). */
  parent: Pick<Agency, 'name' | 'kind'> | null;
  number: string;
  issuedOn: string;
  details?: LetterDetails;
}

/** 2025-11-03 → 2025年11月3日. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

const need = (name: string, label: string, problem = '不能为空') => errors.validation(name, label, problem);

function date(value: string | null | undefined, name: string, label: string): string {
  if (!value || !isIsoDate(value)) throw need(name, label, '应为“YYYY-MM-DD”格式的日期，如 2025-09-29');
  return chineseDate(value);
}

/**
 * 复议机关 under the 2024 行政复议法 (第二十四条): a department's acts are reviewed by the 本级人民政府; a people's
 * government's by the 上一级人民政府. The agency's own setting (agencies.review_body) wins.
 */
export function reviewBodyOf(agency: LetterAgency, parent: ComposeInput['parent']): string {
  if (agency.reviewBody?.trim()) return agency.reviewBody.trim();
  if (agency.kind === 'department') return parent?.kind === 'government' ? parent.name : '本级人民政府';
  return parent?.kind === 'government' ? parent.name : '上一级人民政府';
}

/** 告知救济途径: 行政复议法第二十条 (60 days), 行政诉讼法第四十六条 (6 months). */
export function remedyNotice(agency: LetterAgency, parent: ComposeInput['parent']): string {
  const court = agency.court?.trim() || '有管辖权的人民法院';
  return `如对本答复不服，可以自收到本答复之日起六十日内向${reviewBodyOf(agency, parent)}申请行政复议，也可以自收到本答复之日起六个月内向${court}提起行政诉讼。`;
}

function opening(app: LetterApplication): string {
  const received = date(app.receivedOn, 'receivedOn', '收到申请之日');
  return `本机关于${received}收到您提出的政府信息公开申请，申请获取“${app.description.trim()}”。`;
}

interface Body {
  addressee?: string;
  paragraphs: string[];
  remedy?: string | null;
}

function body(input: ComposeInput): Body {
  const { application: app, agency, parent } = input;
  const d = input.details ?? {};
  switch (input.kind) {
    case 'receipt':
      return {
        paragraphs: [
          `${opening(app)}您的申请已登记，查询号为${app.trackingNo}，可凭查询号和查询码查询办理进度。`,
          `根据${LAW}第三十三条的规定，本机关将自收到申请之日起20个工作日内予以答复${app.dueDate ? `（答复期限为${chineseDate(app.dueDate)}）` : ''}；需要延长答复期限的，将另行书面告知。`,
        ],
      };
    case 'correction':
      // 条例第三十条: 一次性告知补正事项和合理的补正期限; 答复期限自收到补正的申请之日起计算.
      if (!d.problems?.trim()) throw need('problems', '需要补正的事项');
      return {
        paragraphs: [
          `${opening(app)}经审查，您的申请内容不明确：${d.problems.trim().replace(/[。；]$/, '')}。`,
          `根据${LAW}第三十条的规定，请您于${date(d.replyBy, 'replyBy', '补正期限')}前对申请内容作出补正，说明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        ],
      };
    case 'thirdPartyConsultation':
      // 条例第三十二条: 书面征求第三方意见; 第三方自收到之日起15个工作日内提出意见.
      if (!d.thirdPartyName?.trim()) throw need('thirdPartyName', '第三方名称');
      return {
        addressee: d.thirdPartyName.trim(),
        paragraphs: [
          `本机关收到政府信息公开申请，申请获取“${app.description.trim()}”。经审查，该政府信息的公开可能损害你方的合法权益。`,
          `根据${LAW}第三十二条的规定，现书面征求你方意见。请你方自收到本意见书之日起15个工作日内提出书面意见，不同意公开的，请说明理由；逾期未提出意见的，由本机关依照《条例》的规定决定是否公开。`,
          '第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知你方。',
        ],
      };
    case 'consultationNotice':
      // 条例第三十三条第三款: 征求意见所需时间不计算在答复期限内.
      return {
        paragraphs: [
          `${opening(app)}因您申请公开的政府信息涉及第三方合法权益（或者需要征求其他机关意见），本机关已依法书面征求意见。`,
          `根据${LAW}第三十二条、第三十三条第三款的规定，征求意见所需时间不计算在答复期限内。本机关将在征求意见结束后依法作出答复。`,
        ],
      };
    case 'extension': {
      // 条例第三十三条第二款: 经政府信息公开工作机构负责人同意并告知申请人，延长不超过20个工作日.
      const days = d.days;
      if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > 20)
        throw need('days', '延长的工作日数', '应为1至20之间的整数');
      const due = d.dueDate ?? app.dueDate;
      const reason = d.reason?.trim() ? `因${d.reason.trim().replace(/[。；]$/, '')}，` : '因情况复杂，';
      return {
        paragraphs: [
          `${opening(app)}${reason}本机关不能在规定期限内作出答复。`,
          `根据${LAW}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${days}个工作日${due ? `，延长后的答复期限为${chineseDate(due)}` : ''}。`,
        ],
      };
    }
    case 'feeNotice': {
      // 国办函〔2020〕109号: 超额累进; 缴费期间不计算在答复期限内; 逾期未缴纳视为放弃申请.
      if (!d.feeBasis) throw need('feeBasis', '计费方式', '应为按件（items）或按量（pages）');
      const fee = computeFee(d.feeBasis, d.quantity as number);
      if (fee.amount === 0)
        throw need('quantity', d.feeBasis === 'items' ? '申请件数' : '页数', '未超过免费额度，无需收费');
      const scope =
        d.feeBasis === 'items'
          ? `您${d.month?.trim() ? `于${d.month.trim()}` : '在同一自然月内'}向本机关提出政府信息公开申请共${fee.quantity}件`
          : `您申请获取的政府信息共${fee.quantity}页`;
      return {
        paragraphs: [
          `${opening(app)}${scope}，数量明显超过合理范围。`,
          `根据${LAW}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定${FEE_BASIS_LABELS[d.feeBasis]}信息处理费，按超额累进方式计算如下：`,
          ...fee.text,
          `请您于${date(d.payBy, 'payBy', '缴费期限')}前缴纳信息处理费${fee.amount}元。${d.payment?.trim() ? `缴费方式：${d.payment.trim().replace(/[。；]$/, '')}。` : ''}`,
          '自本机关发出收费通知之日起至您缴纳费用之日止的期间，不计算在答复期限内。您逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
        ],
      };
    }
    case 'reply': {
      const outcome = d.outcome ?? app.outcome;
      if (!outcome) throw need('outcome', '办理结果', '尚未记录办理结果');
      return {
        paragraphs: [`${opening(app)}本机关依照${LAW}的规定，现答复如下：`, ...decisionParagraphs(outcome, d)],
        remedy: remedyNotice(agency, parent),
      };
    }
  }
}

export function composeLetter(input: ComposeInput): Letter {
  const { agency } = input;
  const b = body(input);
  const contact = [
    ...(agency.officeAddress ? [`联系地址：${agency.officeAddress}`] : []),
    ...(agency.officePhone ? [`联系电话：${agency.officePhone}`] : []),
  ];
  return {
    kind: input.kind,
    agencyName: agency.name,
    title: LETTER_TITLES[input.kind],
    number: input.number,
    addressee: `${(b.addressee ?? input.application.applicantName).trim()}：`,
    paragraphs: b.paragraphs,
    remedy: b.remedy ?? null,
    contact,
    issuedOn: input.issuedOn,
    dateText: chineseDate(input.issuedOn),
    seal: SEAL,
  };
}
