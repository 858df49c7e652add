import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { requireAdmin } from '#app/auth/permissions.server.ts'
import { FilterSelect } from '#app/components/ui/filters.tsx'
import { PageHeader } from '#app/components/ui/layout.tsx'
import { KeysetPagination } from '#app/components/ui/pagination.tsx'
import { listAuditEvents } from '#app/domain/audit.server.ts'
import { auditActionLabels, roleLabels, signInFailureLabels } from '#app/domain/labels.ts'
import { auditActions, roles, type Role } from '#app/domain/vocabulary.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { queryParams } from '#app/utils/url.ts'
import { parseAuditQuery } from '#app/validation/audit.ts'

export const meta: MetaFunction = () => [{ title: 'Audit log · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request)
  const { query, errors } = parseAuditQuery(queryParams(request.url))
  const { events, older } = listAuditEvents(query)
  return { events, older, query, errors }
}

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (roles as readonly string[]).includes(value)

/** What changed or why it failed, in words; the stored detail is small and of known shape. */
function describeDetail(action: string, detail: Record<string, unknown> | null) {
  if (!detail) return null
  if (action === 'role_changed' && isRole(detail.from) && isRole(detail.to)) {
    return `${roleLabels[detail.from]} → ${roleLabels[detail.to]}`
  }
  if (action === 'user_created' && isRole(detail.role)) return `as ${roleLabels[detail.role]}`
  if (action === 'sign_in_failed' && typeof detail.reason === 'string') {
    return signInFailureLabels[detail.reason] ?? detail.reason
  }
  if (action === 'sign_in_throttled') return detail.limit === 'address' ? 'limit per address' : 'limit per account'
  return null
}

export default function AuditPage() {
  const { events, older, query, errors } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  const pageHref = (before: number | null) => {
    const params = new URLSearchParams()
    if (query.action) params.set('action', query.action)
    if (before) params.set('before', String(before))
    return params.size > 0 ? `/admin/audit?${params}` : '/admin/audit'
  }
  return (
    <main id="main">
      <PageHeader
        title="Audit log"
        intro={
          <>
            Sign-ins, failed and refused sign-ins, sign-outs and every change to an account, newest first. Accounts are
            managed under <Link to="/admin/users">Users</Link>.
          </>
        }
      />
      <Form key={search} method="get" className="filters" aria-label="Filter the audit log">
        <FilterSelect
          name="action"
          label="What happened"
          value={query.action}
          anyLabel="Anything"
          options={auditActions.map((action) => ({ value: action, label: auditActionLabels[action] }))}
          errors={errors.action}
        />
        <div className="actions">
          <button type="submit" className="primary">
            Apply
          </button>
          {query.action || Object.keys(errors).length > 0 ? (
            <Link className="button" to="/admin/audit">
              Clear
            </Link>
          ) : null}
        </div>
      </Form>
      {errors.before ? (
        <div className="alert error" role="alert">
          <p>{errors.before[0]}</p>
        </div>
      ) : null}
      <p className="list-meta">
        <span aria-live="polite">
          {events.length === 0 ? 'No events' : `${events.length} ${events.length === 1 ? 'event' : 'events'}`}
          {query.before ? ', older ones' : ', newest first'}
        </span>
      </p>
      {events.length > 0 ? (
        <div className="table-wrap">
          <table className="middle audit-log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Account</th>
                <th scope="col">By</th>
                <th scope="col">Detail</th>
                <th scope="col">Address</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>
                    <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time>
                  </td>
                  <td>{auditActionLabels[event.action]}</td>
                  <td>
                    {event.subject?.id ? (
                      <>
                        {event.subject.name} <span className="muted">{event.subject.email}</span>
                      </>
                    ) : (
                      <span className="muted">{event.email ?? '—'}</span>
                    )}
                  </td>
                  <td>
                    {event.actor?.id
                      ? event.actor.id === event.subject?.id
                        ? 'themselves'
                        : event.actor.name
                      : event.action === 'user_created'
                        ? 'a script'
                        : '—'}
                  </td>
                  <td>{describeDetail(event.action, event.detail)}</td>
                  <td className="muted">{event.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <KeysetPagination
        first={query.before ? pageHref(null) : null}
        next={older ? pageHref(older) : null}
        labels={{ first: '← Newest', next: 'Older →' }}
      />
    </main>
  )
}
