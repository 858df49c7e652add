import { Link, useLocation } from '@remix-run/react'

/** Previous / next links that keep every other query parameter. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const location = useLocation()
  if (pageCount <= 1) return null
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search)
    params.set('page', String(p))
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
