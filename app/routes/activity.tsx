import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { requireUser } from '#app/auth/permissions.server.ts'
import { EventByline, EventChanges } from '#app/components/claim-event.tsx'
import { ErrorList } from '#app/components/forms.tsx'
import { PageHeader } from '#app/components/ui/layout.tsx'
import { KeysetPagination } from '#app/components/ui/pagination.tsx'
import { eventActorOptions, listEvents } from '#app/domain/history.server.ts'
import { claimEventLabels } from '#app/domain/labels.ts'
import { claimEventTypes } from '#app/domain/vocabulary.ts'
import { shorten } from '#app/utils/format.ts'
import { queryParams } from '#app/utils/url.ts'
import { isFilteredActivity, parseActivityQuery } from '#app/validation/activity.ts'
import { formatPageCursor } from '#app/validation/common.ts'

export const meta: MetaFunction = () => [{ title: 'Activity · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const params = queryParams(request.url)
  const { query, errors } = parseActivityQuery(params)
  const { events, older } = listEvents(query)
  return {
    events,
    older: older ? formatPageCursor(older) : null,
    query,
    // What the filter form shows: what was typed, even when it was refused.
    typed: { claim: params.claim ?? '', from: params.from ?? '', to: params.to ?? '' },
    errors,
    filtered: isFilteredActivity(query),
    actors: eventActorOptions(query.actor),
  }
}

function FilterField({
  id,
  label,
  errors,
  children,
}: {
  id: string
  label: string
  errors?: string[]
  children: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  )
}

export default function ActivityPage() {
  const { events, older, query, typed, errors, filtered, actors } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  /** The same filters, at another page. */
  const pageHref = (before: string | null) => {
    const params = new URLSearchParams()
    if (query.type) params.set('type', query.type)
    if (query.actor) params.set('actor', query.actor)
    if (query.claim) params.set('claim', String(query.claim))
    if (query.from) params.set('from', query.from)
    if (query.to) params.set('to', query.to)
    if (before) params.set('before', before)
    return params.size > 0 ? `/activity?${params}` : '/activity'
  }
  const invalid = (field: string) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `filter-${field}-error` } : {}
  return (
    <main id="main">
      <PageHeader title="Activity" intro="Everything the desk did to its claims, newest first." />
      <Form
        // A new URL (Clear, Back) shows its own filters, not what the inputs held before.
        key={search}
        method="get"
        className="filters activity-filters"
        aria-label="Filter activity"
      >
        <FilterField id="filter-type" label="What happened">
          <select id="filter-type" name="type" defaultValue={query.type ?? ''}>
            <option value="">Anything</option>
            {claimEventTypes.map((type) => (
              <option key={type} value={type}>
                {claimEventLabels[type]}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="filter-actor" label="Who">
          <select id="filter-actor" name="actor" defaultValue={query.actor ?? ''}>
            <option value="">Anyone</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="filter-claim" label="Claim number" errors={errors.claim}>
          <input
            id="filter-claim"
            name="claim"
            type="text"
            inputMode="numeric"
            placeholder="e.g. 12"
            defaultValue={typed.claim}
            {...invalid('claim')}
          />
        </FilterField>
        <FilterField id="filter-from" label="From" errors={errors.from}>
          <input id="filter-from" name="from" type="date" defaultValue={typed.from} {...invalid('from')} />
        </FilterField>
        <FilterField id="filter-to" label="To" errors={errors.to}>
          <input id="filter-to" name="to" type="date" defaultValue={typed.to} {...invalid('to')} />
        </FilterField>
        <div className="actions">
          <button type="submit" className="primary">
            Apply
          </button>
          {filtered || Object.keys(errors).length > 0 ? (
            <Link className="button" to="/activity">
              Clear
            </Link>
          ) : null}
        </div>
      </Form>
      <p className="list-meta">
        <span aria-live="polite">
          {[
            events.length === 0 ? 'No' : events.length,
            query.before ? 'older' : null,
            events.length === 1 ? 'event' : 'events',
            filtered ? 'matching the filters' : null,
          ]
            .filter((word) => word !== null)
            .join(' ')}
          {events.length > 0 && !query.before ? ', newest first' : ''}
        </span>
        {query.before ? <Link to={pageHref(null)}>← Back to the newest</Link> : null}
      </p>
      <section className="card" aria-label="Events">
        {events.length === 0 ? (
          <p className="empty">
            Nothing happened that matches. {filtered ? <Link to="/activity">Clear the filters</Link> : null}
          </p>
        ) : (
          <ol className="timeline activity">
            {events.map((event) => (
              <li key={event.id}>
                <div className="small">
                  <EventByline event={event} />
                </div>
                <div className="activity-claim">
                  <Link to={`/claims/${event.claimId}`}>
                    #{event.claimId} {shorten(event.claimText, 120)}
                  </Link>
                  {event.claimDeletedAt ? <span className="badge in-trash">In the trash</span> : null}
                </div>
                <EventChanges event={event} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <KeysetPagination
        first={query.before ? pageHref(null) : null}
        next={older ? pageHref(older) : null}
        labels={{ first: '← Newest', next: 'Older events →' }}
      />
    </main>
  )
}
