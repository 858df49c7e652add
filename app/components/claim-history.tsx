import { EventByline, EventChanges, type ClaimEventView } from './claim-event.tsx'

/** The claim's timeline: who changed what, from what, to what. */
export function ClaimHistory({ events }: { events: ClaimEventView[] }) {
  if (events.length === 0) return <p className="muted">No changes recorded yet.</p>
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id}>
          <div className="small">
            <EventByline event={event} />
          </div>
          <EventChanges event={event} />
        </li>
      ))}
    </ol>
  )
}
