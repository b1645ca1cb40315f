// The 区分处理记录 appended to every redacted file: which box, on which page, withheld for which reason, on
// what legal basis (《条例》第三十七条 asks that the reason for what is withheld be given). Drawn with the
// canvas API onto Skia's PDF backend, which embeds a subset of the machine's CJK font: the log is text.
import { type Canvas, createCanvas, PDFDocument as SkiaPdf } from '@napi-rs/canvas';
import { decodePDFRawStream, type PDFDocument, PDFRawStream } from 'pdf-lib';
import { cjkFontFamily, LATIN_FAMILY } from './fonts.ts';
import { REDACTION_REASONS, type RedactionBox } from './model.ts';

/** A4 portrait, in points. */
export const LOG_PAGE = { width: 595, height: 842 } as const;
const SCALE = 2;
const MARGIN = 50;
const ROW = 22;
const HEAD = 150;
const COLUMNS = [
  { title: '序号', width: 35 },
  { title: '页码', width: 35 },
  { title: '理由', width: 140 },
  { title: '依据', width: 125 },
  { title: '备注', width: 160 },
] as const;

/** The rows of the log, one per box, in the order the boxes were given (the 序号 is the box number). */
export function logRows(boxes: readonly RedactionBox[]): string[][] {
  const cjk = cjkFontFamily() !== null;
  return boxes.map((box, i) => {
    const reason = REDACTION_REASONS[box.reason];
    return [
      String(i + 1),
      String(box.page),
      cjk ? reason.label : box.reason,
      cjk ? reason.basis : '',
      box.note?.trim() ?? '',
    ];
  });
}

const LINE = 14;
const PAD = 4;
const WIDTH = LOG_PAGE.width - 2 * MARGIN;
const INTRO_SIZE = 10.5;
const CELL_SIZE = 10;

type Ctx = ReturnType<Canvas['getContext']>;

interface Row {
  /** Each cell's text broken into lines that fit its column. */
  cells: string[][];
  height: number;
}

interface LogPage {
  intro: string[] | null;
  rows: Row[];
}

const fontOf = (pt: number) => `${pt}px "${cjkFontFamily() ?? LATIN_FAMILY}"`;

/** The text broken into lines no wider than the width (character by character: Chinese has no spaces). */
function wrap(ctx: Ctx, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const c of text) {
    if (line !== '' && ctx.measureText(line + c).width > width) {
      lines.push(line);
      line = '';
    }
    line += c;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** The log laid out on pages: the introduction on the first, then as many rows as fit on each. */
export function logPages(title: string, boxes: readonly RedactionBox[]): LogPage[] {
  const ctx = createCanvas(1, 1).getContext('2d');
  const cjk = cjkFontFamily() !== null;
  ctx.font = fontOf(INTRO_SIZE);
  const intro = (
    cjk
      ? [
          `文件：${title}`,
          `本文件依据《中华人民共和国政府信息公开条例》第三十七条作区分处理，共遮盖${boxes.length}处。`,
          '遮盖部分所在页面已重新生成，被遮盖的文字、图像和其他内容已从文件中删除，而非仅被覆盖。',
          '各遮盖处不予公开的理由和依据如下：',
        ]
      : [`${boxes.length} redacted areas; pages with redactions were rebuilt.`]
  ).flatMap((line) => wrap(ctx, line, WIDTH));
  ctx.font = fontOf(CELL_SIZE);
  const rows = logRows(boxes).map((cells): Row => {
    const lines = COLUMNS.map((col, i) => wrap(ctx, cells[i] ?? '', col.width - 2 * PAD));
    return { cells: lines, height: Math.max(ROW, Math.max(...lines.map((l) => l.length)) * LINE + 2 * PAD) };
  });
  const pages: LogPage[] = [];
  const introHeight = HEAD - 4 * 20 + intro.length * 20;
  let page: LogPage = { intro, rows: [] };
  let room = LOG_PAGE.height - 2 * MARGIN - introHeight - ROW;
  for (const row of rows) {
    if (row.height > room && page.rows.length > 0) {
      pages.push(page);
      page = { intro: null, rows: [] };
      room = LOG_PAGE.height - 2 * MARGIN - ROW;
    }
    page.rows.push(row);
    room -= row.height;
  }
  pages.push(page);
  return pages;
}

/**
 * The log as a PDF of its own, drawn by Skia's PDF backend: real text in the machine's CJK font (embedded as a
 * subset), so the log can be read, searched and copied. Its pages are copied into the redacted file.
 */
export function logPdf(title: string, boxes: readonly RedactionBox[]): Uint8Array {
  const doc = new SkiaPdf({ producer: 'Gongkai' });
  for (const page of logPages(title, boxes)) {
    const ctx = doc.beginPage(LOG_PAGE.width, LOG_PAGE.height);
    drawPage(ctx as unknown as Ctx, page);
    doc.endPage();
  }
  return new Uint8Array(doc.close());
}

/** The log as page images: the fallback when the PDF backend fails. */
export function drawLog(title: string, boxes: readonly RedactionBox[]): Canvas[] {
  return logPages(title, boxes).map((page) => {
    const canvas = createCanvas(Math.ceil(LOG_PAGE.width * SCALE), Math.ceil(LOG_PAGE.height * SCALE));
    const ctx = canvas.getContext('2d');
    ctx.scale(SCALE, SCALE);
    drawPage(ctx, page);
    return canvas;
  });
}

function drawPage(ctx: Ctx, page: LogPage): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, LOG_PAGE.width, LOG_PAGE.height);
  ctx.fillStyle = '#000000';
  ctx.textBaseline = 'middle';
  let y = MARGIN;
  if (page.intro) {
    ctx.font = fontOf(20);
    ctx.textAlign = 'center';
    ctx.fillText(cjkFontFamily() ? '区分处理记录' : 'Redaction log', LOG_PAGE.width / 2, y + 12);
    ctx.textAlign = 'left';
    ctx.font = fontOf(INTRO_SIZE);
    y += 45;
    for (const line of page.intro) {
      ctx.fillText(line, MARGIN, y);
      y += 20;
    }
    y += 8;
  }
  // Header row, then one row per box, with rules around each.
  ctx.font = fontOf(CELL_SIZE);
  ctx.lineWidth = 0.5;
  ctx.strokeStyle = '#000000';
  ctx.fillStyle = '#e8e8e8';
  ctx.fillRect(MARGIN, y, WIDTH, ROW);
  ctx.fillStyle = '#000000';
  const header = COLUMNS.map((c) => [cjkFontFamily() ? c.title : '']);
  for (const row of [{ cells: header, height: ROW }, ...page.rows]) {
    let x = MARGIN;
    COLUMNS.forEach((col, i) => {
      (row.cells[i] ?? []).forEach((line, k) => {
        ctx.fillText(line, x + PAD, y + PAD + LINE / 2 + k * LINE + (row.height === ROW ? (ROW - LINE) / 2 - PAD : 0));
      });
      x += col.width;
    });
    ctx.strokeRect(MARGIN, y, WIDTH, row.height);
    y += row.height;
  }
}

// Noto Sans CJK draws some ideographs with the same glyph as a radical (方 and ⽅, 民 and ⺠), and Skia's text map
// (ToUnicode) names the lowest code point of a glyph: the radical. Copied or searched, 人民 would read 人⺠. The
// log never draws a radical, so each is mapped back to its ideograph: Kangxi radicals by NFKC, the simplified
// forms of the supplement by this table.
const RADICAL_SUPPLEMENT: Record<number, string> = {
  11935: '母',
  11936: '民',
  11948: '示',
  11973: '见',
  11974: '角',
  11976: '讠',
  11977: '贝',
  11979: '车',
  11987: '长',
  11988: '门',
  11993: '韦',
  11994: '页',
  11995: '风',
  11996: '飞',
  11997: '食',
  12002: '马',
  12003: '骨',
  12004: '鬼',
  12005: '鱼',
  12006: '鸟',
  12007: '卤',
  12008: '麦',
  12009: '黄',
  12010: '黾',
  12012: '齐',
  12014: '齿',
  12016: '龙',
  12019: '龟',
};

function ideograph(code: number): number {
  if (code >= 0x2f00 && code <= 0x2fdf) return String.fromCodePoint(code).normalize('NFKC').codePointAt(0) ?? code;
  return RADICAL_SUPPLEMENT[code]?.codePointAt(0) ?? code;
}

/** Rewrites the text maps of the log's fonts so that radicals read as the ideographs drawn. */
export function restoreIdeographs(doc: PDFDocument): void {
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const text = Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
    if (!text.includes('begincmap') || !text.includes('Adobe-Identity-UCS')) continue;
    const fixed = text.replace(/<(2[ef][0-9a-f]{2})>/gi, (whole, hex: string) => {
      const code = ideograph(Number.parseInt(hex, 16));
      return code > 0xffff ? whole : `<${code.toString(16).toUpperCase().padStart(4, '0')}>`;
    });
    if (fixed !== text) doc.context.assign(ref, doc.context.flateStream(Buffer.from(fixed, 'latin1')));
  }
}
