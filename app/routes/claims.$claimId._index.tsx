import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { hasRole, requireEditor, requireUser } from '#app/auth/permissions.server.ts'
import { ClaimHistory } from '#app/components/claim-history.tsx'
import { ExternalLink } from '#app/components/ui/external-link.tsx'
import { TagLinks } from '#app/components/ui/tag-links.tsx'
import { StatusBadge, VerdictBadge } from '#app/components/ui/badges.tsx'
import { deleteClaim, getClaimDetail, restoreClaim } from '#app/domain/claims.server.ts'
import { listClaimEvents } from '#app/domain/history.server.ts'
import { evidenceRoleLabels, linkLabels } from '#app/domain/labels.ts'
import { ConflictError } from '#app/utils/errors.server.ts'
import { formatDate, formatDateTime } from '#app/utils/format.ts'
import { orNotFound, parseRecordId } from '#app/utils/responses.server.ts'
import { ClaimDeleteSchema } from '#app/validation/claim.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Claim #${data.claim.id} · Claim desk` : 'Claim · Claim desk' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const id = parseRecordId(params.claimId, 'Claim')
  const detail = orNotFound(() => getClaimDetail(id), `There is no claim #${id}.`)
  return { ...detail, events: listClaimEvents(id), canEdit: hasRole(user, 'editor') }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const id = parseRecordId(params.claimId, 'Claim')
  const formData = await request.formData()
  if (formData.get('intent') === 'restore') {
    orNotFound(() => restoreClaim(id, user.id), `There is no claim #${id}.`)
    return redirect(`/claims/${id}`)
  }
  const submission = parseWithZod(formData, { schema: ClaimDeleteSchema })
  if (submission.status !== 'success') {
    return data({ error: 'That request was incomplete; reload the page and try again.' }, { status: 400 })
  }
  try {
    orNotFound(() => deleteClaim(id, submission.value.version, user.id), `There is no claim #${id}.`)
  } catch (error) {
    if (error instanceof ConflictError) {
      return data(
        {
          error:
            'Someone changed this claim since you opened it. Look at their change, then delete again if you still want to.',
        },
        { status: 409 },
      )
    }
    throw error
  }
  return redirect('/claims/trash')
}

export default function ClaimPage() {
  const { claim, evidence, links, events, canEdit } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const duplicateOf = links.find((l) => l.type === 'duplicate_of' && l.direction === 'outgoing')
  return (
    <main id="main">
      <p className="small">
        <Link to="/claims">← All claims</Link>
      </p>
      {claim.deletedAt ? (
        <div className="alert warn">
          <h2>This claim is in the trash</h2>
          <p>It was deleted on {formatDateTime(claim.deletedAt)}. It keeps its evidence, links and history.</p>
          {canEdit ? (
            <Form method="post">
              <button type="submit" name="intent" value="restore">
                Restore claim
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {actionData?.error ? (
        <div className="alert error" role="alert">
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {duplicateOf ? (
        <div className="alert info">
          <p>
            <strong>Duplicate.</strong> This claim repeats{' '}
            <Link to={`/claims/${duplicateOf.otherId}`}>
              claim #{duplicateOf.otherId}: {duplicateOf.otherText}
            </Link>
            . Check that one.
          </p>
        </div>
      ) : null}
      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="claim-heading">
            <div className="page-head" style={{ marginBottom: '0.5rem' }}>
              <span className="muted small">Claim #{claim.id}</span>
              {canEdit && !claim.deletedAt ? (
                <div className="actions">
                  <Link className="button" to={`/claims/${claim.id}/edit`}>
                    Edit
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="version" value={claim.version} />
                    <button type="submit" name="intent" value="delete" className="danger">
                      Move to trash
                    </button>
                  </Form>
                </div>
              ) : null}
            </div>
            <h1 id="claim-heading" className="claim-text" lang={claim.language}>
              {claim.text}
            </h1>
            {claim.quote ? <blockquote lang={claim.language}>„{claim.quote}“</blockquote> : null}
            <p>
              {claim.speakerId ? (
                <>
                  — <Link to={`/speakers/${claim.speakerId}`}>{claim.speakerName}</Link>
                </>
              ) : (
                <span className="muted">Unattributed</span>
              )}
              {claim.claimedOn ? <span className="muted">, {claim.claimedOn}</span> : null}
              {claim.sourceId ? (
                <>
                  {' '}
                  in <Link to={`/sources/${claim.sourceId}`}>{claim.sourceTitle}</Link>
                  {claim.sourceOutlet ? <span className="muted"> · {claim.sourceOutlet}</span> : null}
                </>
              ) : null}
            </p>
            <TagLinks tags={claim.tags} />
          </section>
          <section className="card" aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">Evidence</h2>
            {evidence.length === 0 ? (
              <p className="muted">No sources attached yet.</p>
            ) : (
              <ul className="plain">
                {evidence.map((e) => (
                  <li key={e.id}>
                    <span className="badge status-new">{evidenceRoleLabels[e.role]}</span>{' '}
                    <Link to={`/sources/${e.sourceId}`}>{e.title}</Link>
                    {e.outlet ? <span className="muted"> · {e.outlet}</span> : null}
                    {e.publishedOn ? <span className="muted"> · {e.publishedOn}</span> : null}
                    {e.url ? (
                      <div className="small">
                        <ExternalLink href={e.url} />
                      </div>
                    ) : null}
                    {e.note ? <p className="small muted">{e.note}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="links-heading">
            <h2 id="links-heading">Linked claims</h2>
            {links.length === 0 ? (
              <p className="muted">Not linked to other claims.</p>
            ) : (
              <ul className="plain">
                {links.map((l) => (
                  <li key={`${l.direction}-${l.id}`}>
                    <span className="muted small">This claim {linkLabels[l.type][l.direction]}</span>{' '}
                    <Link to={`/claims/${l.otherId}`}>
                      #{l.otherId} {l.otherText}
                    </Link>{' '}
                    <StatusBadge status={l.otherStatus} /> <VerdictBadge verdict={l.otherVerdict} />
                    {l.note ? <p className="small muted">{l.note}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside>
          <section className="card" aria-labelledby="check-heading">
            <h2 id="check-heading">Check</h2>
            <dl className="facts">
              <dt>Status</dt>
              <dd>
                <StatusBadge status={claim.status} />
              </dd>
              <dt>Verdict</dt>
              <dd>
                <VerdictBadge verdict={claim.verdict} />
              </dd>
              <dt>Assignee</dt>
              <dd>{claim.assigneeName ?? <span className="muted">Nobody</span>}</dd>
              {claim.submittedByName ? (
                <>
                  <dt>Checked by</dt>
                  <dd>{claim.submittedByName}</dd>
                </>
              ) : null}
              {claim.approvedByName ? (
                <>
                  <dt>Approved by</dt>
                  <dd>
                    {claim.approvedByName}
                    {claim.approvedAt ? <span className="muted small"> · {formatDate(claim.approvedAt)}</span> : null}
                  </dd>
                </>
              ) : null}
              <dt>Language</dt>
              <dd>{claim.language}</dd>
              <dt>Created</dt>
              <dd className="small">
                <span className="nowrap">{formatDateTime(claim.createdAt)}</span>{' '}
                {claim.createdByName ? `by ${claim.createdByName}` : ''}
              </dd>
              <dt>Updated</dt>
              <dd className="small">
                <span className="nowrap">{formatDateTime(claim.updatedAt)}</span>{' '}
                {claim.updatedByName ? `by ${claim.updatedByName}` : ''}
              </dd>
            </dl>
            {claim.rationale ? (
              <>
                <h3 style={{ marginTop: '1rem' }}>Rationale</h3>
                <p>{claim.rationale}</p>
              </>
            ) : null}
          </section>
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <ClaimHistory events={events} />
          </section>
        </aside>
      </div>
    </main>
  )
}
