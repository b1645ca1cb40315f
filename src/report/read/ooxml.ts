// word/document.xml to the small HTML the HTML reader takes: paragraphs as <p>, tables with vertical
// merges (w:vMerge) as rowspan and horizontal ones (w:gridSpan) as colspan. mammoth does the same and
// keeps the spans, but builds a full XML DOM (xmldom) of the very verbose markup Word and WPS write
// (≈250 KB for the blank national form), at ≈45 ms a document; this reads it with htmlparser2 at a
// fraction of that. Only text matters here, so styles, drawings, deleted text and field codes are skipped.
import { load } from 'cheerio';
import type { DomNode } from './html-dom.ts';
import type { ListNumbering } from './numbering.ts';

// Never text of the report: properties, pictures and text boxes (their text is duplicated in
// mc:Fallback), tracked deletions, field instructions, footnote marks.
const SKIP = new Set([
  'pPr',
  'rPr',
  'tblPr',
  'tblGrid',
  'trPr',
  'tcPr',
  'sectPr',
  'drawing',
  'pict',
  'object',
  'AlternateContent',
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
]);

function local(node: DomNode): string {
  const name = node.name ?? '';
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function children(node: DomNode): DomNode[] {
  return (node.children ?? []).filter((c) => c.type === 'tag');
}

function child(node: DomNode, name: string): DomNode | undefined {
  return children(node).find((c) => local(c) === name);
}

function attr(node: DomNode | undefined, name: string): string | undefined {
  if (!node?.attribs) return undefined;
  for (const [key, value] of Object.entries(node.attribs)) {
    if (key === name || key.endsWith(`:${name}`)) return value;
  }
  return undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The text of a paragraph: Word's list label, runs' w:t, tabs and breaks as spaces and line breaks. */
function paragraphText(p: DomNode, numbering: ListNumbering | null): string {
  const parts: string[] = [];
  const label = numbering?.labelFor(child(p, 'pPr'));
  if (label) parts.push(escapeHtml(label));
  const walk = (node: DomNode): void => {
    for (const c of node.children ?? []) {
      if (c.type === 'text') continue; // whitespace between elements; real text is inside w:t
      if (c.type !== 'tag') continue;
      const name = local(c);
      if (SKIP.has(name)) continue;
      if (name === 't') parts.push(escapeHtml((c.children ?? []).map((t) => t.data ?? '').join('')));
      else if (name === 'tab' || name === 'ptab') parts.push(' ');
      else if (name === 'br' || name === 'cr') parts.push('<br>');
      else if (name === 'noBreakHyphen') parts.push('-');
      else walk(c);
    }
  };
  walk(p);
  return parts.join('');
}

interface Cell {
  col: number;
  span: number;
  merge: 'restart' | 'continue' | null;
  html: string;
  rowspan: number;
}

/** Rows and cells, looking through the content controls and custom XML that can wrap them. */
function collect(node: DomNode, name: string): DomNode[] {
  const out: DomNode[] = [];
  for (const c of children(node)) {
    const n = local(c);
    if (n === name) out.push(c);
    else if (n === 'sdt' || n === 'sdtContent' || n === 'customXml' || n === 'ins' || n === 'moveTo') {
      out.push(...collect(c, name));
    }
  }
  return out;
}

function tableHtml(tbl: DomNode, numbering: ListNumbering | null): string {
  const rows: Cell[][] = collect(tbl, 'tr').map((tr) => {
    let col = Number(attr(child(child(tr, 'trPr') ?? tr, 'gridBefore'), 'val') ?? 0) || 0;
    return collect(tr, 'tc').map((tc) => {
      const props = child(tc, 'tcPr');
      const span = Math.max(1, Number(attr(child(props ?? tc, 'gridSpan'), 'val') ?? 1) || 1);
      const vMerge = props ? child(props, 'vMerge') : undefined;
      const merge = vMerge ? (attr(vMerge, 'val') === 'restart' ? 'restart' : 'continue') : null;
      const cell: Cell = { col, span, merge, html: bodyHtml(tc, numbering, '<br>'), rowspan: 1 };
      col += span;
      return cell;
    });
  });
  // A restarted vertical merge covers the cells marked "continue" at the same grid column below it.
  rows.forEach((row, r) => {
    for (const cell of row) {
      if (cell.merge !== 'restart') continue;
      for (let below = r + 1; below < rows.length; below++) {
        const next = rows[below]?.find((c) => c.col === cell.col);
        if (next?.merge !== 'continue') break;
        next.rowspan = 0; // covered: not printed
        cell.rowspan++;
      }
    }
  });
  const trs = rows.map((row) => {
    const tds = row
      .filter((c) => c.rowspan > 0)
      .map((c) => {
        const spans = `${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.span > 1 ? ` colspan="${c.span}"` : ''}`;
        return `<td${spans}>${c.html}</td>`;
      });
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<table>${trs.join('')}</table>`;
}

/** Paragraphs and tables of a body or a cell, in order. Inside a cell, paragraphs are joined by <br>. */
function bodyHtml(node: DomNode, numbering: ListNumbering | null, joiner = '\n'): string {
  const out: string[] = [];
  for (const c of children(node)) {
    const name = local(c);
    if (name === 'p') {
      const text = paragraphText(c, numbering);
      out.push(joiner === '\n' ? `<p>${text}</p>` : text);
    } else if (name === 'tbl') out.push(tableHtml(c, numbering));
    else if (name === 'sdt' || name === 'sdtContent' || name === 'customXml' || name === 'ins' || name === 'moveTo') {
      out.push(bodyHtml(c, numbering, joiner));
    }
  }
  return out.join(joiner);
}

/** The HTML of a document.xml's body, with Word's automatic list labels written out. */
export function documentHtml(xml: string, numbering: ListNumbering | null = null): string {
  const $ = load(xml, { xml: true });
  const root = $.root()[0] as unknown as DomNode;
  const document = children(root).find((c) => local(c) === 'document');
  const body = document ? child(document, 'body') : undefined;
  return body ? bodyHtml(body, numbering) : '';
}
