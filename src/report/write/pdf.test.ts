import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPdfjs } from '../../pdf/pdfjs.ts';
import { closeBrowser, findChromium, renderPdf } from './pdf.ts';
import { distinctReport, huaianReport } from './samples.ts';

const chromium = findChromium();
if (!chromium) {
  console.warn('未找到 Chromium（/usr/bin/chromium、/usr/bin/chromium-browser 或 CHROMIUM_PATH）：跳过 PDF 打印测试。');
}
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find(existsSync);

function pdfText(data: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, data);
    return execFileSync(pdftotext as string, ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page as pdfjs (the project's PDF reader) sees it. */
async function pdfjsText(data: Uint8Array): Promise<string> {
  const { getDocument, VerbosityLevel } = await loadPdfjs();
  const doc = await getDocument({ data: data.slice(), verbosity: VerbosityLevel.ERRORS }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  await doc.destroy();
  return text;
}

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH, then the Debian locations, else null', () => {
    expect(findChromium('/bin/sh', ['/no/such/chromium'])).toBe('/bin/sh');
    expect(findChromium('/no/such/chromium', ['/no/such/either', '/bin/sh'])).toBe('/bin/sh');
    expect(findChromium(undefined, ['/no/such/chromium'])).toBe(null);
  });

  it('says plainly in Chinese how to get PDF output when Chromium is absent', async () => {
    await expect(renderPdf(distinctReport(), null)).rejects.toThrow(
      /生成 PDF 需要 Chromium.*apt-get install chromium fonts-noto-cjk/,
    );
  });
});

describe.skipIf(!chromium)('renderPdf with Chromium', () => {
  afterAll(closeBrowser);

  it('prints an A4 PDF with the title, the tables and page numbers "— N —"', async () => {
    const start = performance.now();
    const data = await renderPdf(huaianReport());
    const ms = performance.now() - start;
    expect(new TextDecoder('latin1').decode(data.subarray(0, 5))).toBe('%PDF-');
    const head = new TextDecoder('latin1').decode(data);
    expect(head).toMatch(/\/MediaBox \[0 0 595\.9\d* 842\.\d+\]/);
    expect(ms).toBeLessThan(20_000);
    // The text layer has ideographs, not the look-alike radicals of the Noto CJK glyphs (⼀ for 一, ⾏ for 行).
    const layer = await pdfjsText(data);
    expect(layer).toContain('一、总体情况');
    expect(layer).toContain('行政许可');
    expect([...layer].filter((c) => /[\u2e80-\u2fdf]/.test(c))).toEqual([]);
    if (!pdftotext) return;
    const text = pdfText(data);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('淮安市人民政府2024年政府信息公开工作年度报告');
    expect(flat).toContain('三、收到和处理政府信息公开申请情况');
    expect(flat).toContain('96171.6');
    // One page number per page, "— N —", not doubled by the stylesheet's own (for printing from a browser).
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect([...page.matchAll(/—\s*(\d+)\s*—/g)].map((m) => Number(m[1]))).toEqual([i + 1]);
    });
  });

  it('reuses one browser for renders in a row and in parallel', async () => {
    const start = performance.now();
    const pdfs = await Promise.all([renderPdf(distinctReport()), renderPdf(distinctReport(null))]);
    await renderPdf(distinctReport());
    expect(pdfs.every((p) => p.length > 10_000)).toBe(true);
    expect(performance.now() - start).toBeLessThan(20_000);
  });
});
