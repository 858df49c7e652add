import { claimEventLabels, claimFieldLabels, claimFieldText } from '#app/domain/labels.ts'
import type { ClaimEventType } from '#app/domain/vocabulary.ts'
import { formatDateTime } from '#app/utils/format.ts'

type ClaimEventView = {
  id: number
  type: string
  at: string | Date
  actorName: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

function show(field: string, value: unknown) {
  return claimFieldText(field, value) ?? '—'
}

/** The claim's timeline: who changed what, from what, to what. */
export function ClaimHistory({ events }: { events: ClaimEventView[] }) {
  if (events.length === 0) return <p className="muted">No changes recorded yet.</p>
  return (
    <ol className="timeline">
      {events.map((event) => {
        const changed = event.type === 'updated' || event.type === 'status_changed'
        return (
          <li key={event.id}>
            <div className="small">
              <strong>{event.actorName ?? 'Someone'}</strong>{' '}
              {claimEventLabels[event.type as ClaimEventType] ?? event.type}{' '}
              <time className="muted nowrap" dateTime={new Date(event.at).toISOString()}>
                {formatDateTime(event.at)}
              </time>
            </div>
            {changed && event.after ? (
              <dl className="diff">
                {Object.entries(event.after).map(([field, after]) => (
                  <div key={field}>
                    <dt className="muted">{claimFieldLabels[field] ?? field}</dt>
                    <dd>
                      {event.before ? (
                        <>
                          <del>{show(field, event.before[field])}</del> →{' '}
                        </>
                      ) : null}
                      <ins>{show(field, after)}</ins>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}
