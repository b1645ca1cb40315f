// The pager under a list: “共 N 条，第 p / P 页” with 上一页 and 下一页 links (console lists and the portal's
// published answers alike).

/** `href(p)` is the address of page p, keeping whatever filters the list has; `unit` counts the rows (条, 件). */
export function Pager(props: {
  total: number;
  page: number;
  pages: number;
  unit?: string;
  href: (page: number) => string;
}) {
  const { total, page, pages, href } = props;
  return (
    <nav class="pager" aria-label="分页">
      <p>
        共 {total} {props.unit ?? '条'}，第 {page} / {pages} 页
      </p>
      {page > 1 || page < pages ? (
        <ul class="actions">
          {page > 1 ? (
            <li>
              <a href={href(page - 1)} rel="prev">
                上一页
              </a>
            </li>
          ) : null}
          {page < pages ? (
            <li>
              <a href={href(page + 1)} rel="next">
                下一页
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </nav>
  );
}
