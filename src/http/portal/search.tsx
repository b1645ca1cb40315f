// 站内检索 on the portal: `/search?q=…&agency=&kind=&topic=&year=&validity=&page=`, a plain GET form (no script),
// the results with the hits marked, filters and paging. The marked title and snippet are built from escaped text
// with only <mark> added (catalog/search/highlight.ts), the one place this page writes HTML itself.
import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { Agency } from '../../agencies/model.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import { KIND_LABELS, KINDS, TOPICS, VALIDITY, VALIDITY_LABELS } from '../../catalog/model.ts';
import {
  EMPTY_QUERY_MESSAGE,
  MAX_QUERY_LENGTH,
  type SearchResult,
  searchCatalog,
  TOTAL_CAP,
} from '../../catalog/search/query.ts';
import { queryTokens } from '../../catalog/search/segment.ts';
import type { Context } from '../../context.ts';
import type { AppEnv } from '../env.ts';
import { PortalPage } from '../layout.tsx';
import { html } from '../render.ts';
import { type BrowseQuery, parseBrowse } from './catalog.tsx';
import { agencyTree, cnDate, itemHref, ValidityBadge } from './catalog-views.tsx';

export const SEARCH_PATH = '/search';

interface SearchQuery extends BrowseQuery {
  q: string;
}

/** The search page's address with some parameters changed; a changed filter starts again at page 1. */
export function searchHref(s: SearchQuery, change: Partial<SearchQuery> = {}): string {
  const next = { ...s, page: 1, ...change };
  const params = new URLSearchParams();
  params.set('q', next.q);
  if (next.agency) params.set('agency', String(next.agency));
  if (next.kind) params.set('kind', next.kind);
  if (next.topic) params.set('topic', next.topic);
  if (next.year) params.set('year', String(next.year));
  if (next.validity) params.set('validity', next.validity);
  if (next.page > 1) params.set('page', String(next.page));
  return `${SEARCH_PATH}?${params.toString()}`;
}

function Select(props: {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  all: string;
}) {
  const id = `search-${props.name}`;
  return (
    <div class="search-filter">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        <option value="" selected={props.value === ''}>
          {props.all}
        </option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function SearchForm(props: { s: SearchQuery; agencies: readonly Agency[]; topics: string[]; years: number[] }) {
  const { s } = props;
  const filtered = Boolean(s.agency || s.kind || s.topic || s.year || s.validity);
  return (
    <form method="get" action={SEARCH_PATH} class="search-form" aria-label="站内检索">
      <label for="search-q" class="search-label">
        检索词
      </label>
      <div class="search-row">
        <input
          type="search"
          id="search-q"
          name="q"
          value={s.q}
          maxlength={MAX_QUERY_LENGTH}
          placeholder="如：公开、预算、营商环境、文号"
          aria-describedby="search-tips"
        />
        <button type="submit">检索</button>
      </div>
      <p id="search-tips" class="hint">
        输入标题、正文中的词语，或文号、索引号；多个词语之间用空格分开，结果须同时包含各个词语。
      </p>
      <details class="search-filters" open={filtered}>
        <summary>筛选条件</summary>
        <div class="search-filter-grid">
          <Select
            name="agency"
            label="发布机构"
            value={s.agency ? String(s.agency) : ''}
            all="全部机构"
            options={agencyTree(props.agencies).map(({ agency, depth }) => ({
              value: String(agency.id),
              label: `${'　'.repeat(Math.min(depth, 3))}${agency.name}`,
            }))}
          />
          <Select
            name="kind"
            label="信息类别"
            value={s.kind ?? ''}
            all="全部类别"
            options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          />
          <Select
            name="topic"
            label="主题分类"
            value={s.topic ?? ''}
            all="全部主题"
            options={props.topics.map((t) => ({ value: t, label: t }))}
          />
          <Select
            name="year"
            label="发布年份"
            value={s.year ? String(s.year) : ''}
            all="全部年份"
            options={props.years.map((y) => ({ value: String(y), label: `${y}年` }))}
          />
          <Select
            name="validity"
            label="效力状态（规章、规范性文件）"
            value={s.validity ?? ''}
            all="不限"
            options={VALIDITY.map((v) => ({ value: v, label: VALIDITY_LABELS[v] }))}
          />
        </div>
        <p>
          <button type="submit">按条件检索</button>
        </p>
      </details>
    </form>
  );
}

function Tips() {
  return (
    <div class="search-tips">
      <h3>检索建议</h3>
      <ul>
        <li>检查是否有错别字；</li>
        <li>换用更短或更常用的词语，如“预算”“低保”“招生”；</li>
        <li>减少词语的个数，或取消筛选条件；</li>
        <li>
          按类别、机构和年份浏览<a href="/catalog">政府信息公开目录</a>；
        </li>
        <li>
          仍未找到所需信息的，可以<a href="/apply">申请政府信息公开</a>。
        </li>
      </ul>
    </div>
  );
}

function Results(props: { s: SearchQuery; result: SearchResult; agencyNames: Map<number, string> }) {
  const { s, result } = props;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const page = Math.min(result.page, pages);
  if (result.total === 0)
    return (
      <section aria-labelledby="results-title">
        <h2 id="results-title">检索结果</h2>
        <p class="notice" role="status">
          未找到与“{s.q}”相关的信息。
        </p>
        <Tips />
      </section>
    );
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">检索结果</h2>
      <p class="result-summary" role="status">
        {result.capped ? `找到超过 ${TOTAL_CAP} 条` : `找到 ${result.total} 条`}与“{s.q}”相关的信息
        {pages > 1 ? `，第 ${page} / ${pages} 页` : ''}。
        {result.capped ? '结果较多，可增加检索词或使用筛选条件缩小范围。' : ''}
      </p>
      {result.matched === 'any' ? (
        <p class="notice">没有同时包含全部检索词的信息，以下为包含其中部分词语的信息。</p>
      ) : null}
      <ol class="search-results" start={(page - 1) * result.pageSize + 1}>
        {result.rows.map((row) => (
          <li>
            <h3>
              <a href={itemHref(row.item.id)}>{raw(row.titleHtml)}</a>{' '}
              {row.item.validity ? <ValidityBadge item={row.item} /> : null}
            </h3>
            <p class="snippet">{raw(row.snippetHtml)}</p>
            <dl class="search-meta">
              <div>
                <dt>索引号</dt>
                <dd>{row.item.indexNo ?? '—'}</dd>
              </div>
              {row.item.docNo ? (
                <div>
                  <dt>文号</dt>
                  <dd>{row.item.docNo}</dd>
                </div>
              ) : null}
              <div>
                <dt>发布机构</dt>
                <dd>{row.item.issuer || props.agencyNames.get(row.item.agencyId) || '—'}</dd>
              </div>
              <div>
                <dt>发布日期</dt>
                <dd>{cnDate(row.item.publishedOn)}</dd>
              </div>
              <div>
                <dt>类别</dt>
                <dd>{KIND_LABELS[row.item.kind]}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav class="pager" aria-label="分页">
          {page > 1 ? <a href={searchHref(s, { page: page - 1 })}>上一页</a> : null}
          <span>
            第 {page} / {pages} 页
          </span>
          {page < pages ? <a href={searchHref(s, { page: page + 1 })}>下一页</a> : null}
        </nav>
      ) : null}
    </section>
  );
}

/** The years from the latest publication back to the first, newest first. */
async function publishedYears(ctx: Context): Promise<number[]> {
  const edge = (direction: 'asc' | 'desc') =>
    ctx.db.kysely
      .selectFrom('catalog_items')
      .select('published_on')
      .where('status', '=', 'published')
      .where('published_on', 'is not', null)
      .orderBy('published_on', direction)
      .limit(1)
      .executeTakeFirst();
  const [first, last] = [await edge('asc'), await edge('desc')];
  if (!first?.published_on || !last?.published_on) return [];
  const years: number[] = [];
  for (let y = Number(last.published_on.slice(0, 4)); y >= Number(first.published_on.slice(0, 4)); y--) years.push(y);
  return years;
}

export const searchRoutes = new Hono<AppEnv>();

searchRoutes.get(SEARCH_PATH, async (c) => {
  const ctx = c.get('ctx');
  const agencies = await listAgencyRows(ctx.db.kysely);
  const { query, problems } = parseBrowse((n) => c.req.query(n), new Set(agencies.map((a) => a.id)));
  const s: SearchQuery = { ...query, q: (c.req.query('q') ?? '').slice(0, MAX_QUERY_LENGTH) };
  // The standard 主题分类 and the years between the first and the latest publication: two index reads, not a
  // count over the catalogue (the page must stay fast with 100,000 items).
  const topics = [...new Set([...TOPICS, ...(s.topic ? [s.topic] : [])])];
  const years = await publishedYears(ctx);
  const hasWords = queryTokens(s.q).length > 0;
  const result = hasWords
    ? await searchCatalog(ctx, {
        q: s.q,
        agencyId: s.agency,
        kind: s.kind,
        topic: s.topic,
        year: s.year,
        validity: s.validity,
        page: s.page,
      })
    : null;
  const title = result ? `“${s.q}”的检索结果` : '站内检索';
  return html(
    c,
    <PortalPage title={title} settings={c.get('settings')} current={SEARCH_PATH}>
      <h1>站内检索</h1>
      <p>在本站主动公开的政府信息中检索标题、正文、文号和索引号。</p>
      <SearchForm s={s} agencies={agencies} topics={topics} years={years} />
      {problems.length > 0 ? (
        <ul class="alert" role="alert">
          {problems.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      ) : null}
      {result ? (
        <Results s={s} result={result} agencyNames={new Map(agencies.map((a) => [a.id, a.name]))} />
      ) : c.req.query('q') !== undefined ? (
        <p class="notice" role="status">
          {EMPTY_QUERY_MESSAGE}。
        </p>
      ) : null}
    </PortalPage>,
  );
});
