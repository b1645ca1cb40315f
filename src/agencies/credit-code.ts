// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S, V);
// positions 3–8 are the 行政区划代码; the 18th is a check character over the first 17.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters (GB 32100-2015 §5). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  return ALPHABET[(31 - (sum % 31)) % 31] as string;
}

/** null when valid, else the problem in Chinese. Expects upper case (callers normalize). */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `应为18位，现为${code.length}位`;
  const bad = [...code].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined) return `含有不允许的字符“${bad}”（不使用 I、O、Z、S、V）`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '第3至8位应为行政区划代码（6位数字）';
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return `校验码不符（第18位应为“${expected}”），请核对`;
  return null;
}
