// The line interpreter behind the plain-text and PDF readers: walks the lines of a report once, tracks which
// section it is in (the headings 二/三/四 open tables 二/三/四), turns table lines into records for the
// TableReader and everything else into narrative paragraphs.
//
// Three table layouts are understood:
// - cells on their own tab-indented lines, rows separated by blank lines (text pasted from Word, the seed);
//   a line without the tab continues the cell above ("商业\n企业");
// - Markdown pipe rows ("| （一）予以公开 | 0 | … |") and tab-separated rows: one row per line, blanks visible;
// - space-separated cells on one line (PDF text): blank cells are invisible there.
import type { FormatVersion } from '../model.ts';
import { newDraft, type ReportDraft } from './draft.ts';
import { detectEdition } from './labels-match.ts';
import { type Layout, ParagraphBuilder } from './paragraphs.ts';
import { headingSection } from './sections.ts';
import { type TableId, TableReader, tableMarker } from './table-rows.ts';

const FOOTER =
  /^(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

/** Page numbers such as "- 3 -", "第3页 共5页", "3/5". */
export function isPageFooter(line: string): boolean {
  return FOOTER.test(line.trim());
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;

/**
 * Some fonts map common characters to radical code points (⼈ U+2F08 for 人, ⺠ U+2EA0 for 民), and PDF text
 * extraction returns those: words would no longer match. Kangxi radicals and compatibility ideographs have
 * an NFKC form; the radicals supplement needs a table (only radicals that are also ordinary characters).
 */
const RADICAL = /[\u2e80-\u2fdf\uf900-\ufaff]/g;
const SUPPLEMENT: Record<string, string> = Object.fromEntries(
  [
    ...'⺁厂⺇几⺊卜⺎兀⺐尢⺒巳⺓幺⺔彐⺜日⺝月⺟母⺠民⺩王⺬示⺶羊⺷羊⻄西⻅见⻆角⻉贝⻊足⻋车⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟',
  ].flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1] as string]] : [])),
);

export function unifyIdeographs(text: string): string {
  return text.replace(RADICAL, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

/** Markdown escapes (our writer puts a backslash before ASCII punctuation in narrative text). */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
const PIPE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Section index (0 = 一 … 5 = 六) → the table printed in it. */
const TABLE_OF_SECTION: Record<number, TableId> = { 1: 2, 2: 3, 3: 4 };

export interface LinesOptions {
  layout: Layout;
  /** Markdown: "# " headings, "**bold**" lines. */
  markdown?: boolean;
}

export function readLines(lines: readonly string[], options: LinesOptions): ReportDraft {
  const draft = newDraft();
  const kept: string[] = [];
  for (const raw of lines) {
    let line = unifyIdeographs(raw.replace(/\r$/, ''));
    // Page numbers, and Markdown delimiter rows ("|---|---:|"), whose dashes would read as "—" cells.
    if (isPageFooter(line) || (PIPE_RULE.test(line) && line.includes('-'))) continue;
    if (options.markdown) {
      line = line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/^\s*\*\*(.+)\*\*\s*$/, '$1');
      if (!PIPE_ROW.test(line)) line = unescapeMarkdown(line);
    }
    kept.push(line);
  }
  draft.fullText = kept
    .map((l) => (PIPE_ROW.test(l) ? l.replace(/\|/g, ' ').trim() : l.replace(/\t/g, ' ').trim()))
    .join('\n');
  const edition: FormatVersion = detectEdition(draft.fullText) ?? '2021';
  const tables = new TableReader(draft, edition);
  const text = new ParagraphBuilder(options.layout);
  /** Cells of the tab-indented block being read (seed layout). */
  let block: string[] | null = null;
  const flushBlock = (): void => {
    if (block) tables.feed(block, true);
    block = null;
  };

  for (const line of kept) {
    const trimmed = line.trim();
    if (tables.table !== null && /^\t/.test(line) && !/\S\t/.test(line)) {
      // One cell of the seed layout; a line holding only the tab is an empty cell.
      block ??= [];
      block.push(trimmed);
      continue;
    }
    if (trimmed === '') {
      flushBlock();
      if (tables.table === null) text.flush();
      continue;
    }
    if (block !== null && tables.table !== null && trimmed.length <= 20 && headingSection(trimmed) === null) {
      // A cell's label broken over lines inside the cell ("商业\n企业").
      const cells: string[] = block;
      cells[cells.length - 1] += trimmed;
      continue;
    }
    flushBlock();
    const section = headingSection(trimmed);
    if (section !== null) {
      tables.enter(TABLE_OF_SECTION[section] ?? null);
      text.standalone(trimmed);
      continue;
    }
    const explicit = PIPE_ROW.test(line) || /\S\t/.test(line);
    if (tables.table === null && !explicit) {
      const marker = tableMarker(trimmed);
      if (marker === null) {
        text.line(trimmed);
        continue;
      }
      text.flush();
      tables.enter(marker);
    }
    if (tables.table === null) {
      // Outside the tables' sections an explicit row that opens no table is text as printed.
      const marker = tableMarker(cellsOf(line).join(''));
      if (marker === null) {
        text.line(trimmed);
        continue;
      }
      tables.enter(marker);
    }
    tables.feed(cellsOf(line), explicit);
  }
  flushBlock();
  tables.finish();
  draft.paragraphs = text.paragraphs();
  return draft;
}

function cellsOf(line: string): string[] {
  // A pipe escaped as "\|" belongs to the cell.
  if (PIPE_ROW.test(line)) return splitPipes(line.trim().slice(1, -1)).map(unescapeMarkdown);
  if (/\S\t/.test(line)) return line.replace(/^\t+/, '').split('\t');
  return line.trim().split(/[\s\u00a0\u3000]+/);
}

function splitPipes(row: string): string[] {
  const cells: string[] = [];
  let start = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') {
      cells.push(row.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(row.slice(start));
  return cells;
}
