import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireEditor } from '#app/auth/permissions.server.ts'
import { ClaimForm } from '#app/components/claim-form.tsx'
import { claimFormDefaults, getClaim, updateClaim, type ClaimConflict } from '#app/domain/claims.server.ts'
import { claimFieldLabels, claimFieldText } from '#app/domain/labels.ts'
import { ConflictError } from '#app/utils/errors.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { invalid, notFound, orNotFound, parseRecordId, replyWithFieldErrors } from '#app/utils/responses.server.ts'
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
  return { claim: { id: claim.id, version: claim.version }, defaults: claimFormDefaults(claim) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const id = parseRecordId(params.claimId, 'Claim')
  const submission = parseWithZod(await request.formData(), { schema: ClaimEditSchema })
  if (submission.status !== 'success') return invalid(submission)
  try {
    orNotFound(() => updateClaim(id, submission.value, user.id), `There is no claim #${id}.`)
    return redirect(`/claims/${id}`)
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = (error as ConflictError<ClaimConflict['current']>).current
      const yours = submission.value
      return data(
        {
          result: submission.reply(),
          conflict: {
            current: { ...current, updatedAt: current.updatedAt.toISOString() },
            yours: {
              text: yours.text,
              quote: yours.quote ?? null,
              language: yours.language,
              claimedOn: yours.claimedOn ?? null,
              speaker: yours.speakerName ?? null,
              source: yours.newSource ? (yours.newSourceTitle ?? null) : (yours.sourceRef ?? null),
              tags: yours.tags.join(', '),
              verdict: yours.verdict ?? null,
              rationale: yours.rationale ?? null,
            },
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
  current: ComparedValues & { version: number; updatedAt: string; updatedByName: string | null }
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
      {conflict ? (
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
