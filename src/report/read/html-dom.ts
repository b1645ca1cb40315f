// The parsed page as plain nodes (cheerio's domhandler tree seen through the few fields used), and the
// table helpers: which tables hold data, their rows of cells, their text.
import type { RawCell, RawTable } from './grid.ts';

export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent: DomNode | null;
}

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);
// Inside a cell these start a new line: a label broken with <br> or <p>s reads as one label with spaces.
const LINE = new Set(['br', 'p', 'div', 'li', 'tr']);

/** The text of an element, lines kept apart by spaces, whitespace collapsed. */
export function nodeText(node: DomNode): string {
  const parts: string[] = [];
  const walk = (n: DomNode): void => {
    if (n.type === 'text') parts.push(n.data ?? '');
    else if (n.type === 'tag' && !NOT_TEXT.has(n.name ?? '')) {
      if (LINE.has(n.name ?? '')) parts.push(' ');
      for (const child of n.children ?? []) walk(child);
      if (n.name === 'td' || n.name === 'th') parts.push(' ');
    }
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function hasTable(node: DomNode): boolean {
  for (const child of node.children ?? []) {
    if (child.type === 'tag' && (child.name === 'table' || hasTable(child))) return true;
  }
  return false;
}

/** The rows of a table without nested tables: <tr> under the table or its thead/tbody/tfoot. */
function rowNodes(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  const walk = (n: DomNode): void => {
    for (const child of n.children ?? []) {
      if (child.type !== 'tag') continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name !== 'table') walk(child);
    }
  };
  walk(table);
  return rows;
}

function cellNodes(row: DomNode): DomNode[] {
  return (row.children ?? []).filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
}

/**
 * A table that holds data rather than laying out the page: no table inside it, and at least one row of
 * two cells or more (a one-column table is a frame around text, read as paragraphs).
 */
export function isDataTable(table: DomNode): boolean {
  return !hasTable(table) && rowNodes(table).some((row) => cellNodes(row).length >= 2);
}

function spanOf(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? 1 : n;
}

export function tableRows(table: DomNode): RawTable {
  return rowNodes(table).map((row) =>
    cellNodes(row).map(
      (cell): RawCell => ({
        text: nodeText(cell),
        rowspan: spanOf(cell.attribs?.rowspan),
        colspan: spanOf(cell.attribs?.colspan),
      }),
    ),
  );
}

/** A table's text for the document's full text: a line per row, cells apart. */
export function rowsText(rows: RawTable): string {
  return rows.map((row) => row.map((cell) => cell.text).join(' ')).join('\n');
}
