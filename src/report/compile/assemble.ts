// The compiler's pure half: the facts gathered from an agency's records for a year in, the annual report out.
// Every total is computed here from its parts, so the report's 勾稽关系 holds by construction:
//   表三 each column: received + carriedOver = totalHandled + carriedForward (countYear counts each application
//        once on each side), totalHandled = Σ the 21 leaves; each row: total = Σ the six applicant kinds;
//   表四 each group: total = upheld + corrected + other + pending.
// The narrative sections 一 and 五 are a first draft from the records, marked as such for the clerk to rewrite;
// section 六 states the 信息处理费 billed and collected (国办函〔2020〕109号), or that none was.
import type { YearCounts } from '../../applications/counts.ts';
import {
  type AnnualReport,
  APPEAL_GROUPS,
  APPLICANT_KINDS,
  type AppealGroup,
  type ApplicantColumn,
  type ByApplicant,
  type CaseResults,
  emptyReport,
  OUTCOME_LEAVES,
  type RequestRow,
} from '../model.ts';

export const DRAFT_NOTE = '【初稿：由系统根据本机关本年度的记录生成，请核实、补充后定稿】';

export interface DocCountsFact {
  issued: number;
  repealed: number;
  inForce: number;
}

export interface FeeFacts {
  /** 收费通知 sent in the year (feeNoticeSent events). */
  notices: number;
  /** 元 billed by the 收费通知书 issued in the year. */
  billedYuan: number;
  /** feePaid events in the year. */
  payments: number;
  /** 元 collected: each payment at the amount of the case's latest notice before it. */
  paidYuan: number;
}

export interface CompileFacts {
  year: number;
  agencyName: string;
  rules: DocCountsFact;
  normativeDocuments: DocCountsFact;
  /** Null when no yearly figures were entered: the cells are 0 and section 一 says so. */
  figures: { licensing: number; punishment: number; coercion: number; feesTenThousandYuan: number } | null;
  requests: YearCounts;
  appeals: Record<AppealGroup, CaseResults>;
  /** Items published in the year, by the catalogue's kind label (规章, 行政规范性文件, 政策解读 …). */
  published: { label: string; count: number }[];
  /** Applications decided in the year that had a deadline, and those decided by it. */
  timed: { decided: number; onTime: number };
  feedback: { received: number; answered: number; overdue: number } | null;
  fees: FeeFacts;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function byApplicant(counts: Partial<Record<ApplicantColumn, number>>): ByApplicant {
  const row = Object.fromEntries(APPLICANT_KINDS.map((k) => [k, counts[k] ?? 0])) as ByApplicant;
  row.total = sum(APPLICANT_KINDS.map((k) => row[k]));
  return row;
}

function caseResults(c: CaseResults): CaseResults {
  const parts = { upheld: c.upheld, corrected: c.corrected, other: c.other, pending: c.pending };
  return { ...parts, total: parts.upheld + parts.corrected + parts.other + parts.pending };
}

/** “12.5%” of a ratio, or null when there is nothing to divide. */
function percent(part: number, whole: number): string | null {
  if (whole === 0) return null;
  return `${(Math.round((part / whole) * 1000) / 10).toString()}%`;
}

function overview(r: AnnualReport, f: CompileFacts): string {
  const q = r.requests;
  const lines: string[] = [DRAFT_NOTE];
  const published = f.published.filter((p) => p.count > 0);
  lines.push(
    published.length > 0
      ? `（一）主动公开。本年度，本机关通过政府信息公开平台主动公开政府信息${sum(published.map((p) => p.count))}条，其中${published.map((p) => `${p.label}${p.count}条`).join('、')}。`
      : '（一）主动公开。本年度，本机关在政府信息公开平台上没有发布主动公开的政府信息记录。',
  );
  const timed = percent(f.timed.onTime, f.timed.decided);
  lines.push(
    `（二）依申请公开。本年度，本机关新收政府信息公开申请${q.received.total}件，上年结转申请${q.carriedOver.total}件，` +
      `本年度办结${q.totalHandled.total}件，结转下年度继续办理${q.carriedForward.total}件。` +
      (timed ? `办结的申请中，在法定期限内答复${f.timed.onTime}件，按期答复率${timed}。` : ''),
  );
  if (f.feedback && f.feedback.received > 0)
    lines.push(
      `（三）公众留言。本年度，本机关收到政府信息公开方面的公众留言${f.feedback.received}件，已答复${f.feedback.answered}件。`,
    );
  if (!f.figures)
    lines.push(
      '（请补充）本年度行政许可、行政处罚、行政强制处理决定数量和行政事业性收费金额尚未录入，表二相应栏目按0计。',
    );
  lines.push('（请补充政府信息管理、平台建设、监督保障等方面的情况。）');
  return lines.join('\n');
}

function problems(f: CompileFacts): string {
  const lines: string[] = [DRAFT_NOTE];
  const late = f.timed.decided - f.timed.onTime;
  if (late > 0) lines.push(`本年度有${late}件政府信息公开申请未在法定期限内答复。`);
  if (f.feedback && f.feedback.overdue > 0) lines.push(`本年度有${f.feedback.overdue}件公众留言未在承诺期限内答复。`);
  lines.push('（请结合本机关实际，写明存在的主要问题及改进情况，避免与上年度报告内容雷同。）');
  return lines.join('\n');
}

/** Section 六's statement on 信息处理费. */
export function feeStatement(fees: FeeFacts): string {
  if (fees.notices === 0 && fees.payments === 0) return '本年度，本机关未收取信息处理费。';
  return `本年度，本机关共发出收费通知${fees.notices}件，应收信息处理费${fees.billedYuan}元，实收${fees.paidYuan}元。`;
}

export function assembleReport(f: CompileFacts): AnnualReport {
  const r = emptyReport(f.year, f.agencyName);
  r.proactive.rules = { ...f.rules };
  r.proactive.normativeDocuments = { ...f.normativeDocuments };
  if (f.figures) {
    r.proactive.licensing = f.figures.licensing;
    r.proactive.punishment = f.figures.punishment;
    r.proactive.coercion = f.figures.coercion;
    r.proactive.feesTenThousandYuan = f.figures.feesTenThousandYuan;
  }
  const c = f.requests;
  const rows: Partial<Record<RequestRow, ByApplicant>> = {
    received: byApplicant(c.received),
    carriedOver: byApplicant(c.carriedOver),
    carriedForward: byApplicant(c.carriedForward),
  };
  for (const o of OUTCOME_LEAVES) rows[o] = byApplicant(c.outcomes[o]);
  const handled: Partial<Record<ApplicantColumn, number>> = {};
  for (const k of APPLICANT_KINDS) handled[k] = sum(OUTCOME_LEAVES.map((o) => (rows[o] as ByApplicant)[k]));
  rows.totalHandled = byApplicant(handled);
  r.requests = { ...r.requests, ...rows };
  for (const g of APPEAL_GROUPS) r.appeals[g] = caseResults(f.appeals[g]);
  r.text = { overview: overview(r, f), problems: problems(f), other: feeStatement(f.fees) };
  r.publishedOn = null;
  return r;
}
