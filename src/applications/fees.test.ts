import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { computeFee, feeByItems, feeByPages } from './fees.ts';

describe('信息处理费 按件 (国办函〔2020〕109号)', () => {
  it.each([
    [0, 0],
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [40, 4000],
    [41, 4300],
    [45, 5500],
    [50, 7000],
    [51, 7400],
  ])('%i applications in a month → %i元', (n, amount) => {
    expect(feeByItems(n).amount).toBe(amount);
  });

  it('shows the arithmetic of the spec’s example: 45 → 20×100 + 10×200 + 5×300 = 5,500元', () => {
    expect(feeByItems(45).text).toEqual([
      '第1至10件：免费',
      '第11至30件：20件×100元＝2000元',
      '第31至40件：10件×200元＝2000元',
      '第41至45件：5件×300元＝1500元',
      '合计：5500元',
    ]);
  });

  it('names a band of one item by itself', () => {
    expect(feeByItems(11).text).toEqual(['第1至10件：免费', '第11件：1件×100元＝100元', '合计：100元']);
    expect(feeByItems(0).text).toEqual(['合计：0元']);
  });
});

describe('信息处理费 按量', () => {
  it.each([
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])('%i pages → %i元', (n, amount) => {
    expect(feeByPages(n).amount).toBe(amount);
  });

  it('shows each band', () => {
    expect(feeByPages(250).text).toEqual([
      '第1至30页：免费',
      '第31至100页：70页×10元＝700元',
      '第101至200页：100页×20元＝2000元',
      '第201至250页：50页×40元＝2000元',
      '合计：4700元',
    ]);
  });
});

it('refuses a negative or fractional quantity with the field named', () => {
  const e = (() => {
    try {
      computeFee('pages', 1.5);
    } catch (err) {
      return err;
    }
  })();
  expect(isDomainError(e, 'validation') && e.message).toBe('页数：应为不小于0的整数');
  expect(() => feeByItems(-1)).toThrow('申请件数：应为不小于0的整数');
});
