// The file being redacted: loaded under the policy (the first thing every redaction function does), and made a
// PDF — itself, or converted from a DOCX or an image by the engine. The engine is passed in, so tests can give
// one that fails.
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import type { Attachment } from '../attachments/model.ts';
import { attachmentContent, findAttachment } from '../attachments/repository.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import type { PersonalDataKind } from '../privacy/detect.ts';
import * as defaultEngine from './engine.ts';
import type { FoundArea, PageSize, RedactionBox } from './model.ts';

/** The engine's functions this service uses (redaction/engine.ts); tests may pass another. */
export interface RedactionEngine {
  pageSizes(pdf: Uint8Array): Promise<PageSize[]>;
  renderPage(pdf: Uint8Array, page: number, scale: number): Promise<Uint8Array>;
  findPhrase(pdf: Uint8Array, phrase: string): Promise<FoundArea[]>;
  findPatterns(pdf: Uint8Array, kinds?: readonly PersonalDataKind[]): Promise<FoundArea[]>;
  applyRedactions(
    pdf: Uint8Array,
    boxes: readonly RedactionBox[],
    options: { title: string },
  ): Promise<{ pdf: Uint8Array; pagesRebuilt: number[] }>;
  toPdf(data: Uint8Array, mediaType: string): Promise<Uint8Array>;
}

export const ENGINE: RedactionEngine = defaultEngine;

/** Pages are shown at 1.5 × 72 dpi: legible, and the client scales the image to the page's width anyway. */
export const PAGE_SCALE = 1.5;

export type Access = 'application.view' | 'application.handle';

export async function loadFile(actor: Actor, ctx: Context, attachmentId: number, action: Access) {
  const found = await findAttachment(ctx.db.kysely, attachmentId);
  await authorize(actor, ctx, action, found?.agencyId ?? null, { type: 'attachment', id: attachmentId });
  if (!found) throw errors.notFound('附件', attachmentId);
  return found;
}

// A DOCX or image is converted for every page shown; the few files being worked on are kept converted (per
// engine, so an engine a test passes never answers for the real one).
const convertedBy = new WeakMap<RedactionEngine, Map<string, Promise<Uint8Array>>>();
const CONVERTED_KEPT = 8;

/** The file as a PDF: itself, or converted (a RedactionError says why not, e.g. “请上传PDF”). */
export async function pdfOf(ctx: Context, a: Attachment, engine: RedactionEngine): Promise<Uint8Array> {
  const data = await attachmentContent(ctx.db.kysely, a.id);
  if (a.mediaType === 'application/pdf') return data;
  const key = `${a.sha256}:${a.mediaType}`;
  const converted = convertedBy.get(engine) ?? new Map<string, Promise<Uint8Array>>();
  convertedBy.set(engine, converted);
  let pending = converted.get(key);
  if (!pending) {
    pending = engine.toPdf(data, a.mediaType);
    converted.set(key, pending);
    pending.catch(() => converted.delete(key));
    while (converted.size > CONVERTED_KEPT) converted.delete(converted.keys().next().value as string);
  }
  return pending;
}
