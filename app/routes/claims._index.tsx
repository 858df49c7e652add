import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { hasRole, requireUser } from '#app/auth/permissions.server.ts'
import { SavedViews } from '#app/components/saved-views.tsx'
import { FilterSelect, SpeakerAndSourceFilters } from '#app/components/ui/filters.tsx'
import { Highlighted } from '#app/components/ui/highlighted.tsx'
import { TagLinks } from '#app/components/ui/tag-links.tsx'
import { StatusBadge, VerdictBadge } from '#app/components/ui/badges.tsx'
import { ListTable, PageHeader } from '#app/components/ui/layout.tsx'
import { KeysetPagination } from '#app/components/ui/pagination.tsx'
import { effectiveSort, listClaims, listTagNames, resolveListChoices } from '#app/domain/claims.server.ts'
import { statusLabels, verdictLabels } from '#app/domain/labels.ts'
import { deleteSavedView, listSavedViews, saveView } from '#app/domain/saved-views.server.ts'
import { outletFilterOptions } from '#app/domain/sources.server.ts'
import { listActiveEditors } from '#app/domain/users.server.ts'
import { claimStatuses, verdicts } from '#app/domain/vocabulary.ts'
import { NotFoundError } from '#app/utils/errors.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { handlerForIntent, invalid, notFound, readFormData, replyWithFieldErrors } from '#app/utils/responses.server.ts'
import { queryParams } from '#app/utils/url.ts'
import {
  claimListSearch,
  ClaimListQuerySchema,
  isFilteredQuery,
  SavedViewDeleteSchema,
  SavedViewSaveSchema,
} from '#app/validation/claim.ts'
import { formatPageCursor, type PageCursor } from '#app/validation/common.ts'
import { exportSearchForList } from '#app/validation/export.ts'

/** Where else a search matched, as the list names it. */
const matchedColumnLabels = { quote: 'Quote', speaker: 'Speaker', source: 'Source', notes: 'Note' }

export const meta: MetaFunction = () => [{ title: 'Claims · Claim desk' }]

/** The list's query from a URL, with typed speaker and source names resolved. */
function listQueryOf(search: URLSearchParams | string) {
  return resolveListChoices(ClaimListQuerySchema.parse(queryParams(`http://list/?${search}`)))
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { query, shown, errors } = listQueryOf(new URL(request.url).searchParams)
  const list = listClaims(query, user.id)
  const search = claimListSearch(query)
  const pageHref = (direction: 'after' | 'before', cursor: PageCursor | null) =>
    cursor ? `/claims?${search ? `${search}&` : ''}${direction}=${formatPageCursor(cursor)}` : null
  return {
    list,
    query,
    shown,
    filterErrors: errors,
    sort: effectiveSort(query),
    filtered: isFilteredQuery(query),
    canEdit: hasRole(user, 'editor'),
    outlets: outletFilterOptions(query.outlet),
    tags: listTagNames(),
    editors: listActiveEditors(),
    views: listSavedViews(user.id),
    exportSearch: exportSearchForList(query),
    search,
    pages: {
      // Not on the first page itself, reached back by "Previous"; but out of an empty page past the end.
      first:
        (query.after || query.before) && (list.previous || list.rows.length === 0)
          ? search
            ? `/claims?${search}`
            : '/claims'
          : null,
      previous: pageHref('before', list.previous),
      next: pageHref('after', list.next),
    },
  }
}

type ViewIntentArgs = { formData: FormData; userId: string; listUrl: string }

/** The list page's forms: saving the list as a view, and deleting one. */
const viewIntents = new Map(
  Object.entries({
    'save-view': ({ formData, userId }: ViewIntentArgs) => {
      const submission = parseWithZod(formData, { schema: SavedViewSaveSchema })
      if (submission.status !== 'success') return invalid(submission)
      // Stored as the list reads it, names resolved to records: never the posted text as is.
      const query = claimListSearch(listQueryOf(submission.value.query).query)
      try {
        saveView(userId, { ...submission.value, query })
      } catch (error) {
        return replyWithFieldErrors(submission, error)
      }
      return redirect(query ? `/claims?${query}` : '/claims')
    },
    'delete-view': ({ formData, userId, listUrl }: ViewIntentArgs) => {
      const submission = parseWithZod(formData, { schema: SavedViewDeleteSchema })
      if (submission.status !== 'success') return invalid(submission)
      try {
        deleteSavedView(userId, submission.value.viewId)
      } catch (error) {
        if (error instanceof NotFoundError) notFound('You have no such saved view.')
        throw error
      }
      return redirect(listUrl)
    },
  }),
)

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readFormData(request)
  // Back to the list the form was on; `index` is Remix's marker for posts to an index route.
  const params = new URL(request.url).searchParams
  params.delete('index')
  const listUrl = params.size > 0 ? `/claims?${params}` : '/claims'
  return handlerForIntent(viewIntents, formData)({ formData, userId: user.id, listUrl })
}

export default function ClaimsPage() {
  const {
    list,
    query,
    shown,
    filterErrors,
    sort,
    filtered,
    canEdit,
    outlets,
    tags,
    editors,
    views,
    search,
    pages,
    exportSearch,
  } = useLoaderData<typeof loader>()
  const location = useLocation()
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
      {/* Keyed by URL: once a view is saved (or another opened) its form folds away. */}
      <SavedViews key={`views${location.search}`} views={views} currentQuery={search} />
      <Form
        // A new URL (Clear, Back, a saved view) shows its own filters, not what the fields held before.
        key={location.search}
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
        <SpeakerAndSourceFilters
          shown={shown}
          ids={{ speaker: query.speaker, source: query.source }}
          errors={filterErrors}
        />
        <FilterSelect
          name="outlet"
          label="Outlet"
          value={query.outlet}
          options={outlets.map((o) => ({ value: o, label: o }))}
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
          {list.total.toLocaleString('en')} {list.total === 1 ? 'claim' : 'claims'}
          {filtered ? ` ${list.total === 1 ? 'matches' : 'match'} the ${query.q ? 'search' : 'filters'}` : ''}
          {list.total > list.rows.length ? `; ${list.rows.length} on this page` : ''}
        </span>
        {exportSearch && list.total > 0 ? <Link to={`/export?${exportSearch}`}>Export these claims</Link> : null}
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
      <KeysetPagination first={pages.first} previous={pages.previous} next={pages.next} />
    </main>
  )
}
