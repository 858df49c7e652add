import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { hasRole, requireUser } from '#app/auth/permissions.server.ts'
import { ClaimMeta } from '#app/components/ui/claim-meta.tsx'
import { CountChart } from '#app/components/ui/count-chart.tsx'
import {
  countClaimsByStatus,
  countVerifiedByVerdict,
  listAwaitingReviewBy,
  listOpenClaimsAssignedTo,
} from '#app/domain/claims.server.ts'
import { listRecentEvents } from '#app/domain/history.server.ts'
import { claimEventLabels, eventActorName, statusLabels, verdictLabels } from '#app/domain/labels.ts'
import { claimStatuses, verdicts, type ClaimEventType } from '#app/domain/vocabulary.ts'
import { formatDateTime, shorten } from '#app/utils/format.ts'
import { PageHeader } from '#app/components/ui/layout.tsx'

export const meta: MetaFunction = () => [{ title: 'Desk · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const counts = countClaimsByStatus()
  const verified = countVerifiedByVerdict()
  return {
    user,
    counts: claimStatuses.map((status) => ({ status, n: counts.find((c) => c.status === status)?.n ?? 0 })),
    myQueue: listOpenClaimsAssignedTo(user.id),
    // Viewers cannot approve, so they have no review queue.
    awaitingMyReview: hasRole(user, 'editor') ? listAwaitingReviewBy(user.id) : null,
    verdicts: verdicts.map((verdict) => ({ verdict, n: verified.find((v) => v.verdict === verdict)?.n ?? 0 })),
    recent: listRecentEvents(15),
  }
}

export default function DeskPage() {
  const { user, counts, verdicts, myQueue, awaitingMyReview, recent } = useLoaderData<typeof loader>()
  return (
    <main id="main">
      <PageHeader title={<>Good to see you, {user.name.split(' ')[0]}</>} intro="Where the desk stands right now." />
      <section className="card" aria-labelledby="standing-heading">
        <h2 id="standing-heading" className="sr-only">
          Claims by status and verdict
        </h2>
        <div className="grid-cols desk-charts">
          <div>
            <h3>Claims by status</h3>
            <CountChart
              label="Claims by status"
              bars={counts.map(({ status, n }) => ({
                key: status,
                label: statusLabels[status],
                value: n,
                tone: `status-${status}` as const,
                href: `/claims?status=${status}`,
              }))}
            />
          </div>
          <div>
            <h3>Verdicts of verified claims</h3>
            <CountChart
              label="Verified claims by verdict"
              bars={verdicts.map(({ verdict, n }) => ({
                key: verdict,
                label: verdictLabels[verdict],
                value: n,
                tone: `verdict-${verdict}` as const,
                href: n > 0 ? `/claims?status=verified&verdict=${verdict}` : undefined,
              }))}
            />
          </div>
        </div>
      </section>
      <div className="grid-2">
        <div>
          {awaitingMyReview ? (
            <section className="card" aria-labelledby="review-queue-heading">
              <h2 id="review-queue-heading">Waiting for my review</h2>
              {awaitingMyReview.length === 0 ? (
                <p className="muted">No colleague’s check is waiting for you.</p>
              ) : (
                <ul className="plain">
                  {awaitingMyReview.map((claim) => (
                    <li key={claim.id}>
                      <Link to={`/claims/${claim.id}`}>{claim.text}</Link>
                      <ClaimMeta status={claim.status} verdict={claim.verdict} speakerName={claim.speakerName} />
                      <div className="small muted">
                        Checked by {claim.submittedByName}
                        {claim.submittedAt ? `, submitted ${formatDateTime(claim.submittedAt)}` : ''}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
          <section className="card" aria-labelledby="queue-heading">
            <h2 id="queue-heading">Assigned to me</h2>
            {myQueue.length === 0 ? (
              <p className="muted">Nothing open is assigned to you.</p>
            ) : (
              <ul className="plain">
                {myQueue.map((claim) => (
                  <li key={claim.id}>
                    <Link to={`/claims/${claim.id}`}>{claim.text}</Link>
                    <ClaimMeta status={claim.status} verdict={claim.verdict} speakerName={claim.speakerName} />
                  </li>
                ))}
              </ul>
            )}
            <p className="small" style={{ marginTop: '0.75rem' }}>
              <Link to="/claims?assignee=me">All my claims</Link> ·{' '}
              <Link to={`/claims?status=in_review`}>{statusLabels.in_review}</Link>
            </p>
          </section>
        </div>
        <section className="card" aria-labelledby="activity-heading">
          <h2 id="activity-heading">Recent activity</h2>
          {recent.length === 0 ? (
            <p className="muted">No activity yet.</p>
          ) : (
            <ul className="plain small">
              {recent.map((event) => (
                <li key={event.id}>
                  <strong>{eventActorName(event)}</strong>{' '}
                  {claimEventLabels[event.type as ClaimEventType] ?? event.type}:{' '}
                  <Link to={`/claims/${event.claimId}`}>
                    #{event.claimId} {shorten(event.claimText, 90)}
                  </Link>
                  <div className="muted">{formatDateTime(event.at)}</div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </main>
  )
}
