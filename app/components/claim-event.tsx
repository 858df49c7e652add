// One event of a claim's history as the desk shows it, in the claim's timeline and on
// the activity page: who did what when, and the fields it changed.
import { claimEventLabels, claimFieldLabels, claimFieldText, eventActorName } from '#app/domain/labels.ts'
import type { ClaimEventType } from '#app/domain/vocabulary.ts'
import { formatDateTime } from '#app/utils/format.ts'

export type ClaimEventView = {
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

/** What an import's event shows: where the claim came from and how far its check was. */
const importedFields = ['file', 'row', 'status', 'verdict', 'checkedBy', 'approvedBy', 'verifiedAt']

/**
 * The fields an event changed, in the order they were stored. Events store readable
 * values (names with numbers, codes the labels know); keys without a label are kept
 * for tools but not shown. A claim's first event holds the whole claim and is not
 * repeated here; an imported claim's shows the file it came from instead.
 */
function shownFields(event: ClaimEventView) {
  if (event.type === 'created') return []
  if (event.type === 'imported') return importedFields.filter((key) => claimFieldText(key, event.after?.[key]) !== null)
  const keys = new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})])
  const shown = (value: unknown) => value !== null && value !== undefined && value !== ''
  return [...keys].filter((key) => key in claimFieldLabels && (shown(event.before?.[key]) || shown(event.after?.[key])))
}

/** "<editor> <what they did> <when>". */
export function EventByline({ event }: { event: ClaimEventView }) {
  return (
    <>
      <strong>{eventActorName(event)}</strong> {claimEventLabels[event.type as ClaimEventType] ?? event.type}{' '}
      <time className="muted nowrap" dateTime={new Date(event.at).toISOString()}>
        {formatDateTime(event.at)}
      </time>
    </>
  )
}

/** What the event changed, field by field: from what, to what. */
export function EventChanges({ event }: { event: ClaimEventView }) {
  const fields = shownFields(event)
  if (fields.length === 0) return null
  return (
    <dl className="diff">
      {fields.map((field) => {
        const before = event.before?.[field]
        const after = event.after?.[field]
        return (
          <div key={field}>
            <dt className="muted">{claimFieldLabels[field]}</dt>
            <dd>
              {event.before && event.after && field in event.before && field in event.after ? (
                // Unchanged values name what the event is about (which note was resolved).
                show(field, before) === show(field, after) ? (
                  show(field, after)
                ) : (
                  <>
                    <del>{show(field, before)}</del> → <ins>{show(field, after)}</ins>
                  </>
                )
              ) : event.after && field in event.after ? (
                <ins>{show(field, after)}</ins>
              ) : (
                <del>{show(field, before)}</del>
              )}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
