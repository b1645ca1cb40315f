// Hits marked in a title or a snippet of the body: the text is escaped first and only <mark> is added, so nothing
// the author or the searcher typed ever becomes markup. Offsets are in UTF-16 code units of the returned text (as
// JavaScript's String#slice counts them), for clients that mark hits themselves.

export interface Marked {
  text: string;
  /** [start, end) of each hit in text, in order, not overlapping. */
  hits: [number, number][];
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);

/** Where the terms occur in the text (case-insensitive), merged where they touch or overlap. */
export function findHits(text: string, terms: readonly string[]): [number, number][] {
  // Full-width letters and digits compare as the query's (NFKC) when that keeps the offsets.
  const nfkc = text.normalize('NFKC');
  const lower = (nfkc.length === text.length ? nfkc : text).toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    let from = lower.indexOf(term);
    while (from !== -1) {
      ranges.push([from, from + term.length]);
      from = lower.indexOf(term, from + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function markText(text: string, hits: readonly [number, number][]): string {
  let html = '';
  let at = 0;
  for (const [start, end] of hits) {
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}

export function markAll(text: string, terms: readonly string[]): Marked {
  const hits = findHits(text, terms);
  return { text, hits, html: markText(text, hits) };
}

/** About this many characters of the body around the first hit (the start of the body when none). */
export const SNIPPET_LENGTH = 120;

export function snippet(body: string, terms: readonly string[], length = SNIPPET_LENGTH): Marked {
  const flat = body.replace(/\s+/g, ' ').trim();
  const hits = findHits(flat, terms);
  const first = hits[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 4));
  // Do not cut a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(flat[start] ?? '')) start -= 1;
  let end = Math.min(flat.length, start + length);
  if (end < flat.length && /[\uD800-\uDBFF]/.test(flat[end - 1] ?? '')) end += 1;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const part = flat.slice(start, end);
  const text = `${prefix}${part}${suffix}`;
  const shift = prefix.length - start;
  const inside: [number, number][] = [];
  for (const [s, e] of hits) {
    if (e <= start || s >= end) continue;
    inside.push([Math.max(s, start) + shift, Math.min(e, end) + shift]);
  }
  return { text, hits: inside, html: markText(text, inside) };
}
