import { describe, expect, it } from 'vitest';
import type { RedactionBox } from './model.ts';
import { presentBox, withheldLines, withheldReason } from './presenters.ts';

const box = (page: number, reason: RedactionBox['reason'], extra: Partial<RedactionBox> = {}): RedactionBox => ({
  page,
  x: 72,
  y: 72,
  width: 144,
  height: 18,
  reason,
  source: 'manual',
  ...extra,
});

describe('the withheld list of a 答复书 (《条例》第三十七条)', () => {
  it('names, per reason in table 三 order, the pages, the category and the legal basis', () => {
    const boxes = [
      box(2, 'personalPrivacy'),
      box(1, 'internalAffairs'),
      box(1, 'personalPrivacy'),
      box(2, 'personalPrivacy'),
    ];
    expect(withheldLines(boxes)).toEqual([
      '第1页、第2页中涉及个人隐私的内容（第三方合法权益（个人隐私）），依据《条例》第十五条不予公开',
      '第1页中属于内部事务信息的内容（内部事务信息），依据《条例》第十六条第一款不予公开',
    ]);
  });

  it('joins the files of a case, naming them when there are several; the latest copy of a file stands', () => {
    const one = { copy: { fileName: '检查记录.pdf' }, boxes: [box(1, 'stateSecret')] };
    expect(withheldReason([one])).toBe('第1页中涉及国家秘密的内容（国家秘密），依据《条例》第十四条不予公开。');
    const again = { copy: { fileName: '检查记录.pdf' }, boxes: [box(3, 'tradeSecret')] };
    const other = { copy: { fileName: '合同.pdf' }, boxes: [box(2, 'deliberative')] };
    expect(withheldReason([one, again, other])).toBe(
      '“检查记录.pdf”第3页中涉及商业秘密的内容（第三方合法权益（商业秘密）），依据《条例》第十五条不予公开；' +
        '“合同.pdf”第2页中属于过程性信息的内容（过程性信息），依据《条例》第十六条第二款不予公开。',
    );
    expect(withheldReason([])).toBe('');
  });

  it('lists a box in millimetres with its source and note', () => {
    expect(presentBox(box(1, 'personalPrivacy', { source: 'pattern', note: '身份证号码' }), 1)).toEqual({
      n: 1,
      page: 1,
      where: '左25.4、上25.4毫米，宽50.8、高6.4毫米',
      reason: 'personalPrivacy',
      source: '个人信息识别',
      note: '身份证号码',
    });
  });
});
