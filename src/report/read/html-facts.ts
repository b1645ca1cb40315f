// The title and publication date of a web page: what the page declares (<meta>, <title>, headings) and
// states ("发布时间：2025-01-20"), for the report read from it.

/** Facts the page states outside the body: <title>, <meta name="ArticleTitle">, PubDate. */
export interface PageMeta {
  meta: Map<string, string>;
  titleTag: string;
  headings: string[];
}

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

function isoDate(text: string | undefined): string | null {
  const m = text ? DATE.exec(text) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date the page says it was published: meta PubDate, else "发布时间：2025-01-20" on the page. */
export function publishedOn(page: PageMeta, texts: string[]): string | null {
  for (const key of ['pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time']) {
    const date = isoDate(page.meta.get(key));
    if (date) return date;
  }
  for (const label of ['发布', '公开|成文']) {
    const stated = new RegExp(`(?:${label})(?:日期|时间)\\s*[:：]?\\s*${DATE.source}`);
    for (const text of texts) {
      const m = stated.exec(text);
      if (m) return isoDate(m.slice(1, 4).join('-'));
    }
  }
  return null;
}

const NAMES_REPORT = /年度报告|年报|工作报告/;

/**
 * The title printed at the top of the body, if any. Printed titles are often two lines, the agency
 * above "2024年政府信息公开工作年度报告": the line above is joined back on.
 */
function bodyTitle(paragraphs: string[]): string | undefined {
  const top = paragraphs.slice(0, 6);
  const i = top.findIndex((p) => p.length <= 60 && NAMES_REPORT.test(p));
  const line = top[i];
  if (line === undefined) return undefined;
  const above = top[i - 1];
  return /^\d{4}/.test(line) && above && above.length <= 30 ? `${above}${line}` : line;
}

/**
 * The report's title: the article title the page declares, else a heading, the <title> or the body's
 * first lines naming a report, else the fallback (a Word file's stored title, often left over from
 * last year's file, so it comes after the body).
 */
export function pageTitle(page: PageMeta, paragraphs: string[], fallback: string | null): string | null {
  const titleParts = page.titleTag.split(/\s*[_|｜]\s*|\s+[-—–]\s+/);
  const candidates = [page.meta.get('articletitle'), ...page.headings, ...titleParts, bodyTitle(paragraphs), fallback];
  const named = candidates.find((c) => c && NAMES_REPORT.test(c));
  const title = named ?? page.headings[0] ?? (page.titleTag || fallback);
  return title ? title.replace(/\s+/g, ' ').trim() || null : null;
}
