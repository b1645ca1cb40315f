// Rendering pages to pixels: pdfjs drawing onto an @napi-rs/canvas canvas. Used to show pages to the handler
// and to rebuild redacted pages, where the black boxes are painted into the same pixels so nothing under
// them survives.
import { type Canvas, createCanvas } from '@napi-rs/canvas';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cjkFontFamily, LATIN_FAMILY } from './fonts.ts';
import { type PageSize, REDACTION_REASONS, type RedactionBox } from './model.ts';
import { getPage, MAX_PIXELS, PAGE_TIMEOUT_MS, pageError, RedactionError, withPdf, withTimeout } from './open.ts';

/** Displayed size (after /Rotate and the crop box) of every page, in points. */
export function pageSizes(pdf: Uint8Array): Promise<PageSize[]> {
  return withPdf(pdf, (doc) => sizesOf(doc));
}

export async function sizesOf(doc: PDFDocumentProxy): Promise<PageSize[]> {
  const sizes: PageSize[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await getPage(doc, n);
    const { width, height } = page.getViewport({ scale: 1 });
    page.cleanup();
    sizes.push({ width, height });
  }
  return sizes;
}

/** One page as PNG, scale 1 = 72 dpi. The scale is lowered when the page would exceed the pixel limit. */
export async function renderPage(pdf: Uint8Array, page: number, scale: number): Promise<Uint8Array> {
  if (!Number.isFinite(scale) || scale <= 0 || scale > 8) throw new RedactionError('缩放比例无效');
  return withPdf(pdf, async (doc) => {
    const canvas = await rasterise(doc, page, scale, []);
    return new Uint8Array(await canvas.encode('png'));
  });
}

/** The scale actually used: the one asked for, unless the page would exceed MAX_PIXELS. */
export function boundedScale(size: PageSize, scale: number): number {
  const pixels = size.width * scale * size.height * scale;
  return pixels <= MAX_PIXELS ? scale : scale * Math.sqrt(MAX_PIXELS / pixels);
}

/**
 * Draws the page and then paints the boxes (already validated, in points from the displayed top-left) black
 * into the pixels, each with its reason label in white where it fits.
 */
export async function rasterise(
  doc: PDFDocumentProxy,
  pageNumber: number,
  scale: number,
  boxes: readonly RedactionBox[],
): Promise<Canvas> {
  const page = await getPage(doc, pageNumber);
  try {
    const size = page.getViewport({ scale: 1 });
    const s = boundedScale(size, scale);
    const viewport = page.getViewport({ scale: s });
    const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const params = {
      canvas: null,
      canvasContext: ctx,
      viewport,
      // AnnotationMode.ENABLE: annotations are drawn as they appear (a filled-in form shows its values), so the
      // handler sees them and a rebuilt page keeps them, flattened into its pixels.
      annotationMode: 1,
    };
    const task = page.render(params as unknown as Parameters<PDFPageProxy['render']>[0]);
    await withTimeout(task.promise, PAGE_TIMEOUT_MS, () => task.cancel());
    for (const box of boxes) paintBox(ctx, box, s);
    return canvas;
  } catch (e) {
    throw pageError(pageNumber, e);
  } finally {
    page.cleanup();
  }
}

type Ctx = ReturnType<Canvas['getContext']>;

function paintBox(ctx: Ctx, box: RedactionBox, s: number): void {
  // Whole pixels, rounded outwards: a half-covered pixel at the edge would keep an anti-aliased trace.
  const x0 = Math.floor(box.x * s);
  const y0 = Math.floor(box.y * s);
  const x1 = Math.ceil((box.x + box.width) * s);
  const y1 = Math.ceil((box.y + box.height) * s);
  ctx.fillStyle = '#000000';
  ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
  drawLabel(ctx, boxLabel(box), x0, y0, x1 - x0, y1 - y0, s);
}

/** The reason printed on a box: its label, or a short code when no CJK font can draw it. */
export function boxLabel(box: Pick<RedactionBox, 'reason'>): string {
  return cjkFontFamily() ? REDACTION_REASONS[box.reason].label : box.reason;
}

function drawLabel(ctx: Ctx, text: string, x: number, y: number, w: number, h: number, s: number): void {
  const family = cjkFontFamily() ?? LATIN_FAMILY;
  const pad = 1 * s;
  // From 10 pt down to 4 pt: the largest size that fits inside the box, or no label at all.
  for (let pt = Math.min(10, (h - 2 * pad) / s); pt >= 4; pt -= 1) {
    ctx.font = `${pt * s}px "${family}"`;
    const width = ctx.measureText(text).width;
    if (width <= w - 2 * pad) {
      ctx.fillStyle = '#ffffff';
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'center';
      ctx.fillText(text, x + w / 2, y + h / 2);
      return;
    }
  }
}
