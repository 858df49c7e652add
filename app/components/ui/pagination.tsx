import { Link, useLocation } from '@remix-run/react'

/**
 * Previous / next links that keep every other query parameter. `param` names the page
 * number in the URL, for a page with two paged lists.
 */
export function Pagination({ page, pageCount, param = 'page' }: { page: number; pageCount: number; param?: string }) {
  const location = useLocation()
  if (pageCount <= 1) return null
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search)
    params.set(param, String(p))
    return `${location.pathname}?${params}`
  }
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link className="button" to={hrefFor(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="button" to={hrefFor(page + 1)} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  )
}

/**
 * The pager of a keyset-paged list: back to the start, and to the pages either side.
 * Each href is null where there is no such page.
 */
export function KeysetPagination({
  first,
  previous,
  next,
  labels = { first: '← First page', previous: '← Previous', next: 'Next →' },
}: {
  first: string | null
  previous?: string | null
  next: string | null
  labels?: { first: string; previous?: string; next: string }
}) {
  if (!first && !previous && !next) return null
  return (
    <nav className="pagination" aria-label="Pages">
      {first ? (
        <Link className="button" to={first}>
          {labels.first}
        </Link>
      ) : null}
      {previous ? (
        <Link className="button" to={previous} rel="prev">
          {labels.previous}
        </Link>
      ) : null}
      {next ? (
        <Link className="button" to={next} rel="next">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  )
}
