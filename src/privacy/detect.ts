// Personal data in text: 身份证号 (with its check digit), mobile numbers, bank card numbers (Luhn), e-mail
// addresses and residential addresses. Pure. Used before anything is published (the personal-data guard) and by
// the redaction tool's pattern search. A hit is where the text holds something that looks like one citizen's
// data; the person publishing decides, so detection errs towards finding rather than missing.

export const PERSONAL_DATA_KINDS = ['idNumber', 'mobile', 'bankCard', 'email', 'address'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  idNumber: '身份证号码',
  mobile: '手机号码',
  bankCard: '银行卡号',
  email: '电子邮箱',
  address: '住址',
};

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** Exactly as it stands in the text, separators included. */
  text: string;
  /** Offsets into the text searched: text.slice(start, end) === hit.text. */
  start: number;
  end: number;
}

// GB 11643-1999: 6-digit area code, birth date, 3-digit sequence, check character (ISO 7064 MOD 11-2).
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Whether 18 characters are a well-formed 身份证号: plausible area and birth date, and the right check character. */
export function isIdNumber(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] === id[17];
}

/** The Luhn check every bank card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Numbers stand alone: no digit (or, for IDs, X) directly before or after.
const ID_PATTERN = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g;
// 138 0013 8000, 138-0013-8000, +86 13800138000.
const MOBILE_PATTERN = /(?<!\d)(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g;
// 16 to 19 digits, optionally in groups of four separated by a space or a dash.
const CARD_PATTERN = /(?<!\d)\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?!\d)/g;
const EMAIL_PATTERN = /(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;
// A street and house number, then the parts of a home (栋/幢/单元/室) …
const NUMBER = '[0-9０-９一二三四五六七八九十百零〇]+';
const STREET = `[\\u4e00-\\u9fa5]{1,12}(?:路|街|大街|大道|巷|弄|胡同|里|村|组|小区|花园|公寓|新村)`;
const HOME_PARTS = `(?:${NUMBER}(?:号楼|栋|幢|座|单元|层|楼|室|户)[\\s-]*)`;
const HOME_ADDRESS = new RegExp(`${STREET}${NUMBER}号(?:院)?${HOME_PARTS}{1,4}|${STREET}${HOME_PARTS}{2,4}`, 'g');
// … or an address with a house number written after a word saying someone lives there.
const RESIDENCE_WORDS = '(?:住址|住所|家住|住在|居住地?|现住|户籍地址?|家庭地址|通讯地址|联系地址)';
const RESIDENCE = new RegExp(
  `${RESIDENCE_WORDS}[:：为是于在\\s]*([\\u4e00-\\u9fa5]{2,30}?${NUMBER}号(?:${HOME_PARTS}{0,4}))`,
  'g',
);

const LEADING_WORDS = new RegExp(`^.*${RESIDENCE_WORDS}[:：为是于在\\s]*`);

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    yield m;
    if (m[0] === '') pattern.lastIndex++;
  }
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

/**
 * Every hit in the text, in order of position. Where two hits overlap (a card number that is also a valid ID,
 * an ID that holds a mobile-like run) the first-listed kind wins: ID, mobile, card, e-mail, address.
 */
export function findPersonalData(
  text: string,
  kinds: readonly PersonalDataKind[] = PERSONAL_DATA_KINDS,
): PersonalDataHit[] {
  const found: PersonalDataHit[] = [];
  const add = (kind: PersonalDataKind, start: number, value: string) => {
    const end = start + value.length;
    if (found.some((h) => start < h.end && h.start < end)) return;
    found.push({ kind, text: value, start, end });
  };
  const want = new Set(kinds);
  if (want.has('idNumber'))
    for (const m of matches(ID_PATTERN, text)) if (isIdNumber(m[0])) add('idNumber', m.index, m[0]);
  if (want.has('mobile')) for (const m of matches(MOBILE_PATTERN, text)) add('mobile', m.index, m[0]);
  if (want.has('bankCard')) {
    for (const m of matches(CARD_PATTERN, text)) {
      const digits = digitsOf(m[0]);
      if (digits.length >= 16 && digits.length <= 19 && passesLuhn(digits)) add('bankCard', m.index, m[0]);
    }
  }
  if (want.has('email')) for (const m of matches(EMAIL_PATTERN, text)) add('email', m.index, m[0]);
  if (want.has('address')) {
    for (const m of matches(HOME_ADDRESS, text)) {
      // The street pattern reaches back over Chinese characters: "家住" is not part of the address.
      const lead = LEADING_WORDS.exec(m[0])?.[0].length ?? 0;
      add('address', m.index + lead, m[0].slice(lead).trim());
    }
    for (const m of matches(RESIDENCE, text)) {
      const value = (m[1] as string).trim();
      add('address', m.index + m[0].indexOf(value), value);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A hit shown where its full value must not be (lists, audit entries, logs): kind and the first and last few
 * characters only — "身份证号码 3201**********1234".
 */
export function maskHit(hit: Pick<PersonalDataHit, 'kind' | 'text'>): string {
  const t = hit.text;
  const keep = hit.kind === 'address' || hit.kind === 'email' ? 2 : 4;
  const masked =
    t.length <= keep * 2
      ? '*'.repeat(t.length)
      : `${t.slice(0, keep)}${'*'.repeat(t.length - keep * 2)}${t.slice(-keep)}`;
  return `${PERSONAL_DATA_LABELS[hit.kind]} ${masked}`;
}
