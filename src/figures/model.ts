// 年度数据 (issue 6 point 2): the figures of report table 二 that are not kept as records in this system — 行政许可,
// 行政处罚 and 行政强制 decisions (第二十条第（五）（六）项) and 行政事业性收费 (第二十条第（八）项, 万元) — entered per
// agency and year, with who entered them, when, and the source. Plain data, no I/O.
//
// 万元 are kept exactly: as an integer count of hundredths of 万元 (18651.06 → 1865106), shown and exported as the
// decimal text “18651.06”; the report gets the number that text denotes.

export interface YearlyFigures {
  agencyId: number;
  year: number;
  /** 行政许可 · 本年处理决定数量. */
  licensing: number;
  /** 行政处罚 · 本年处理决定数量. */
  punishment: number;
  /** 行政强制 · 本年处理决定数量. */
  coercion: number;
  /** 行政事业性收费 · 本年收费金额 in hundredths of 万元 (exact). */
  feesCents: number;
  /** The same as decimal text, e.g. “18651.06”, “0”, “12.5”. */
  fees: string;
  source: string;
  enteredAt: string;
  enteredBy: string;
  enteredById: number | null;
}

/** Hundredths of 万元 as the shortest decimal text: 1865106 → “18651.06”, 1250 → “12.5”, 0 → “0”. */
export function centsToText(cents: number): string {
  const whole = Math.floor(cents / 100);
  const frac = String(cents % 100).padStart(2, '0');
  return frac === '00' ? String(whole) : `${whole}.${frac.replace(/0$/, '')}`;
}

/** The 万元 value for report table 二 (proactive.feesTenThousandYuan). */
export function centsToNumber(cents: number): number {
  return Number(centsToText(cents));
}

/** Full-width digits and punctuation as typed by Chinese input methods → ASCII. */
export function halfWidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** A 万元 amount as typed (“18,651.06”, “１２.５”) → hundredths, or null when it is not one (at most two decimals). */
export function parseWan(value: string | number): number | null {
  const s = halfWidth(String(value)).replace(/[\s,，]/g, '');
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A count as typed (“1,234”, “１２”) → the integer, or null. */
export function parseCount(value: string | number): number | null {
  const s = halfWidth(String(value)).replace(/[\s,，]/g, '');
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

/** For the audit log: the figures themselves, not the bookkeeping. */
export function figuresSummary(f: YearlyFigures) {
  return {
    agencyId: f.agencyId,
    year: f.year,
    licensing: f.licensing,
    punishment: f.punishment,
    coercion: f.coercion,
    fees: f.fees,
    source: f.source,
  };
}
