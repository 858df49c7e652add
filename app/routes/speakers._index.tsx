import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { hasRole, requireUser } from '#app/auth/permissions.server.ts'
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
      <div className="page-head">
        <div>
          <h1>Speakers</h1>
          <p>People and bodies whose claims the desk checks, with every spelling of their names.</p>
        </div>
        {canEdit ? (
          <Link className="button primary" to="/speakers/new">
            + New speaker
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="speaker-q">Name or alias</label>
          <input id="speaker-q" type="search" name="q" defaultValue={q} />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Search
          </button>
        </div>
      </Form>
      <p className="list-meta">{list.total} speakers</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Organisation</th>
              <th scope="col">Country</th>
              <th scope="col">Claims</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="empty">
                  No speakers match.
                </td>
              </tr>
            ) : (
              list.rows.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/speakers/${s.id}`}>{s.name}</Link>
                  </td>
                  <td>{s.role ?? '—'}</td>
                  <td>{s.organisation ?? '—'}</td>
                  <td>{s.country ?? '—'}</td>
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
