import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem } from './credit-code.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts a code whose check character is right', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    const first17 = '11320800MB1234567';
    expect(creditCodeProblem(first17 + creditCodeCheckChar(first17))).toBeNull();
  });

  it.each([
    ['91350100M000100Y44', '校验码不符（第18位应为“3”），请核对'],
    ['91350100M000100Y4', '应为18位，现为17位'],
    ['91350100M0001O0Y43', '含有不允许的字符“O”（不使用 I、O、Z、S、V）'],
    ['9135A100M000100Y43', '第3至8位应为行政区划代码（6位数字）'],
  ])('rejects %s: %s', (code, message) => {
    expect(creditCodeProblem(code)).toBe(message);
  });
});
