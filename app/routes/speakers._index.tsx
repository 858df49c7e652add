import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { hasRole, requireUser } from '#app/auth/permissions.server.ts'
import { ListTable, PageHeader, SearchBox } from '#app/components/ui/layout.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { listSpeakers } from '#app/domain/speakers.server.ts'

export const meta: MetaFunction = () => [{ title: 'Speakers · Claim desk' }]

const QuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).default(1).catch(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
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
