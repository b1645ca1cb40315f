import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLabel } from './labels-match.ts';

/** The definition normalizeLabel's one pass must agree with, written as the regular expressions it replaced. */
function byRegex(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/(\d)[、．,，]/g, '$1.')
    .replace(/[“”"]/g, '"');
}

describe('normalizeLabel', () => {
  it('unifies digits, whitespace, brackets, list marks and quotes', () => {
    expect(normalizeLabel(' （一）１、 本年新收 政府信息公开申请数量 ')).toBe('（一）1.本年新收政府信息公开申请数量');
    expect(normalizeLabel('(三)“其他”1，2、\u3000\u00a03')).toBe('（三）"其他"1.2.3');
    expect(normalizeLabel('1、、')).toBe('1.、');
  });

  it('agrees with the regular-expression definition on any text', () => {
    const tricky = fc.constantFrom(...'0１９ \t\n\r\u3000\u00a0\u2028\u1680\u205f\ufeff()（）、．,，“”"a中.'.split(''));
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        expect(normalizeLabel(text)).toBe(byRegex(text));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(normalizeLabel(text)).toBe(byRegex(text));
      }),
      { numRuns: 5000 },
    );
  });
});
