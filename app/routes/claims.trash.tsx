import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { hasRole, requireUser } from '#app/auth/permissions.server.ts'
import { ListTable, PageHeader } from '#app/components/ui/layout.tsx'
import { StatusBadge } from '#app/components/ui/badges.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { listTrash } from '#app/domain/claims.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { queryParams } from '#app/utils/url.ts'
import { SearchListQuerySchema } from '#app/validation/common.ts'

export const meta: MetaFunction = () => [{ title: 'Trash · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { page } = SearchListQuerySchema.parse(queryParams(request.url))
  return { trash: listTrash(page), canEdit: hasRole(user, 'editor') }
}

export default function TrashPage() {
  const { trash, canEdit } = useLoaderData<typeof loader>()
  return (
    <main id="main">
      <PageHeader title="Trash" intro="Deleted claims keep their evidence, links and history and can be restored." />
      <ListTable
        headings={canEdit ? ['Claim', 'Status', 'Deleted', 'Restore'] : ['Claim', 'Status', 'Deleted']}
        rowCount={trash.rows.length}
        empty="The trash is empty."
      >
        {trash.rows.map((claim) => (
          <tr key={claim.id}>
            <td className="claim-cell">
              <Link to={`/claims/${claim.id}`}>{claim.text}</Link>
              <div className="muted small">{claim.speakerName ?? 'Unattributed'}</div>
            </td>
            <td>
              <StatusBadge status={claim.status} />
            </td>
            <td className="small">
              {claim.deletedAt ? formatDateTime(claim.deletedAt) : ''}
              {claim.deletedByName ? <div className="muted">by {claim.deletedByName}</div> : null}
            </td>
            {canEdit ? (
              <td>
                {/* Restoring belongs to the claim page; ?index addresses its index route. */}
                <Form method="post" action={`/claims/${claim.id}?index`}>
                  <button type="submit" name="intent" value="restore" aria-label={`Restore claim #${claim.id}`}>
                    Restore
                  </button>
                </Form>
              </td>
            ) : null}
          </tr>
        ))}
      </ListTable>
      <Pagination page={trash.page} pageCount={trash.pageCount} />
    </main>
  )
}
