import { readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { imageSize, officeBinary } from './convert.ts';
import { applyRedactions, findPatterns, findPhrase, pageSizes, RedactionError, renderPage, toPdf } from './engine.ts';
import type { PageArea } from './model.ts';
import { ENCRYPTED_MESSAGE, MAX_PAGES, MAX_PIXELS } from './open.ts';
import { darkPixels, encryptedPdf, simplePdf } from './testing.ts';

async function rotatedPdf(rotation: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([400, 600]);
  page.setRotation(degrees(rotation));
  // Two text objects side by side: the phrase is split between them.
  page.drawText('Name: Wang', { x: 60, y: 500, size: 16, font });
  page.drawText('Wei Ming here', { x: 60 + font.widthOfTextAtSize('Name: Wang', 16), y: 500, size: 16, font });
  return doc.save();
}

describe('pageSizes and renderPage', () => {
  it('give the displayed size (after /Rotate) and a PNG of it', async () => {
    expect(await pageSizes(await rotatedPdf(0))).toEqual([{ width: 400, height: 600 }]);
    expect(await pageSizes(await rotatedPdf(90))).toEqual([{ width: 600, height: 400 }]);
    const png = await renderPage(await rotatedPdf(90), 1, 2);
    const image = await loadImage(Buffer.from(png));
    expect([image.width, image.height]).toEqual([1200, 800]);
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
  });

  it('draws CJK text with the embedded fonts (a real report: the strokes of its title are there)', async () => {
    const report = new Uint8Array(readFileSync('test/fixtures/reports/10_hongze_district_2023.pdf'));
    // The title "洪泽区人民政府" stands centred near the top of page 1.
    const [title] = await findPhrase(report, '洪泽区人民政府');
    expect(title?.page).toBe(1);
    const ink = await darkPixels(await renderPage(report, 1, 1), title as PageArea);
    expect(ink.inside).toBeGreaterThan(0.05 * (title as PageArea).width * (title as PageArea).height);
    expect(ink.total).toBeGreaterThan(4000);
  });

  it('keeps a huge page within the pixel limit', async () => {
    const pdf = await simplePdf(['big'], [14_000, 14_000]);
    const image = await loadImage(Buffer.from(await renderPage(pdf, 1, 4)));
    expect(image.width * image.height).toBeLessThanOrEqual(MAX_PIXELS);
    expect(image.width).toBeGreaterThan(3000);
  });

  it('refuses a page out of range and a bad scale', async () => {
    const pdf = await simplePdf(['a', 'b']);
    await expect(renderPage(pdf, 3, 1)).rejects.toThrow('页码超出范围（共2页）');
    await expect(renderPage(pdf, 1, 0)).rejects.toBeInstanceOf(RedactionError);
  });
});

describe('findPhrase', () => {
  for (const rotation of [0, 90, 180, 270]) {
    it(`covers the phrase split over two text items, ignoring whitespace and case (rotated ${rotation}°)`, async () => {
      const pdf = await rotatedPdf(rotation);
      const found = await findPhrase(pdf, 'wangwei  ming');
      expect(found).toHaveLength(1);
      const [area] = found as [PageArea & { text: string }];
      expect(area.text).toBe('WangWeiMing');
      // All of the phrase's ink is inside the box; most of the line's ink ("Name:", "here") is outside.
      const phraseOnly = await findPhrase(pdf, 'Name: Wang Wei Ming here');
      const line = await darkPixels(await renderPage(pdf, 1, 1), phraseOnly[0] as PageArea);
      const box = await darkPixels(await renderPage(pdf, 1, 1), area);
      expect(line.inside).toBe(line.total);
      expect(box.inside).toBeGreaterThan(0.5 * line.total);
      expect(box.inside).toBeLessThan(0.85 * line.total);
    });
  }

  it('finds every occurrence on every page, and nothing for an absent phrase', async () => {
    const pdf = await simplePdf(['abc Secret def Secret', 'nothing', 'SECRET again']);
    expect((await findPhrase(pdf, 'secret')).map((f) => f.page)).toEqual([1, 1, 3]);
    expect(await findPhrase(pdf, 'absent')).toEqual([]);
    await expect(findPhrase(pdf, '  ')).rejects.toBeInstanceOf(RedactionError);
  });
});

describe('findPatterns', () => {
  it('finds personal data of the kinds asked for, with its kind', async () => {
    const pdf = await simplePdf(['Call 138 0013 8000 or mail li.lei@example.com', 'none here']);
    const all = await findPatterns(pdf);
    expect(all.map((f) => [f.page, f.kind, f.text])).toEqual([
      [1, 'mobile', '138 0013 8000'],
      [1, 'email', 'li.lei@example.com'],
    ]);
    expect((await findPatterns(pdf, ['email'])).map((f) => f.kind)).toEqual(['email']);
  });
});

describe('files that cannot be redacted', () => {
  it('refuses encrypted PDFs, with and without a user password, in every function', async () => {
    for (const pdf of [encryptedPdf(''), encryptedPdf('secret')]) {
      await expect(pageSizes(pdf)).rejects.toThrow(ENCRYPTED_MESSAGE);
      await expect(renderPage(pdf, 1, 1)).rejects.toThrow(ENCRYPTED_MESSAGE);
      await expect(findPhrase(pdf, 'SECRET')).rejects.toThrow(ENCRYPTED_MESSAGE);
      await expect(toPdf(pdf, 'application/pdf')).rejects.toThrow(ENCRYPTED_MESSAGE);
      const box = { page: 1, x: 1, y: 1, width: 9, height: 9, reason: 'stateSecret', source: 'manual' } as const;
      await expect(applyRedactions(pdf, [box], { title: 't' })).rejects.toThrow(ENCRYPTED_MESSAGE);
    }
  });

  it('refuses what is not a PDF, and files with too many pages', async () => {
    await expect(pageSizes(new TextEncoder().encode('hello, not a pdf'))).rejects.toThrow('不是有效的PDF');
    await expect(pageSizes(new Uint8Array())).rejects.toBeInstanceOf(RedactionError);
    const many = await simplePdf(Array.from({ length: MAX_PAGES + 1 }, () => 'x'));
    await expect(pageSizes(many)).rejects.toThrow(`超过${MAX_PAGES}页`);
  });
});

describe('toPdf', () => {
  it('passes a PDF through and makes a page of an image', async () => {
    const pdf = await simplePdf(['x']);
    expect(await toPdf(pdf, 'application/pdf')).toBe(pdf);
    const canvas = createCanvas(300, 150);
    for (const [type, bytes] of [
      ['image/png', await canvas.encode('png')],
      ['image/jpeg', await canvas.encode('jpeg')],
    ] as const) {
      const out = await toPdf(new Uint8Array(bytes), type);
      expect(await pageSizes(out)).toEqual([{ width: 144, height: 72 }]);
    }
    await expect(toPdf(new Uint8Array([1, 2, 3]), 'image/png')).rejects.toThrow('图片文件已损坏');
    // A PNG header declaring 100 000 × 100 000 pixels is refused before anything is decoded.
    const bomb = Buffer.from(await canvas.encode('png'));
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    await expect(toPdf(new Uint8Array(bomb), 'image/png')).rejects.toThrow('图片尺寸过大');
    expect(imageSize(new Uint8Array(await canvas.encode('jpeg')), 'image/jpeg')).toEqual({ width: 300, height: 150 });
    await expect(toPdf(pdf, 'text/plain')).rejects.toBeInstanceOf(RedactionError);
  });

  // LibreOffice is installed in CI (.ci/run); elsewhere this is reported as skipped (scripts/test.mjs).
  it.skipIf(!officeBinary())(
    'converts a Word file through LibreOffice, its text searchable for redaction',
    async () => {
      const { Document, Packer, Paragraph } = await import('docx');
      const doc = new Document({
        sections: [
          { children: [new Paragraph('区分处理测试文件'), new Paragraph('申请人 王小明 联系电话 13912345678')] },
        ],
      });
      const docx = new Uint8Array(await Packer.toBuffer(doc));
      const pdf = await toPdf(docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect((await pageSizes(pdf)).length).toBe(1);
      expect((await findPhrase(pdf, '王小明')).map((a) => a.page)).toEqual([1]);
      expect((await findPatterns(pdf, ['mobile'])).map((a) => a.kind)).toEqual(['mobile']);
    },
    180_000,
  );

  it('says so when this machine cannot convert Word files', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(
        toPdf(
          new Uint8Array([80, 75, 3, 4]),
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ),
      ).rejects.toThrow('本机无法将Word文件转换为PDF，请上传PDF版本后再作区分处理');
    } finally {
      process.env.PATH = path;
    }
  });
});
