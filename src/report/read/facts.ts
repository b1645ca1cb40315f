// Year, agency and publication date, where the document states them.
import type { ReportDraft } from './draft.ts';

export interface DocumentFacts {
  year: number | null;
  agency: string | null;
  publishedOn: string | null;
}

const AGENCY_SUFFIX =
  /(人民政府|政府|局|委员会|委|办公室|办|厅|署|院|中心|部|会|所|馆|站|队|处|街道办事处|街道|镇|乡|管委会|管理委员会)$/;
const TITLE = /([\u4e00-\u9fa5（）()]{0,40}?)(\d{4})年度?(?:政府信息公开|政务公开)(?:工作)?年度?报告/;
const CN_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, '');
}

/** The agency named in front of a title, cleaned of navigation text that a web page puts before it. */
function cleanAgency(candidate: string): string | null {
  const cut = candidate.split(/报告|首页|当前位置|正文|>|》|＞|\|/).pop() ?? '';
  const name = cut.replace(/^(关于|的)/, '');
  return name.length >= 2 && AGENCY_SUFFIX.test(name) ? name : null;
}

function isoDate(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "二〇二五年一月二十日" → "2025年1月20日". */
function chineseDate(text: string): string {
  return text.replace(
    /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/,
    (_, y, m, d) => {
      const num = (s: string) => {
        if (!s.includes('十')) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
        const [tens, ones] = s.split('十');
        return (tens ? Number(CN_DIGITS[tens]) : 1) * 10 + (ones ? Number(CN_DIGITS[ones]) : 0);
      };
      return `${[...y].map((c: string) => CN_DIGITS[c]).join('')}年${num(m)}月${num(d)}日`;
    },
  );
}

export function detectDocumentFacts(draft: ReportDraft): DocumentFacts {
  const head = squeeze(`${draft.title ?? ''}\n${draft.fullText.slice(0, 3000)}`);
  let year: number | null = null;
  let agency: string | null = null;
  const title = TITLE.exec(head);
  if (title) {
    year = Number(title[2]);
    agency = cleanAgency(title[1] ?? '');
  }
  if (year === null) {
    // "报告所列数据统计期限自2024年1月1日起", or an overview that opens with "2024年，我局……"
    const period = /统计期限自(\d{4})年1月1日/.exec(head);
    if (period) year = Number(period[1]);
  }
  if (year === null) {
    for (const p of draft.paragraphs.slice(0, 12)) {
      const m = /^(\d{4})年[，,、]/.exec(squeeze(p));
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }
  if (year !== null && (year < 2008 || year > 2100)) year = null;
  return { year, agency, publishedOn: detectPublishedOn(draft) };
}

function detectPublishedOn(draft: ReportDraft): string | null {
  const stated = /(?:发布|公开|成文|印发)(?:日期|时间)[:：]?(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(
    squeeze(draft.fullText.slice(0, 5000)),
  );
  if (stated) return isoDate(stated[1] as string, stated[2] as string, stated[3] as string);
  // A dated signature at the end: "2025年1月20日" on a line of its own.
  for (const p of draft.paragraphs.slice(-5).reverse()) {
    const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(chineseDate(squeeze(p)));
    if (m) return isoDate(m[1] as string, m[2] as string, m[3] as string);
  }
  return null;
}
