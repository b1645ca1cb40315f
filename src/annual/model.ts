// 年度报告 as records (issue 6 points 3 and 5): an agency's report for a year, where it stands in the workflow
//   draft → submitted → returned → submitted … → approved → published
// and the legal deadline it must meet (条例第四十九条、第五十条: departments by 31 January, people's governments
// by 31 March of the next year). Plain data, no I/O.
import type { AgencyKind } from '../agencies/model.ts';
import type { AnnualReport } from '../report/model.ts';

export const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  draft: '编制中',
  submitted: '已报送待审核',
  returned: '已退回修改',
  approved: '已审核通过',
  published: '已发布',
};

/** The consolidation matrix's columns: a status, or none yet. */
export type Standing = Status | 'notStarted';
export const STANDING_LABELS: Record<Standing, string> = { notStarted: '未开始', ...STATUS_LABELS };

export type Origin = 'compiled' | 'imported';
export const ORIGIN_LABELS: Record<Origin, string> = { compiled: '系统编制', imported: '导入的往年报告' };

export type EventKind = 'saved' | 'submitted' | 'returned' | 'approved' | 'published' | 'imported' | 'withdrawn';
export const EVENT_LABELS: Record<EventKind, string> = {
  saved: '保存',
  submitted: '报送审核',
  returned: '退回修改',
  approved: '审核通过',
  published: '发布',
  imported: '导入',
  withdrawn: '撤回报送',
};

/** The narrative sections the clerk writes: 一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项. */
export const TEXT_SECTIONS = ['overview', 'problems', 'other'] as const;
export type TextSection = (typeof TEXT_SECTIONS)[number];
export const TEXT_SECTION_LABELS: Record<TextSection, string> = {
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

export interface Acknowledged {
  rule: string;
  message: string;
}

/** The stored record. The report itself: see `ReportView`. */
export interface ReportRecord {
  id: number;
  agencyId: number;
  year: number;
  status: Status;
  origin: Origin;
  /** The clerk's texts; null where not written yet. */
  texts: Record<TextSection, string | null>;
  /** Frozen at submission (or as imported); null while draft/returned. */
  snapshot: AnnualReport | null;
  acknowledged: Acknowledged[];
  comment: string | null;
  publishedOn: string | null;
  sourceName: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface ReportEvent {
  id: number;
  reportId: number;
  kind: EventKind;
  at: string;
  actor: string;
  comment: string | null;
}

/** Whether the clerk may still change it (the tables follow the records, the texts are editable). */
export function isEditable(status: Status | null): boolean {
  return status === null || status === 'draft' || status === 'returned';
}

/** 条例第四十九条: departments publish by 31 January; 第五十条: people's governments by 31 March. */
export function dueDate(kind: AgencyKind, year: number): string {
  return kind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

/**
 * Late: published after the deadline, or not yet published and the deadline has passed (`today` is the Beijing
 * date). Imported reports count by the publication date they state.
 */
export function isLate(
  kind: AgencyKind,
  year: number,
  status: Status | null,
  publishedOn: string | null,
  today: string,
) {
  const due = dueDate(kind, year);
  if (status === 'published') return publishedOn !== null && publishedOn > due;
  return today > due;
}

/** Working days are not the point here: the law counts calendar dates. Days left until the deadline (negative: late). */
export function daysUntil(due: string, today: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** For the audit log: the state, not the texts. */
export function recordSummary(r: ReportRecord) {
  return { agencyId: r.agencyId, year: r.year, status: r.status, origin: r.origin, publishedOn: r.publishedOn };
}
