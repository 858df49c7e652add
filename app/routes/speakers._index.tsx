import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { queryParams } from '#app/utils/url.ts'
import { SearchListQuerySchema } from '#app/validation/common.ts'
import { hasRole, requireUser } from '#app/auth/permissions.server.ts'
import { ListTable, PageHeader, SearchBox } from '#app/components/ui/layout.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { listSpeakers } from '#app/domain/speakers.server.ts'

export const meta: MetaFunction = () => [{ title: 'Speakers · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const query = SearchListQuerySchema.parse(queryParams(request.url))
  return { list: listSpeakers(query), q: query.q ?? '', canEdit: hasRole(user, 'editor') }
}

export default function SpeakersPage() {
  const { list, q, canEdit } = useLoaderData<typeof loader>()
  return (
    <main id="main">
      <PageHeader
        title="Speakers"
        intro="People and bodies whose claims the desk checks, with every spelling of their names."
        actions={
          canEdit ? (
            <Link className="button primary" to="/speakers/new">
              + New speaker
            </Link>
          ) : null
        }
      />
      <SearchBox id="speaker-q" label="Name or alias" q={q} />
      <p className="list-meta">{list.total} speakers</p>
      <ListTable
        headings={['Name', 'Role', 'Organisation', 'Country', 'Claims']}
        rowCount={list.rows.length}
        empty="No speakers match."
      >
        {list.rows.map((s) => (
          <tr key={s.id}>
            <td>
              <Link to={`/speakers/${s.id}`}>{s.name}</Link>
            </td>
            <td>{s.role ?? '—'}</td>
            <td>{s.organisation ?? '—'}</td>
            <td>{s.country ?? '—'}</td>
            <td>{s.claimCount}</td>
          </tr>
        ))}
      </ListTable>
      <Pagination page={list.page} pageCount={list.pageCount} />
    </main>
  )
}
