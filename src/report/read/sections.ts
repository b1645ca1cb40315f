// Finding the six section headings (spec §2) in a document's paragraphs, loosely, and reporting how
// they differ from the standard titles, exactly.
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { SECTION_TITLES } from '../labels.ts';

export interface FoundHeading {
  /** 0 = 一、总体情况 … 5 = 六、其他需要报告的事项 */
  section: number;
  /** As printed (trimmed). */
  text: string;
  /** Index into the paragraphs. */
  at: number;
}

const NUMBERING = /^([一二三四五六七八九十]+|\d{1,2})\s*([、.．，,：:]?)\s*/;

const KEYS: ((rest: string) => boolean)[] = [
  (r) => r.includes('总体情况'),
  (r) => r.includes('主动公开') && r.endsWith('情况'),
  (r) => r.includes('申请') && (r.includes('收到') || r.includes('处理')) && r.endsWith('情况'),
  (r) => (r.includes('复议') || r.includes('诉讼')) && r.endsWith('情况'),
  (r) => r.includes('主要问题'),
  (r) => r.includes('其他需要报告') || r.includes('其他需报告'),
];

/** Which section a paragraph is the heading of, or null. Headings are short and numbered without brackets. */
export function headingSection(paragraph: string): number | null {
  const text = paragraph.replace(/\s+/g, '');
  if (text.length > 34) return null;
  const m = NUMBERING.exec(text);
  const rest = (m ? text.slice(m[0].length) : text).replace(/[。：:]$/, '');
  if (!m && !/^(总体情况|其他需要报告的事项)$/.test(rest)) return null;
  const index = KEYS.findIndex((key) => key(rest));
  return index === -1 ? null : index;
}

export interface Sections {
  headings: FoundHeading[];
  overview: string;
  problems: string;
  other: string;
}

export function splitSections(paragraphs: readonly string[]): Sections {
  const headings: FoundHeading[] = [];
  paragraphs.forEach((p, at) => {
    const section = headingSection(p);
    if (section !== null && !headings.some((h) => h.section === section)) {
      headings.push({ section, text: p.trim(), at });
    }
  });
  const body = (section: number): string => {
    const h = headings.find((x) => x.section === section);
    if (!h) return '';
    const next = headings.filter((x) => x.at > h.at).map((x) => x.at);
    const end = next.length ? Math.min(...next) : paragraphs.length;
    return paragraphs
      .slice(h.at + 1, end)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .join('\n');
  };
  return { headings, overview: body(0), problems: body(4), other: body(5) };
}

/** section-title warnings: missing, out of order, misnumbered or off-standard headings. */
export function sectionDiagnostics(headings: readonly FoundHeading[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  SECTION_TITLES.forEach((expected, section) => {
    const found = headings.find((h) => h.section === section);
    if (!found) out.push(diagnostic('section-title', `缺少章节“${expected}”`));
    else if (found.text.replace(/\s+/g, '') !== expected) {
      out.push(diagnostic('section-title', `章节标题“${found.text}”不规范，应为“${expected}”`));
    }
  });
  const inOrder = [...headings].sort((a, b) => a.at - b.at);
  inOrder.forEach((h, i) => {
    const previous = inOrder[i - 1];
    if (previous && previous.section > h.section) {
      const before = SECTION_TITLES[previous.section];
      out.push(diagnostic('section-title', `章节“${h.text}”顺序不对：应排在“${before}”之前`));
    }
  });
  return out;
}
