import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { hasRole, requireEditor, requireUser } from '#app/auth/permissions.server.ts'
import type { SessionUser } from '#app/auth/session.server.ts'
import { AnnotatedExcerpt, PastedPassageForm } from '#app/components/annotated-excerpt.tsx'
import { NoteThreadView } from '#app/components/annotation-thread.tsx'
import { ClaimMeta } from '#app/components/ui/claim-meta.tsx'
import { ExternalLink } from '#app/components/ui/external-link.tsx'
import { PageHeader } from '#app/components/ui/layout.tsx'
import { excerptText } from '#app/domain/anchoring.ts'
import { annotatePassage, listSourceNotes } from '#app/domain/annotations.server.ts'
import { listClaimsCitingSource } from '#app/domain/claims.server.ts'
import { evidenceRoleLabels, sourceKindLabels } from '#app/domain/labels.ts'
import { getSource } from '#app/domain/sources.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { noteConflictMessage, threadIntents } from '#app/utils/note-intents.server.ts'
import {
  handlerForIntent,
  orNotFound,
  parseRecordId,
  readFormData,
  sectionDone,
  sectionInvalid,
  sectionRefused,
} from '#app/utils/responses.server.ts'
import { PassageNoteSchema } from '#app/validation/annotation.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.source.title} · Claim desk` : 'Source · Claim desk' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const id = parseRecordId(params.sourceId, 'Source')
  const source = orNotFound(() => getSource(id), `There is no source #${id}.`)
  return {
    source,
    claims: listClaimsCitingSource(id),
    notes: listSourceNotes(id, user),
    canEdit: hasRole(user, 'editor'),
  }
}

type SourceIntentArgs = { formData: FormData; user: SessionUser; sourceId: number }

/** Every form on the page, by the `intent` it posts: a note on a passage, and the threads' forms. */
const intents = new Map<string, (args: SourceIntentArgs) => unknown>(
  Object.entries({
    'annotation-passage': ({ formData, user, sourceId }: SourceIntentArgs) => {
      const submission = parseWithZod(formData, { schema: PassageNoteSchema })
      if (submission.status !== 'success') return sectionInvalid('annotation-passage', submission)
      try {
        annotatePassage(sourceId, submission.value, user)
      } catch (error) {
        return sectionRefused('annotation-passage', submission, error, noteConflictMessage)
      }
      return sectionDone('annotation-passage', submission)
    },
    ...Object.fromEntries(
      Object.entries(threadIntents).map(([intent, handle]) => [
        intent,
        ({ formData, user, sourceId }: SourceIntentArgs) => handle({ formData, user, target: { sourceId } }),
      ]),
    ),
  }),
)

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const sourceId = parseRecordId(params.sourceId, 'Source')
  const formData = await readFormData(request)
  return handlerForIntent(intents, formData)({ formData, user, sourceId })
}

export default function SourcePage() {
  const { source, claims, notes, canEdit } = useLoaderData<typeof loader>()
  const text = excerptText(source.excerpt)
  const numbered = notes.passages.map((thread, index) => ({ thread, number: index + 1 }))
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
          <section className="card excerpt-card" aria-labelledby="excerpt-heading">
            <h2 id="excerpt-heading">Excerpt</h2>
            {text ? (
              <>
                {notes.canAnnotate ? (
                  <p className="muted small">
                    Select words in the excerpt to annotate them or to log a claim that quotes them.
                  </p>
                ) : null}
                <AnnotatedExcerpt
                  sourceId={source.id}
                  text={text}
                  language={source.language ?? undefined}
                  passages={numbered.map(({ thread, number }) => ({
                    id: thread.id,
                    number,
                    start: thread.anchor.start,
                    end: thread.anchor.end,
                    resolved: thread.resolvedAt !== null,
                  }))}
                  canAnnotate={notes.canAnnotate}
                />
              </>
            ) : (
              <p className="muted">No excerpt saved.</p>
            )}
          </section>
          <section className="card" aria-labelledby="passage-notes-heading">
            <h2 id="passage-notes-heading">Notes on the excerpt ({numbered.length})</h2>
            {numbered.length === 0 ? (
              <p className="muted">No passage is annotated yet.</p>
            ) : (
              <div className="note-list">
                {numbered.map(({ thread, number }) => (
                  <NoteThreadView
                    key={thread.id}
                    thread={thread}
                    label={
                      <a className="passage-number" href={`#passage-${thread.id}`} aria-label={`Note ${number}`}>
                        {number}
                      </a>
                    }
                  >
                    <blockquote className="note-passage" lang={source.language ?? undefined}>
                      {thread.anchor.exact}
                    </blockquote>
                  </NoteThreadView>
                ))}
              </div>
            )}
          </section>
          {text && notes.canAnnotate ? <PastedPassageForm /> : null}
          {notes.orphaned.length > 0 ? (
            <section className="card" aria-labelledby="orphaned-notes-heading">
              <h2 id="orphaned-notes-heading">Orphaned notes ({notes.orphaned.length})</h2>
              <p className="muted small">
                These notes lost their passage when the excerpt was edited: the words they were attached to are no
                longer in it. They are kept with the words they were written about.
              </p>
              <div className="note-list">
                {notes.orphaned.map((thread) => (
                  <NoteThreadView key={thread.id} thread={thread}>
                    <p className="small muted orphaned-since">
                      Attached to these words until {formatDateTime(thread.anchor.orphanedAt ?? thread.createdAt)}:
                    </p>
                    <blockquote className="note-passage orphaned" lang={source.language ?? undefined}>
                      {thread.anchor.exact}
                    </blockquote>
                  </NoteThreadView>
                ))}
              </div>
            </section>
          ) : null}
          <section className="card" aria-labelledby="claims-heading">
            <h2 id="claims-heading">Claims from or citing this source ({claims.length})</h2>
            {claims.length === 0 ? (
              <p className="muted">No claim uses this source yet.</p>
            ) : (
              <ul className="plain">
                {claims.map((c) => (
                  <li key={c.id}>
                    {c.roles.map((role) => (
                      <span key={role} className="badge status-new">
                        {evidenceRoleLabels[role]}
                      </span>
                    ))}{' '}
                    <Link to={`/claims/${c.id}`}>{c.text}</Link>
                    <ClaimMeta status={c.status} verdict={c.verdict} speakerName={c.speakerName} />
                  </li>
                ))}
              </ul>
            )}
            {claims.length > 0 ? (
              <p className="small">
                <Link to={`/claims?source=${source.id}`}>The claims from this source in the claims list</Link>
                {source.outlet ? (
                  <>
                    {' · '}
                    <Link to={`/claims?outlet=${encodeURIComponent(source.outlet)}`}>
                      All claims from {source.outlet}
                    </Link>
                  </>
                ) : null}
              </p>
            ) : null}
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
