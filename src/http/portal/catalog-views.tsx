// Pieces of the portal's catalogue pages shared by the browse page, the item page, the home page and the reports
// page: dates as Chinese sites write them, the validity badge and banner, the list table.
import type { Agency } from '../../agencies/model.ts';
import {
  ARTICLE20_ITEMS,
  type CatalogItem,
  hasValidity,
  KIND_LABELS,
  VALIDITY_LABELS,
  type Validity,
} from '../../catalog/model.ts';

/** '2025-09-01' → '2025年9月1日'. */
export function cnDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export const itemHref = (id: number) => `/catalog/${id}`;

/** The agencies as a tree, top first: each with its depth (for the browse page and the guides). */
export function agencyTree(agencies: readonly Agency[]): { agency: Agency; depth: number }[] {
  const ids = new Set(agencies.map((a) => a.id));
  const out: { agency: Agency; depth: number }[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const a of agencies)
      if ((parent === null ? a.parentId === null || !ids.has(a.parentId) : a.parentId === parent) && depth < 10) {
        out.push({ agency: a, depth });
        walk(a.id, depth + 1);
      }
  };
  walk(null, 0);
  return out;
}

export function ValidityBadge(props: { item: CatalogItem }) {
  const { item } = props;
  if (!hasValidity(item.kind) || !item.validity) return <span class="hint">—</span>;
  return <span class={`badge validity-${item.validity}`}>{VALIDITY_LABELS[item.validity]}</span>;
}

const BANNER_VERB: Record<Exclude<Validity, 'valid'>, string> = { amended: '修改', repealed: '废止', expired: '失效' };

/** 本文件已于2025年10月1日废止，由《…》替代。 — prominent, first thing after the title. */
export function ValidityBanner(props: { item: CatalogItem; replacedBy: CatalogItem | null }) {
  const { item, replacedBy } = props;
  if (!hasValidity(item.kind) || !item.validity) return null;
  if (item.validity === 'valid')
    return (
      <p class="validity-banner validity-valid">
        <strong>效力状态：有效</strong>
      </p>
    );
  const when = item.validityOn ? `已于${cnDate(item.validityOn)}` : '已';
  const replaced = replacedBy ? (
    <>
      ，{item.validity === 'amended' ? '修改后的文件见' : '由'}《
      <a href={itemHref(replacedBy.id)}>{replacedBy.title}</a>》{item.validity === 'amended' ? '' : '替代'}
    </>
  ) : null;
  return (
    <div class={`validity-banner validity-${item.validity}`} role="note" aria-label="效力状态">
      <p>
        <strong>
          本文件{when}
          {BANNER_VERB[item.validity]}
        </strong>
        {replaced}。
      </p>
      {item.validity === 'amended' ? null : <p>本文件已不再具有效力，仅供查阅。</p>}
    </div>
  );
}

export const article20Label = (code: string | null) => (code ? (ARTICLE20_ITEMS[code] ?? code) : '—');
export const kindLabel = (item: CatalogItem) => KIND_LABELS[item.kind];

/** The catalogue's list: 索引号, 标题, 文号, 发布机构, 成文日期, 发布日期, 效力. */
export function ItemTable(props: { items: readonly CatalogItem[]; caption: string }) {
  return (
    <div class="table-scroll">
      <table class="catalog-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">索引号</th>
            <th scope="col">标题</th>
            <th scope="col">文号</th>
            <th scope="col">发布机构</th>
            <th scope="col">成文日期</th>
            <th scope="col">发布日期</th>
            <th scope="col">效力状态</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => (
            <tr>
              <td class="index-no">{item.indexNo ?? '—'}</td>
              <td>
                <a href={itemHref(item.id)}>{item.title}</a>
              </td>
              <td class="doc-no">{item.docNo ?? '—'}</td>
              <td class="issuer">{item.issuer}</td>
              <td class="nowrap">{item.formedOn}</td>
              <td class="nowrap">{item.publishedOn ?? '—'}</td>
              <td>
                <ValidityBadge item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A short list: title and date (home page, notices). */
export function ItemList(props: { items: readonly CatalogItem[] }) {
  return (
    <ul class="item-list">
      {props.items.map((item) => (
        <li>
          <a href={itemHref(item.id)}>{item.title}</a>
          <span class="date">{item.publishedOn ?? ''}</span>
        </li>
      ))}
    </ul>
  );
}
