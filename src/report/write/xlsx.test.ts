import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SECTION_TITLES } from '../labels.ts';
import { APPEAL_PATHS, APPLICANT_COLUMNS, REQUEST_ROWS } from '../model.ts';
import { distinctReport, distinctValue } from './samples.ts';
import { FORM_FIRST_ROW, renderXlsx } from './xlsx.ts';

async function open(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  return workbook;
}

const merges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges;

const workbook = await open(await renderXlsx(distinctReport()));
const sheet = (name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;

describe('renderXlsx', () => {
  it('has the sheets 说明, 表二, 表三, 表四', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['说明', '表二', '表三', '表四']);
    const notes = sheet('说明');
    expect(notes.getCell('B1').value).toBe('测试市测试局2024年政府信息公开工作年度报告');
    expect(notes.getCell('B2').value).toBe(2024);
    expect(notes.getCell('B3').value).toBe('测试市测试局');
    expect(notes.getCell('A6').value).toBe(SECTION_TITLES[0]);
    expect(notes.getCell('B6').value).toBe(distinctReport().text.overview);
    expect(notes.getCell('B8').value).toBe('本年度未收取信息处理费。');
  });

  it('lays out table 二 with numbers and its merged cells', () => {
    const ws = sheet('表二');
    expect(ws.getCell('A1').value).toBe(SECTION_TITLES[1]);
    const at = (r: number, c: number) => ws.getCell(FORM_FIRST_ROW + r, c).value;
    expect(at(0, 1)).toBe('第二十条第（一）项');
    expect([at(2, 1), at(2, 2), at(2, 3), at(2, 4)]).toEqual(['规章', 1000, 1001, 1002]);
    expect([at(6, 1), at(6, 2)]).toEqual(['行政许可', distinctValue('proactive.licensing')]);
    expect([at(13, 1), at(13, 2)]).toEqual(['行政事业性收费', 18651.06]);
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:D1', 'A2:D2', 'B7:D7', 'B8:D8', 'B15:D15']));
  });

  it('lays out table 三 as the national form', () => {
    const ws = sheet('表三');
    expect(merges(ws)).toEqual(
      expect.arrayContaining([
        'A2:C4', // the 勾稽关系 note
        'D2:J2', // 申请人情况
        'D3:D4', // 自然人
        'E3:I3', // 法人或其他组织
        'J3:J4', // 总计
        'A5:C5', // 一、
        'A7:A28', // 三、本年度办理结果
        'B7:C7', // （一）予以公开
        'B9:B16', // （三）不予公开
        'B17:B19',
        'B20:B24',
        'B25:B27',
        'B28:C28', // （七）总计
        'A29:C29', // 四、
      ]),
    );
    expect(ws.getCell('A7').value).toBe('三、本年度办理结果');
    expect(ws.getCell('C9').value).toBe('1.属于国家秘密');
    REQUEST_ROWS.forEach((row, i) => {
      const values = APPLICANT_COLUMNS.map((_, j) => ws.getCell(FORM_FIRST_ROW + 3 + i, 4 + j).value);
      expect(values, row).toEqual(APPLICANT_COLUMNS.map((c) => distinctValue(`requests.${row}.${c}`)));
    });
  });

  it('lays out table 四 with its merged header and 15 numbers', () => {
    const ws = sheet('表四');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A2:E2', 'F2:O2', 'A3:A4', 'E3:E4', 'F3:J3', 'K3:O3']));
    expect(ws.getCell('F2').value).toBe('行政诉讼');
    expect(ws.getCell('K3').value).toBe('复议后起诉');
    const values = APPEAL_PATHS.map((_, i) => ws.getCell(FORM_FIRST_ROW + 3, i + 1).value);
    expect(values).toEqual(APPEAL_PATHS.map(distinctValue));
  });

  it('adds a sheet for 2019-edition cells', async () => {
    const report = distinctReport(null);
    report.legacy = { '第二十条第（九）项/政府集中采购/采购总金额': 123.4 };
    const book = await open(await renderXlsx(report));
    expect(book.worksheets.map((w) => w.name)).toEqual(['说明', '表二', '表二附表', '表三', '表四']);
    expect(book.getWorksheet('表二附表')?.getCell(FORM_FIRST_ROW + 1, 2).value).toBe(123.4);
    expect(book.getWorksheet('说明')?.getCell('B1').value).toBe('2024年政府信息公开工作年度报告');
  });
});
