// 主动公开 search benchmark (issue 5 point 10): N items (100,000 unless GONGKAI_BENCH_ITEMS says otherwise) composed
// from real government phrasing, inserted directly and indexed, then ≥200 varied queries (two-character words,
// terms, several words, 文号, with filters) timed one by one — median and p95 of searchCatalog, which includes
// loading the page's items and marking the hits — and the portal's pages served in-process (app.request) for a few
// seconds each. SQLite always; PostgreSQL too when GONGKAI_BENCH_DATABASE_URL (or GONGKAI_TEST_DATABASE_URL) is set,
// in a schema of its own that is dropped afterwards. `npm run bench` prints it with the rest; alone:
// `npx tsx bench/catalog-search.ts`.

import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { reindexAll } from '../src/catalog/search/indexer.ts';
import { searchCatalog } from '../src/catalog/search/query.ts';
import type { Context } from '../src/context.ts';
import { createApp } from '../src/http/app.ts';
import type { EngineName } from '../src/storage/db.ts';
import { createTestDatabase } from '../test/engines.ts';
import { buildHierarchy, testContext } from '../test/platform.ts';

export interface BenchRow {
  what: string;
  figure: string;
  target: string;
  ok: boolean | null;
}

const AGENCIES = [
  '市人民政府办公室',
  '市财政局',
  '市发展和改革委员会',
  '市教育局',
  '市卫生健康委员会',
  '市市场监督管理局',
];
const ACTIONS = ['印发', '做好', '进一步加强', '开展', '调整', '公布', '推进', '规范', '实施', '优化'];
const SUBJECTS = [
  '政务公开工作要点',
  '部门预算公开',
  '部门决算公开',
  '营商环境',
  '一网通办改革',
  '放管服改革',
  '双随机一公开监管',
  '行政事业性收费项目',
  '政府集中采购目录',
  '城乡低保标准',
  '义务教育招生',
  '基本医疗保险',
  '安全生产大检查',
  '食品安全抽检',
  '重大建设项目批准和实施',
  '公共资源交易',
  '农村危房改造',
  '就业创业补贴',
  '养老服务体系建设',
  '突发公共事件应急预案',
  '生态环境保护督察整改',
  '公务员考试录用',
  '行政处罚裁量基准',
  '行政许可事项清单',
  '国民经济和社会发展统计公报',
  '政策解读',
  '防汛抗旱',
  '老旧小区改造',
  '征地补偿标准',
  '涉农补贴资金',
];
const DOC_TYPES = ['通知', '实施意见', '工作方案', '管理办法', '若干措施', '公告', '报告', '决定', '解读'];
const SENTENCES = [
  '为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步推进政务公开标准化规范化，结合本市实际，制定本方案。',
  '各地各部门要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处。',
  '按照预算法和财政部有关规定，部门预算、决算及“三公”经费应当在批复后20日内向社会公开。',
  '深化“放管服”改革，持续优化营商环境，全面推行“一网通办”，让企业和群众办事更加便捷。',
  '全面实行“双随机一公开”监管，抽查事项、抽查结果及时向社会公布，接受社会监督。',
  '行政规范性文件应当经过合法性审核，并在政府网站统一公开，未经公开的不得作为行政管理依据。',
  '对群众关注度高的政策，同步做好政策解读，通过图表、音视频等方式提高解读的可读性。',
  '依申请公开工作要严格按照法定时限答复，规范答复文书，依法保障申请人的合法权益。',
  '本办法自印发之日起施行，有效期五年。原有规定与本办法不一致的，以本办法为准。',
  '加强安全生产监督检查，对发现的隐患问题建立台账，限期整改到位。',
  '落实城乡低保、特困人员救助供养等社会救助政策，做到应保尽保、应退尽退。',
  '统筹推进义务教育优质均衡发展，规范招生入学秩序，保障适龄儿童平等接受教育。',
  '建立健全突发公共事件应急预案体系，加强预警信息发布，提升应急处置能力。',
  '政府集中采购项目的目录、标准及实施情况应当依法向社会公开。',
  '行政事业性收费项目及其依据、标准由财政部门会同价格主管部门统一公布。',
  '重大建设项目批准和实施领域的政府信息，应当按照基层政务公开标准目录及时公开。',
  '各部门要于每年1月31日前向本级人民政府报送上一年度政府信息公开工作年度报告。',
  '加强生态环境保护，严格落实环境影响评价制度，督察整改情况向社会公开。',
  '做好防汛抗旱各项准备工作，落实防汛责任制，确保人民群众生命财产安全。',
  '推进老旧小区改造，完善配套设施，改善居民居住条件。',
  '对征地补偿标准、安置方案等信息，要在征地范围内的村、组予以公告。',
  '涉农补贴资金发放情况按照“一卡通”管理要求逐户公示，接受群众监督。',
];
const TOPICS = ['综合政务', '财政、金融、审计', '城乡建设、环境保护', '科技、教育', '卫生、体育', '民政、扶贫、救灾'];
const KINDS = ['normative', 'document', 'notice', 'interpretation', 'rule', 'other'] as const;

/** ≥200 queries: words people type, two-character ones included, some with filters. */
const QUERY_WORDS = [
  '公开',
  '预算',
  '决算',
  '政务公开',
  '营商环境',
  '一网通办',
  '放管服',
  '双随机一公开',
  '低保',
  '教育',
  '招生',
  '医疗保险',
  '安全生产',
  '应急预案',
  '政府采购',
  '收费',
  '补贴',
  '养老',
  '防汛',
  '征地补偿',
  '老旧小区',
  '政策解读',
  '行政处罚',
  '统计公报',
  '公务员',
  '环境保护',
  '三公经费',
  '年度报告',
  '规范性文件 合法性审核',
  '部门预算 公开',
  '财政局 预算',
  '教育局 招生 通知',
  '市场监督管理局 抽检',
  '就业 补贴',
  '重大建设项目',
  '公共资源交易',
  '农村危房改造',
  '实施意见',
  '管理办法',
  '工作方案',
];

// A small deterministic generator, so every run (and both engines) see the same corpus.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seedCatalog(ctx: Context, n: number): Promise<void> {
  const tree = await buildHierarchy(ctx);
  const agencies = [tree.government.id, tree.department.id, tree.unit.id, tree.other.id];
  const pick = rng(20251126);
  const one = <T>(list: readonly T[]) => list[Math.floor(pick() * list.length)] as T;
  const now = new Date().toISOString();
  const batch = 500;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (let start = 0; start < n; start += batch) {
      const rows = [];
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const kind = one(KINDS);
        const year = 2018 + Math.floor(pick() * 8);
        const day = `${year}-${String(1 + Math.floor(pick() * 12)).padStart(2, '0')}-${String(1 + Math.floor(pick() * 28)).padStart(2, '0')}`;
        const agencyName = one(AGENCIES);
        const title = `${agencyName}关于${one(ACTIONS)}${one(SUBJECTS)}的${one(DOC_TYPES)}`;
        const sentences = Array.from({ length: 4 + Math.floor(pick() * 8) }, () => one(SENTENCES));
        const body = sentences.join('');
        const normative = kind === 'rule' || kind === 'normative';
        rows.push({
          agency_id: one(agencies),
          index_no: `B${String(i).padStart(7, '0')}/${year}-${String(i).padStart(5, '0')}`,
          status: 'published',
          kind,
          title,
          doc_no: normative ? `测政规〔${year}〕${(i % 300) + 1}号` : null,
          issuer: agencyName,
          formed_on: day,
          published_on: day,
          changed_on: null,
          topic: one(TOPICS),
          article20: null,
          standard_area: null,
          disclosure_mode: 'active',
          withheld_reason: null,
          body_format: 'markdown',
          body,
          body_html: `<p>${body}</p>`,
          body_text: body,
          validity: normative ? (pick() < 0.8 ? 'valid' : 'repealed') : null,
          validity_on: normative ? day : null,
          replaced_by_id: null,
          interprets_id: null,
          published_revision: 1,
          created_at: now,
          created_by: 'bench',
          updated_at: now,
        });
      }
      await trx.insertInto('catalog_items').values(rows).execute();
    }
  });
}

function queries(): { q: string; kind?: (typeof KINDS)[number]; year?: number; validity?: 'valid' }[] {
  const out: ReturnType<typeof queries> = [];
  for (const q of QUERY_WORDS) {
    out.push({ q });
    out.push({ q, year: 2024 });
    out.push({ q, kind: 'normative', validity: 'valid' });
    out.push({ q: `${q} 通知` });
    out.push({ q, kind: 'notice' });
  }
  return out;
}

const perSecond = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

async function throughput(fn: (i: number) => Promise<unknown>, seconds: number): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(i);
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < seconds * 1000) await fn(n++);
  return n / ((performance.now() - start) / 1000);
}

async function benchEngine(engine: EngineName, n: number, postgresUrl?: string): Promise<BenchRow[]> {
  const test = await createTestDatabase(engine, postgresUrl ? { postgresUrl } : {});
  const label = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const rows: BenchRow[] = [];
  try {
    const ctx = testContext(test.db, () => new Date());
    let t = performance.now();
    await seedCatalog(ctx, n);
    const insertS = (performance.now() - t) / 1000;
    t = performance.now();
    const indexed = await reindexAll(ctx);
    const indexS = (performance.now() - t) / 1000;
    // A catalogue in service has been vacuumed and analysed by autovacuum; right after a bulk load it has not, and
    // PostgreSQL would plan with no statistics and read the heap for index-only counts. Measure the steady state.
    if (engine === 'postgres') await sql`vacuum analyze`.execute(ctx.db.kysely);
    rows.push({
      what: `${label}：写入并索引 ${indexed.toLocaleString('en')} 条主动公开信息`,
      figure: `写入 ${insertS.toFixed(1)} 秒，索引 ${indexS.toFixed(1)} 秒`,
      target: '—',
      ok: null,
    });
    const list = queries();
    for (const q of list.slice(0, 20)) await searchCatalog(ctx, q); // warm-up
    const times: number[] = [];
    let found = 0;
    for (const q of list) {
      const start = performance.now();
      const r = await searchCatalog(ctx, q);
      times.push(performance.now() - start);
      if (r.total > 0) found += 1;
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 50);
    const p95 = percentile(times, 95);
    rows.push({
      what: `${label}：检索耗时中位数（${list.length} 个检索，${found} 个有结果）`,
      figure: `${median.toFixed(1)} 毫秒`,
      target: '—',
      ok: null,
    });
    rows.push({
      what: `${label}：检索耗时 p95`,
      figure: `${p95.toFixed(1)} 毫秒`,
      target: engine === 'sqlite' ? '< 50 毫秒' : '—',
      ok: engine === 'sqlite' ? p95 < 50 : null,
    });
    const app = createApp(ctx);
    const searchRate = await throughput(async (i) => {
      const q = QUERY_WORDS[i % QUERY_WORDS.length] as string;
      const res = await app.request(`/search?q=${encodeURIComponent(q)}`);
      await res.text();
      if (res.status !== 200) throw new Error(`/search?q=${q}: HTTP ${res.status}`);
    }, 3);
    rows.push({
      what: `${label}：检索页 /search?q=… 吞吐`,
      figure: `${perSecond(searchRate)} 次/秒`,
      target: '—',
      ok: null,
    });
    const catalogRate = await throughput(async (i) => {
      const res = await app.request(i % 2 === 0 ? '/catalog' : `/catalog?page=${1 + (i % 50)}`);
      await res.text();
      if (res.status !== 200) throw new Error(`/catalog: HTTP ${res.status}`);
    }, 3);
    rows.push({
      what: `${label}：目录页 /catalog 吞吐`,
      figure: `${perSecond(catalogRate)} 次/秒`,
      target: '—',
      ok: null,
    });
  } finally {
    await test.dispose();
  }
  return rows;
}

export async function catalogSearchRows(): Promise<BenchRow[]> {
  const n = Number(process.env.GONGKAI_BENCH_ITEMS ?? 100_000);
  if (!Number.isInteger(n) || n < 1) throw new Error('GONGKAI_BENCH_ITEMS: expected a positive whole number');
  const rows = await benchEngine('sqlite', n);
  const url = process.env.GONGKAI_BENCH_DATABASE_URL || process.env.GONGKAI_TEST_DATABASE_URL;
  if (url) rows.push(...(await benchEngine('postgres', n, url)));
  else
    rows.push({
      what: 'PostgreSQL：检索',
      figure: '未运行：设置 GONGKAI_BENCH_DATABASE_URL 后运行',
      target: '—',
      ok: null,
    });
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await catalogSearchRows();
  console.log('\n| 项目 | 结果 | 目标 | 结论 |');
  console.log('|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.what} | ${r.figure} | ${r.target} | ${r.ok === null ? '' : r.ok ? '达标' : '未达标'} |`);
  }
}
