// 政府信息公开目录 on the portal (条例第十二条、第二十条): browse the published catalogue by agency, category, year and
// validity with plain GET links (no script), each item's page with the metadata table, its validity, attachments
// and 政策解读, and the attachments' downloads. Drafts and withdrawn items are 404.
import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { Agency } from '../../agencies/model.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import { MEDIA_EXTENSIONS, type MediaType } from '../../attachments/detect.ts';
import {
  type CatalogItem,
  hasValidity,
  KIND_LABELS,
  KINDS,
  type Kind,
  MODE_LABELS,
  VALIDITY,
  VALIDITY_LABELS,
  type Validity,
} from '../../catalog/model.ts';
import {
  listPublished,
  type PublicItem,
  publicAttachment,
  publicItem,
  publishedFacets,
} from '../../catalog/queries.ts';
import { contentDisposition } from '../console/application-detail.tsx';
import type { AppEnv } from '../env.ts';
import { PortalPage } from '../layout.tsx';
import { html } from '../render.ts';
import { agencyTree, article20Label, cnDate, ItemTable, itemHref, ValidityBanner } from './catalog-views.tsx';

export const catalogRoutes = new Hono<AppEnv>();

export interface BrowseQuery {
  agency: number | null;
  kind: Kind | null;
  topic: string | null;
  year: number | null;
  validity: Validity | null;
  page: number;
}

const EMPTY: BrowseQuery = { agency: null, kind: null, topic: null, year: null, validity: null, page: 1 };

/** The query string's filters; what is not understood is named and left out. */
export function parseBrowse(
  get: (name: string) => string | undefined,
  agencyIds: ReadonlySet<number>,
): { query: BrowseQuery; problems: string[] } {
  const query: BrowseQuery = { ...EMPTY };
  const problems: string[] = [];
  const agency = get('agency');
  if (agency) {
    if (/^\d{1,12}$/.test(agency) && agencyIds.has(Number(agency))) query.agency = Number(agency);
    else problems.push('“发布机构”不存在，已忽略');
  }
  const kind = get('kind');
  if (kind) {
    if ((KINDS as readonly string[]).includes(kind)) query.kind = kind as Kind;
    else problems.push('“信息类别”无效，已忽略');
  }
  const topic = get('topic')?.trim();
  if (topic) {
    if (topic.length <= 50) query.topic = topic;
    else problems.push('“主题分类”过长，已忽略');
  }
  const year = get('year');
  if (year) {
    if (/^\d{4}$/.test(year) && Number(year) >= 1949 && Number(year) <= 2100) query.year = Number(year);
    else problems.push('“年份”应为四位数字的年份，已忽略');
  }
  const validity = get('validity');
  if (validity) {
    if ((VALIDITY as readonly string[]).includes(validity)) query.validity = validity as Validity;
    else problems.push('“效力状态”无效，已忽略');
  }
  const page = get('page');
  if (page) {
    if (/^\d{1,6}$/.test(page) && Number(page) >= 1) query.page = Number(page);
    else problems.push('“页码”无效，已显示第1页');
  }
  return { query, problems };
}

/** The browse page's address with some filters changed; a changed filter starts again at page 1. */
export function browseHref(q: BrowseQuery, change: Partial<BrowseQuery> = {}): string {
  const next = { ...q, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.agency) params.set('agency', String(next.agency));
  if (next.kind) params.set('kind', next.kind);
  if (next.topic) params.set('topic', next.topic);
  if (next.year) params.set('year', String(next.year));
  if (next.validity) params.set('validity', next.validity);
  if (next.page > 1) params.set('page', String(next.page));
  const s = params.toString();
  return s ? `/catalog?${s}` : '/catalog';
}

function FacetLink(props: { href: string; current: boolean; label: string; count?: number }) {
  return (
    <li>
      <a
        href={props.href}
        aria-current={props.current ? 'true' : undefined}
        class={props.current ? 'current' : undefined}
      >
        {props.label}
        {props.count !== undefined ? <span class="count">（{props.count}）</span> : null}
      </a>
    </li>
  );
}

function Facets(props: {
  q: BrowseQuery;
  agencies: readonly Agency[];
  topics: { topic: string; count: number }[];
  years: number[];
}) {
  const { q } = props;
  const tree = agencyTree(props.agencies);
  return (
    <aside class="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">筛选</h2>
      <h3>发布机构</h3>
      <ul>
        <FacetLink href={browseHref(q, { agency: null })} current={q.agency === null} label="全部机构" />
        {tree.map(({ agency, depth }) => (
          <li class={`depth-${Math.min(depth, 3)}`}>
            <a
              href={browseHref(q, { agency: agency.id })}
              aria-current={q.agency === agency.id ? 'true' : undefined}
              class={q.agency === agency.id ? 'current' : undefined}
            >
              {agency.name}
            </a>
          </li>
        ))}
      </ul>
      <h3>信息类别</h3>
      <ul>
        <FacetLink href={browseHref(q, { kind: null })} current={q.kind === null} label="全部类别" />
        {KINDS.map((k) => (
          <FacetLink href={browseHref(q, { kind: k })} current={q.kind === k} label={KIND_LABELS[k]} />
        ))}
      </ul>
      <h3>主题分类</h3>
      <ul>
        <FacetLink href={browseHref(q, { topic: null })} current={q.topic === null} label="全部主题" />
        {props.topics.map((t) => (
          <FacetLink
            href={browseHref(q, { topic: t.topic })}
            current={q.topic === t.topic}
            label={t.topic}
            count={t.count}
          />
        ))}
      </ul>
      <h3>发布年份</h3>
      <ul class="inline-list">
        <FacetLink href={browseHref(q, { year: null })} current={q.year === null} label="全部年份" />
        {props.years.map((y) => (
          <FacetLink href={browseHref(q, { year: y })} current={q.year === y} label={`${y}年`} />
        ))}
      </ul>
      <h3>效力状态</h3>
      <p class="hint">适用于规章和行政规范性文件。</p>
      <ul class="inline-list">
        <FacetLink href={browseHref(q, { validity: null })} current={q.validity === null} label="不限" />
        {VALIDITY.map((v) => (
          <FacetLink href={browseHref(q, { validity: v })} current={q.validity === v} label={VALIDITY_LABELS[v]} />
        ))}
      </ul>
    </aside>
  );
}

/** “发布机构：示例区教育局；类别：通知公告” — what the list shows, in words. */
function describe(q: BrowseQuery, agencies: readonly Agency[]): string {
  const parts: string[] = [];
  if (q.agency) parts.push(`发布机构：${agencies.find((a) => a.id === q.agency)?.name ?? q.agency}（含所属部门）`);
  if (q.kind) parts.push(`类别：${KIND_LABELS[q.kind]}`);
  if (q.topic) parts.push(`主题：${q.topic}`);
  if (q.year) parts.push(`发布年份：${q.year}年`);
  if (q.validity) parts.push(`效力状态：${VALIDITY_LABELS[q.validity]}`);
  return parts.join('；');
}

catalogRoutes.get('/catalog', async (c) => {
  const ctx = c.get('ctx');
  const agencies = await listAgencyRows(ctx.db.kysely);
  const { query: q, problems } = parseBrowse((n) => c.req.query(n), new Set(agencies.map((a) => a.id)));
  const [result, facets] = await Promise.all([
    listPublished(ctx, {
      agencyId: q.agency,
      kind: q.kind,
      topic: q.topic,
      year: q.year,
      validity: q.validity,
      page: q.page,
    }),
    publishedFacets(ctx),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const filtered = describe(q, agencies);
  return html(
    c,
    <PortalPage title="政府信息公开目录" settings={c.get('settings')} current="/catalog">
      <h1>政府信息公开目录</h1>
      <p>
        按发布机构、信息类别、主题分类、发布年份和效力状态浏览主动公开的政府信息。查找具体信息也可以使用
        <a href="/search">站内搜索</a>。
      </p>
      {problems.length > 0 ? (
        <div class="alert" role="alert">
          <p>筛选条件有误：</p>
          <ul>
            {problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="catalog-layout">
        <Facets q={q} agencies={agencies} topics={facets.topics} years={facets.years} />
        <section class="catalog-results" aria-labelledby="results-title">
          <h2 id="results-title">信息列表</h2>
          <p class="result-summary">
            {filtered ? `${filtered}。` : ''}共 {result.total} 条
            {result.total > 0 ? `，第 ${Math.min(result.page, pages)} / ${pages} 页` : ''}。
            {filtered ? <a href="/catalog">清除筛选</a> : null}
          </p>
          {result.rows.length > 0 ? (
            <ItemTable
              items={result.rows}
              caption={filtered ? `政府信息公开目录（${filtered}）` : '政府信息公开目录'}
            />
          ) : (
            <p class="notice">没有符合条件的信息。</p>
          )}
          {pages > 1 ? (
            <nav class="pager" aria-label="分页">
              {q.page > 1 ? <a href={browseHref(q, { page: Math.min(q.page, pages) - 1 })}>上一页</a> : null}
              <span>
                第 {Math.min(q.page, pages)} / {pages} 页
              </span>
              {q.page < pages ? <a href={browseHref(q, { page: q.page + 1 })}>下一页</a> : null}
            </nav>
          ) : null}
          <p class="hint">
            订阅更新：<a href="/feeds/catalog.atom">Atom</a> · <a href="/feeds/catalog.rss">RSS</a>
          </p>
        </section>
      </div>
    </PortalPage>,
  );
});

function MetaTable(props: { item: CatalogItem; agencyName: string }) {
  const { item } = props;
  const rows: [string, string][] = [
    ['索引号', item.indexNo ?? '—'],
    ['主题分类', item.topic ?? '—'],
    ['发布机构', item.issuer],
    ['信息类别', KIND_LABELS[item.kind]],
    ['成文日期', cnDate(item.formedOn)],
    ['发布日期', cnDate(item.publishedOn)],
    ['文号', item.docNo ?? '—'],
    ['效力状态', hasValidity(item.kind) && item.validity ? VALIDITY_LABELS[item.validity] : '—'],
    ['公开方式', MODE_LABELS[item.disclosureMode]],
    ['公开主体', props.agencyName],
    ['条例第二十条事项', article20Label(item.article20)],
    ['标准目录领域', item.standardArea ?? '—'],
  ];
  const pairs: [string, string][][] = [];
  for (let i = 0; i < rows.length; i += 2) pairs.push(rows.slice(i, i + 2));
  return (
    <table class="meta-table">
      <caption class="visually-hidden">信息属性</caption>
      <tbody>
        {pairs.map((pair) => (
          <tr>
            {pair.map(([label, value]) => (
              <>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
const typeText = (mediaType: string) => (MEDIA_EXTENSIONS[mediaType as MediaType] ?? '文件').toUpperCase();

function ItemBody(props: { view: PublicItem }) {
  const { item, attachments } = props.view;
  if (item.disclosureMode === 'onRequest')
    return (
      <div class="notice">
        <p>本信息属于依申请公开的政府信息，正文不在网站公开。</p>
        <p>
          如需获取，请<a href="/apply">提出政府信息公开申请</a>，并注明索引号“{item.indexNo ?? item.id}”和标题。
        </p>
      </div>
    );
  if (item.disclosureMode === 'withheld')
    return (
      <div class="notice">
        <p>本信息不予公开。</p>
        <p>理由：{item.withheldReason ?? '—'}</p>
      </div>
    );
  return (
    <>
      {/* body_html is sanitised when saved (catalog/body.ts): the only raw HTML on the portal. */}
      <div class="item-body">{raw(item.bodyHtml)}</div>
      {attachments.length > 0 ? (
        <section aria-labelledby="attachments-title">
          <h2 id="attachments-title">附件</h2>
          <ul class="attachments">
            {attachments.map((a) => (
              <li>
                <a href={`${itemHref(item.id)}/attachments/${a.id}`} download={a.fileName}>
                  {a.fileName}
                </a>{' '}
                <span class="hint">
                  （{typeText(a.mediaType)}，{sizeText(a.size)}）
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

catalogRoutes.get('/catalog/:id{[0-9]{1,12}}', async (c) => {
  const ctx = c.get('ctx');
  const view = await publicItem(ctx, Number(c.req.param('id')));
  if (!view) return c.notFound();
  const { item } = view;
  const agencies = await listAgencyRows(ctx.db.kysely);
  const agencyName = agencies.find((a) => a.id === item.agencyId)?.name ?? item.issuer;
  return html(
    c,
    <PortalPage title={item.title} settings={c.get('settings')} current="/catalog">
      <nav aria-label="当前位置" class="breadcrumb">
        <a href="/">首页</a> › <a href="/catalog">政府信息公开目录</a> ›{' '}
        <a href={browseHref(EMPTY, { agency: item.agencyId })}>{agencyName}</a>
      </nav>
      <article class="catalog-item">
        <h1>{item.title}</h1>
        <ValidityBanner item={item} replacedBy={view.replacedBy} />
        <MetaTable item={item} agencyName={agencyName} />
        {view.interprets ? (
          <p class="related">
            本文是对《<a href={itemHref(view.interprets.id)}>{view.interprets.title}</a>》的政策解读。
          </p>
        ) : null}
        <ItemBody view={view} />
        {view.interpretations.length > 0 ? (
          <section aria-labelledby="interpretations-title" class="related">
            <h2 id="interpretations-title">政策解读</h2>
            <ul>
              {view.interpretations.map((i) => (
                <li>
                  <a href={itemHref(i.id)}>{i.title}</a> <span class="hint">{cnDate(i.publishedOn)}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {view.validityChanges.length > 0 ? (
          <section aria-labelledby="validity-title">
            <h2 id="validity-title">效力变更记录</h2>
            <ul>
              {view.validityChanges.map((v) => (
                <li>
                  {cnDate(v.onDate)}：{VALIDITY_LABELS[v.validity]}
                  {v.note ? `（${v.note}）` : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
      <ul class="actions item-actions">
        <li>
          <a href={`/feedback/new?item=${item.id}`}>对本信息提出意见建议</a>
        </li>
        <li>
          <a href={browseHref(EMPTY, { agency: item.agencyId })}>{agencyName}的其他信息</a>
        </li>
      </ul>
    </PortalPage>,
  );
});

catalogRoutes.get('/catalog/:id{[0-9]{1,12}}/attachments/:aid{[0-9]{1,12}}', async (c) => {
  const ctx = c.get('ctx');
  const itemId = Number(c.req.param('id'));
  const view = await publicItem(ctx, itemId);
  // The files of an item not published of its own accord are not on the portal either.
  if (view?.item.disclosureMode !== 'active') return c.notFound();
  const file = await publicAttachment(ctx, itemId, Number(c.req.param('aid')));
  if (!file) return c.notFound();
  const ext = MEDIA_EXTENSIONS[file.mediaType as MediaType] ?? 'bin';
  c.header('content-type', file.mediaType);
  c.header('content-disposition', contentDisposition(file.fileName, `attachment-${file.id}.${ext}`));
  c.header('x-content-type-options', 'nosniff');
  c.header('content-security-policy', 'sandbox');
  return c.body(file.content as Uint8Array<ArrayBuffer>);
});
