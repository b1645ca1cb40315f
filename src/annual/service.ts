// The annual report's workflow (issue 6 point 5). Each function authorizes on its first line and writes with its
// event and audit entry in one transaction:
//   saveTexts      the clerk writes sections 一, 五, 六 (the tables follow the records while a draft)
//   submitReport   error rules block; every warning must be acknowledged; the 【初稿】 marks must be gone; the whole
//                  report is frozen
//   withdrawReport the clerk takes a submission back before it is decided
//   returnReport   the supervising office sends it back with a comment (the draft follows the records again)
//   approveReport  the supervising office approves it
//   publishReport  the agency publishes the approved report on the portal with today's date
//   importReport   a report published before the system was installed, read by the report engine's readers
// The approver is the supervising office: a reviewer of an agency above the report's; an agency with no parent in
// the installation (the district government itself) is approved by its own reviewer.
import { authorize, permits } from '../agencies/authorize.ts';
import type { Actor, Agency } from '../agencies/model.ts';
import { findAgency } from '../agencies/repository.ts';
import { beijingDate } from '../calendar/dates.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { guardAnnualReport } from '../privacy/service.ts';
import { compileReport, DRAFT_NOTE } from '../report/compile/index.ts';
import type { Diagnostic } from '../report/diagnostics.ts';
import { type AnnualReport, normalizeReport } from '../report/model.ts';
import { readReportData } from '../report/read/index.ts';
import { checkReport } from '../report/rules.ts';
import { type Tx, transaction } from '../storage/transaction.ts';
import {
  dueDate,
  isEditable,
  isLate,
  type ReportEvent,
  type ReportRecord,
  recordSummary,
  TEXT_SECTION_LABELS,
  TEXT_SECTIONS,
  type TextSection,
} from './model.ts';
import { addEvent, findReport, insertReport, listEvents, updateReport } from './repository.ts';

/** Longest section text accepted (a long section 一 is ~5,000 characters). */
export const MAX_TEXT = 50_000;

export interface ReportView {
  agency: Agency;
  year: number;
  /** Null: nothing saved yet (the report is the compiled draft). */
  record: ReportRecord | null;
  /** What the report is now: compiled from the records with the saved texts, or the frozen snapshot. */
  report: AnnualReport;
  diagnostics: Diagnostic[];
  /** Last year's published report of the agency, for the cross-year rules; null when there is none. */
  previous: AnnualReport | null;
  events: ReportEvent[];
  due: string;
  late: boolean;
}

async function agencyOf(ctx: Context, agencyId: number): Promise<Agency> {
  const agency = await findAgency(ctx.db.kysely, agencyId);
  if (!agency) throw errors.notFound('机构', agencyId);
  return agency;
}

function checkYear(year: number) {
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw errors.validation('year', '年度', '应为四位年份');
}

/** The report as it stands (no policy: pages and the command line call `getReport`). */
export async function reportView(ctx: Context, agencyId: number, year: number): Promise<ReportView> {
  checkYear(year);
  const db = ctx.db.kysely;
  const agency = await agencyOf(ctx, agencyId);
  const [record, last] = await Promise.all([findReport(db, agencyId, year), findReport(db, agencyId, year - 1)]);
  let report: AnnualReport;
  if (record?.snapshot && !isEditable(record.status)) report = record.snapshot;
  else {
    report = await compileReport(ctx, agencyId, year);
    for (const s of TEXT_SECTIONS) {
      const text = record?.texts[s];
      if (text !== null && text !== undefined) report.text[s] = text;
    }
  }
  const previous = last?.status === 'published' ? last.snapshot : null;
  const today = beijingDate(ctx.clock());
  return {
    agency,
    year,
    record: record ?? null,
    report,
    diagnostics: checkReport(report, { previous }),
    previous,
    events: record ? await listEvents(db, record.id) : [],
    due: dueDate(agency.kind, year),
    late: isLate(agency.kind, year, record?.status ?? null, record?.publishedOn ?? null, today),
  };
}

export async function getReport(actor: Actor, ctx: Context, agencyId: number, year: number): Promise<ReportView> {
  await authorize(actor, ctx, 'report.view', agencyId, { type: 'annualReport', id: `${agencyId}/${year}` });
  return reportView(ctx, agencyId, year);
}

/** The record to change, created as a draft when there is none yet. */
async function draftRecord(tx: Tx, actor: Actor, agencyId: number, year: number): Promise<ReportRecord> {
  const existing = await findReport(tx.kysely, agencyId, year);
  if (existing) return existing;
  return insertReport(tx.kysely, {
    agency_id: agencyId,
    year,
    status: 'draft',
    origin: 'compiled',
    created_at: tx.now,
    created_by: actor.name,
    updated_at: tx.now,
    updated_by: actor.name,
  });
}

function requireEditable(record: ReportRecord) {
  if (!isEditable(record.status))
    throw errors.invalidState(`该年度报告${record.status === 'published' ? '已发布' : '已报送'}，不能再修改`);
}

export type TextsInput = Partial<Record<TextSection, string>>;

/** Save the clerk's texts of sections 一, 五, 六 (an empty text means: use the compiled draft again). */
export async function saveTexts(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  year: number,
  texts: TextsInput,
): Promise<ReportRecord> {
  await authorize(actor, ctx, 'report.edit', agencyId, { type: 'annualReport', id: `${agencyId}/${year}` });
  checkYear(year);
  await agencyOf(ctx, agencyId);
  for (const s of TEXT_SECTIONS) {
    const text = texts[s];
    if (text !== undefined && typeof text !== 'string') throw errors.validation(s, TEXT_SECTION_LABELS[s], '应为文字');
    if (text && text.length > MAX_TEXT)
      throw errors.validation(s, TEXT_SECTION_LABELS[s], `不得超过${MAX_TEXT}个字符（现有${text.length}个）`);
  }
  const intent = { action: 'report.save', objectType: 'annualReport', objectId: `${agencyId}/${year}` };
  return transaction(ctx, actor, intent, async (tx) => {
    const record = await draftRecord(tx, actor, agencyId, year);
    requireEditable(record);
    const set: Partial<Record<TextSection, string | null>> = {};
    for (const s of TEXT_SECTIONS) {
      const text = texts[s];
      if (text !== undefined) set[s] = text.replace(/\r\n?/g, '\n').trim() || null;
    }
    const saved = await updateReport(tx.kysely, record.id, { ...set, updated_at: tx.now, updated_by: actor.name });
    await addEvent(tx.kysely, { reportId: record.id, kind: 'saved', at: tx.now, actor: actor.name, actorId: actor.id });
    tx.note({ after: { ...recordSummary(saved), sections: Object.keys(set) } });
    return saved;
  });
}

/** Why the report cannot be submitted yet, in Chinese; empty when it can. */
export function submissionProblems(view: ReportView, acknowledged: readonly string[]): string[] {
  const problems: string[] = [];
  const errs = view.diagnostics.filter((d) => d.severity === 'error');
  if (errs.length > 0) problems.push(`有${errs.length}项错误须先改正：${errs.map((d) => d.message).join('；')}`);
  const unacknowledged = view.diagnostics.filter((d) => d.severity === 'warning' && !acknowledged.includes(d.rule));
  if (unacknowledged.length > 0)
    problems.push(`以下警告须逐项确认后才能报送：${unacknowledged.map((d) => d.message).join('；')}`);
  for (const s of TEXT_SECTIONS) {
    if (view.report.text[s].includes(DRAFT_NOTE))
      problems.push(`“${TEXT_SECTION_LABELS[s]}”仍是系统生成的初稿，请核实修改并删去“${DRAFT_NOTE}”后再报送`);
    else if (s !== 'other' && view.report.text[s].trim() === '') problems.push(`“${TEXT_SECTION_LABELS[s]}”不能为空`);
  }
  return problems;
}

/** Submit to the supervising office: the report as it is now is frozen. `acknowledge`: warning rule ids. */
export async function submitReport(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  year: number,
  acknowledge: readonly string[] = [],
): Promise<ReportRecord> {
  await authorize(actor, ctx, 'report.edit', agencyId, { type: 'annualReport', id: `${agencyId}/${year}` });
  const view = await reportView(ctx, agencyId, year);
  if (view.record) requireEditable(view.record);
  const problems = submissionProblems(view, acknowledge);
  if (problems.length > 0) throw errors.invalidState(`不能报送：${problems.join('。')}`);
  const warnings = view.diagnostics.filter((d) => d.severity === 'warning');
  const intent = { action: 'report.submit', objectType: 'annualReport', objectId: `${agencyId}/${year}` };
  return transaction(ctx, actor, intent, async (tx) => {
    const record = await draftRecord(tx, actor, agencyId, year);
    requireEditable(record);
    const saved = await updateReport(tx.kysely, record.id, {
      status: 'submitted',
      snapshot_json: JSON.stringify(normalizeReport({ ...view.report, publishedOn: null })),
      acknowledged_json: JSON.stringify(warnings.map((d) => ({ rule: d.rule, message: d.message }))),
      submitted_at: tx.now,
      updated_at: tx.now,
      updated_by: actor.name,
    });
    await addEvent(tx.kysely, {
      reportId: record.id,
      kind: 'submitted',
      at: tx.now,
      actor: actor.name,
      actorId: actor.id,
    });
    tx.note({
      before: recordSummary(record),
      after: { ...recordSummary(saved), acknowledged: warnings.map((d) => d.rule) },
    });
    return saved;
  });
}

async function existing(ctx: Context, agencyId: number, year: number): Promise<ReportRecord> {
  const record = await findReport(ctx.db.kysely, agencyId, year);
  if (!record) throw errors.notFound('年度报告', `${agencyId}/${year}`);
  return record;
}

/** Take a submission back before the office decides (it becomes a draft following the records again). */
export async function withdrawReport(actor: Actor, ctx: Context, agencyId: number, year: number) {
  await authorize(actor, ctx, 'report.edit', agencyId, { type: 'annualReport', id: `${agencyId}/${year}` });
  return move(actor, ctx, agencyId, year, {
    from: 'submitted',
    to: 'draft',
    event: 'withdrawn',
    problem: '只有已报送、尚未审核的报告可以撤回',
  });
}

/** A supervising office's reviewer: of an agency above; the top agency's own reviewer for the top agency. */
async function authorizeApprover(actor: Actor, ctx: Context, agencyId: number, year: number) {
  await authorize(actor, ctx, 'report.approve', agencyId, { type: 'annualReport', id: `${agencyId}/${year}` });
  const agency = await agencyOf(ctx, agencyId);
  if (actor.agencyId === agencyId && agency.parentId !== null)
    throw errors.forbidden('审核本机关的年度报告：应由上级政务公开主管部门审核');
}

export async function returnReport(actor: Actor, ctx: Context, agencyId: number, year: number, comment: string) {
  await authorizeApprover(actor, ctx, agencyId, year);
  const text = (comment ?? '').trim();
  if (!text) throw errors.validation('comment', '退回意见', '必须填写，说明需要修改的地方');
  if (text.length > 5000) throw errors.validation('comment', '退回意见', '不得超过5000个字符');
  return move(actor, ctx, agencyId, year, {
    from: 'submitted',
    to: 'returned',
    event: 'returned',
    comment: text,
    problem: '只有已报送待审核的报告可以退回',
  });
}

export async function approveReport(actor: Actor, ctx: Context, agencyId: number, year: number, comment = '') {
  await authorizeApprover(actor, ctx, agencyId, year);
  return move(actor, ctx, agencyId, year, {
    from: 'submitted',
    to: 'approved',
    event: 'approved',
    comment: comment.trim() || null,
    problem: '只有已报送待审核的报告可以审核通过',
  });
}

/** Publish the approved report on the portal, dated today (Beijing). */
export async function publishReport(actor: Actor, ctx: Context, agencyId: number, year: number) {
  await authorize(actor, ctx, 'report.publish', agencyId, { type: 'annualReport', id: `${agencyId}/${year}` });
  return move(actor, ctx, agencyId, year, {
    from: 'approved',
    to: 'published',
    event: 'published',
    problem: '只有审核通过的报告可以发布',
  });
}

interface Move {
  from: ReportRecord['status'];
  to: ReportRecord['status'];
  event: 'withdrawn' | 'returned' | 'approved' | 'published';
  comment?: string | null;
  problem: string;
}

async function move(actor: Actor, ctx: Context, agencyId: number, year: number, m: Move): Promise<ReportRecord> {
  await existing(ctx, agencyId, year);
  const intent = { action: `report.${m.event}`, objectType: 'annualReport', objectId: `${agencyId}/${year}` };
  return transaction(ctx, actor, intent, async (tx) => {
    const record = await findReport(tx.kysely, agencyId, year);
    if (!record || record.status !== m.from) throw errors.invalidState(m.problem);
    const set: Parameters<typeof updateReport>[2] = { status: m.to, updated_at: tx.now, updated_by: actor.name };
    if (m.to === 'draft' || m.to === 'returned') set.snapshot_json = null;
    if (m.event === 'returned' || m.event === 'approved') {
      set.decided_at = tx.now;
      set.decided_by = actor.name;
      if (m.event === 'returned') set.comment = m.comment ?? null;
    }
    if (m.event === 'published') {
      // No personal data goes public unless the publisher said why it may (issue 8 point 5).
      await guardAnnualReport(tx, record);
      const on = beijingDate(new Date(tx.now));
      set.published_on = on;
      set.published_at = tx.now;
      set.published_by = actor.name;
      set.snapshot_json = JSON.stringify({ ...(record.snapshot as AnnualReport), publishedOn: on });
    }
    const saved = await updateReport(tx.kysely, record.id, set);
    await addEvent(tx.kysely, {
      reportId: record.id,
      kind: m.event,
      at: tx.now,
      actor: actor.name,
      actorId: actor.id,
      comment: m.comment ?? null,
    });
    tx.note({
      before: recordSummary(record),
      after: recordSummary(saved),
      ...(m.comment ? { detail: m.comment } : {}),
    });
    return saved;
  });
}

export interface ImportInput {
  data: Uint8Array;
  name: string;
  /** When the document does not state it. */
  year?: number;
  /** YYYY-MM-DD, when the document does not state it. */
  publishedOn?: string;
}

/**
 * A report published before the system was installed (for the cross-year rules and the open data), read by the
 * report engine's readers. It is kept as published, dated as the document (or the form) says; a year the system
 * already keeps a compiled report for cannot be overwritten.
 */
export async function importReport(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  input: ImportInput,
): Promise<{ record: ReportRecord; diagnostics: Diagnostic[] }> {
  await authorize(actor, ctx, 'report.edit', agencyId, { type: 'annualReport', id: agencyId });
  const agency = await agencyOf(ctx, agencyId);
  if (input.publishedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.publishedOn))
    throw errors.validation('publishedOn', '发布日期', '应为YYYY-MM-DD');
  const read = await readReportData(input.data, input.name, {
    ...(input.year ? { year: input.year } : {}),
    agency: agency.name,
  });
  const report = normalizeReport(read.report);
  report.agency = agency.name;
  const publishedOn = read.report.publishedOn ?? input.publishedOn ?? null;
  if (!publishedOn) throw errors.validation('publishedOn', '发布日期', '文件中未写明发布日期，请填写');
  report.publishedOn = publishedOn;
  const thisYear = Number(beijingDate(ctx.clock()).slice(0, 4));
  if (report.year >= thisYear) throw errors.validation('year', '年度', `只能导入${thisYear}年以前年度的报告`);
  const diagnostics = [...read.diagnostics, ...checkReport(report)];
  const intent = { action: 'report.import', objectType: 'annualReport', objectId: `${agencyId}/${report.year}` };
  const record = await transaction(ctx, actor, intent, async (tx) => {
    const before = await findReport(tx.kysely, agencyId, report.year);
    if (before && before.origin !== 'imported')
      throw errors.invalidState(`${report.year}年度报告已在本系统中编制，不能用导入的文件替换`);
    const row = {
      status: 'published',
      origin: 'imported',
      overview: null,
      problems: null,
      other: null,
      snapshot_json: JSON.stringify(report),
      acknowledged_json: null,
      published_on: publishedOn,
      published_at: tx.now,
      published_by: actor.name,
      source_name: input.name.slice(0, 255),
      updated_at: tx.now,
      updated_by: actor.name,
    } as const;
    const saved = before
      ? await updateReport(tx.kysely, before.id, row)
      : await insertReport(tx.kysely, {
          ...row,
          agency_id: agencyId,
          year: report.year,
          created_at: tx.now,
          created_by: actor.name,
        });
    await addEvent(tx.kysely, {
      reportId: saved.id,
      kind: 'imported',
      at: tx.now,
      actor: actor.name,
      actorId: actor.id,
      comment: input.name.slice(0, 255),
    });
    tx.note({ ...(before ? { before: recordSummary(before) } : {}), after: recordSummary(saved) });
    return saved;
  });
  return { record, diagnostics };
}

/** What the actor may do with the report now: for pages deciding which buttons to show. */
export async function allowedSteps(actor: Actor, ctx: Context, view: ReportView) {
  const id = view.agency.id;
  const status = view.record?.status ?? null;
  const [edit, approve, publish] = await Promise.all([
    permits(actor, ctx, 'report.edit', id),
    permits(actor, ctx, 'report.approve', id),
    permits(actor, ctx, 'report.publish', id),
  ]);
  const approver = approve && !(actor.agencyId === id && view.agency.parentId !== null);
  return {
    edit: edit && isEditable(status),
    submit: edit && isEditable(status),
    withdraw: edit && status === 'submitted',
    decide: approver && status === 'submitted',
    publish: publish && status === 'approved',
    import: edit,
  };
}
