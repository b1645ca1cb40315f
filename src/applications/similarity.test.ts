import { expect, it } from 'vitest';
import { requestTerms, SIMILAR_THRESHOLD, soughtText, textSimilarity } from './similarity.ts';

const PENALTIES = '申请公开2024年度区市场监督管理局作出的行政处罚决定书';

it('segments a request into the words that say what is sought', () => {
  expect(requestTerms(PENALTIES)).toEqual([
    '2024',
    '区',
    '市场',
    '监督',
    '管理',
    '管理局',
    '行政',
    '处罚',
    '行政处罚',
    '决定',
    '决定书',
  ]);
});

it('scores the same request phrased differently high', () => {
  for (const other of [
    '请提供区市场监管局2024年作出的全部行政处罚决定书',
    '请公开区市场监督管理局2024年度对辖区餐饮单位作出的行政处罚决定书全文',
  ])
    expect(textSimilarity(PENALTIES, other)).toBeGreaterThanOrEqual(SIMILAR_THRESHOLD);
  expect(textSimilarity(PENALTIES, PENALTIES)).toBeCloseTo(1, 10);
});

it('scores unrelated requests, and another year or kind of decision, below the threshold', () => {
  for (const other of [
    '2024年度本区老旧小区改造项目清单及资金安排',
    '本机关2024年政府采购合同',
    '2024年度本区食品安全抽检结果',
    '区市场监督管理局2023年度行政许可决定书',
  ])
    expect(textSimilarity(PENALTIES, other)).toBeLessThan(SIMILAR_THRESHOLD);
  expect(textSimilarity(PENALTIES, '申请公开相关信息')).toBe(0);
});

it('reads the title or 文号 with the description', () => {
  const a = soughtText({ description: '请提供该文件', documentRef: '测政办发〔2024〕12号' });
  const b = soughtText({ description: '申请公开测政办发〔2024〕12号', documentRef: null });
  expect(textSimilarity(a, b)).toBeGreaterThanOrEqual(SIMILAR_THRESHOLD);
});
