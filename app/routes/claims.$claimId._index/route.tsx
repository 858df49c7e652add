import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Await, Form, Link, useLoaderData } from '@remix-run/react'
import { Suspense } from 'react'
import { hasRole, requireEditor, requireUser } from '#app/auth/permissions.server.ts'
import { ClaimAnnotations } from '#app/components/claim-annotations.tsx'
import { ClaimEvidence } from '#app/components/claim-evidence.tsx'
import { ClaimHistory } from '#app/components/claim-history.tsx'
import { CanonicalBanner, ClaimLinks } from '#app/components/claim-links.tsx'
import { ClaimDuplicates, DuplicatesPending } from '#app/components/possible-duplicates.tsx'
import { ReviewPanel } from '#app/components/review-panel.tsx'
import { FormErrors, useSectionFetcher } from '#app/components/forms.tsx'
import { TagLinks } from '#app/components/ui/tag-links.tsx'
import { listClaimNotes } from '#app/domain/annotations.server.ts'
import { getClaimDetail } from '#app/domain/claims.server.ts'
import { possibleDuplicatesOf } from '#app/domain/duplicates.server.ts'
import { listClaimEvents } from '#app/domain/history.server.ts'
import { canonicalClaimOf, claimNeighbourhood } from '#app/domain/links.server.ts'
import { reviewOptionsFor } from '#app/domain/review.server.ts'
import { listActiveEditors } from '#app/domain/users.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import {
  handlerForIntent,
  orNotFound,
  parseRecordId,
  readFormData,
  streamedAfterPage,
} from '#app/utils/responses.server.ts'
import { annotationIntents } from './annotation-intents.server.ts'
import { evidenceIntents } from './evidence-intents.server.ts'
import type { ClaimIntentHandler } from './intents.server.ts'
import { linkIntents } from './link-intents.server.ts'
import { reviewIntents } from './review-intents.server.ts'
import { trashIntents } from './trash-intents.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Claim #${data.claim.id} · Claim desk` : 'Claim · Claim desk' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const id = parseRecordId(params.claimId, 'Claim')
  const detail = orNotFound(() => getClaimDetail(id), `There is no claim #${id}.`)
  const canEdit = hasRole(user, 'editor') && !detail.claim.deletedAt
  return {
    ...detail,
    events: listClaimEvents(id),
    canonical: canonicalClaimOf(id),
    graph: claimNeighbourhood(id),
    canEdit,
    canRestore: hasRole(user, 'editor') && Boolean(detail.claim.deletedAt),
    review: canEdit ? reviewOptionsFor(detail.claim, detail.evidence, user) : null,
    editors: canEdit ? listActiveEditors() : [],
    notes: listClaimNotes(id, user),
    // A trashed claim is not checked, so nothing needs linking to it. Finding look-alikes
    // costs more than the rest of the page together (bench/), so it follows the page;
    // the claims already linked are the ones the page lists.
    duplicates: detail.claim.deletedAt
      ? Promise.resolve([])
      : streamedAfterPage(() =>
          possibleDuplicatesOf({
            text: detail.claim.text,
            speakerId: detail.claim.speakerId,
            claimId: id,
            links: detail.links,
          }),
        ),
  }
}

/** Every form on the page, by the `intent` it posts. */
const intents = new Map<string, ClaimIntentHandler>(
  Object.entries({ ...trashIntents, ...reviewIntents, ...evidenceIntents, ...linkIntents, ...annotationIntents }),
)

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const claimId = parseRecordId(params.claimId, 'Claim')
  const formData = await readFormData(request)
  return handlerForIntent(intents, formData)({ formData, user, claimId })
}

export default function ClaimPage() {
  const { claim, evidence, links, events, canonical, graph, canEdit, canRestore, review, editors, notes, duplicates } =
    useLoaderData<typeof loader>()
  const trash = useSectionFetcher('trash')
  return (
    // Keyed by claim: going from one claim to another (a link, the graph) must not carry
    // the last claim's typed text or refusals over into this one's forms.
    <main id="main" key={claim.id}>
      <p className="small">
        <Link to="/claims">← All claims</Link>
      </p>
      {claim.deletedAt ? (
        <div className="alert warn">
          <h2>This claim is in the trash</h2>
          <p>It was deleted on {formatDateTime(claim.deletedAt)}. It keeps its evidence, links and history.</p>
          {canRestore ? (
            <Form method="post">
              <button type="submit" name="intent" value="restore">
                Restore claim
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      <CanonicalBanner canonical={canonical} />
      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="claim-heading">
            <div className="page-head" style={{ marginBottom: '0.5rem' }}>
              <span className="muted small">Claim #{claim.id}</span>
              {canEdit ? (
                <div className="actions">
                  <Link className="button" to={`/claims/${claim.id}/edit`}>
                    Edit
                  </Link>
                  <trash.fetcher.Form method="post">
                    <input type="hidden" name="version" value={claim.version} />
                    <button type="submit" name="intent" value="delete" className="danger" disabled={trash.busy}>
                      Move to trash
                    </button>
                  </trash.fetcher.Form>
                </div>
              ) : null}
            </div>
            <FormErrors errors={trash.lastResult?.error?.['']} />
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
          <ClaimEvidence evidence={evidence} claimSourceId={claim.sourceId} canEdit={canEdit} />
          <ClaimLinks claimId={claim.id} links={links} graph={graph} canEdit={canEdit} />
          <Suspense fallback={<DuplicatesPending />}>
            <Await resolve={duplicates} errorElement={<DuplicatesPending failed />}>
              {(suggestions) => <ClaimDuplicates suggestions={suggestions} canEdit={canEdit} />}
            </Await>
          </Suspense>
          <ClaimAnnotations notes={notes} />
        </div>
        <aside>
          <ReviewPanel claim={claim} review={review} editors={editors} />
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <ClaimHistory events={events} />
          </section>
        </aside>
      </div>
    </main>
  )
}
