import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireEditor } from '#app/auth/permissions.server.ts'
import { ClaimForm } from '#app/components/claim-form.tsx'
import {
  claimFormDefaults,
  getClaim,
  readableInput,
  updateClaim,
  type ClaimConflict,
} from '#app/domain/claims.server.ts'
import { claimFieldLabels, claimFieldText } from '#app/domain/labels.ts'
import { ConflictError } from '#app/utils/errors.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import {
  invalid,
  notFound,
  orNotFound,
  parseRecordId,
  readFormData,
  replyWithFieldErrors,
} from '#app/utils/responses.server.ts'
import { ClaimEditSchema } from '#app/validation/claim.ts'
import { PageHeader } from '#app/components/ui/layout.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit claim #${data.claim.id} · Claim desk` : 'Edit claim · Claim desk' },
]

function loadLiveClaim(id: number) {
  const claim = orNotFound(() => getClaim(id), `There is no claim #${id}.`)
  if (claim.deletedAt) notFound(`Claim #${id} is in the trash; restore it before editing.`)
  return claim
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request)
  const claim = loadLiveClaim(parseRecordId(params.claimId, 'Claim'))
  return {
    claim: { id: claim.id, version: claim.version, status: claim.status },
    defaults: claimFormDefaults(claim),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const id = parseRecordId(params.claimId, 'Claim')
  const submission = parseWithZod(await readFormData(request), { schema: ClaimEditSchema })
  if (submission.status !== 'success') return invalid(submission)
  try {
    orNotFound(() => updateClaim(id, submission.value, user.id), `There is no claim #${id}.`)
    return redirect(`/claims/${id}`)
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = (error as ConflictError<ClaimConflict['current']>).current
      return data(
        {
          result: submission.reply(),
          conflict: {
            current: { ...current, updatedAt: current.updatedAt.toISOString() },
            yours: readableInput(submission.value),
          },
        },
        { status: 409 },
      )
    }
    return replyWithFieldErrors(submission, error)
  }
}

const comparedFields = [
  'text',
  'quote',
  'language',
  'claimedOn',
  'speaker',
  'source',
  'tags',
  'verdict',
  'rationale',
] as const
type ComparedValues = Record<(typeof comparedFields)[number], string | null>
type ConflictView = {
  current: ComparedValues & { version: number; updatedAt: string; updatedByName: string | null; trashed: boolean }
  yours: ComparedValues
}

function showValue(field: string, value: unknown) {
  return claimFieldText(field, value) ?? <span className="muted">—</span>
}

export default function EditClaimPage() {
  const { claim, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = (actionData as { conflict?: ConflictView } | undefined)?.conflict ?? null
  return (
    <main id="main">
      <p className="small">
        <Link to={`/claims/${claim.id}`}>← Claim #{claim.id}</Link>
      </p>
      <PageHeader title={<>Edit claim #{claim.id}</>} />
      {claim.status === 'verified' || claim.status === 'in_review' ? (
        <div className="alert info">
          <p>
            This claim is {claim.status === 'verified' ? 'verified' : 'in review'}. Changing its text, verdict or
            rationale sends it back to review; removing the verdict or rationale sends it back to research.
          </p>
        </div>
      ) : null}
      {conflict?.current.trashed ? (
        <section className="alert warn" role="alert" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">Your changes were not saved: the claim was moved to the trash</h2>
          <p>
            {conflict.current.updatedByName ?? 'Another editor'} moved it to the trash while you were editing. Your text
            is still in the form below. <Link to={`/claims/${claim.id}`}>Open the claim</Link> to restore it, then save
            again.
          </p>
        </section>
      ) : conflict ? (
        <section className="alert warn" role="alert" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">Your changes were not saved: someone else saved this claim first</h2>
          <p>
            {conflict.current.updatedByName ?? 'Another editor'} saved it at{' '}
            {formatDateTime(conflict.current.updatedAt)}. Compare the two versions. To keep yours, check the form below
            and save again; that replaces their version. To keep theirs,{' '}
            <Link to={`/claims/${claim.id}`}>leave without saving</Link>.
          </p>
          <table className="compare">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Saved version</th>
                <th scope="col">Your version</th>
              </tr>
            </thead>
            <tbody>
              {comparedFields.map((field) => {
                const theirs = conflict.current[field]
                const mine = conflict.yours[field]
                const differs = (theirs ?? '') !== (mine ?? '')
                return (
                  <tr key={field} className={differs ? 'changed' : undefined}>
                    <th scope="row">{claimFieldLabels[field]}</th>
                    <td>{showValue(field, theirs)}</td>
                    <td>{showValue(field, mine)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </section>
      ) : null}
      <div className="card">
        <ClaimForm
          mode="edit"
          lastResult={actionData?.result}
          defaultValue={defaults}
          version={conflict ? conflict.current.version : claim.version}
          cancelHref={`/claims/${claim.id}`}
        />
      </div>
    </main>
  )
}
