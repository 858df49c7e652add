import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { hasRole, requireUser } from '#app/auth/permissions.server.ts'
import { ClaimMeta } from '#app/components/ui/claim-meta.tsx'
import { listClaimsCitingSource } from '#app/domain/claims.server.ts'
import { evidenceRoleLabels, sourceKindLabels } from '#app/domain/labels.ts'
import { getSource } from '#app/domain/sources.server.ts'
import { orNotFound, parseRecordId } from '#app/utils/responses.server.ts'
import { ExternalLink } from '#app/components/ui/external-link.tsx'
import { PageHeader } from '#app/components/ui/layout.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.source.title} · Claim desk` : 'Source · Claim desk' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const id = parseRecordId(params.sourceId, 'Source')
  const source = orNotFound(() => getSource(id), `There is no source #${id}.`)
  return { source, claims: listClaimsCitingSource(id), canEdit: hasRole(user, 'editor') }
}

export default function SourcePage() {
  const { source, claims, canEdit } = useLoaderData<typeof loader>()
  return (
    <main id="main">
      <p className="small">
        <Link to="/sources">← All sources</Link>
      </p>
      <PageHeader
        title={<>{source.title}</>}
        intro={
          <>
            {[source.outlet, source.author, source.publishedOn, sourceKindLabels[source.kind]]
              .filter(Boolean)
              .join(' · ')}
          </>
        }
        actions={
          canEdit ? (
            <Link className="button" to={`/sources/${source.id}/edit`}>
              Edit source
            </Link>
          ) : null
        }
      />
      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="excerpt-heading">
            <h2 id="excerpt-heading">Excerpt</h2>
            {source.excerpt ? (
              <blockquote lang={source.language ?? undefined}>{source.excerpt}</blockquote>
            ) : (
              <p className="muted">No excerpt saved.</p>
            )}
          </section>
          <section className="card" aria-labelledby="claims-heading">
            <h2 id="claims-heading">Claims from or citing this source ({new Set(claims.map((c) => c.id)).size})</h2>
            {claims.length === 0 ? (
              <p className="muted">No claim uses this source yet.</p>
            ) : (
              <ul className="plain">
                {claims.map((c) => (
                  <li key={`${c.id}-${c.role}`}>
                    <span className="badge status-new">{evidenceRoleLabels[c.role]}</span>{' '}
                    <Link to={`/claims/${c.id}`}>{c.text}</Link>
                    <ClaimMeta status={c.status} verdict={c.verdict} speakerName={c.speakerName} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="card">
          <h2>Details</h2>
          <dl className="facts">
            <dt>URL</dt>
            <dd className="small" style={{ wordBreak: 'break-all' }}>
              {source.url ? <ExternalLink href={source.url} /> : '—'}
            </dd>
            <dt>Archive</dt>
            <dd className="small" style={{ wordBreak: 'break-all' }}>
              {source.archiveUrl ? <ExternalLink href={source.archiveUrl} /> : '—'}
            </dd>
            <dt>Language</dt>
            <dd>{source.language ?? '—'}</dd>
            <dt>Retrieved</dt>
            <dd>{source.retrievedOn ?? '—'}</dd>
          </dl>
          {source.notes ? (
            <>
              <h3 style={{ marginTop: '1rem' }}>Notes</h3>
              <p className="small">{source.notes}</p>
            </>
          ) : null}
        </aside>
      </div>
    </main>
  )
}
