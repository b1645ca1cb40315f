// Proof (issue 8, point 3): what was redacted is gone from the output — from the page text, the metadata, the
// annotations, forms, attachments, and from the raw bytes of every object, inflated — while what was not
// redacted stays, and the log says why each box was withheld.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyRedactions, findPatterns, findPhrase, pageSizes, RedactionError, renderPage } from './engine.ts';
import { drawLog, LOG_PAGE, logPages, logRows } from './log-page.ts';
import { type FoundArea, type PageArea, REDACTION_REASONS, type RedactionBox, type RedactionReason } from './model.ts';
import {
  darkPixels,
  extract,
  FIELD,
  HIDDEN_TEXT,
  IMAGE_SIZE,
  layeredPdf,
  PUBLIC_TEXT,
  rawLeaks,
  SECRET,
  SECRET_CJK,
  SECRET_ID,
  secretPdf,
  simplePdf,
} from './testing.ts';

const boxesOf = (found: readonly FoundArea[], reason: RedactionReason): RedactionBox[] =>
  found.map(({ page, x, y, width, height }) => ({ page, x, y, width, height, reason, source: 'phrase' }));

describe('a generated PDF with the secret in every place a PDF can hold it', () => {
  it('keeps none of it after search, redact and apply, and keeps the rest', async () => {
    const input = await secretPdf();
    // The fixture really holds the secret everywhere the scan looks.
    const before = await extract(input);
    expect(before.pages[0]).toContain(SECRET);
    expect(before.other.join('\n')).toContain(SECRET_CJK);
    expect((await rawLeaks(input, [SECRET, SECRET_CJK])).length).toBeGreaterThan(5);
    expect((await rawLeaks(input, [SECRET])).some((l) => l.startsWith('image'))).toBe(true);

    const phrase = await findPhrase(input, SECRET);
    expect(phrase.map((f) => f.page)).toEqual([1]);
    const ids = await findPatterns(input, ['idNumber']);
    expect(ids.map((f) => [f.page, f.text, f.kind])).toEqual([[1, SECRET_ID, 'idNumber']]);
    // A box drawn by hand over the image.
    const image: RedactionBox = {
      page: 1,
      x: 70,
      y: 842 - 500 - IMAGE_SIZE.height - 2,
      width: IMAGE_SIZE.width + 4,
      height: IMAGE_SIZE.height + 4,
      reason: 'tradeSecret',
      source: 'manual',
      note: '第三方提供的图片',
    };
    const boxes = [...boxesOf(phrase, 'personalPrivacy'), ...boxesOf(ids, 'personalPrivacy'), image];
    const { pdf, pagesRebuilt } = await applyRedactions(input, boxes, { title: '答复附件（区分处理）' });
    expect(pagesRebuilt).toEqual([1]);

    const after = await extract(pdf);
    expect(after.numPages).toBe(3); // two pages and the log
    const everything = [...after.pages, ...after.other].join('\n');
    for (const secret of [SECRET, SECRET_CJK, SECRET_ID]) expect(everything).not.toContain(secret);
    expect(await rawLeaks(pdf, [SECRET, SECRET_CJK, SECRET_ID])).toEqual([]);
    // The page without boxes keeps its text; the rebuilt page has none left at all.
    expect(after.pages[1]).toContain(PUBLIC_TEXT);
    expect(after.pages[0]).toBe('');
    expect(after.other.join('\n')).toContain('答复附件（区分处理）');
    expect(after.other.join('\n')).toContain('Gongkai');
    // Same page sizes as the original, plus the A4 log.
    expect((await pageSizes(pdf)).slice(0, 2)).toEqual(await pageSizes(input));
  }, 60_000);

  it('finds the secret image when a page with it is copied rather than rebuilt (the scan can fail)', async () => {
    const input = await secretPdf({ form: false });
    const { pdf } = await applyRedactions(
      input,
      [{ page: 2, x: 0, y: 0, width: 10, height: 10, reason: 'deliberative', source: 'manual' }],
      { title: 't' },
    );
    // Page 1 was copied: its text and image stay — the leak scan must see them, or it proves nothing.
    const leaks = await rawLeaks(pdf, [SECRET]);
    expect(leaks.some((l) => l.startsWith('image'))).toBe(true);
    expect(leaks.some((l) => l.startsWith(SECRET))).toBe(true);
    // …but page 2's unused reference to that image is not what carried it: and metadata, annotations, the
    // form, the outline, attachments and scripts are gone all the same.
    const after = await extract(pdf);
    expect(after.other.join('\n')).not.toContain(SECRET);
    expect(after.other.join('\n')).not.toContain(SECRET_CJK);
  }, 60_000);
});

describe('a filled-in form field', () => {
  it('is shown to the handler, kept flattened into a rebuilt page, and gone as a field', async () => {
    const input = await secretPdf();
    const field: PageArea = {
      page: 1,
      x: FIELD.x,
      y: 842 - FIELD.y - FIELD.height,
      width: FIELD.width,
      height: FIELD.height,
    };
    expect((await darkPixels(await renderPage(input, 1, 1), field)).inside).toBeGreaterThan(20);
    // A box on page 2 only: page 1 has no box, but its field's appearance is part of what the handler saw.
    const { pdf, pagesRebuilt } = await applyRedactions(
      input,
      [{ page: 2, x: 0, y: 0, width: 5, height: 5, reason: 'deliberative', source: 'manual' }],
      { title: 't' },
    );
    expect(pagesRebuilt).toEqual([1, 2]);
    expect((await darkPixels(await renderPage(pdf, 1, 1), field)).inside).toBeGreaterThan(20);
    const after = await extract(pdf);
    expect(after.other.join('\n')).not.toContain(SECRET);
    expect(after.pages.slice(0, 2)).toEqual(['', '']);
  }, 60_000);

  it('blacked out by a box is gone from the pixels too', async () => {
    const input = await secretPdf();
    const field: PageArea = {
      page: 1,
      x: FIELD.x,
      y: 842 - FIELD.y - FIELD.height,
      width: FIELD.width,
      height: FIELD.height,
    };
    const { pdf } = await applyRedactions(input, [{ ...field, reason: 'personalPrivacy', source: 'manual' }], {
      title: 't',
    });
    const pixels = await darkPixels(await renderPage(pdf, 1, 1), field);
    // All black but the reason's white label: no trace of the value's glyph shapes remains in the box.
    const all = field.width * field.height;
    expect(pixels.inside).toBeGreaterThan(0.7 * all);
  }, 60_000);
});

describe('a hidden layer (optional content switched off)', () => {
  it('is not copied along with a page the handler saw without it', async () => {
    const input = await layeredPdf();
    expect((await extract(input)).pages[0]).toContain(HIDDEN_TEXT);
    expect(await findPhrase(input, PUBLIC_TEXT)).toHaveLength(1);
    const { pdf, pagesRebuilt } = await applyRedactions(input, [], { title: 't' });
    expect(pagesRebuilt).toEqual([1]);
    expect(await rawLeaks(pdf, [HIDDEN_TEXT])).toEqual([]);
    expect((await extract(pdf)).pages[0]).toBe('');
  }, 60_000);
});

describe('a real report with embedded CJK fonts', () => {
  const report = new Uint8Array(readFileSync('test/fixtures/reports/10_hongze_district_2023.pdf'));

  it('redacts a Chinese phrase and an e-mail address; the other pages keep their text', async () => {
    const phrase = '洪泽湖大道90号';
    const found = await findPhrase(report, phrase);
    // The address breaks over two lines: one box on each.
    expect(found.map((f) => [f.page, f.text])).toEqual([
      [1, phrase],
      [1, phrase],
    ]);
    const mail = await findPatterns(report, ['email']);
    expect(mail.map((m) => m.text)).toEqual(['hzzwgk@126.com']);
    const before = await extract(report);
    const { pdf, pagesRebuilt } = await applyRedactions(
      report,
      [...boxesOf(found, 'personalPrivacy'), ...boxesOf(mail, 'internalAffairs')],
      { title: '洪泽区报告（区分处理）' },
    );
    expect(pagesRebuilt).toEqual([1]);
    const after = await extract(pdf);
    expect(after.numPages).toBe(before.numPages + 1);
    const all = [...after.pages, ...after.other].join('\n');
    expect(all.replace(/\s/g, '')).not.toContain('洪泽湖大道');
    expect(all).not.toContain('hzzwgk');
    expect(await findPhrase(pdf, phrase)).toEqual([]);
    for (let n = 2; n <= before.numPages; n++) expect(after.pages[n - 1]).toBe(before.pages[n - 1]);
    expect(await rawLeaks(pdf, ['hzzwgk@126.com'])).toEqual([]);
  }, 60_000);
});

describe('the redaction log', () => {
  it('lists each box with its page, reason and legal basis', () => {
    const rows = logRows([
      { page: 2, x: 1, y: 1, width: 5, height: 5, reason: 'personalPrivacy', source: 'manual', note: '自然人姓名' },
      { page: 1, x: 1, y: 1, width: 5, height: 5, reason: 'deliberative', source: 'phrase' },
    ]);
    expect(rows).toEqual([
      ['1', '2', REDACTION_REASONS.personalPrivacy.label, REDACTION_REASONS.personalPrivacy.basis, '自然人姓名'],
      ['2', '1', REDACTION_REASONS.deliberative.label, REDACTION_REASONS.deliberative.basis, ''],
    ]);
  });
});

describe('the redaction log pages', () => {
  const box = (reason: RedactionReason): RedactionBox => ({
    page: 1,
    x: 1,
    y: 1,
    width: 5,
    height: 5,
    reason,
    source: 'manual',
  });

  it('are text: each box with its page, reason and legal basis, over as many pages as needed', async () => {
    const boxes = [
      { ...box('personalPrivacy'), page: 2, note: '自然人的姓名' },
      box('deliberative'),
      ...Array.from({ length: 58 }, () => box('stateSecret')),
    ];
    const { pdf } = await applyRedactions(await secretPdf(), boxes, { title: '答复附件' });
    const out = await extract(pdf);
    expect(logPages('答复附件', boxes)).toHaveLength(3);
    expect(out.numPages).toBe(2 + 3);
    const log = out.pages.slice(2).map((t) => t.replace(/\s/g, ''));
    // The text reads as drawn: no radicals standing in for ideographs (人⺠, ⻚码, 第三⽅).
    expect(log.join('')).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(log[0]).toContain('中华人民共和国政府信息公开条例');
    expect(log[0]).toContain('序号页码理由依据备注');
    expect(log[0]).toContain('区分处理记录');
    expect(log[0]).toContain('答复附件');
    expect(log[0]).toContain(
      `12${REDACTION_REASONS.personalPrivacy.label}${REDACTION_REASONS.personalPrivacy.basis}自然人的姓名`,
    );
    expect(log[0]).toContain(`21${REDACTION_REASONS.deliberative.label}${REDACTION_REASONS.deliberative.basis}`);
    expect(log[2]).toContain(
      `${boxes.length}1${REDACTION_REASONS.stateSecret.label}${REDACTION_REASONS.stateSecret.basis}`,
    );
    expect((await pageSizes(pdf)).slice(2)).toEqual(Array(3).fill({ width: LOG_PAGE.width, height: LOG_PAGE.height }));
  }, 60_000);

  it('fall back to images with the same rows, should the PDF backend fail', () => {
    const pixels = (reason: RedactionReason) => Buffer.from(drawLog('t', [box(reason)])[0]?.data() ?? []);
    expect(pixels('personalPrivacy').equals(pixels('deliberative'))).toBe(false);
    expect(pixels('personalPrivacy').equals(pixels('personalPrivacy'))).toBe(true);
    expect(drawLog('t', Array(40).fill(box('stateSecret')))).toHaveLength(2);
  });

  it('wrap a long note rather than cut it', async () => {
    const note =
      '该处为第三方自然人的姓名、住址和联系方式，属于个人隐私，公开会对其合法权益造成损害，且权利人不同意公开。'.repeat(
        2,
      );
    const { pdf } = await applyRedactions(await simplePdf(['x']), [{ ...box('personalPrivacy'), note }], {
      title: 't',
    });
    const log = (await extract(pdf)).pages[1]?.replace(/\s/g, '') ?? '';
    expect(log).toContain(note);
    expect(log).not.toContain('…');
  });
});

describe('bad boxes', () => {
  it('are refused, naming the box', async () => {
    const input = await secretPdf();
    const box: RedactionBox = { page: 1, x: 10, y: 10, width: 20, height: 20, reason: 'stateSecret', source: 'manual' };
    const attempt = (boxes: RedactionBox[]) => applyRedactions(input, boxes, { title: 't' });
    await expect(attempt([box, box, { ...box, page: 3 }])).rejects.toThrow('第3个遮盖框：页码超出范围（共2页）');
    await expect(attempt([{ ...box, width: 0 }])).rejects.toThrow('第1个遮盖框：宽度和高度必须大于0');
    await expect(attempt([{ ...box, reason: 'whim' as RedactionReason }])).rejects.toThrow(/第1个遮盖框：.*理由/);
    await expect(attempt([{ ...box, x: 900 }])).rejects.toThrow('第1个遮盖框：位于页面范围之外');
    await expect(attempt([{ ...box, x: Number.NaN }])).rejects.toBeInstanceOf(RedactionError);
    // Reaching over the edge is cut to the page, not refused.
    await expect(attempt([{ ...box, x: -50, width: 5000 }])).resolves.toMatchObject({ pagesRebuilt: [1] });
  }, 60_000);
});
