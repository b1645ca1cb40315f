// Plain-text reports: text pasted from Word (the seed), text extracted from a PDF, and Markdown written by
// our Markdown writer. All go through the same line interpreter (lines.ts); this file only decides how the
// narrative is laid out and drops researcher notes put in front of the document.
import type { ReportDraft } from './draft.ts';
import { readLines } from './lines.ts';
import { lineWidth } from './paragraphs.ts';
import { isValueToken } from './table-rows.ts';

/**
 * Notes a collector put in front of the document ("SOURCE: …" then "# NOTE …" lines): not document text.
 * "# " lines count as notes only after a SOURCE line, since in Markdown they are headings.
 */
function dropLeadingNotes(lines: string[]): string[] {
  let i = 0;
  let sourced = false;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.startsWith('SOURCE: ')) sourced = true;
    else if (!(sourced && (line.startsWith('# ') || line.trim() === ''))) break;
    i++;
  }
  return i === 0 ? lines : lines.slice(i);
}

/** Lines longer than any printed line: the text keeps one paragraph per line (pasted, not extracted). */
const UNWRAPPED_WIDTH = 60;

export function readTextDraft(text: string): ReportDraft {
  const lines = dropLeadingNotes(text.replace(/^\uFEFF/, '').split(/\r?\n|\r/));
  const markdown = lines.some((l) => /^#{1,6}\s/.test(l)) || lines.filter((l) => /^\s*\|.*\|\s*$/.test(l)).length >= 3;
  // Table lines are not narrative: a long row of numbers says nothing about how paragraphs are wrapped.
  const unwrapped = lines.some((l) => {
    const t = l.trim();
    if (lineWidth(t) < UNWRAPPED_WIDTH) return false;
    const last = t.split(/\s+/).pop() ?? '';
    return !isValueToken(last) && !t.startsWith('|');
  });
  return readLines(lines, { layout: markdown || unwrapped ? 'lines' : 'wrapped', markdown });
}
