// Opening a PDF for the redaction engine: one pdfjs document, the limits a hostile file must stay within, and
// every failure turned into a RedactionError the handler can read. Everything else in src/redaction/ opens files
// through here.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist/types/src/display/api.js';
import { openPdfTask } from '../pdf/pdfjs.ts';

/** A failure the handler is told about, in Chinese (an encrypted file, not a PDF, too many pages, a bad box …). */
export class RedactionError extends Error {
  override name = 'RedactionError';
}

/** More pages than a case file plausibly needs, and every one of them is rasterised when redacted. */
export const MAX_PAGES = 200;
/** Upload size the engine accepts at all. */
export const MAX_BYTES = 100 * 1024 * 1024;
/** Pixels of one rendered page (16 Mpx ≈ 64 MB of RGBA): bounds memory whatever the page claims its size is. */
export const MAX_PIXELS = 16_000_000;
/** Pixels of one image inside a page that pdfjs will decode. */
const MAX_IMAGE_PIXELS = 40_000_000;
/** A page that takes longer than this to render or read is treated as hostile. */
export const PAGE_TIMEOUT_MS = 30_000;

export const ENCRYPTED_MESSAGE = '该PDF文件已加密（设有密码或权限限制），无法作区分处理；请上传未加密的PDF文件';
export const INVALID_MESSAGE = '该文件不是有效的PDF文件或已损坏，无法作区分处理';

export interface OpenPdf {
  doc: PDFDocumentProxy;
  close(): Promise<void>;
}

/** Opens the file with pdfjs, refusing encrypted, broken, empty and oversized ones. The caller must close it. */
export async function openPdf(data: Uint8Array, limits: { maxPages?: number } = {}): Promise<OpenPdf> {
  const maxPages = limits.maxPages ?? MAX_PAGES;
  if (!(data instanceof Uint8Array) || data.length === 0) throw new RedactionError('文件为空，无法作区分处理');
  if (data.length > MAX_BYTES) throw new RedactionError('文件超过100MB，无法作区分处理');
  let task: PDFDocumentLoadingTask | null = null;
  const close = async () => {
    await task?.destroy().catch(() => undefined);
  };
  try {
    task = await openPdfTask(data, {
      isOffscreenCanvasSupported: false,
      maxImageSize: MAX_IMAGE_PIXELS,
      enableXfa: false,
    });
    const doc = await withTimeout(task.promise, PAGE_TIMEOUT_MS);
    // A file encrypted with an empty user password opens without one; it is refused all the same: its
    // permissions may forbid changing it, and pdf-lib cannot rewrite it.
    const meta = await withTimeout(doc.getMetadata(), PAGE_TIMEOUT_MS);
    if ((meta.info as { EncryptFilterName?: unknown }).EncryptFilterName) throw new RedactionError(ENCRYPTED_MESSAGE);
    if (doc.numPages < 1) throw new RedactionError('该PDF文件没有页面，无法作区分处理');
    if (doc.numPages > maxPages) {
      throw new RedactionError(`该PDF文件共${doc.numPages}页，超过${MAX_PAGES}页的上限，请拆分后再作区分处理`);
    }
    return { doc, close };
  } catch (e) {
    await close();
    throw asRedactionError(e);
  }
}

/** Runs work on an opened file and always closes it. */
export async function withPdf<T>(
  data: Uint8Array,
  work: (doc: PDFDocumentProxy) => Promise<T>,
  limits: { maxPages?: number } = {},
): Promise<T> {
  const { doc, close } = await openPdf(data, limits);
  try {
    return await work(doc);
  } catch (e) {
    throw asRedactionError(e);
  } finally {
    await close();
  }
}

export async function getPage(doc: PDFDocumentProxy, page: number): Promise<PDFPageProxy> {
  if (!Number.isInteger(page) || page < 1 || page > doc.numPages) {
    throw new RedactionError(`页码超出范围（共${doc.numPages}页）`);
  }
  try {
    return await withTimeout(doc.getPage(page), PAGE_TIMEOUT_MS);
  } catch (e) {
    throw pageError(page, e);
  }
}

export function pageError(page: number, e: unknown): RedactionError {
  if (e instanceof RedactionError) return e;
  return new RedactionError(`第${page}页无法读取，文件可能已损坏`);
}

export function asRedactionError(e: unknown): RedactionError {
  if (e instanceof RedactionError) return e;
  const name = (e as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return new RedactionError(ENCRYPTED_MESSAGE);
  return new RedactionError(INVALID_MESSAGE);
}

export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new RedactionError('文件处理超时，文件可能已损坏或过于复杂'));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
