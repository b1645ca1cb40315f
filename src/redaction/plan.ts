// The plan of one file: boxes added by hand or typed in, found by a phrase or a personal-data pattern, their
// reasons changed, removed — kept over several sittings. Each change is checked against the pages and written
// with its audit entry (counts, pages and reasons; never the text found) in one transaction.
import type { Actor } from '../agencies/model.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import type { PersonalDataKind } from '../privacy/detect.ts';
import { transaction } from '../storage/transaction.ts';
import { ENGINE, loadFile, pdfOf, type RedactionEngine } from './files.ts';
import {
  type BoxSource,
  type FoundArea,
  type PageSize,
  REDACTION_REASON_CODES,
  REDACTION_REASONS,
  type RedactionBox,
  type RedactionReason,
} from './model.ts';
import { findPlan, savePlan } from './repository.ts';

/** A plan holds at most this many boxes (a page of ID numbers in a table is a few dozen). */
export const MAX_BOXES = 500;
export const MAX_NOTE = 100;
/** A box at least this wide and high, in points (about 0.35 mm): anything smaller is a slip of the mouse. */
const MIN_SIDE = 1;
const FIELD = 'boxes';

/** A box as the form or the client sends it, in points from the page's top-left. */
export interface BoxInput {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  reason: string;
  note?: string;
}

const reasonOf = (reason: string, label: string): RedactionReason => {
  if (!(REDACTION_REASON_CODES as string[]).includes(reason))
    throw errors.validation(
      'reason',
      label,
      `请选择不予公开的理由（${REDACTION_REASON_CODES.map((c) => REDACTION_REASONS[c].label).join('、')}）`,
    );
  return reason as RedactionReason;
};

/** Check a box against the pages: a refusal names the box (“第2个遮盖框”) and what is wrong. */
export function checkBox(input: BoxInput, pages: readonly PageSize[], n: number, source: BoxSource): RedactionBox {
  const name = `第${n}个遮盖框`;
  const bad = (problem: string) => errors.validation(FIELD, name, problem);
  if (!Number.isInteger(input.page) || input.page < 1 || input.page > pages.length)
    throw bad(`页码应为1至${pages.length}之间的整数`);
  const size = pages[input.page - 1] as PageSize;
  for (const [key, label] of [
    ['x', '左边距'],
    ['y', '上边距'],
    ['width', '宽度'],
    ['height', '高度'],
  ] as const)
    if (!Number.isFinite(input[key])) throw bad(`${label}不是有效的数字`);
  if (input.x < 0 || input.y < 0) throw bad('左边距、上边距不能为负数');
  if (input.width < MIN_SIDE || input.height < MIN_SIDE) throw bad('宽度、高度过小（至少1磅，约0.35毫米）');
  // Half a point of slack for rounding in the client's conversion from pixels or millimetres.
  if (input.x + input.width > size.width + 0.5 || input.y + input.height > size.height + 0.5)
    throw bad(
      `超出第${input.page}页的范围（该页宽${Math.round(size.width)}磅、高${Math.round(size.height)}磅，约${toMm(size.width)}×${toMm(size.height)}毫米）`,
    );
  const reason = reasonOf(input.reason, `${name}的理由`);
  const note = (input.note ?? '').trim();
  if (note.length > MAX_NOTE) throw bad(`说明最多${MAX_NOTE}个字符`);
  const round = (v: number) => Math.round(v * 100) / 100;
  const box: RedactionBox = {
    page: input.page,
    x: round(input.x),
    y: round(input.y),
    width: round(Math.min(input.width, size.width - input.x)),
    height: round(Math.min(input.height, size.height - input.y)),
    reason,
    source,
  };
  if (note) box.note = note;
  return box;
}

const toMm = (points: number) => Math.round((points / 72) * 25.4);

/** What the audit log keeps of boxes: how many, on which pages, for which reasons — never what they cover. */
export function auditOfBoxes(boxes: readonly RedactionBox[]) {
  const reasons: Record<string, number> = {};
  for (const b of boxes) reasons[b.reason] = (reasons[b.reason] ?? 0) + 1;
  return { boxes: boxes.length, pages: [...new Set(boxes.map((b) => b.page))].sort((a, b) => a - b), reasons };
}

async function changePlan(
  actor: Actor,
  ctx: Context,
  attachmentId: number,
  engine: RedactionEngine,
  change: (boxes: RedactionBox[], pages: readonly PageSize[]) => RedactionBox[],
  detail: string,
): Promise<RedactionBox[]> {
  const attachment = await loadFile(actor, ctx, attachmentId, 'application.handle');
  const pages = await engine.pageSizes(await pdfOf(ctx, attachment, engine));
  const intent = { action: 'redaction.plan', objectType: 'attachment', objectId: attachmentId };
  return transaction(ctx, actor, intent, async (tx) => {
    const before = (await findPlan(tx.kysely, attachmentId))?.boxes ?? [];
    const after = change(before, pages);
    if (after.length > MAX_BOXES) throw errors.validation(FIELD, '遮盖框', `一个文件最多${MAX_BOXES}个遮盖框`);
    const owner = { attachmentId, applicationId: attachment.applicationId, agencyId: attachment.agencyId };
    await savePlan(tx.kysely, owner, after, { name: actor.name, id: actor.id }, tx.now);
    tx.note({ before: auditOfBoxes(before), after: auditOfBoxes(after), detail });
    return after;
  });
}

const same = (a: RedactionBox, b: RedactionBox) =>
  a.page === b.page && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** Add boxes drawn by hand or typed in (the form without a mouse). */
export function addBoxes(
  actor: Actor,
  ctx: Context,
  attachmentId: number,
  inputs: readonly BoxInput[],
  engine: RedactionEngine = ENGINE,
): Promise<RedactionBox[]> {
  return changePlan(
    actor,
    ctx,
    attachmentId,
    engine,
    (boxes, pages) => {
      if (inputs.length === 0) throw errors.validation(FIELD, '遮盖框', '请填写要遮盖的区域');
      const added = inputs.map((input, i) => checkBox(input, pages, boxes.length + i + 1, 'manual'));
      return [...boxes, ...added.filter((b) => !boxes.some((o) => same(o, b)))];
    },
    'manual',
  );
}

/** Change the reason and note of every box at once (the list's selects), and drop the boxes marked. */
export function updateBoxes(
  actor: Actor,
  ctx: Context,
  attachmentId: number,
  changes: readonly { reason: string; note: string; remove: boolean }[],
  engine: RedactionEngine = ENGINE,
): Promise<RedactionBox[]> {
  return changePlan(
    actor,
    ctx,
    attachmentId,
    engine,
    (boxes) => {
      if (changes.length !== boxes.length)
        throw errors.validation(FIELD, '遮盖框', '遮盖框已被他人修改，请刷新页面后重新操作');
      const kept: RedactionBox[] = [];
      boxes.forEach((box, i) => {
        const change = changes[i] as (typeof changes)[number];
        if (change.remove) return;
        const reason = reasonOf(change.reason, `第${i + 1}个遮盖框的理由`);
        const note = change.note.trim();
        if (note.length > MAX_NOTE) throw errors.validation(FIELD, `第${i + 1}个遮盖框`, `说明最多${MAX_NOTE}个字符`);
        const { note: _old, ...rest } = box;
        kept.push(note ? { ...rest, reason, note } : { ...rest, reason });
      });
      return kept;
    },
    'update',
  );
}

/** Remove one box (1-based, as the list numbers them). */
export function removeBox(
  actor: Actor,
  ctx: Context,
  attachmentId: number,
  n: number,
  engine: RedactionEngine = ENGINE,
): Promise<RedactionBox[]> {
  return changePlan(
    actor,
    ctx,
    attachmentId,
    engine,
    (boxes) => {
      if (!Number.isInteger(n) || n < 1 || n > boxes.length)
        throw errors.validation(FIELD, `第${n}个遮盖框`, '不存在，请刷新页面后重新操作');
      return boxes.filter((_b, i) => i !== n - 1);
    },
    'remove',
  );
}

export interface SearchResult {
  /** What was found, for the handler's list on the page (never stored, never logged). */
  found: FoundArea[];
  /** How many of them were new boxes (the rest were already in the plan). */
  added: number;
  boxes: RedactionBox[];
}

async function addFound(
  actor: Actor,
  ctx: Context,
  attachmentId: number,
  engine: RedactionEngine,
  search: (pdf: Uint8Array) => Promise<FoundArea[]>,
  reasonInput: string,
  source: BoxSource,
  check: () => void,
): Promise<SearchResult> {
  const attachment = await loadFile(actor, ctx, attachmentId, 'application.handle');
  check();
  const reason = reasonOf(reasonInput, '理由');
  const found = await search(await pdfOf(ctx, attachment, engine));
  if (found.length === 0) return { found, added: 0, boxes: (await findPlan(ctx.db.kysely, attachmentId))?.boxes ?? [] };
  let added = 0;
  const boxes = await changePlan(
    actor,
    ctx,
    attachmentId,
    engine,
    (boxes, pages) => {
      const fresh = found
        .map((f, i) =>
          checkBox({ page: f.page, x: f.x, y: f.y, width: f.width, height: f.height, reason }, pages, i + 1, source),
        )
        .filter((b, i, all) => !boxes.some((o) => same(o, b)) && all.findIndex((o) => same(o, b)) === i);
      added = fresh.length;
      return [...boxes, ...fresh];
    },
    source,
  );
  return { found, added, boxes };
}

/** 查找并遮盖: every occurrence of a phrase becomes a box with the reason chosen. */
export function redactPhrase(
  actor: Actor,
  ctx: Context,
  attachmentId: number,
  phrase: string,
  reason: string,
  engine: RedactionEngine = ENGINE,
): Promise<SearchResult> {
  const check = () => {
    if (phrase.trim() === '') throw errors.validation('phrase', '查找内容', '请填写要查找的文字');
  };
  return addFound(actor, ctx, attachmentId, engine, (pdf) => engine.findPhrase(pdf, phrase), reason, 'phrase', check);
}

/** Pattern search: every 身份证号码/手机号码/… of the kinds chosen becomes a box. */
export function redactPatterns(
  actor: Actor,
  ctx: Context,
  attachmentId: number,
  kinds: readonly PersonalDataKind[],
  reason: string,
  engine: RedactionEngine = ENGINE,
): Promise<SearchResult> {
  const check = () => {
    if (kinds.length === 0) throw errors.validation('kinds', '查找类型', '请至少选择一类个人信息');
  };
  const search = (pdf: Uint8Array) => engine.findPatterns(pdf, kinds);
  return addFound(actor, ctx, attachmentId, engine, search, reason, 'pattern', check);
}
