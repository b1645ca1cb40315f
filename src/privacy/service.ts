// The personal-data guard (issue 8 point 5; 个人信息保护法 第二十五条: personal data is not made public without
// consent or another legal ground). Before a catalogue item's revision or a public feedback answer goes out, its
// texts and files are scanned; publication is refused while any hit is neither removed nor acknowledged by the
// publisher with a reason. The guard runs inside the publishing transaction (guard*), so no route — console page
// or API — can publish around it. Acknowledging checks the policy on its first line and writes with its audit
// entry, which holds the masked hit only.
import type { Kysely } from 'kysely';
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { type ReportRecord, TEXT_SECTION_LABELS, TEXT_SECTIONS } from '../annual/model.ts';
import { findReport } from '../annual/repository.ts';
import { renderBody } from '../catalog/body.ts';
import type { ItemFields } from '../catalog/model.ts';
import { attachmentContent, findItem, listItemAttachments, openRevision } from '../catalog/repository.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { publicAnswer } from '../feedback/model.ts';
import { findMessage } from '../feedback/repository.ts';
import { type AnswerInput, answerInput, FEEDBACK_FIELD_LABELS } from '../feedback/schema.ts';
import type { Schema } from '../storage/schema.ts';
import { installationSecret } from '../storage/secrets.ts';
import { type Tx, transaction } from '../storage/transaction.ts';
import { parseInput } from '../validation.ts';
import { insertAcknowledgement, listAcknowledgements, type ObjectType } from './repository.ts';
import { type Acknowledgement, checkReason, type ReviewedHit, refusal, reviewHits } from './review.ts';
import {
  HitList,
  objectKey,
  PRIVACY_KEY,
  type PublicFile,
  type PublicText,
  type ScannedHit,
  scanFiles,
  scanTexts,
} from './scan.ts';

type Db = Kysely<Schema>;

const privacyKey = (db: Db) => installationSecret(db, PRIVACY_KEY);

export interface AcknowledgeInput {
  fingerprint: string;
  reason: string;
}

// ---- what goes public ----

/** A catalogue item's public fields and files, scanned. */
async function scanItem(
  db: Db,
  item: { id: number; publishedRevision: number | null },
  f: Pick<ItemFields, 'title' | 'docNo' | 'issuer' | 'withheldReason' | 'bodyFormat' | 'body'>,
  view: 'public' | 'working',
): Promise<HitList> {
  const texts: PublicText[] = [
    { place: '标题', text: f.title },
    { place: '文号', text: f.docNo ?? '' },
    { place: '发布机构', text: f.issuer ?? '' },
    { place: '不予公开的理由', text: f.withheldReason ?? '' },
    { place: '正文', text: renderBody(f.bodyFormat, f.body).text },
  ];
  const files: PublicFile[] = (await listItemAttachments(db, item, view)).map((a) => ({
    fileName: a.fileName,
    mediaType: a.mediaType,
    sha256: a.sha256,
    data: () => attachmentContent(db, a.id),
  }));
  const list = new HitList(objectKey('catalogItem', item.id), await privacyKey(db));
  scanTexts(list, texts);
  await scanFiles(list, files);
  return list;
}

/** The open revision of a catalogue item as it would be published: its public fields and its files. */
async function scanOpenRevision(db: Db, itemId: number): Promise<HitList> {
  const item = await findItem(db, itemId);
  const open = item ? await openRevision(db, itemId) : undefined;
  if (!item || !open) return new HitList(objectKey('catalogItem', itemId), await privacyKey(db));
  return scanItem(db, item, open.fields, 'working');
}

export async function catalogItemHits(db: Db, itemId: number): Promise<ScannedHit[]> {
  return (await scanOpenRevision(db, itemId)).hits;
}

/** What the portal shows of a published item now, with its acknowledgements (the demo's check, audits). */
export async function publishedItemReview(db: Db, itemId: number): Promise<ReviewedHit[]> {
  const item = await findItem(db, itemId);
  if (item?.status !== 'published') return [];
  return reviewed(db, 'catalogItem', itemId, (await scanItem(db, item, item, 'public')).hits);
}

const FEEDBACK_PLACES = { subject: '公开的标题', content: '公开的留言内容', answer: '答复内容' } as const;

/** A public answer's texts as the portal would show them. */
export async function feedbackAnswerHits(
  db: Db,
  feedbackId: number,
  shown: ReturnType<typeof publicAnswer>,
): Promise<ScannedHit[]> {
  const list = new HitList(objectKey('feedback', feedbackId), await privacyKey(db));
  scanTexts(
    list,
    (Object.keys(FEEDBACK_PLACES) as (keyof typeof FEEDBACK_PLACES)[]).map((k) => ({
      place: FEEDBACK_PLACES[k],
      text: shown[k],
    })),
  );
  return list.hits;
}

async function reviewed(db: Db, objectType: ObjectType, objectId: number, hits: ScannedHit[]) {
  return reviewHits(hits, await listAcknowledgements(db, objectType, objectId));
}

/** An annual report as it would be published: the clerk's texts of its frozen snapshot (the tables are counts). */
export async function annualReportHits(db: Db, record: Pick<ReportRecord, 'id' | 'snapshot'>): Promise<ScannedHit[]> {
  const list = new HitList(objectKey('annualReport', record.id), await privacyKey(db));
  const text = record.snapshot?.text;
  if (text)
    scanTexts(
      list,
      TEXT_SECTIONS.map((k) => ({ place: TEXT_SECTION_LABELS[k], text: text[k] ?? '' })),
    );
  return list.hits;
}

// ---- the guard, inside the publishing transaction ----

/** Refuse the publication of an item's open revision while a hit waits. */
export async function guardCatalogItem(tx: Tx, itemId: number): Promise<void> {
  const hits = await catalogItemHits(tx.kysely, itemId);
  const refused = refusal(await reviewed(tx.kysely, 'catalogItem', itemId, hits));
  if (refused) throw refused;
}

/** Refuse a public answer while a hit of what it shows waits. */
export async function guardFeedbackAnswer(
  tx: Tx,
  feedbackId: number,
  shown: ReturnType<typeof publicAnswer>,
): Promise<void> {
  const refused = refusal(
    await reviewed(tx.kysely, 'feedback', feedbackId, await feedbackAnswerHits(tx.kysely, feedbackId, shown)),
  );
  if (refused) throw refused;
}

/** Refuse the publication of an annual report while a hit of its texts waits. */
export async function guardAnnualReport(tx: Tx, record: Pick<ReportRecord, 'id' | 'snapshot'>): Promise<void> {
  const refused = refusal(
    await reviewed(tx.kysely, 'annualReport', record.id, await annualReportHits(tx.kysely, record)),
  );
  if (refused) throw refused;
}

// ---- the publisher's view ----

export interface ItemReview {
  hits: ReviewedHit[];
}

/** The hits of an item's open revision, each with its acknowledgement (for the publishing page). */
export async function reviewCatalogItem(actor: Actor, ctx: Context, itemId: number): Promise<ItemReview> {
  const item = await findItem(ctx.db.kysely, itemId);
  await authorize(actor, ctx, 'catalog.view', item?.agencyId ?? null, { type: 'catalogItem', id: itemId });
  if (!item) throw errors.notFound('信息', itemId);
  const list = await scanOpenRevision(ctx.db.kysely, itemId);
  return { hits: await reviewed(ctx.db.kysely, 'catalogItem', itemId, list.hits) };
}

async function loadMessage(actor: Actor, ctx: Context, id: number) {
  const message = await findMessage(ctx.db.kysely, id);
  await authorize(actor, ctx, 'feedback.answer', message?.agencyId ?? null, { type: 'feedback', id });
  if (!message) throw errors.notFound('留言', id);
  return message;
}

function shownOf(message: Parameters<typeof publicAnswer>[0], input: AnswerInput) {
  return publicAnswer(message, parseInput(answerInput, input, FEEDBACK_FIELD_LABELS));
}

/** The hits of a proposed public answer, each with its acknowledgement (none for a private answer). */
export async function reviewFeedbackAnswer(
  actor: Actor,
  ctx: Context,
  id: number,
  input: AnswerInput,
): Promise<ReviewedHit[]> {
  const message = await loadMessage(actor, ctx, id);
  if (input.mode !== 'public') return [];
  return reviewed(ctx.db.kysely, 'feedback', id, await feedbackAnswerHits(ctx.db.kysely, id, shownOf(message, input)));
}

/** The hits of an annual report's frozen texts, with their acknowledgements; null before it is frozen. */
export async function reviewAnnualReport(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  year: number,
): Promise<ItemReview | null> {
  await authorize(actor, ctx, 'report.view', agencyId, { type: 'annualReport', id: `${agencyId}/${year}` });
  const record = await findReport(ctx.db.kysely, agencyId, year);
  if (!record?.snapshot) return null;
  return {
    hits: await reviewed(ctx.db.kysely, 'annualReport', record.id, await annualReportHits(ctx.db.kysely, record)),
  };
}

// ---- acknowledging ----

async function acknowledge(
  actor: Actor,
  ctx: Context,
  objectType: ObjectType,
  objectId: number,
  input: AcknowledgeInput,
  hitsNow: (tx: Tx) => Promise<ScannedHit[]>,
  /** How the audit log names the object when not by its row id (annual reports: agency/year). */
  auditId: string | number = objectId,
): Promise<Acknowledgement> {
  const reason = checkReason(input.reason);
  const intent = { action: 'privacy.acknowledge', objectType, objectId: auditId };
  return transaction(ctx, actor, intent, async (tx) => {
    // Looked up again in what would be published now: only a hit still there can be acknowledged.
    const hit = (await hitsNow(tx)).find((h) => h.fingerprint === input.fingerprint);
    if (!hit) throw errors.invalidState('该处个人信息已不在待公开的内容中，无需说明理由');
    const known = await listAcknowledgements(tx.kysely, objectType, objectId);
    if (known.some((a) => a.fingerprint === hit.fingerprint))
      throw errors.invalidState(`已说明过${hit.masked}可以公开的理由`);
    const ack: Acknowledgement = {
      fingerprint: hit.fingerprint,
      kind: hit.kind,
      masked: hit.masked,
      place: hit.places.join('、'),
      reason,
      createdAt: tx.now,
      createdBy: actor.name,
    };
    await insertAcknowledgement(tx.kysely, objectType, objectId, ack, actor.id);
    // The masked form only: the audit log never holds the personal data it is about.
    tx.note({ after: { kind: ack.kind, masked: ack.masked, place: ack.place, reason } });
    return ack;
  });
}

/** The publisher records why a hit of an item's open revision may stand (发布员, as for publishing). */
export async function acknowledgeCatalogHit(
  actor: Actor,
  ctx: Context,
  itemId: number,
  input: AcknowledgeInput,
): Promise<Acknowledgement> {
  const item = await findItem(ctx.db.kysely, itemId);
  await authorize(actor, ctx, 'catalog.publish', item?.agencyId ?? null, { type: 'catalogItem', id: itemId });
  if (!item) throw errors.notFound('信息', itemId);
  return acknowledge(actor, ctx, 'catalogItem', itemId, input, (tx) => catalogItemHits(tx.kysely, itemId));
}

/** The one answering records why a hit of the proposed public answer may stand. */
export async function acknowledgeFeedbackHit(
  actor: Actor,
  ctx: Context,
  id: number,
  answer: AnswerInput,
  input: AcknowledgeInput,
): Promise<Acknowledgement> {
  const message = await loadMessage(actor, ctx, id);
  if (answer.mode !== 'public') throw errors.invalidState('私下答复不公开，无需说明理由');
  const shown = shownOf(message, answer);
  return acknowledge(actor, ctx, 'feedback', id, input, (tx) => feedbackAnswerHits(tx.kysely, id, shown));
}

/** The publisher records why a hit of an annual report's texts may stand. */
export async function acknowledgeReportHit(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  year: number,
  input: AcknowledgeInput,
): Promise<Acknowledgement> {
  await authorize(actor, ctx, 'report.publish', agencyId, { type: 'annualReport', id: `${agencyId}/${year}` });
  const record = await findReport(ctx.db.kysely, agencyId, year);
  if (!record?.snapshot) throw errors.invalidState('报告尚未报送，没有待发布的内容');
  const hitsNow = async (tx: Tx) => {
    const now = await findReport(tx.kysely, agencyId, year);
    return now ? annualReportHits(tx.kysely, now) : [];
  };
  return acknowledge(actor, ctx, 'annualReport', record.id, input, hitsNow, `${agencyId}/${year}`);
}
