import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { hasRole, requireUser } from '#app/auth/permissions.server.ts'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { sourceKindLabels } from '#app/domain/labels.ts'
import { listSources } from '#app/domain/sources.server.ts'

export const meta: MetaFunction = () => [{ title: 'Sources · Claim desk' }]

const QuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).default(1).catch(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return { list: listSources(query), q: query.q ?? '', canEdit: hasRole(user, 'editor') }
}

export default function SourcesPage() {
  const { list, q, canEdit } = useLoaderData<typeof loader>()
  return (
    <main id="main">
      <div className="page-head">
        <div>
          <h1>Sources</h1>
          <p>Articles, statements, documents and posts that claims come from or are checked against.</p>
        </div>
        {canEdit ? (
          <Link className="button primary" to="/sources/new">
            + New source
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="source-q">Title, outlet or URL</label>
          <input id="source-q" type="search" name="q" defaultValue={q} />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Search
          </button>
        </div>
      </Form>
      <p className="list-meta">{list.total} sources</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col">Kind</th>
              <th scope="col">Published</th>
              <th scope="col">Claims</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="empty">
                  No sources match.
                </td>
              </tr>
            ) : (
              list.rows.map((s) => (
                <tr key={s.id}>
                  <td className="claim-cell">
                    <Link to={`/sources/${s.id}`}>{s.title}</Link>
                    {s.url ? <div className="muted small">{new URL(s.url).hostname}</div> : null}
                  </td>
                  <td>{s.outlet ?? '—'}</td>
                  <td>{sourceKindLabels[s.kind]}</td>
                  <td className="nowrap">{s.publishedOn ?? '—'}</td>
                  <td>{s.claimCount}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={list.page} pageCount={list.pageCount} />
    </main>
  )
}
