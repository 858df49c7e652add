import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'

/** A page's title, one line on what it is for, and its main actions. */
export function PageHeader({ title, intro, actions }: { title: ReactNode; intro?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-head">
      <div>
        <h1>{title}</h1>
        {intro ? <p>{intro}</p> : null}
      </div>
      {actions ? <div className="actions">{actions}</div> : null}
    </div>
  )
}

/** A GET form with one search field; the query lives in the URL. */
export function SearchBox({ id, label, q }: { id: string; label: string; q: string }) {
  return (
    <Form method="get" className="filters" role="search">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="search" name="q" defaultValue={q} />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Search
        </button>
      </div>
    </Form>
  )
}

/** A list table with its column headings and a message when there are no rows. */
export function ListTable({
  headings,
  empty,
  rowCount,
  className,
  children,
}: {
  headings: ReactNode[]
  empty: ReactNode
  rowCount: number
  className?: string
  children: ReactNode
}) {
  return (
    <div className="table-wrap">
      <table className={className}>
        <thead>
          <tr>
            {headings.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowCount === 0 ? (
            <tr>
              <td colSpan={headings.length} className="empty">
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  )
}
