import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS } from '../model.ts';
import { finishDraft, newDraft } from './draft.ts';
import { expandGrid, gridRows, isValueText, type RawCell, type RawTable, readTables } from './grid.ts';

/** Cells written as "text" or "text@rowspan,colspan". */
function table(...rows: string[][]): RawTable {
  return rows.map((row) =>
    row.map((spec): RawCell => {
      const m = /^(.*)@(\d+),(\d+)$/s.exec(spec);
      return m
        ? { text: m[1] ?? '', rowspan: Number(m[2]), colspan: Number(m[3]) }
        : { text: spec, rowspan: 1, colspan: 1 };
    }),
  );
}

const seven = (v: string) => Array.from({ length: 7 }, () => v);

describe('expandGrid', () => {
  it('repeats a merged cell into every slot it covers', () => {
    const grid = expandGrid(table(['A@2,2', 'B'], ['C'], ['D', 'E', 'F']));
    expect(grid.map((row) => row.map((c) => c?.text))).toEqual([
      ['A', 'A', 'B'],
      ['A', 'A', 'C'],
      ['D', 'E', 'F'],
    ]);
  });

  it('bounds spans: rowspan past the end, rowspan="0", huge or bad colspan', () => {
    const grid = expandGrid(table(['A@9,1', 'B@1,100000'], ['C@0,1'], ['x']));
    expect(grid).toHaveLength(3);
    expect(grid[0]?.length).toBe(65);
    expect(grid.map((row) => row[0]?.text)).toEqual(['A', 'A', 'A']);
    expect(grid[1]?.[1]?.text).toBe('C');
    expect(grid[2]?.[2]?.text).toBe('x');
    expect(expandGrid([[{ text: 'y', rowspan: Number.NaN, colspan: -3 }]])[0]).toHaveLength(1);
  });
});

describe('gridRows', () => {
  it('splits each row into label cells and value cells, a merged cell once', () => {
    const rows = gridRows(
      table(
        ['三、本年度办理结果@3,1', '（三）不予公开@2,1', '1.属于国家秘密', '2', '0', ''],
        ['2.其他法律行政法规禁止公开', '/', '—', '0'],
        ['（七）总计@1,2', '12@1,3'],
      ),
    );
    expect(rows).toEqual([
      { label: ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'], values: ['2', '0', ''] },
      { label: ['三、本年度办理结果', '（三）不予公开', '2.其他法律行政法规禁止公开'], values: ['/', '—', '0'] },
      { label: ['三、本年度办理结果', '（七）总计'], values: ['12'] },
    ]);
  });

  it('tells values from labels', () => {
    for (const v of ['', ' 0 ', '１２', '18651.06', '/', '—', '-3', '无', '1,234', '3件', '96171.6 万元']) {
      expect(isValueText(v)).toBe(true);
    }
    for (const l of ['总计', '1.属于国家秘密', '3、其他', '其他', '件数']) expect(isValueText(l)).toBe(false);
  });
});

describe('readTables', () => {
  it('reads group headings printed as rows of their own, and a （六） heading row with empty cells', () => {
    const draft = newDraft();
    readTables(
      draft,
      [
        {
          rows: table(
            ['（三）不予公开'],
            ['1、属于国家秘密', ...seven('1')],
            ['（六）其他处理', ...seven('')],
            ['1.申请人无正当理由逾期不补正', ...seven('2')],
            ['3.其他', ...seven('3')],
          ),
        },
      ],
      '2021',
    );
    expect(draft.cells.get('requests.withheldStateSecret.total')).toBe('1');
    expect(draft.cells.get('requests.otherNoCorrection.naturalPerson')).toBe('2');
    expect(draft.cells.get('requests.otherOther.total')).toBe('3');
    expect(draft.otherSingleRow).toBe(false);
  });

  it('takes a one-row （六） of a 2021 table as otherSingleRow, with the warning', () => {
    const draft = newDraft();
    readTables(draft, [{ rows: table(['（六）其他处理', ...seven('4')], ['（七）总计', ...seven('4')]) }], '2021');
    expect(draft.otherSingleRow).toBe(true);
    expect(draft.cells.get('requests.otherOther.total')).toBe('4');
    draft.fullText = '2024年政府信息公开工作年度报告 本年制发件数';
    const { report, diagnostics } = finishDraft(draft);
    expect(report.requests.otherOther.naturalPerson).toBe(4);
    const warning = diagnostics.find((d) => d.rule === 'section-title' && d.cells.length > 0);
    expect(warning?.cells).toEqual(APPLICANT_COLUMNS.map((c) => `requests.otherOther.${c}`));
  });

  it('ignores header rows, even with an empty corner cell, and keeps the first row of a kind', () => {
    const draft = newDraft();
    readTables(
      draft,
      [
        {
          rows: table(
            ['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计', ''],
            ['（七）总计', ...seven('9')],
            ['（七）总计', ...seven('8')],
          ),
        },
      ],
      '2021',
    );
    expect(draft.cells.get('requests.totalHandled.naturalPerson')).toBe('9');
  });

  it('reads table 四 as one row of 15 under a two-level header, or without any header', () => {
    const header = table(
      ['行政复议@1,5', '行政诉讼@1,10'],
      [
        '结果维持@2,1',
        '结果纠正@2,1',
        '其他结果@2,1',
        '尚未审结@2,1',
        '总计@2,1',
        '未经复议直接起诉@1,5',
        '复议后起诉@1,5',
      ],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    );
    const values = Array.from({ length: 15 }, (_, i) => String(i));
    const draft = newDraft();
    readTables(draft, [{ rows: [...header, ...table(values)] }], '2021');
    expect(draft.cells.get('appeals.reconsideration.upheld')).toBe('0');
    expect(draft.cells.get('appeals.litigationDirect.upheld')).toBe('5');
    expect(draft.cells.get('appeals.litigationAfterReconsideration.total')).toBe('14');
    expect(draft.cells.has('requests.totalHandled.total')).toBe(false);

    const bare = newDraft();
    const { used } = readTables(bare, [{ rows: table(values), section: 3 }], '2021');
    expect(used).toEqual(new Set([0]));
    expect(bare.cells.get('appeals.litigationAfterReconsideration.upheld')).toBe('10');
  });

  it('reads table 四 printed one group per row', () => {
    const draft = newDraft();
    readTables(
      draft,
      [
        {
          rows: table(
            ['', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
            ['行政复议', '1', '2', '3', '4', '10'],
            ['行政诉讼@2,1', '未经复议直接起诉', '0', '0', '1', '0', '1'],
            ['复议后起诉', '0', '0', '0', '0', '0'],
          ),
        },
      ],
      '2021',
    );
    expect(draft.cells.get('appeals.reconsideration.total')).toBe('10');
    expect(draft.cells.get('appeals.litigationDirect.other')).toBe('1');
    expect(draft.cells.get('appeals.litigationAfterReconsideration.pending')).toBe('0');
  });

  it('reads table 二 with the item as a merged cell at the left, values spanning columns once', () => {
    const draft = newDraft();
    readTables(
      draft,
      [
        {
          rows: table(
            ['第二十条第（一）项@2,1', '规章', '1', '0', '11'],
            ['行政规范性文件', '8', '26', '66'],
            ['第二十条第（五）项', '行政许可', '447228@1,3'],
            ['第二十条第（八）项', '行政事业性收费', ' 18651.06 @1,3'],
          ),
        },
      ],
      '2021',
    );
    expect(Object.fromEntries([...draft.cells].filter(([k]) => k.startsWith('proactive.')))).toEqual({
      'proactive.rules.issued': '1',
      'proactive.rules.repealed': '0',
      'proactive.rules.inForce': '11',
      'proactive.normativeDocuments.issued': '8',
      'proactive.normativeDocuments.repealed': '26',
      'proactive.normativeDocuments.inForce': '66',
      'proactive.licensing': '447228',
      'proactive.feesTenThousandYuan': '18651.06',
    });
  });

  it('reads a table 二 block by the edition its headings name, and the appendix of legacy cells', () => {
    const draft = newDraft();
    readTables(
      draft,
      [
        {
          rows: table(
            ['第二十条第（一）项@1,4'],
            ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
            ['规章', '3', '0', '0'],
          ),
        },
        {
          rows: table(
            ['栏目', '数值'],
            ['第二十条第（一）项/规章/本年新制作数量', '5'],
            ['第二十条第（五）项/行政许可/本年增/减', '详见说明'],
          ),
        },
      ],
      '2019',
    );
    expect(draft.cells.get('proactive.rules.issued')).toBe('3');
    expect(Object.fromEntries(draft.legacy)).toEqual({
      '第二十条第（一）项/规章/本年新制作数量': '5',
      '第二十条第（五）项/行政许可/本年增/减': '详见说明',
    });
  });
});
