import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { hasRole, requireUser } from '#app/auth/permissions.server.ts'
import { Highlighted } from '#app/components/ui/highlighted.tsx'
import { TagLinks } from '#app/components/ui/tag-links.tsx'
import { StatusBadge, VerdictBadge } from '#app/components/ui/badges.tsx'
import { ListTable, PageHeader } from '#app/components/ui/layout.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { effectiveSort, listClaims, listTagNames } from '#app/domain/claims.server.ts'
import { statusLabels, verdictLabels } from '#app/domain/labels.ts'
import { sourceFilterOptions } from '#app/domain/sources.server.ts'
import { speakerFilterOptions } from '#app/domain/speakers.server.ts'
import { listActiveEditors } from '#app/domain/users.server.ts'
import { claimStatuses, verdicts } from '#app/domain/vocabulary.ts'
import { formatDate, shorten } from '#app/utils/format.ts'
import { queryParams } from '#app/utils/url.ts'
import { ClaimListQuerySchema, isFilteredQuery } from '#app/validation/claim.ts'

/** Where else a search matched, as the list names it. */
const matchedColumnLabels = { quote: 'Quote', speaker: 'Speaker', source: 'Source', notes: 'Note' }

export const meta: MetaFunction = () => [{ title: 'Claims · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const query = ClaimListQuerySchema.parse(queryParams(request.url))
  return {
    list: listClaims(query, user.id),
    query,
    sort: effectiveSort(query),
    filtered: isFilteredQuery(query),
    canEdit: hasRole(user, 'editor'),
    speakers: speakerFilterOptions(query.speaker),
    sources: sourceFilterOptions(query.source),
    tags: listTagNames(),
    editors: listActiveEditors(),
  }
}

function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string
  label: string
  value: string | number | undefined
  options: Array<{ value: string | number; label: string }>
}) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export default function ClaimsPage() {
  const { list, query, sort, filtered, canEdit, speakers, sources, tags, editors } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  return (
    <main id="main">
      <PageHeader
        title="Claims"
        intro="Every checkable claim the desk has logged."
        actions={
          canEdit ? (
            <Link className="button primary" to="/claims/new">
              + New claim
            </Link>
          ) : null
        }
      />
      <Form
        // A new URL (Clear, Back) shows its own filters, not what the selects held before.
        key={search}
        method="get"
        className="filters"
        aria-label="Search and filter claims"
      >
        <div className="field search-field">
          <label htmlFor="filter-q">Search</label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ''}
            placeholder='Words, "exact phrase", prefix*, -leave out'
            aria-describedby={list.searchError ? 'filter-q-error' : undefined}
            aria-invalid={list.searchError ? true : undefined}
          />
          {list.searchError ? (
            <ul id="filter-q-error" className="field-errors">
              <li>{list.searchError}</li>
            </ul>
          ) : null}
        </div>
        <FilterSelect
          name="status"
          label="Status"
          value={query.status}
          options={claimStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
        />
        <FilterSelect
          name="verdict"
          label="Verdict"
          value={query.verdict}
          options={verdicts.map((v) => ({ value: v, label: verdictLabels[v] }))}
        />
        <FilterSelect
          name="speaker"
          label="Speaker"
          value={query.speaker}
          options={speakers.map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          name="source"
          label="Source"
          value={query.source}
          options={sources.map((s) => ({
            value: s.id,
            label: shorten(s.title, 60),
          }))}
        />
        <FilterSelect name="tag" label="Tag" value={query.tag} options={tags.map((t) => ({ value: t, label: t }))} />
        <FilterSelect
          name="assignee"
          label="Assignee"
          value={query.assignee}
          options={[
            { value: 'me', label: 'Me' },
            { value: 'none', label: 'Nobody' },
            ...editors.map((e) => ({ value: e.id, label: e.name })),
          ]}
        />
        <div className="field">
          <label htmlFor="filter-sort">Sort by</label>
          {/* The first choice is the natural order: best match for a search, else the latest change. */}
          <select id="filter-sort" name="sort" defaultValue={sort === 'relevance' || !query.sort ? '' : sort}>
            <option value="">{query.q ? 'Relevance' : 'Last updated'}</option>
            {query.q ? <option value="updated">Last updated</option> : null}
            <option value="created">Created</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-order">Order</label>
          <select id="filter-order" name="order" defaultValue={query.order}>
            <option value="desc">Newest first</option>
            <option value="asc">Oldest first</option>
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Apply
          </button>
          {filtered ? (
            <Link className="button" to="/claims">
              Clear
            </Link>
          ) : null}
        </div>
      </Form>
      <p className="list-meta" aria-live="polite">
        <span>
          {list.total} {list.total === 1 ? 'claim' : 'claims'}
          {filtered ? (query.q ? ' match the search' : ' match the filters') : ''}
        </span>
      </p>
      <ListTable
        headings={['Claim', 'Speaker', 'Source', 'Status', 'Verdict', 'Updated']}
        rowCount={list.rows.length}
        empty={<>No claims match. {filtered ? <Link to="/claims">Clear the filters</Link> : null}</>}
      >
        {list.rows.map((claim) => (
          <tr key={claim.id}>
            <td className="claim-cell">
              <Link to={`/claims/${claim.id}`}>
                {claim.match ? <Highlighted snippet={claim.match.text} /> : claim.text}
              </Link>
              {claim.match?.elsewhere ? (
                <p className="snippet small">
                  <span className="muted">{matchedColumnLabels[claim.match.elsewhere.column]}: </span>
                  <Highlighted snippet={claim.match.elsewhere.snippet} />
                </p>
              ) : null}
              <TagLinks tags={claim.tags} />
            </td>
            <td>
              {claim.speakerId ? (
                <Link to={`/speakers/${claim.speakerId}`}>{claim.speakerName}</Link>
              ) : (
                <span className="muted">Unattributed</span>
              )}
            </td>
            <td className="small source-cell">
              {claim.sourceId ? (
                <Link className="clamp-2" to={`/sources/${claim.sourceId}`} title={claim.sourceTitle ?? undefined}>
                  {claim.sourceTitle}
                </Link>
              ) : (
                '—'
              )}
              {claim.sourceOutlet ? <div className="muted">{claim.sourceOutlet}</div> : null}
            </td>
            <td>
              <StatusBadge status={claim.status} />
              {claim.assigneeName ? <div className="muted small nowrap">Assigned: {claim.assigneeName}</div> : null}
            </td>
            <td>
              <VerdictBadge verdict={claim.verdict} />
            </td>
            <td className="small nowrap">
              <time dateTime={new Date(claim.updatedAt).toISOString()}>{formatDate(claim.updatedAt)}</time>
            </td>
          </tr>
        ))}
      </ListTable>
      <Pagination page={list.page} pageCount={list.pageCount} />
    </main>
  )
}
