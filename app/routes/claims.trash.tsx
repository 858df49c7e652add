import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { hasRole, requireEditor, requireUser } from '#app/auth/permissions.server.ts'
import { ListTable, PageHeader } from '#app/components/ui/layout.tsx'
import { StatusBadge } from '#app/components/ui/badges.tsx'
import { listTrash, restoreClaim } from '#app/domain/claims.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { orNotFound } from '#app/utils/responses.server.ts'
import { ClaimRestoreSchema } from '#app/validation/claim.ts'

export const meta: MetaFunction = () => [{ title: 'Trash · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { claims: listTrash(), canEdit: hasRole(user, 'editor') }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const parsed = ClaimRestoreSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'Pick a claim to restore.' }, { status: 400 })
  const id = parsed.data.claimId
  orNotFound(() => restoreClaim(id, user.id), `There is no claim #${id}.`)
  return redirect(`/claims/${id}`)
}

export default function TrashPage() {
  const { claims, canEdit } = useLoaderData<typeof loader>()
  return (
    <main id="main">
      <PageHeader title="Trash" intro="Deleted claims keep their evidence, links and history and can be restored." />
      <ListTable
        headings={['Claim', 'Status', 'Deleted', 'Restore']}
        rowCount={claims.length}
        empty="The trash is empty."
      >
        {claims.map((claim) => (
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
                <Form method="post">
                  <input type="hidden" name="claimId" value={claim.id} />
                  <button type="submit" aria-label={`Restore claim #${claim.id}`}>
                    Restore
                  </button>
                </Form>
              </td>
            ) : null}
          </tr>
        ))}
      </ListTable>
    </main>
  )
}
