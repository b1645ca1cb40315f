// Mutated and garbage inputs never crash a reader: each ends in a report (with diagnostics) or a ReadError.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadError } from '../src/report/diagnostics.ts';
import { readReportData } from '../src/report/read/index.ts';
import { checkReport } from '../src/report/rules.ts';
import { renderDocx } from '../src/report/write/docx.ts';
import { renderHtml } from '../src/report/write/html.ts';
import { renderMarkdown } from '../src/report/write/md.ts';
import { buildReport } from './builders.ts';

const dir = fileURLToPath(new URL('./fixtures/reports/', import.meta.url));
const real = readdirSync(dir)
  .filter((f) => /\.(pdf|txt|docx)$/.test(f))
  .map((f) => ({ name: f, data: new Uint8Array(readFileSync(join(dir, f))) }));

/** Inputs tried per reader (by file extension): how many ended in a report, how many in a clear refusal. */
const tally = new Map<string, { report: number; error: number }>();
const count = (name: string, result: 'report' | 'error') => {
  const reader = /\.(\w+)$/.exec(name)?.[1] ?? '(无扩展名)';
  const t = tally.get(reader) ?? { report: 0, error: 0 };
  t[result]++;
  tally.set(reader, t);
  return result;
};

/** Reads and checks; returns 'report' or 'error', and fails the test on any other exception. */
async function outcome(data: Uint8Array, name: string): Promise<'report' | 'error'> {
  try {
    const { report } = await readReportData(data, name);
    checkReport(report);
    return count(name, 'report');
  } catch (e) {
    if (e instanceof ReadError) {
      expect(e.message).toMatch(/[\u4e00-\u9fa5]/); // a reason a clerk can read
      return count(name, 'error');
    }
    throw new Error(`${name}: ${(e as Error).stack}`);
  }
}

afterAll(() => {
  const rows = [...tally].map(
    ([reader, t]) => `${reader} ${t.report + t.error}（${t.report} 份读出，${t.error} 份明确拒绝）`,
  );
  console.log(`reader robustness: ${rows.join('；')}；0 crashes`);
});

describe('robustness of the readers', async () => {
  const generated = [
    { name: 'r.docx', data: await renderDocx(buildReport()) },
    { name: 'r.html', data: new TextEncoder().encode(renderHtml(buildReport())) },
    { name: 'r.md', data: new TextEncoder().encode(renderMarkdown(buildReport())) },
  ];
  const samples = [...real, ...generated];

  it('survives random bytes under every file name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('x.pdf', 'x.docx', 'x.html', 'x.txt', 'x.json', 'x'),
        async (bytes, name) => {
          await outcome(bytes, name);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('survives truncated real and generated documents', async () => {
    for (const s of samples) {
      for (const fraction of [0.02, 0.3, 0.6, 0.97]) {
        await outcome(s.data.subarray(0, Math.floor(s.data.length * fraction)), s.name);
      }
    }
  });

  it('survives random byte corruption of real and generated documents', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...samples),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }),
        async (sample, edits) => {
          const data = new Uint8Array(sample.data);
          for (const [at, value] of edits) data[at % data.length] = value;
          await outcome(data, sample.name);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads a text report in the wrong encoding without crashing', async () => {
    const text = readFileSync(join(dir, '09_huaian_city_2024.txt'), 'utf8');
    const utf16 = new Uint8Array(Buffer.from(text, 'utf16le'));
    expect(await outcome(utf16, 'x.txt')).toBe('error');
    const latin1 = new Uint8Array(Buffer.from(text, 'latin1'));
    await outcome(latin1, 'x.txt');
  });

  it('handles a huge cell and a huge document', async () => {
    const md = renderMarkdown(buildReport()).replace('| 规章 | 1 |', `| 规章 | ${'9'.repeat(100_000)} |`);
    expect(await outcome(new TextEncoder().encode(md), 'huge.md')).toBe('report');
    const long = `${'政府信息公开工作。'.repeat(200_000)}\n`;
    expect(await outcome(new TextEncoder().encode(long), 'long.txt')).toBe('error');
  });
});
