// `npm run bench`: reports parsed-and-checked per second by input format, and render times by output
// format, on one core (everything runs sequentially in this one process; the load scenarios of load.ts put the server
// in a process of its own). Prints a table.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReportData } from '../src/report/read/index.ts';
import { checkReport } from '../src/report/rules.ts';
import { renderDocx } from '../src/report/write/docx.ts';
import { renderHtml } from '../src/report/write/html.ts';
import { findChromium, renderPdf } from '../src/report/write/pdf.ts';
import { buildReport } from '../test/builders.ts';
import { catalogSearchRows } from './catalog-search.ts';
import { loadRows } from './load.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = (dir: string, ext: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => ({ name: f, data: new Uint8Array(readFileSync(join(root, dir, f))) }));

interface Row {
  what: string;
  figure: string;
  target: string;
  ok: boolean | null;
}
const rows: Row[] = [];

/** Runs `fn` over the inputs round-robin for about `seconds`; returns operations per second. */
async function rate(fn: (i: number) => Promise<unknown>, seconds: number): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(i); // warm-up
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < seconds * 1000) await fn(n++);
  return n / ((performance.now() - start) / 1000);
}

async function parseRate(label: string, inputs: { name: string; data: Uint8Array }[], target: number) {
  const perSecond = await rate(async (i) => {
    const input = inputs[i % inputs.length] as { name: string; data: Uint8Array };
    // The blank national template states no year; it is read as a user would, with --year.
    const options = input.name.startsWith('template') ? { year: 2025 } : {};
    const { report } = await readReportData(input.data, input.name, options);
    checkReport(report);
  }, 3);
  rows.push({
    what: `读取并检查 ${label}（${inputs.length}个样本）`,
    figure: `${perSecond.toFixed(0)} 份/秒`,
    target: `≥ ${target} 份/秒`,
    ok: perSecond >= target,
  });
}

async function renderTime(label: string, fn: () => Promise<unknown>, runs: number) {
  await fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const ms = (performance.now() - start) / runs;
  rows.push({ what: `生成 ${label}`, figure: `${ms.toFixed(1)} 毫秒/份`, target: '—', ok: null });
}

const report = buildReport();
const docxSamples = await Promise.all([buildReport(), buildReport({ agency: null })].map(renderDocx));
const htmlSamples = [
  ...fixtures('test/fixtures/html', '.html'),
  { name: 'rendered.html', data: new TextEncoder().encode(renderHtml(report)) },
];

await parseRate(
  '文本',
  [...fixtures('test/fixtures/seed', '.txt'), ...fixtures('test/fixtures/reports', '.txt')],
  1000,
);
await parseRate('网页 HTML', htmlSamples, 200);
await parseRate(
  'Word DOCX',
  [...docxSamples.map((data, i) => ({ name: `r${i}.docx`, data })), ...fixtures('test/fixtures/reports', '.docx')],
  20,
);
await parseRate('PDF', fixtures('test/fixtures/reports', '.pdf'), 10);
await renderTime('HTML', async () => renderHtml(report), 200);
await renderTime('DOCX', () => renderDocx(report), 20);
if (findChromium()) await renderTime('PDF（Chromium 打印）', () => renderPdf(report), 5);
else rows.push({ what: '生成 PDF', figure: '未运行：未找到 Chromium', target: '—', ok: null });

// 主动公开 search at 100,000 items (GONGKAI_BENCH_ITEMS for fewer), SQLite and, when configured, PostgreSQL.
rows.push(...(await catalogSearchRows()));

// The server under load in its own process (portal, search, the application form), beside a bare Hono app: load.ts.
rows.push(...(await loadRows()));

console.log('\n| 项目 | 结果 | 目标 | 结论 |');
console.log('|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.what} | ${r.figure} | ${r.target} | ${r.ok === null ? '' : r.ok ? '达标' : '未达标'} |`);
}
