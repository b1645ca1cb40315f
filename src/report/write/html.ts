// A report as one standalone, accessible HTML document in the national layout: no scripts, no external
// resources, the stylesheet embedded. Every value cell carries `data-cell="<dotted path>"` (a 2019-edition
// supplementary cell `data-legacy="<key>"`) so that a UI can highlight it or drill down.
import type { AnnualReport } from '../model.ts';
import { HTML_STYLE, PRINT_WIDTH_MM } from './html-style.ts';
import {
  type Block,
  chineseDate,
  type FormCell,
  type FormTable,
  placeCells,
  reportBlocks,
  reportTitle,
  titleLines,
} from './layout.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

function spans(cell: FormCell): string {
  let out = '';
  if ((cell.colSpan ?? 1) > 1) out += ` colspan="${cell.colSpan}"`;
  if ((cell.rowSpan ?? 1) > 1) out += ` rowspan="${cell.rowSpan}"`;
  return out;
}

/** How tables are printed: standalone (inline widths) or inside a page with its own stylesheet and CSP. */
export interface TableOptions {
  /** Column widths and the shrunken value font as inline styles (off where a CSP forbids style attributes). */
  inlineStyles: boolean;
  /** A class for a value cell, by its path (e.g. to flag the cells a diagnostic names). */
  mark?: (path: string) => string | undefined;
}

const STANDALONE: TableOptions = { inlineStyles: true };

function renderCell(cell: FormCell, options: TableOptions): string {
  const text = escapeHtml(cell.text);
  switch (cell.kind) {
    case 'col':
      return `<th scope="col"${spans(cell)}>${text}</th>`;
    case 'row':
      return `<th scope="row"${cell.vertical ? ' class="vertical"' : ''}${spans(cell)}>${text}</th>`;
    case 'block':
      return `<th scope="rowgroup"${spans(cell)}>${text}</th>`;
    case 'note':
      return `<td class="note"${spans(cell)}>${text}</td>`;
    case 'value': {
      const attr = cell.legacy ? 'data-legacy' : 'data-cell';
      const classes = [isFigure(cell.text) ? '' : 'text', options.mark?.(cell.path ?? '') ?? ''].filter(Boolean);
      const classAttr = classes.length ? ` class="${escapeHtml(classes.join(' '))}"` : '';
      return `<td ${attr}="${escapeHtml(cell.path ?? '')}"${classAttr}${spans(cell)}>${text}</td>`;
    }
  }
}

/**
 * A figure (or a not-applicable mark): never wrapped over two lines. Only a legacy cell kept as text (e.g. "详见说明")
 * may wrap.
 */
export function isFigure(text: string): boolean {
  return !/[\u3400-\u9fff]/.test(text) && text.length <= 24;
}

const renderRow = (cells: FormCell[], options: TableOptions) =>
  `<tr>${cells.map((c) => renderCell(c, options)).join('')}</tr>`;

/** Advance of a digit in the table fonts (宋体, Noto Serif CJK), in em, with a little to spare. */
const DIGIT_EM = 0.56;
const MM_PER_PT = 25.4 / 72;

/**
 * The font size (pt) at which the longest figure of the table (2021 cells and legacy cells alike) fits its
 * narrowest printed column on one line, at most the table's 10.5pt; null when that size fits.
 */
export function valueFontSize(table: FormTable): number | null {
  const sum = table.widths.reduce((a, b) => a + b, 0);
  let size = 10.5;
  for (const row of placeCells(table)) {
    for (const { cell, col } of row) {
      if (cell.kind !== 'value' || !isFigure(cell.text)) continue;
      const span = table.widths.slice(col, col + (cell.colSpan ?? 1)).reduce((a, b) => a + b, 0);
      const room = (span / sum) * PRINT_WIDTH_MM - 1.5; // padding and borders
      size = Math.min(size, room / (Math.max(cell.text.length, 1) * DIGIT_EM * MM_PER_PT));
    }
  }
  return size >= 10.5 ? null : Math.max(5, Math.floor(size * 2) / 2);
}

function renderTable(table: FormTable, options: TableOptions = STANDALONE): string {
  const sum = table.widths.reduce((a, b) => a + b, 0);
  const size = valueFontSize(table);
  const style = size === null || !options.inlineStyles ? '' : ` style="--value-size: ${size}pt"`;
  const out = [`<table class="${table.id}"${style}>`, `<caption>${escapeHtml(table.caption)}</caption>`];
  if (options.inlineStyles) {
    out.push(
      `<colgroup>${table.widths.map((w) => `<col style="width:${((w / sum) * 100).toFixed(2)}%">`).join('')}</colgroup>`,
    );
  }
  const head = table.rows.slice(0, table.headerRows);
  if (head.length > 0) out.push('<thead>', ...head.map((r) => renderRow(r.cells, options)), '</thead>');
  // Table 二 opens a new row group at each "第二十条第（X）项" heading; other tables have one body.
  let body: string[] = [];
  for (const row of table.rows.slice(table.headerRows)) {
    if (row.cells[0]?.kind === 'block' && body.length > 0) {
      out.push('<tbody>', ...body, '</tbody>');
      body = [];
    }
    body.push(renderRow(row.cells, options));
  }
  if (body.length > 0) out.push('<tbody>', ...body, '</tbody>');
  out.push('</table>');
  return out.join('\n');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'table':
      return renderTable(block.table);
  }
}

/** The report's tables alone (二、三、四 and any 2019 supplement), for embedding in a page. */
export function renderReportTables(report: AnnualReport, options: TableOptions): string[] {
  return reportBlocks(report).flatMap((block) => (block.type === 'table' ? [renderTable(block.table, options)] : []));
}

export function renderHtml(report: AnnualReport): string {
  const title = reportTitle(report);
  const body = [
    `<h1>${titleLines(report)
      .map((line) => `<span>${escapeHtml(line)}</span>`)
      .join('')}</h1>`,
    ...reportBlocks(report).map(renderBlock),
  ];
  if (report.publishedOn) body.push(`<p class="date">${escapeHtml(chineseDate(report.publishedOn))}</p>`);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gongkai">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
