// Annual reports published as web pages: usually the report sits inside a full government site page
// (navigation, breadcrumbs, sidebars, share buttons, footers). The tables are found first; the content
// container is the smallest element holding them and the section headings, and only its text becomes
// the report's paragraphs. Word documents come here too, converted to HTML by ooxml.ts.
import { load } from 'cheerio';
import { ReadError } from '../diagnostics.ts';
import { decodeText } from './decode.ts';
import { newDraft, type ReportDraft } from './draft.ts';
import { readTables, type TableInput } from './grid.ts';
import { type DomNode, hasTable, isDataTable, nodeText, rowsText, tableRows } from './html-dom.ts';
import { type PageMeta, pageTitle, publishedOn } from './html-facts.ts';
import { detectEdition } from './labels-match.ts';
import { headingSection } from './sections.ts';

interface Block {
  text: string;
  /** The block element the text belongs to (the table itself for a table). */
  node: DomNode;
  table?: TableInput;
}

// Never part of a report: scripts, forms, and the page chrome HTML5 names as such.
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'svg',
  'canvas',
  'object',
  'nav',
  'footer',
  'aside',
  'head',
]);
const BLOCK = new Set(
  (
    'p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article main blockquote pre tr td th table tbody thead ' +
    'tfoot caption center form fieldset address figure figcaption hr body html'
  ).split(' '),
);
// Class or id of site chrome in older pages that do not use <nav>/<footer>: 位置/导航/分享/页脚 blocks.
const CHROME =
  /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|bdshare|share|footer|foot|sidebar|copyright)([\s_-]|$)/i;
// Short lines of page chrome that sit inside article containers.
const CHROME_TEXT =
  /^(【?(打印本页|打印|关闭窗口|关闭|返回顶部|收藏)】?\s*)+$|^(分享到|字号|当前位置|您当前的位置|您的位置)[:：]?|^(上一篇|下一篇)[:：]|扫一扫|网站标识码|ICP备|主办单位[:：]|版权所有|技术支持[:：]|^首页\s*[>＞»]/;

function isHidden(node: DomNode): boolean {
  const style = node.attribs?.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function isChrome(node: DomNode): boolean {
  const a = node.attribs;
  return a !== undefined && (CHROME.test(a.class ?? '') || CHROME.test(a.id ?? ''));
}

/** Walk the page once, cutting its text into blocks (paragraphs and data tables) in reading order. */
function pageBlocks(root: DomNode, page: PageMeta): Block[] {
  const blocks: Block[] = [];
  const owners: DomNode[] = [root];
  let buffer = '';
  let section: number | null = null;
  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    buffer = '';
    if (text === '') return;
    blocks.push({ text, node: owners[owners.length - 1] as DomNode });
    section = headingSection(text) ?? section;
  };
  const walk = (node: DomNode): void => {
    if (node.type === 'text') {
      buffer += node.data ?? '';
      return;
    }
    if (node.type !== 'tag' || node.name === undefined) {
      if (node.type === 'root') for (const child of node.children ?? []) walk(child);
      return;
    }
    const name = node.name;
    if (name === 'meta') {
      const key = (node.attribs?.name ?? node.attribs?.property ?? '').toLowerCase();
      if (key && node.attribs?.content) page.meta.set(key, node.attribs.content);
      return;
    }
    if (name === 'title') {
      page.titleTag ||= nodeText(node);
      return;
    }
    if (name === 'head') {
      for (const child of node.children ?? []) if (child.name === 'meta' || child.name === 'title') walk(child);
      return;
    }
    // A chrome class on a wrapper that holds the tables ("main-with-sidebar") is not chrome.
    if (SKIP.has(name) || isHidden(node) || (isChrome(node) && !hasTable(node))) return;
    if (name === 'br') {
      flush();
      return;
    }
    if (name === 'table' && isDataTable(node)) {
      flush();
      const rows = tableRows(node);
      blocks.push({ text: rowsText(rows), node, table: { rows, section } });
      // A report printed as one big table carries the headings 二、三、四 as full-width rows: they are
      // section headings all the same (after the table, which holds no narrative).
      for (const row of rows) {
        const heading = row.length === 1 ? (row[0]?.text ?? '') : '';
        if (heading && headingSection(heading) !== null) {
          blocks.push({ text: heading, node });
          section = headingSection(heading);
        }
      }
      return;
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      owners.push(node);
    }
    const first = blocks.length;
    for (const child of node.children ?? []) walk(child);
    if (block) {
      flush();
      owners.pop();
      if (/^h[1-3]$/.test(name) && blocks.length > first) {
        page.headings.push(
          blocks
            .slice(first)
            .map((b) => b.text)
            .join(''),
        );
      }
    }
  };
  walk(root);
  flush();
  return blocks;
}

function ancestors(node: DomNode): DomNode[] {
  const path: DomNode[] = [];
  for (let n: DomNode | null = node; n; n = n.parent) path.push(n);
  return path.reverse();
}

/** The smallest element holding every given node, lifted out of a table to what surrounds it. */
function commonAncestor(nodes: DomNode[], root: DomNode): DomNode {
  if (nodes.length === 0) return root;
  let path = ancestors(nodes[0] as DomNode);
  for (const node of nodes.slice(1)) {
    const other = ancestors(node);
    let i = 0;
    while (i < path.length && i < other.length && path[i] === other[i]) i++;
    path = path.slice(0, i);
  }
  let container = path[path.length - 1] ?? root;
  // A lone table is not a container: its narrative is around it.
  while (container.parent && /^(table|tbody|thead|tfoot|tr)$/.test(container.name ?? '')) container = container.parent;
  return container;
}

/**
 * Widen the tables' container to take in the section headings: the smallest ancestor holding as many
 * of the six sections as the page has. A heading met again farther out (a sidebar entry, a table of
 * contents) adds no section, so it does not pull the navigation in.
 */
function widenToHeadings(start: DomNode, headings: Block[]): DomNode {
  const chain: DomNode[] = [];
  for (let n: DomNode | null = start; n; n = n.parent) chain.push(n);
  const level = new Map(chain.map((n, i) => [n, i]));
  const nearest = new Map<number, number>();
  for (const h of headings) {
    const section = headingSection(h.text) as number;
    let n: DomNode | null = h.node;
    while (n && !level.has(n)) n = n.parent;
    const at = n ? (level.get(n) as number) : chain.length - 1;
    nearest.set(section, Math.min(at, nearest.get(section) ?? at));
  }
  const widest = Math.max(0, ...nearest.values());
  return chain[widest] ?? start;
}

function inside(node: DomNode, container: DomNode): boolean {
  for (let n: DomNode | null = node; n; n = n.parent) if (n === container) return true;
  return false;
}

/** A page (or a Word document rendered as HTML) to a draft; `fallbackTitle` if the page names none. */
export function draftFromHtml(html: string, fallbackTitle: string | null = null): ReportDraft {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const root = $.root()[0] as unknown as DomNode;
  const page: PageMeta = { meta: new Map(), titleTag: '', headings: [] };
  const blocks = pageBlocks(root, page);
  const tables = blocks.filter((b) => b.table);
  const draft = newDraft();
  const edition = detectEdition(tables.map((b) => b.text).join('\n')) ?? detectEdition(html) ?? '2021';
  const { used } = readTables(
    draft,
    tables.map((b) => b.table as TableInput),
    edition,
  );
  const reportTables = tables.filter((_, i) => used.has(i)).map((b) => b.node);
  const headings = blocks.filter((b) => !b.table && headingSection(b.text) !== null);
  const container = reportTables.length > 0 ? widenToHeadings(commonAncestor(reportTables, root), headings) : root;
  const mine = blocks.filter((b) => inside(b.node, container) && !(b.text.length < 80 && CHROME_TEXT.test(b.text)));
  draft.paragraphs = mine.filter((b) => !b.table).map((b) => b.text);
  draft.fullText = mine.map((b) => b.text).join('\n');
  draft.title = pageTitle(page, draft.paragraphs, fallbackTitle);
  // The date line nearest the report first: a sidebar list of dated links comes before it on the page.
  const start = blocks.indexOf(mine[0] as Block);
  const near = [...mine, ...blocks.slice(0, Math.max(0, start)).reverse(), ...blocks.slice(start + 1)];
  draft.publishedOn = publishedOn(
    page,
    near.map((b) => b.text),
  );
  return draft;
}

/** The charset a page declares: <meta charset="gb2312"> or http-equiv content="text/html; charset=gbk". */
function declaredCharset(data: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 4096));
  return /<meta[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ?? null;
}

function isUtf8(data: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** Bytes to text: BOM, else the declared GB charset (unless the page was re-saved as UTF-8), else UTF-8, else GB18030. */
export function decodeHtml(data: Uint8Array): string {
  const declared = declaredCharset(data);
  if (declared && /^(gb2312|gbk|gb18030|x-gbk)$/i.test(declared) && !isUtf8(data)) return decodeText(data, declared);
  return decodeText(data);
}

export function readHtmlDraft(data: Uint8Array): ReportDraft {
  try {
    return draftFromHtml(decodeHtml(data));
  } catch (e) {
    // The tree walks recurse; only a page nested thousands of levels deep (never a real one) overflows.
    if (e instanceof RangeError) throw new ReadError('网页结构嵌套过深（数千层），无法读取');
    throw e;
  }
}
