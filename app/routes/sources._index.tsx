import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { queryParams } from '#app/utils/url.ts'
import { SearchListQuerySchema } from '#app/validation/common.ts'
import { hasRole, requireUser } from '#app/auth/permissions.server.ts'
import { ListTable, PageHeader, SearchBox } from '#app/components/ui/layout.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { sourceKindLabels } from '#app/domain/labels.ts'
import { listSources } from '#app/domain/sources.server.ts'

export const meta: MetaFunction = () => [{ title: 'Sources · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const query = SearchListQuerySchema.parse(queryParams(request.url))
  return { list: listSources(query), q: query.q ?? '', canEdit: hasRole(user, 'editor') }
}

export default function SourcesPage() {
  const { list, q, canEdit } = useLoaderData<typeof loader>()
  return (
    <main id="main">
      <PageHeader
        title="Sources"
        intro="Articles, statements, documents and posts that claims come from or are checked against."
        actions={
          canEdit ? (
            <Link className="button primary" to="/sources/new">
              + New source
            </Link>
          ) : null
        }
      />
      <SearchBox id="source-q" label="Title, outlet or URL" q={q} />
      <p className="list-meta">{list.total} sources</p>
      <ListTable
        headings={['Title', 'Outlet', 'Kind', 'Published', 'Claims']}
        rowCount={list.rows.length}
        empty="No sources match."
      >
        {list.rows.map((s) => (
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
        ))}
      </ListTable>
      <Pagination page={list.page} pageCount={list.pageCount} />
    </main>
  )
}
