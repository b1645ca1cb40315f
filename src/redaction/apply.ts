// Applying redactions: a new PDF in which what was under a box is gone, not covered.
//
// Every page with a box is rebuilt: rasterised, the boxes painted black into its pixels, and placed as a single
// image on a fresh page of the same displayed size — no text, vector, image or annotation of the original page
// reaches the output. Pages without boxes are copied as they are, with only what they draw (see sanitise.ts).
// Nothing of the document itself is carried over (metadata, outline, forms, attachments, scripts). A
// 区分处理记录 page closes the file. When pdf-lib cannot take a page over safely, that page is rebuilt too.

import type { Canvas } from '@napi-rs/canvas';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { validateBoxes } from './boxes.ts';
import { drawLog, LOG_PAGE, logPdf, restoreIdeographs } from './log-page.ts';
import type { PageSize, RedactionBox } from './model.ts';
import {
  asRedactionError,
  ENCRYPTED_MESSAGE,
  getPage,
  INVALID_MESSAGE,
  PAGE_TIMEOUT_MS,
  pageError,
  RedactionError,
  withPdf,
  withTimeout,
} from './open.ts';
import { rasterise, sizesOf } from './render.ts';
import { collectGarbage, sanitiseDocument, sanitisePage } from './sanitise.ts';

/** 2× = 144 dpi: small print stays readable. */
export const REBUILD_SCALE = 2;
const JPEG_QUALITY = 88;

export async function applyRedactions(
  pdf: Uint8Array,
  boxes: readonly RedactionBox[],
  options: { title: string },
): Promise<{ pdf: Uint8Array; pagesRebuilt: number[] }> {
  const title = String(options?.title ?? '').trim() || '区分处理后的文件';
  return withPdf(pdf, async (doc) => {
    const sizes = await sizesOf(doc);
    const valid = validateBoxes(boxes, sizes);
    const first = await build(pdf, doc, sizes, valid, title, new Set());
    // A page is copied only if the output shows it as the handler saw it: two parsers can read a damaged or
    // crafted file differently, and a copied page must not carry text the viewer did not show.
    const differing = await pagesThatDiffer(doc, first);
    if (differing.length === 0) return { pdf: first.pdf, pagesRebuilt: first.rebuilt };
    const second = await build(pdf, doc, sizes, valid, title, new Set(differing));
    if ((await pagesThatDiffer(doc, second)).length > 0) {
      const all = new Set(sizes.map((_, i) => i + 1));
      const last = await build(pdf, doc, sizes, valid, title, all);
      return { pdf: last.pdf, pagesRebuilt: last.rebuilt };
    }
    return { pdf: second.pdf, pagesRebuilt: second.rebuilt };
  });
}

interface Built {
  pdf: Uint8Array;
  rebuilt: number[];
  kept: number[];
}

async function build(
  pdf: Uint8Array,
  doc: PDFDocumentProxy,
  sizes: readonly PageSize[],
  valid: readonly RedactionBox[],
  title: string,
  rebuild: ReadonlySet<number>,
): Promise<Built> {
  const source = rebuild.size === sizes.length ? null : await loadForCopy(pdf, doc.numPages);
  const out = await PDFDocument.create({ updateMetadata: false });
  const rebuilt: number[] = [];

  // Pages kept as they are, copied in one go so resources they share are copied once.
  const keep: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    if (source && !rebuild.has(n) && !valid.some((b) => b.page === n) && sanitisePage(source, n - 1)) keep.push(n);
  }
  const copied = new Map<number, PDFPage>();
  if (source && keep.length > 0) {
    try {
      const pages = await out.copyPages(
        source,
        keep.map((n) => n - 1),
      );
      keep.forEach((n, i) => {
        copied.set(n, pages[i] as PDFPage);
      });
    } catch {
      copied.clear(); // rebuilt below instead
    }
  }
  for (let n = 1; n <= doc.numPages; n++) {
    const page = copied.get(n);
    if (page) out.addPage(page);
    else {
      const canvas = await rasterise(
        doc,
        n,
        REBUILD_SCALE,
        valid.filter((b) => b.page === n),
      );
      await addImagePage(out, canvas, sizes[n - 1] as PageSize);
      rebuilt.push(n);
    }
  }
  await addLog(out, title, valid);

  sanitiseDocument(out);
  out.setTitle(title);
  out.setProducer('Gongkai');
  out.setCreator('Gongkai');
  const now = new Date();
  out.setCreationDate(now);
  out.setModificationDate(now);
  await out.flush(); // embeds the images, so that the sweep sees every object
  collectGarbage(out);
  try {
    return { pdf: await out.save({ useObjectStreams: true }), rebuilt, kept: [...copied.keys()] };
  } catch (e) {
    throw asRedactionError(e);
  }
}

/** Pages of the output whose text differs from what pdfjs read on the original (copied) or is not empty (rebuilt). */
async function pagesThatDiffer(doc: PDFDocumentProxy, built: Built): Promise<number[]> {
  return withPdf(
    built.pdf,
    async (out) => {
      const differing: number[] = [];
      for (const n of built.rebuilt) if ((await pageText(out, n)) !== '') throw new RedactionError(INVALID_MESSAGE);
      for (const n of built.kept) if ((await pageText(out, n)) !== (await pageText(doc, n))) differing.push(n);
      return differing;
    },
    { maxPages: Number.POSITIVE_INFINITY },
  );
}

async function pageText(doc: PDFDocumentProxy, n: number): Promise<string> {
  const page = await getPage(doc, n);
  try {
    const content = await withTimeout(page.getTextContent(), PAGE_TIMEOUT_MS);
    return content.items.map((i) => ('str' in i ? i.str : '')).join('');
  } catch (e) {
    throw pageError(n, e);
  } finally {
    page.cleanup();
  }
}

/** The 区分处理记录 pages: as text from Skia's PDF backend, or as images should that fail. */
async function addLog(out: PDFDocument, title: string, boxes: readonly RedactionBox[]): Promise<void> {
  let pages: PDFPage[] | null = null;
  try {
    const log = await PDFDocument.load(logPdf(title, boxes), { updateMetadata: false });
    restoreIdeographs(log);
    pages = await out.copyPages(log, log.getPageIndices());
  } catch {
    pages = null;
  }
  if (pages) for (const page of pages) out.addPage(page);
  else for (const canvas of drawLog(title, boxes)) await addImagePage(out, canvas, LOG_PAGE, 'png');
}

/**
 * The original parsed by pdf-lib for copying pages, or null when it cannot be (then every page is rebuilt).
 * pdfjs has already opened the file; a page count that differs between the two parsers means a damaged file,
 * whose pages are safer rebuilt than copied.
 */
async function loadForCopy(pdf: Uint8Array, pages: number): Promise<PDFDocument | null> {
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: false });
    return doc.getPageCount() === pages ? doc : null;
  } catch (e) {
    if ((e as { name?: string } | null)?.name === 'EncryptedPDFError' || /encrypt/i.test(String(e))) {
      throw new RedactionError(ENCRYPTED_MESSAGE);
    }
    return null;
  }
}

async function addImagePage(out: PDFDocument, canvas: Canvas, size: PageSize, format: 'jpeg' | 'png' = 'jpeg') {
  const image =
    format === 'png'
      ? await out.embedPng(await canvas.encode('png'))
      : await out.embedJpg(await canvas.encode('jpeg', JPEG_QUALITY));
  const page = out.addPage([size.width, size.height]);
  page.drawImage(image, { x: 0, y: 0, width: size.width, height: size.height });
}
