// Load figures (issue 7 point 1): the real server in a process of its own (`node --import tsx src/main.ts`, as in
// production, request log at the default level), loaded over loopback by autocannon from this process for a few
// seconds per scenario — the portal home, the catalogue list, full-text search with Chinese queries, the application
// form and its submission (multipart, with an attachment) — on SQLite and, when GONGKAI_BENCH_DATABASE_URL names a
// PostgreSQL server, on a database of its own created there and dropped afterwards. Beside them, in the same run, a
// bare Hono "hello" (bench/hello.ts) started the same way: requests per second, p50 and p99 latency, and the ratio.
//
// The database holds the demo district (GONGKAI_DEMO's data) plus GONGKAI_BENCH_LOAD_ITEMS catalogue items (10,000
// unless set) so that search has something to search. Submissions come from distinct addresses through
// X-Forwarded-For with GONGKAI_TRUST_PROXY=1 (the documented setting behind nginx), so the limit of 5 an hour per
// address applies per citizen, unchanged. Alone: `npx tsx bench/load.ts`.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import autocannon, { type Request, type Result } from 'autocannon';
import { sql } from 'kysely';
import { reindexAll } from '../src/catalog/search/indexer.ts';
import { databaseConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import type { EngineName } from '../src/storage/db.ts';
import { openMigrated } from '../src/storage/migrate.ts';
import { testContext } from '../test/platform.ts';
import { citizenAddress, openApplyForm, sampleApplication } from '../test/portal-load.ts';
import { createServerDatabase, ROOT, startServerProcess } from '../test/server-process.ts';
import { type BenchRow, seedCatalog } from './catalog-search.ts';

const CONNECTIONS = 10;

function positive(name: string, fallback: number): number {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: expected a positive whole number`);
  return n;
}

/** What people type into the portal's search box. */
const QUERIES = [
  '政务公开',
  '预算',
  '决算 公开',
  '营商环境',
  '低保标准',
  '义务教育 招生',
  '安全生产',
  '行政处罚',
  '征地补偿',
  '老旧小区改造',
  '政府采购',
  '养老服务',
  '防汛',
  '统计公报',
  '政策解读',
  '一网通办',
];

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  result: Result;
}

/** A second at low concurrency, so that compiling the code paths is not counted. */
async function warmUp(url: string, requests: Request[]): Promise<void> {
  await autocannon({ url, connections: 2, duration: 1, requests });
}

async function measure(url: string, requests: Request[], seconds: number, verifyBody?: (b: string) => boolean) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests,
    ...(verifyBody ? { verifyBody } : {}),
  });
  const failed = result.errors + result.timeouts + result.non2xx + result.mismatches;
  const rps = result.requests.total / result.duration;
  return { rps, p50: result.latency.p50, p99: result.latency.p99, failed, result } satisfies Measured;
}

const fmt = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
/** autocannon records whole milliseconds: 0 is a reply within the first. */
const ms = (n: number) => (n === 0 ? '<1' : String(n));

function row(what: string, m: Measured, hello: Measured | null, note = ''): BenchRow {
  const ratio = hello ? `；为 Hono 空应用的 ${((m.rps / hello.rps) * 100).toFixed(1)}%` : '';
  const failed = m.failed > 0 ? `；失败 ${m.failed} 次` : '';
  return {
    what,
    figure: `${fmt(m.rps)} 次/秒，p50 ${ms(m.p50)} 毫秒，p99 ${ms(m.p99)} 毫秒${ratio}${failed}${note}`,
    target: '全部成功',
    ok: m.failed === 0,
  };
}

/** bench/hello.ts in its own process; its address, and how to stop it. */
async function startHello(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/hello.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    void exited.then(() => reject(new Error(`bench/hello.ts exited: ${out}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Scenario {
  what: string;
  m: Measured;
  note?: string;
}

async function benchEngine(engine: EngineName, seconds: number, postgresUrl?: string): Promise<Scenario[]> {
  const label = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const items = positive('GONGKAI_BENCH_LOAD_ITEMS', 10_000);
  const database = await createServerDatabase(engine, { label: 'gk_load', ...(postgresUrl ? { postgresUrl } : {}) });
  const out: Scenario[] = [];
  try {
    const db = await openMigrated(databaseConfig(database.url));
    try {
      const ctx = testContext(db, () => new Date());
      await seedDemo(ctx, { catalog: true });
      await seedCatalog(ctx, items);
      await reindexAll(ctx);
      if (engine === 'postgres') await sql`vacuum analyze`.execute(db.kysely);
    } finally {
      await db.close();
    }
    const server = await startServerProcess({
      DATABASE_URL: database.url,
      GONGKAI_TRUST_PROXY: '1',
      GONGKAI_LOG_LEVEL: 'info',
    });
    try {
      const url = server.origin;
      const pages = Array.from({ length: 20 }, (_, i) => ({ path: i === 0 ? '/catalog' : `/catalog?page=${i + 1}` }));
      const searches = QUERIES.map((q) => ({ path: `/search?q=${encodeURIComponent(q)}` }));
      const gets: [string, Request[]][] = [
        ['门户首页 GET /', [{ path: '/' }]],
        [`公开目录 GET /catalog（${items.toLocaleString('en')} 条，翻页）`, pages],
        [`全文检索 GET /search?q=…（${QUERIES.length} 个中文检索词）`, searches],
        ['申请表 GET /apply', [{ path: '/apply' }]],
      ];
      for (const [what, requests] of gets) {
        await warmUp(url, requests);
        out.push({ what: `${label}：${what}`, m: await measure(url, requests, seconds) });
      }

      // Submissions: the form's cookie, token and stamp (3 s old by now), one attachment, each from its own address.
      const session = await openApplyForm(url);
      const sample = sampleApplication(0, session.agencyIds, 'bench');
      const form = new FormData();
      form.set('_csrf', session.csrf);
      form.set('stamp', session.stamp);
      for (const [k, v] of Object.entries(sample.fields)) form.set(k, v);
      form.set('attachments', new Blob([sample.file.data], { type: 'text/plain' }), sample.file.name);
      const encoded = new Response(form);
      const body = Buffer.from(await encoded.arrayBuffer());
      const headers = {
        'content-type': encoded.headers.get('content-type') as string,
        cookie: session.cookie,
        origin: url,
      };
      let citizen = 0;
      const post: Request = {
        method: 'POST',
        path: '/apply',
        headers,
        body,
        setupRequest: (r: Request) => ({ ...r, headers: { ...headers, 'x-forwarded-for': citizenAddress(citizen++) } }),
      };
      const check = database.open();
      const stored = async () => {
        const r = await check.kysely
          .selectFrom('applications')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('description', '=', sample.fields.description as string)
          .executeTakeFirstOrThrow();
        return Number(r.n);
      };
      try {
        await warmUp(url, [post]);
        const before = await stored();
        // A receipt, not the form shown again: the 查询号 in its <dd><code>.
        const m = await measure(url, [post], seconds, (b) => /<dd><code>GK\d{4}-/.test(b));
        const added = (await stored()) - before;
        const receipts = m.result['2xx'] - m.result.mismatches;
        // Requests in flight when the time is up are dropped by autocannon uncounted, though stored: at most one a
        // connection. Fewer stored than receipts would be a lost application.
        if (added < receipts || added > receipts + CONNECTIONS)
          throw new Error(`POST /apply: ${receipts} receipts, but ${added} applications stored`);
        out.push({
          what: `${label}：提交申请 POST /apply（含附件）`,
          m,
          note: `；回执 ${receipts} 份，库中新增 ${added} 件`,
        });
      } finally {
        await check.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await database.dispose();
  }
  return out;
}

export async function loadRows(): Promise<BenchRow[]> {
  const seconds = positive('GONGKAI_BENCH_LOAD_SECONDS', 4);
  // The bare app is measured first and last; the ratio is to the mean, so a machine that is busier at one end of
  // the run (other work, thermal limits) skews it less.
  const bare = async () => {
    const server = await startHello();
    try {
      await warmUp(server.url, [{ path: '/' }]);
      return await measure(server.url, [{ path: '/' }], seconds);
    } finally {
      await server.stop();
    }
  };
  const first = await bare();
  const scenarios = await benchEngine('sqlite', seconds);
  const url = process.env.GONGKAI_BENCH_DATABASE_URL;
  if (url) scenarios.push(...(await benchEngine('postgres', seconds, url)));
  const last = await bare();
  const hello: Measured = {
    ...first,
    rps: (first.rps + last.rps) / 2,
    p50: Math.max(first.p50, last.p50),
    p99: Math.max(first.p99, last.p99),
    failed: first.failed + last.failed,
  };
  const rows = [
    row(
      `负载基准：Hono 空应用 GET /（${CONNECTIONS} 个并发连接，每项 ${seconds} 秒；开始、结束各测一次，次/秒取平均，延迟取较大者）`,
      hello,
      null,
      `（开始 ${fmt(first.rps)}，结束 ${fmt(last.rps)} 次/秒）`,
    ),
    ...scenarios.map((s) => row(s.what, s.m, hello, s.note)),
  ];
  if (!url)
    rows.push({
      what: 'PostgreSQL：负载测试',
      figure: '未运行：设置 GONGKAI_BENCH_DATABASE_URL 后运行',
      target: '—',
      ok: null,
    });
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await loadRows();
  console.log('\n| 项目 | 结果 | 目标 | 结论 |');
  console.log('|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.what} | ${r.figure} | ${r.target} | ${r.ok === null ? '' : r.ok ? '达标' : '未达标'} |`);
  }
}
