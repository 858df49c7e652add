import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { hasRole, requireUser } from '#app/auth/permissions.server.ts'
import { ClaimMeta } from '#app/components/ui/claim-meta.tsx'
import { listClaims, verdictRecordOf } from '#app/domain/claims.server.ts'
import { verdictLabels } from '#app/domain/labels.ts'
import { getSpeaker } from '#app/domain/speakers.server.ts'
import { verdicts } from '#app/domain/vocabulary.ts'
import { orNotFound, parseRecordId } from '#app/utils/responses.server.ts'
import { ClaimListQuerySchema } from '#app/validation/claim.ts'
import { ExternalLink } from '#app/components/ui/external-link.tsx'
import { PageHeader } from '#app/components/ui/layout.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.speaker.name} · Claim desk` : 'Speaker · Claim desk' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const id = parseRecordId(params.speakerId, 'Speaker')
  const speaker = orNotFound(() => getSpeaker(id), `There is no speaker #${id}.`)
  const claims = listClaims(ClaimListQuerySchema.parse({ speaker: id }), user.id)
  return { speaker, claims, record: verdictRecordOf(id), canEdit: hasRole(user, 'editor') }
}

export default function SpeakerPage() {
  const { speaker, claims, record, canEdit } = useLoaderData<typeof loader>()
  return (
    <main id="main">
      <p className="small">
        <Link to="/speakers">← All speakers</Link>
      </p>
      <PageHeader
        title={<>{speaker.name}</>}
        intro={
          <>{[speaker.role, speaker.organisation, speaker.country].filter(Boolean).join(' · ') || 'No details yet'}</>
        }
        actions={
          canEdit ? (
            <Link className="button" to={`/speakers/${speaker.id}/edit`}>
              Edit speaker
            </Link>
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
            {record.length === 0 ? (
              <p className="muted">No verified claims yet.</p>
            ) : (
              <dl className="facts">
                {verdicts
                  .filter((v) => record.some((r) => r.verdict === v))
                  .map((v) => (
                    <div key={v} style={{ display: 'contents' }}>
                      <dt>{verdictLabels[v]}</dt>
                      <dd>{record.find((r) => r.verdict === v)?.n}</dd>
                    </div>
                  ))}
              </dl>
            )}
          </section>
        </aside>
      </div>
    </main>
  )
}
