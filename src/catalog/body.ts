// The body of an item as the portal shows it and as search reads it. Editors write Markdown or paste HTML (from
// Word or an older site); either way only an allow-list of tags and attributes survives (sanitize-html), so a pasted
// script, style or event handler never reaches a reader. The plain text keeps paragraph breaks for snippets.
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { BodyFormat } from './model.ts';

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'a',
    'img',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'span',
    'div',
    'figure',
    'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // A pasted <h1> would compete with the page's own title: it becomes a section heading.
  transformTags: { h1: 'h2' },
};

export interface RenderedBody {
  html: string;
  text: string;
}

export function renderBody(format: BodyFormat, source: string): RenderedBody {
  const raw = format === 'markdown' ? (marked.parse(source, { async: false, gfm: true }) as string) : source;
  const html = sanitizeHtml(raw, ALLOWED).trim();
  return { html, text: plainText(html) };
}

const BLOCK_END = /<\/(p|h[2-6]|li|tr|blockquote|pre|div|dd|dt|figcaption|caption)>|<br\s*\/?>/gi;

/** The words of sanitised HTML, one line per block. */
export function plainText(html: string): string {
  const marked = html.replace(BLOCK_END, '\n').replace(/<\/t[dh]>/gi, ' ');
  const text = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}
