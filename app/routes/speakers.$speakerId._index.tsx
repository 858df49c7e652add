import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { hasRole, requireUser } from '#app/auth/permissions.server.ts'
import { ClaimMeta } from '#app/components/ui/claim-meta.tsx'
import { CountChart } from '#app/components/ui/count-chart.tsx'
import { listClaims, verdictRecordOf } from '#app/domain/claims.server.ts'
import { verdictLabels } from '#app/domain/labels.ts'
import { findMergedSpeaker, getSpeaker } from '#app/domain/speakers.server.ts'
import { verdicts } from '#app/domain/vocabulary.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { redirectIfMerged } from '#app/utils/merged-speakers.server.ts'
import { orNotFound, parseRecordId } from '#app/utils/responses.server.ts'
import { ClaimListQuerySchema } from '#app/validation/claim.ts'
import { recordId } from '#app/validation/common.ts'
import { ExternalLink } from '#app/components/ui/external-link.tsx'
import { PageHeader } from '#app/components/ui/layout.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.speaker.name} · Claim desk` : 'Speaker · Claim desk' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const id = parseRecordId(params.speakerId, 'Speaker')
  redirectIfMerged(id)
  const speaker = orNotFound(() => getSpeaker(id), `There is no speaker #${id}.`)
  const claims = listClaims(ClaimListQuerySchema.parse({ speaker: id }), user.id)
  const mergedId = recordId('Speaker')
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get('merged') ?? undefined)
  const merged = mergedId ? findMergedSpeaker(mergedId) : undefined
  const record = verdictRecordOf(id)
  return {
    speaker,
    claims,
    record: verdicts.map((verdict) => ({ verdict, n: record.find((r) => r.verdict === verdict)?.n ?? 0 })),
    merged: merged?.mergedIntoId === id ? merged : null,
    canEdit: hasRole(user, 'editor'),
  }
}

export default function SpeakerPage() {
  const { speaker, claims, record, merged, canEdit } = useLoaderData<typeof loader>()
  const verifiedCount = record.reduce((sum, r) => sum + r.n, 0)
  return (
    <main id="main">
      <p className="small">
        <Link to="/speakers">← All speakers</Link>
      </p>
      {merged ? (
        <div className="alert ok" role="status">
          <p>
            “{merged.name}” (#{merged.id}) was merged into {speaker.name}
            {merged.mergedByName ? ` by ${merged.mergedByName}` : ''} on {formatDateTime(merged.mergedAt)}. Its claims
            and spellings are here now.
          </p>
        </div>
      ) : null}
      <PageHeader
        title={<>{speaker.name}</>}
        intro={
          <>{[speaker.role, speaker.organisation, speaker.country].filter(Boolean).join(' · ') || 'No details yet'}</>
        }
        actions={
          canEdit ? (
            <>
              <Link className="button" to={`/speakers/${speaker.id}/edit`}>
                Edit speaker
              </Link>
              <Link className="button" to={`/speakers/${speaker.id}/merge`}>
                Merge into another speaker…
              </Link>
            </>
          ) : null
        }
      />
      <div className="grid-2">
        <section className="card" aria-labelledby="claims-heading">
          <h2 id="claims-heading">Claims ({claims.total})</h2>
          {claims.rows.length === 0 ? (
            <p className="muted">No claims by this speaker yet.</p>
          ) : (
            <ul className="plain">
              {claims.rows.map((c) => (
                <li key={c.id}>
                  <Link to={`/claims/${c.id}`}>{c.text}</Link>
                  <ClaimMeta status={c.status} verdict={c.verdict} />
                </li>
              ))}
            </ul>
          )}
          {claims.total > claims.rows.length ? (
            <p className="small" style={{ marginTop: '0.75rem' }}>
              <Link to={`/claims?speaker=${speaker.id}`}>All {claims.total} claims in the claims list</Link>
            </p>
          ) : null}
        </section>
        <aside>
          <section className="card" aria-labelledby="aliases-heading">
            <h2 id="aliases-heading">Also written as</h2>
            {speaker.aliases.length === 0 ? (
              <p className="muted">No other spellings recorded.</p>
            ) : (
              <ul>
                {speaker.aliases.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            )}
            {speaker.wikidataId ? (
              <p className="small">
                Wikidata:{' '}
                <ExternalLink href={`https://www.wikidata.org/wiki/${speaker.wikidataId}`}>
                  {speaker.wikidataId}
                </ExternalLink>
              </p>
            ) : null}
          </section>
          <section className="card" aria-labelledby="record-heading">
            <h2 id="record-heading">Verdict record</h2>
            {verifiedCount === 0 ? (
              <p className="muted">
                No verified claims yet: the record fills in once checks of {speaker.name}’s claims are approved.
              </p>
            ) : (
              <>
                <p className="small muted">
                  {verifiedCount} verified {verifiedCount === 1 ? 'claim' : 'claims'}, by verdict.
                </p>
                <CountChart
                  label={`Verified claims by ${speaker.name}, by verdict`}
                  bars={record.map(({ verdict, n }) => ({
                    key: verdict,
                    label: verdictLabels[verdict],
                    value: n,
                    tone: `verdict-${verdict}` as const,
                    href: n > 0 ? `/claims?speaker=${speaker.id}&verdict=${verdict}&status=verified` : undefined,
                  }))}
                />
              </>
            )}
          </section>
        </aside>
      </div>
    </main>
  )
}
