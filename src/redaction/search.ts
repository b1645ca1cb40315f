// Search-and-redact: where on the page a phrase or a piece of personal data stands, from pdfjs's text items.
// A text item gives its start point, direction, font size and total width but not each character's position,
// so characters are placed by an estimate (a CJK/full-width character is about twice as wide as a Latin one)
// and the rectangle is padded: a redaction box should rather cover a little too much than leave an edge.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { findPersonalData, PERSONAL_DATA_KINDS, type PersonalDataKind } from '../privacy/detect.ts';
import type { FoundArea, PageArea } from './model.ts';
import { getPage, PAGE_TIMEOUT_MS, pageError, RedactionError, withPdf, withTimeout } from './open.ts';

/** Where one character of the page text came from. */
interface CharAt {
  item: number;
  index: number;
}

interface PageText {
  items: TextItem[];
  /** The page's text: items in content order, a space or line break between them where the page shows one. */
  text: string;
  /** For each UTF-16 unit of text: its character, or null for a separator the engine inserted. */
  from: (CharAt | null)[];
}

/** Every occurrence of the phrase, on every page; whitespace and letter case are ignored. */
export function findPhrase(pdf: Uint8Array, phrase: string): Promise<FoundArea[]> {
  const wanted = compact(phrase).key;
  if (wanted === '') return Promise.reject(new RedactionError('查找内容不能为空'));
  if (wanted.length > 500) return Promise.reject(new RedactionError('查找内容过长（最多500个字符）'));
  return eachPage(pdf, (page, number, text) => {
    const { key, from } = compact(text.text, text.from);
    const found: FoundArea[] = [];
    for (let at = key.indexOf(wanted); at >= 0; at = key.indexOf(wanted, at + wanted.length)) {
      const chars = from.slice(at, at + wanted.length).filter((c): c is CharAt => c !== null);
      for (const area of areasOf(page, number, text.items, chars)) found.push({ ...area, text: textOf(text, chars) });
    }
    return found;
  });
}

/** Personal data (ID numbers, mobiles, bank cards, e-mails, addresses) on every page, as the guard finds it. */
export function findPatterns(
  pdf: Uint8Array,
  kinds: readonly PersonalDataKind[] = PERSONAL_DATA_KINDS,
): Promise<FoundArea[]> {
  return eachPage(pdf, (page, number, text) => {
    const found: FoundArea[] = [];
    for (const hit of findPersonalData(text.text, kinds)) {
      const chars = text.from.slice(hit.start, hit.end).filter((c): c is CharAt => c !== null);
      for (const area of areasOf(page, number, text.items, chars)) {
        found.push({ ...area, text: hit.text, kind: hit.kind });
      }
    }
    return found;
  });
}

async function eachPage(
  pdf: Uint8Array,
  search: (page: PDFPageProxy, number: number, text: PageText) => FoundArea[],
): Promise<FoundArea[]> {
  return withPdf(pdf, async (doc: PDFDocumentProxy) => {
    const found: FoundArea[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await getPage(doc, n);
      try {
        const content = await withTimeout(page.getTextContent(), PAGE_TIMEOUT_MS);
        const items = content.items.filter((i): i is TextItem => 'str' in i && Array.isArray(i.transform));
        found.push(...search(page, n, pageText(items)));
      } catch (e) {
        throw pageError(n, e);
      } finally {
        page.cleanup();
      }
    }
    return found;
  });
}

/** Joins the items: nothing between neighbours that touch, a space across a gap, a line break to a new line. */
export function pageText(items: TextItem[]): PageText {
  let text = '';
  const from: (CharAt | null)[] = [];
  let previous: TextItem | null = null;
  items.forEach((item, i) => {
    if (item.str === '') {
      if (item.hasEOL && previous) previous = { ...previous, hasEOL: true };
      return;
    }
    if (previous) {
      const sep = separator(previous, item);
      for (const c of sep) {
        text += c;
        from.push(null);
      }
    }
    for (let k = 0; k < item.str.length; k++) {
      text += item.str[k];
      from.push({ item: i, index: k });
    }
    previous = item;
  });
  return { items, text, from };
}

function separator(a: TextItem, b: TextItem): string {
  const [, , , , ax = 0, ay = 0] = a.transform as number[];
  const [, , c = 0, d = 0, bx = 0, by = 0] = b.transform as number[];
  const size = Math.hypot(c, d) || 10;
  if (a.hasEOL || Math.abs(ay - by) > 0.5 * size) return '\n';
  const gap = bx - (ax + a.width);
  return gap > 0.2 * size || gap < -size ? ' ' : '';
}

/** The text without whitespace, folded (NFKC, lower case) one character at a time, with where each came from. */
function compact<T>(text: string, from?: readonly T[]): { key: string; from: T[] } {
  let key = '';
  const map: T[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (/\s/.test(c)) continue;
    key += fold(c);
    if (from) map.push(from[i] as T);
  }
  return { key, from: map };
}

function fold(c: string): string {
  const n = c.normalize('NFKC').toLowerCase();
  return n.length === 1 ? n : c; // one unit in, one out: offsets stay aligned
}

function textOf(text: PageText, chars: readonly CharAt[]): string {
  return chars.map((c) => text.items[c.item]?.str[c.index] ?? '').join('');
}

const wide = (c: string) => (c.codePointAt(0) ?? 0) >= 0x2e80;
const charWeight = (c: string) => (wide(c) ? 1 : 0.55);

/**
 * The rectangles (top-left points, as displayed) covering the given characters: one per run of characters on
 * one line, so a match broken over two lines gives two boxes, not one over both lines.
 */
export function areasOf(
  page: PDFPageProxy,
  pageNumber: number,
  items: readonly TextItem[],
  chars: readonly CharAt[],
): PageArea[] {
  const viewport = page.getViewport({ scale: 1 });
  const rects: PageArea[] = [];
  let i = 0;
  while (i < chars.length) {
    const first = chars[i] as CharAt;
    let last = first;
    while (i + 1 < chars.length && (chars[i + 1] as CharAt).item === first.item) last = chars[++i] as CharAt;
    i++;
    const item = items[first.item];
    if (item) rects.push(segmentRect(viewport, pageNumber, item, first.index, last.index + 1));
  }
  // Merge pieces that sit on one line (overlapping vertically by more than half).
  const merged: PageArea[] = [];
  for (const r of rects) {
    const prev = merged[merged.length - 1];
    const overlap = prev ? Math.min(prev.y + prev.height, r.y + r.height) - Math.max(prev.y, r.y) : 0;
    if (prev && overlap > 0.5 * Math.min(prev.height, r.height)) {
      const x = Math.min(prev.x, r.x);
      const y = Math.min(prev.y, r.y);
      prev.width = Math.max(prev.x + prev.width, r.x + r.width) - x;
      prev.height = Math.max(prev.y + prev.height, r.y + r.height) - y;
      prev.x = x;
      prev.y = y;
    } else merged.push({ ...r });
  }
  return merged.filter((r) => r.width > 0 && r.height > 0);
}

interface Viewport {
  width: number;
  height: number;
  convertToViewportPoint(x: number, y: number): number[];
}

function segmentRect(viewport: Viewport, page: number, item: TextItem, from: number, to: number): PageArea {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform as number[];
  const size = Math.hypot(c, d) || Math.hypot(a, b) || 10;
  const run = Math.hypot(a, b) || 1;
  const along = [a / run, b / run]; // direction of the text
  const up = [c / size, d / size];
  const str = item.str;
  let total = 0;
  let start = 0;
  let end = 0;
  for (let k = 0; k < str.length; k++) {
    const w = charWeight(str[k] as string);
    if (k < from) start += w;
    if (k < to) end += w;
    total += w;
  }
  const width = item.width > 0 ? item.width : total * size;
  const scale = total > 0 ? width / total : 0;
  // Padding: a fifth of the font size along the line (the per-character estimate), descenders below, accents above.
  const u0 = start * scale - 0.2 * size;
  const u1 = end * scale + 0.2 * size;
  const v0 = -0.3 * size;
  const v1 = 1.05 * size;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [u, v] of [
    [u0, v0],
    [u1, v0],
    [u0, v1],
    [u1, v1],
  ] as const) {
    const px = e + (along[0] as number) * u + (up[0] as number) * v;
    const py = f + (along[1] as number) * u + (up[1] as number) * v;
    const [vx = 0, vy = 0] = viewport.convertToViewportPoint(px, py);
    xs.push(vx);
    ys.push(vy);
  }
  const x0 = Math.max(0, Math.min(...xs));
  const y0 = Math.max(0, Math.min(...ys));
  const x1 = Math.min(viewport.width, Math.max(...xs));
  const y1 = Math.min(viewport.height, Math.max(...ys));
  return { page, x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}
