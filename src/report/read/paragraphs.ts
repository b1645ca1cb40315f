// Narrative paragraphs from text lines. PDF text breaks lines at the page width, so such "wrapped" text is
// reflowed: a line continues the paragraph unless it ends a sentence or is clearly short, and a line that
// opens a numbered item starts a new one. Text pasted from Word or written as Markdown has one paragraph
// per line ("lines").

export type Layout = 'wrapped' | 'lines';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》、，。；：？！（）]/;

/** Printed width in CJK character cells: ASCII is about half as wide. */
export function lineWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

// A colon often ends a full line mid-paragraph ("主要表现在："), so it ends a paragraph only on a short line.
const SENTENCE_END = /[。！？!?；;…][”’"」』]?$/;
/** （一） (1) 一、 1. 1、 第一，: the openings of numbered items and subheadings. */
const ITEM_START =
  /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[、．](?!\d)|\d{1,2}\.(?!\d)|第[一二三四五六七八九十]+[，、,])/;

/** Spaces next to Chinese text are layout artefacts of PDF extraction ("2024 年", "邮 编 ："). */
export function tidyWrapped(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ (?=\S)/g, (space, offset: number, whole: string) => {
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + 1] ?? '';
      return CJK.test(before) || CJK.test(after) ? '' : space;
    })
    .trim();
}

type Item = { kind: 'line' | 'standalone'; text: string } | { kind: 'break' };

/**
 * Collects the narrative lines, then builds the paragraphs at the end, once the width of a full line of
 * this document's body text is known (table lines, being short, would mislead it).
 */
export class ParagraphBuilder {
  private readonly items: Item[] = [];

  constructor(private readonly layout: Layout) {}

  /** A heading (or any text that must stand alone, as printed). */
  standalone(text: string): void {
    this.items.push({ kind: 'standalone', text: text.trim() });
  }

  line(text: string): void {
    const t = text.trim();
    this.items.push(t === '' ? { kind: 'break' } : { kind: 'line', text: t });
  }

  /** A paragraph break (a blank line, or a table between two runs of text). */
  flush(): void {
    this.items.push({ kind: 'break' });
  }

  paragraphs(): string[] {
    const out: string[] = [];
    const fullWidth = typicalWidth(this.items.flatMap((i) => (i.kind === 'line' ? [i.text] : [])));
    let current: string[] = [];
    let ended = true;
    const flush = (): void => {
      if (current.length > 0) out.push(joinWrapped(current));
      current = [];
      ended = true;
    };
    for (const item of this.items) {
      if (item.kind === 'break') flush();
      else if (item.kind === 'standalone') {
        flush();
        out.push(item.text);
      } else if (this.layout === 'lines') out.push(item.text);
      else {
        if (ended || ITEM_START.test(item.text)) flush();
        current.push(item.text);
        ended = SENTENCE_END.test(item.text) || lineWidth(item.text) < fullWidth * 0.6;
      }
    }
    flush();
    return out;
  }
}

function joinWrapped(lines: string[]): string {
  const joined = lines.reduce((acc, next) =>
    /[A-Za-z]$/.test(acc) && /^[A-Za-z]/.test(next) ? `${acc} ${next}` : acc + next,
  );
  return tidyWrapped(joined);
}

/** The width of a full line of body text: a high percentile of the longer lines' widths. */
export function typicalWidth(lines: readonly string[]): number {
  const widths = lines
    .map((l) => lineWidth(l.trim()))
    .filter((w) => w >= 8)
    .sort((a, b) => a - b);
  if (widths.length === 0) return 0;
  return widths[Math.floor(widths.length * 0.75)] as number;
}
