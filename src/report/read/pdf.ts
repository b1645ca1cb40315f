// PDF reports: the text layer (pdfjs-dist) rebuilt into lines, then read by the same line interpreter as
// plain text. No rendering, no canvas: only text items and their positions.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentLoadingTask, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { openPdfTask } from '../../pdf/pdfjs.ts';
import { ReadError } from '../diagnostics.ts';
import type { ReportDraft } from './draft.ts';
import { isPageFooter, readLines } from './lines.ts';

interface Piece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** A whitespace item came before it in the content stream. */
  spaced: boolean;
}

interface Line {
  pieces: Piece[];
  y: number;
  size: number;
}

/**
 * Lines from the text items of one page, in content-stream order: consecutive items on one baseline form a
 * line, a new baseline starts the next. Producers (WPS, Word, Chromium) write a table cell by cell, row by
 * row, so this keeps each row's label before its values. Sorting by y instead, or gathering every item of a
 * baseline page-wide, interleaves vertically centred labels ("三、本年度办理结果", a two-line label beside
 * its one-line values) with neighbouring rows; tried on the real reports, it misplaces cells.
 */
export function pageLines(items: readonly TextItem[], pageHeight: number): string[] {
  const lines: Line[] = [];
  let spaced = false;
  for (const item of items) {
    if (item.str.trim() === '') {
      // Whitespace items carry no reliable width (WPS writes huge ones), only "a gap here".
      if (item.str !== '') spaced = true;
      continue;
    }
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 10;
    const piece: Piece = { text: item.str, x, y, width: item.width, size, spaced };
    spaced = false;
    const last = lines[lines.length - 1];
    const previous = last?.pieces[last.pieces.length - 1];
    if (previous && wrapsNumber(previous, piece)) {
      previous.text += piece.text;
      continue;
    }
    if (last && Math.abs(last.y - y) <= 0.45 * Math.min(last.size, size)) last.pieces.push(piece);
    else lines.push({ pieces: [piece], y, size });
  }
  return lines.filter((line) => !isMarginNumber(line, pageHeight)).map(lineText);
}

/**
 * A number broken inside a narrow cell ("39270" printed as "3927" over "0"): the rest comes next in the
 * stream, one line lower, under the first part. A value of the next row never follows a value directly
 * (its row label comes first), so two numbers stacked like this are one cell.
 */
function wrapsNumber(previous: Piece, piece: Piece): boolean {
  if (!/^\d[\d,.]*$/.test(previous.text) || !/^[\d,.]+$/.test(piece.text)) return false;
  const drop = previous.y - piece.y;
  const centre = piece.x + piece.width / 2;
  return (
    drop > 0.8 * previous.size &&
    drop < 1.6 * previous.size &&
    centre > previous.x - 0.1 * previous.size &&
    centre < previous.x + previous.width + 0.1 * previous.size
  );
}

/** Join the pieces of a line left to right; a visible gap between two pieces separates table cells. */
function lineText(line: Line): string {
  const pieces = [...line.pieces].sort((p, q) => p.x - q.x);
  let out = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const p of pieces) {
    const gap = p.x - end;
    if (out !== '' && (gap > 0.25 * p.size || (p.spaced && gap > -0.1 * p.size))) out += ' ';
    out += p.text;
    end = Math.max(end, p.x + p.width);
  }
  return out.trim();
}

/** A page number printed in the top or bottom margin ("3", "- 3 -", "第3页"). */
function isMarginNumber(line: Line, pageHeight: number): boolean {
  if (pageHeight <= 0 || (line.y > pageHeight * 0.07 && line.y < pageHeight * 0.95)) return false;
  const text = lineText(line);
  return /^\d{1,4}$/.test(text) || isPageFooter(text);
}

/** Too little text for even a title: the pages are images. */
const MIN_TEXT_CHARS = 20;

export async function readPdfDraft(data: Uint8Array): Promise<ReportDraft> {
  let task: PDFDocumentLoadingTask | null = null;
  try {
    task = await openPdfTask(data);
    const pdf = await task.promise;
    // All pages at once: pdfjs inflates streams asynchronously, so pages overlap instead of waiting in turn.
    const pages = await Promise.all(
      Array.from({ length: pdf.numPages }, async (_, i) => {
        const page = await pdf.getPage(i + 1);
        const content = await page.getTextContent();
        const [, y0 = 0, , y1 = 0] = page.view;
        page.cleanup();
        return { items: content.items.filter((item): item is TextItem => 'str' in item), height: Math.abs(y1 - y0) };
      }),
    );
    const lines: string[] = [];
    let chars = 0;
    for (const { items, height } of pages) {
      for (const item of items) chars += item.str.replace(/\s/g, '').length;
      lines.push(...pageLines(items, height));
    }
    if (chars < MIN_TEXT_CHARS) {
      throw new ReadError(
        'PDF中没有可提取的文字（可能是扫描件，无文字层），无法读取；请提供带文字层的PDF，或Word、网页版本',
      );
    }
    const draft = readLines(lines, { layout: 'wrapped' });
    draft.title = await titleIfUseful(pdf, draft.fullText);
    return draft;
  } catch (e) {
    throw e instanceof ReadError ? e : new ReadError(pdfFailure(e));
  } finally {
    await task?.destroy().catch(() => undefined);
  }
}

/**
 * The Title property, only when the body prints no title of its own: producers often fill it with a generic
 * "政府信息公开工作年度报告", and a printed title (with agency and year) is better evidence.
 * CreationDate is not used: it is when the file was made, not when the report was published.
 */
async function titleIfUseful(doc: PDFDocumentProxy, fullText: string): Promise<string | null> {
  const head = fullText.slice(0, 3000).replace(/\s+/g, '');
  if (/\d{4}年度?(?:政府信息公开|政务公开)(?:工作)?年度?报告/.test(head)) return null;
  const meta = await doc.getMetadata().catch(() => null);
  const title = (meta?.info as { Title?: unknown } | undefined)?.Title;
  return typeof title === 'string' && /\d{4}年/.test(title) ? title.trim() : null;
}

function pdfFailure(e: unknown): string {
  const name = (e as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return 'PDF文件已加密（需要密码才能打开），无法读取';
  if (name === 'InvalidPDFException') return 'PDF文件已损坏或不是有效的PDF，无法读取';
  const message = e instanceof Error ? e.message : String(e);
  return `PDF文件无法解析（${message}），文件可能已损坏`;
}
