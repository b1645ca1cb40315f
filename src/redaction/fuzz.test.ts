// Fuzz (issue 8, point 3): random boxes over real and generated PDFs never leak the redacted text, and random
// damage to PDF bytes (truncation, flipped bytes, inserted garbage) ends every call in a result or a
// RedactionError — never another exception, never a hang. Runs are bounded for a slow two-core machine.
import { readFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import fc from 'fast-check';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { applyRedactions, findPatterns, findPhrase, pageSizes, RedactionError, renderPage, toPdf } from './engine.ts';
import { REDACTION_REASON_CODES, type RedactionBox } from './model.ts';
import { extract, rawLeaks, SECRET, SECRET_CJK, secretPdf, simplePdf } from './testing.ts';

const REPORTS = ['09_huaian_city_2024', '10_hongze_district_2023', '11_hongze_district_2024'].map(
  (name) => new Uint8Array(readFileSync(`test/fixtures/reports/${name}.pdf`)),
);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const tally = { pdfs: 0, mutations: 0, leaks: 0, refused: 0, applied: 0 };

afterAll(() => {
  console.log(
    `redaction fuzz: ${tally.pdfs} PDFs, ${tally.mutations} mutations, ${tally.leaks} leaks ` +
      `(damaged files redacted: ${tally.applied}; calls refused with a RedactionError: ${tally.refused})`,
  );
});

const boxArb = (pages: number) =>
  fc.record({
    page: fc.integer({ min: 1, max: pages }),
    x: fc.double({ min: -50, max: 600, noNaN: true }),
    y: fc.double({ min: -50, max: 850, noNaN: true }),
    width: fc.double({ min: 0.5, max: 400, noNaN: true }),
    height: fc.double({ min: 0.5, max: 300, noNaN: true }),
    reason: fc.constantFrom(...REDACTION_REASON_CODES),
    source: fc.constant('manual' as const),
    note: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
  });

/** Only RedactionError may escape; anything else is a failure of the engine. */
async function settles<T>(work: () => Promise<T>): Promise<T | RedactionError> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof RedactionError) {
      tally.refused++;
      return e;
    }
    throw e;
  }
}

/** A random document: 1–3 pages of random lines at a random size and rotation, the secret somewhere in them. */
const documentArb = fc.record({
  pages: fc.array(fc.array(fc.stringMatching(/^[a-z0-9 ,.]{0,24}$/), { minLength: 1, maxLength: 6 }), {
    minLength: 1,
    maxLength: 3,
  }),
  rotation: fc.constantFrom(0, 90, 180, 270),
  size: fc.integer({ min: 8, max: 20 }),
  where: fc.record({ page: fc.nat(), line: fc.nat(), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
});
const GENERATED_SECRET = 'QZXKEPT';

async function generatedPdf(spec: typeof documentArb extends fc.Arbitrary<infer T> ? T : never): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const p = spec.where.page % spec.pages.length;
  spec.pages.forEach((lines, i) => {
    const page = doc.addPage([420, 595]);
    page.setRotation(degrees(spec.rotation));
    lines.forEach((line, j) => {
      let text = line;
      if (i === p && j === spec.where.line % lines.length) {
        const at = Math.floor(spec.where.at * line.length);
        text = `${line.slice(0, at)}${GENERATED_SECRET}${line.slice(at)}`;
      }
      page.drawText(text, { x: 30, y: 560 - j * (spec.size + 6), size: spec.size, font });
    });
  });
  return doc.save();
}

describe('random boxes', () => {
  it('over generated documents: what the phrase search finds is gone after applying', async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, async (spec) => {
        const input = await generatedPdf(spec);
        const found = await findPhrase(input, GENERATED_SECRET);
        expect(found.length).toBeGreaterThan(0);
        const boxes: RedactionBox[] = found.map((f) => ({ ...f, reason: 'deliberative', source: 'phrase' }));
        const { pdf } = await applyRedactions(input, boxes, { title: '区分处理' });
        tally.pdfs++;
        const out = await extract(pdf);
        const leaks =
          out.pages.filter((t) => t.includes(GENERATED_SECRET)).length +
          (await rawLeaks(pdf, [GENERATED_SECRET])).length;
        tally.leaks += leaks;
        expect(leaks).toBe(0);
        expect(out.numPages).toBe(spec.pages.length + 1);
      }),
      { numRuns: 15, seed: SEED },
    );
  }, 120_000);

  it('over a generated PDF: the secret is found and gone, whatever else is boxed', async () => {
    const input = await secretPdf();
    const found = await findPhrase(input, SECRET);
    const secretBoxes: RedactionBox[] = found.map((f) => ({ ...f, reason: 'personalPrivacy', source: 'phrase' }));
    await fc.assert(
      fc.asyncProperty(fc.array(boxArb(2), { maxLength: 4 }), fc.boolean(), async (extra, first) => {
        const boxes = first ? [...secretBoxes, ...extra] : [...extra, ...secretBoxes];
        const result = await settles(() => applyRedactions(input, boxes, { title: '区分处理' }));
        tally.pdfs++;
        if (result instanceof RedactionError) {
          // Only a box outside the page may be refused.
          expect(result.message).toMatch(/^第\d+个遮盖框：位于页面范围之外$/);
          return;
        }
        const out = await extract(result.pdf);
        const text = [...out.pages, ...out.other].join('\n');
        const leaks =
          [SECRET, SECRET_CJK].filter((s) => text.includes(s)).length +
          (await rawLeaks(result.pdf, [SECRET, SECRET_CJK])).length;
        tally.leaks += leaks;
        expect(leaks).toBe(0);
        expect(out.numPages).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 10, seed: SEED },
    );
  }, 120_000);

  it('over the real reports: results or clear refusals, and boxed pages keep no text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: REPORTS.length - 1 }),
        fc.array(boxArb(3), { minLength: 1, maxLength: 2 }),
        async (index, boxes) => {
          const input = REPORTS[index] as Uint8Array;
          const result = await settles(() => applyRedactions(input, boxes, { title: '报告' }));
          tally.pdfs++;
          if (result instanceof RedactionError) {
            expect(result.message).toMatch(/^第\d+个遮盖框：/);
            return;
          }
          expect([...new Set(boxes.map((b) => b.page))].sort()).toEqual(expect.arrayContaining(result.pagesRebuilt));
          const out = await extract(result.pdf);
          for (const page of result.pagesRebuilt) expect(out.pages[page - 1]).toBe('');
        },
      ),
      { numRuns: 5, seed: SEED },
    );
  }, 180_000);
});

/** Damage done to a file: cut short, bytes flipped, garbage inserted — and combinations. */
const mutationArb = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({
      kind: fc.constant('flip' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      value: fc.integer({ min: 0, max: 255 }),
      count: fc.integer({ min: 1, max: 8 }),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      garbage: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    }),
  ),
  { minLength: 1, maxLength: 3 },
);

type Mutation = typeof mutationArb extends fc.Arbitrary<(infer M)[]> ? M : never;

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Uint8Array.from(bytes);
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length);
    if (m.kind === 'truncate') out = out.slice(0, at);
    else if (m.kind === 'flip') for (let i = 0; i < m.count && at + i < out.length; i++) out[at + i] = m.value;
    else out = Uint8Array.from([...out.subarray(0, at), ...m.garbage, ...out.subarray(at)]);
  }
  return out;
}

describe('damaged files', () => {
  it('end in a result or a RedactionError, never another exception, a hang or a leak', async () => {
    const scan = createCanvas(400, 560);
    scan.getContext('2d').fillText('scanned page', 40, 40);
    const secret = await secretPdf();
    const originals = [
      secret,
      await simplePdf(['one page of text', 'and another']),
      await toPdf(new Uint8Array(await scan.encode('jpeg')), 'image/jpeg'), // a scanned page: one image
      REPORTS[1] as Uint8Array,
    ];
    // The secret's boxes as found on the intact file; page 1 has a box, so it is always rebuilt.
    const secretBoxes: RedactionBox[] = (await findPhrase(secret, SECRET)).map((f) => ({
      ...f,
      reason: 'personalPrivacy',
      source: 'phrase',
    }));
    const box: RedactionBox = {
      page: 1,
      x: 10,
      y: 10,
      width: 100,
      height: 40,
      reason: 'internalAffairs',
      source: 'manual',
    };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: originals.length - 1 }), mutationArb, async (index, mutations) => {
        const damaged = mutate(originals[index] as Uint8Array, mutations);
        tally.mutations++;
        await settles(() => pageSizes(damaged));
        await settles(() => findPhrase(damaged, 'text'));
        await settles(() => findPatterns(damaged, ['email']));
        await settles(() => renderPage(damaged, 1, 0.5));
        const boxes = index === 0 ? secretBoxes : [box];
        const applied = await settles(() => applyRedactions(damaged, boxes, { title: 't' }));
        if (applied instanceof RedactionError) return;
        tally.applied++;
        expect(applied.pagesRebuilt).toContain(1);
        if (index === 0) {
          const out = await extract(applied.pdf);
          const text = [...out.pages, ...out.other].join('\n');
          const leaks =
            [SECRET, SECRET_CJK].filter((s) => text.includes(s)).length +
            (await rawLeaks(applied.pdf, [SECRET, SECRET_CJK])).length;
          tally.leaks += leaks;
          expect(leaks).toBe(0);
        }
      }),
      { numRuns: 120, seed: SEED },
    );
  }, 240_000);
});
