// PDF reports: the three real reports read from their text layer, line building from text items, and every
// way a PDF can fail to be a readable report (corrupt, truncated, encrypted, scanned, not a report).
import fc from 'fast-check';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { describe, expect, it } from 'vitest';
import { EXPECTED_FINDINGS, expectedReport, fixtureBytes, REAL_REPORTS } from '../../../test/real-reports.ts';
import { contentPdf } from '../../pdf/testing.ts';
import { checkData } from '../check.ts';
import { ReadError } from '../diagnostics.ts';
import { finishDraft } from './draft.ts';
import { readReportData } from './index.ts';
import { pageLines, readPdfDraft } from './pdf.ts';
import { readTextDraft } from './text.ts';

describe('the real reports, from the PDF text layer', () => {
  for (const name of REAL_REPORTS) {
    it(`${name}: equals the hand-checked JSON, text sections included, and the .txt reading`, async () => {
      const { report, diagnostics } = await checkData(fixtureBytes(`reports/${name}.pdf`), `${name}.pdf`);
      // Lines are rebuilt so that the reflowed paragraphs come out identical to those of the pypdf text:
      // the whole report, sections included, is compared exactly.
      expect(report).toEqual(expectedReport(name));
      expect(diagnostics.map((d) => [d.rule, d.cells])).toEqual(EXPECTED_FINDINGS[name]);
      const fromText = finishDraft(readTextDraft(new TextDecoder().decode(fixtureBytes(`reports/${name}.txt`))));
      expect(report).toEqual(fromText.report);
    });
  }

  it('drops page footers and keeps tables out of the paragraphs', async () => {
    const draft = await readPdfDraft(fixtureBytes('reports/09_huaian_city_2024.pdf'));
    expect(draft.fullText).not.toMatch(/^- \d -$/m);
    expect(draft.fullText).toContain('一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119');
    expect(draft.fullText).toContain('72 64 178 37 351 13 4 8 1 26 12 1 1 6 20');
    expect(draft.paragraphs.join('\n')).not.toMatch(/3001 53|1288 21|72 64 178|本年制发件数/);
    expect(draft.title ?? null).toBeNull(); // the generic Title property adds nothing to the printed title
  });
});

function item(str: string, x: number, y: number, width: number, size = 10): TextItem {
  return { str, dir: 'ltr', transform: [size, 0, 0, size, x, y], width, height: size, fontName: 'f', hasEOL: false };
}

describe('lines from text items', () => {
  it('separates cells by their gaps, joins the pieces of a word, and keeps one baseline per line', () => {
    const items = [
      item('规章', 78, 700, 20),
      item(' ', 98, 700, 2609), // WPS writes whitespace items with meaningless widths
      item('1', 249, 698.4, 5), // numbers sit a little lower than the label
      item('0', 320, 698.4, 5),
      item('11', 390, 698.4, 10),
      item('行政许可', 78, 664, 40),
      item('447', 249, 664, 15),
      item('228', 264, 664, 15),
      item('（二）部分公开（区分处理的，只计这一情', 101, 301.5, 145),
      item('形，不计其他情形）', 101, 286.5, 67),
      item('447', 262, 291.8, 11),
    ];
    expect(pageLines(items, 842)).toEqual([
      '规章 1 0 11',
      '行政许可 447228',
      '（二）部分公开（区分处理的，只计这一情',
      '形，不计其他情形）',
      '447',
    ]);
  });

  it('rejoins a number broken inside a narrow cell, not numbers of different rows', () => {
    const items = [
      item('一、本年新收政府信息公开申请数量', 120, 500, 160),
      item('3927', 430, 506, 22),
      item('0', 438, 494, 6), // "39270" wrapped: the rest one line lower, under the first part
      item('4496', 480, 506, 22),
      item('2', 488, 494, 6),
      item('二、上年结转政府信息公开申请数量', 120, 470, 160),
      item('9', 438, 470, 6),
      item('289', 484, 470, 15),
    ];
    expect(pageLines(items, 842)).toEqual([
      // the label, centred beside the two-line numbers, sits on a baseline of its own
      '一、本年新收政府信息公开申请数量',
      '39270 44962',
      '二、上年结转政府信息公开申请数量 9 289',
    ]);
  });

  it('drops page numbers in the top and bottom margins, not numbers inside the page', () => {
    const items = [
      item('3', 290, 30, 5),
      item('- 4 -', 280, 39.5, 21),
      item('5', 290, 400, 5),
      item('— 2 —', 280, 820, 30),
    ];
    expect(pageLines(items, 842)).toEqual(['5']);
  });
});

const text = (s: string) => `BT /F1 12 Tf 72 720 Td (${s}) Tj ET`;

async function failure(data: Uint8Array): Promise<unknown> {
  try {
    await readReportData(data, 'x.pdf');
    return null;
  } catch (e) {
    return e;
  }
}

describe('PDFs that hold no readable report', () => {
  it('reads a well-formed PDF built here (the builder itself is sound)', async () => {
    const draft = await readPdfDraft(contentPdf([text('Annual report of nothing in particular, page one')]));
    expect(draft.fullText).toBe('Annual report of nothing in particular, page one');
  });

  it('a PDF without a text layer (scanned pages): ReadError naming the missing text layer', async () => {
    const e = await failure(contentPdf(['0 0 m 595 842 l S', 'q 10 0 0 10 0 0 cm Q']));
    expect(e).toBeInstanceOf(ReadError);
    expect((e as Error).message).toContain('扫描件，无文字层');
  });

  it('a PDF with text but no report tables: ReadError', async () => {
    const e = await failure(contentPdf([text('Minutes of the meeting held on 5 March, nothing more to say')]));
    expect(e).toBeInstanceOf(ReadError);
    expect((e as Error).message).toContain('没有找到');
  });

  it('an encrypted PDF: ReadError saying it needs a password', async () => {
    const e = await failure(contentPdf([text('secret')], { encrypted: true }));
    expect(e).toBeInstanceOf(ReadError);
    expect((e as Error).message).toContain('加密');
  });

  it('garbage behind a %PDF header, and truncated real PDFs: ReadError', async () => {
    const garbage = new Uint8Array(4000).map((_, i) => (i * 7919 + 13) % 256);
    garbage.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect(await failure(garbage)).toBeInstanceOf(ReadError);
    const real = fixtureBytes('reports/10_hongze_district_2023.pdf');
    for (const share of [0.02, 0.4, 0.9]) {
      expect(await failure(real.subarray(0, Math.floor(real.length * share)))).toBeInstanceOf(ReadError);
    }
  });

  it('a real PDF with random bytes overwritten: a report or a ReadError, never another exception', async () => {
    const real = fixtureBytes('reports/11_hongze_district_2024.pdf');
    const damage = fc.array(fc.record({ at: fc.nat(real.length - 1), value: fc.nat(255) }), {
      minLength: 1,
      maxLength: 40,
    });
    await fc.assert(
      fc.asyncProperty(damage, async (changes) => {
        const copy = real.slice();
        for (const { at, value } of changes) copy[at] = value;
        const e = await failure(copy);
        if (e !== null) expect(e).toBeInstanceOf(ReadError);
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});
