import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { requireUser } from '#app/auth/permissions.server.ts'
import { ErrorList } from '#app/components/forms.tsx'
import { StatusBadge, VerdictBadge } from '#app/components/ui/badges.tsx'
import { FilterDate, FilterSelect, SpeakerAndSourceFilters } from '#app/components/ui/filters.tsx'
import { ListTable, PageHeader } from '#app/components/ui/layout.tsx'
import { listTagNames } from '#app/domain/claims.server.ts'
import { claimReviewedPreferredLength, isLongForClaimReview } from '#app/domain/export/claim-review.ts'
import { exportFiles } from '#app/domain/export/formats.ts'
import { previewExport } from '#app/domain/export/preview.server.ts'
import { statusLabels, verdictLabels } from '#app/domain/labels.ts'
import { outletFilterOptions } from '#app/domain/sources.server.ts'
import { claimStatuses, verdicts } from '#app/domain/vocabulary.ts'
import { FieldError } from '#app/utils/errors.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { queryParams } from '#app/utils/url.ts'
import { ExportPageSchema, exportFormats, exportSearch, type ExportFormat } from '#app/validation/export.ts'

export const meta: MetaFunction = () => [{ title: 'Export · Claim desk' }]

const previewSize = 20

const formatNotes: Record<ExportFormat, string> = {
  csv: 'One row per claim, UTF-8 with a byte-order mark so umlauts open correctly in Excel and LibreOffice.',
  xlsx: 'A formatted workbook: frozen header, filters, dates and clickable links, and a sheet saying what was exported.',
  jsonld:
    'One schema.org ClaimReview per claim with a verdict, the markup fact-check search tools read. Claims without a verdict are left out.',
  json: 'Every record in full, with evidence, links and tags: for backups and other tools. The import page reads it back.',
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const params = queryParams(request.url)
  const parsed = ExportPageSchema.safeParse(params)
  const formats = exportFormats.map((f) => ({ value: f, label: exportFiles[f].label }))
  const page = {
    formats,
    outlets: outletFilterOptions(params.outlet),
    tags: listTagNames(),
    shown: { speakerName: params.speakerName ?? '', sourceName: params.sourceName ?? '' },
  }
  if (!parsed.success) {
    return {
      ...page,
      params,
      errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      result: null,
    }
  }
  const { format, ...query } = parsed.data
  try {
    const preview = previewExport(query, format, previewSize)
    const search = exportSearch(preview.query)
    const downloadHref = `/export/claims.${exportFiles[format].extension}${search ? `?${search}` : ''}`
    // The form's Download button: the same query, straight to the file.
    if (new URL(request.url).searchParams.has('download')) throw redirect(downloadHref)
    return {
      ...page,
      params,
      shown: { speakerName: preview.labels.speaker ?? '', sourceName: preview.labels.source ?? '' },
      errors: {} as Record<string, string[]>,
      result: { ...preview, format, downloadHref, exportedBy: user.name },
    }
  } catch (error) {
    if (error instanceof FieldError) return { ...page, params, errors: error.fieldErrors, result: null }
    throw error
  }
}

export default function ExportPage() {
  const { formats, outlets, tags, shown, params, errors, result } = useLoaderData<typeof loader>()
  const location = useLocation()
  const format = (result?.format ?? params.format ?? 'csv') as ExportFormat
  return (
    <main id="main">
      <PageHeader
        title="Export"
        intro="The verified-claims sheet for editors, partners and the publishing system. Choose what goes in, check the preview, download."
      />
      <Form
        key={location.search}
        method="get"
        // A plain browser submission: "Download" answers with a file, which a client-side navigation cannot take.
        reloadDocument
        className="filters export-filters"
        aria-label="What to export"
      >
        <FilterSelect
          name="status"
          label="Status"
          value={params.status ?? 'verified'}
          anyLabel={null}
          options={[
            ...claimStatuses.map((s) => ({ value: s, label: statusLabels[s] })),
            { value: 'any', label: 'Any status' },
          ]}
          errors={errors.status}
        />
        <FilterSelect
          name="verdict"
          label="Verdict"
          value={params.verdict}
          options={verdicts.map((v) => ({ value: v, label: verdictLabels[v] }))}
          errors={errors.verdict}
        />
        <SpeakerAndSourceFilters
          shown={shown}
          ids={{ speaker: params.speaker, source: params.source }}
          errors={{
            speakerName: errors.speakerName ?? errors.speaker,
            sourceName: errors.sourceName ?? errors.source,
          }}
        />
        <FilterSelect
          name="outlet"
          label="Outlet"
          value={params.outlet}
          options={outlets.map((o) => ({ value: o, label: o }))}
          errors={errors.outlet}
        />
        <FilterSelect
          name="tag"
          label="Tag"
          value={params.tag}
          options={tags.map((t) => ({ value: t, label: t }))}
          errors={errors.tag}
        />
        <FilterDate name="from" label="Claimed from" value={params.from} errors={errors.from} />
        <FilterDate name="to" label="Claimed until" value={params.to} errors={errors.to} />
        <FilterDate
          name="updatedSince"
          label="Changed since"
          value={params.updatedSince?.slice(0, 10)}
          errors={errors.updatedSince}
        />
        <fieldset className="format-choice">
          <legend>Format</legend>
          {formats.map((f) => (
            <label key={f.value} className="choice">
              <input type="radio" name="format" value={f.value} defaultChecked={f.value === format} /> {f.label}
            </label>
          ))}
          <ErrorList id="filter-format-error" errors={errors.format} />
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            Preview
          </button>
          <button type="submit" name="download" value="1" disabled={!result}>
            Download
          </button>
          {location.search ? (
            <Link className="button" to="/export">
              Reset
            </Link>
          ) : null}
        </div>
      </Form>
      {result ? (
        <section aria-labelledby="export-preview-heading">
          <div className="export-summary">
            <div>
              <h2 id="export-preview-heading">
                {result.count.toLocaleString('en')} {result.count === 1 ? 'claim' : 'claims'} as{' '}
                {exportFiles[format].label}
              </h2>
              <p className="muted small">
                {formatNotes[format]} Filters:{' '}
                {result.filters.map(([label, value]) => `${label}: ${value}`).join(' · ')}.
              </p>
              {format === 'jsonld' && result.withoutVerdict > 0 ? (
                <p className="alert warn small">
                  {result.withoutVerdict} {result.withoutVerdict === 1 ? 'claim has' : 'claims have'} no verdict yet and{' '}
                  {result.withoutVerdict === 1 ? 'is' : 'are'} left out: a ClaimReview is a rating.
                </p>
              ) : null}
              {result.unapproved > 0 ? (
                <p className="alert warn small">
                  {result.unapproved} of these {result.unapproved === 1 ? 'verdict has' : 'verdicts have'} not been
                  approved yet. Publish ClaimReview only for verified claims.
                </p>
              ) : null}
              {format === 'jsonld' && result.long > 0 ? (
                <p className="alert warn small">
                  {result.long} {result.long === 1 ? 'claim is' : 'claims are'} longer than{' '}
                  {claimReviewedPreferredLength} characters. {result.long === 1 ? 'It is' : 'They are'} exported whole,
                  but search tools prefer a short claimReviewed: consider shortening {result.long === 1 ? 'it' : 'them'}{' '}
                  (marked below).
                </p>
              ) : null}
            </div>
            {result.count > 0 ? (
              <a className="button primary" href={result.downloadHref} download>
                Download {exportFiles[format].extension.toUpperCase()}
              </a>
            ) : null}
          </div>
          <ListTable
            headings={['ID', 'Claim', 'Speaker', 'Source', 'Status', 'Verdict', 'Verified']}
            rowCount={result.rows.length}
            empty={<>No claims match these filters.</>}
          >
            {result.rows.map((claim) => (
              <tr key={claim.id}>
                <td className="small">#{claim.id}</td>
                <td className="claim-cell">
                  <Link to={`/claims/${claim.id}`}>{claim.text}</Link>
                  {format === 'jsonld' && isLongForClaimReview(claim.text) ? (
                    <div className="flag small">
                      Long for ClaimReview: {claim.text.length} characters (over {claimReviewedPreferredLength})
                    </div>
                  ) : null}
                  {claim.tags.length > 0 ? <div className="muted small">{claim.tags.join(', ')}</div> : null}
                </td>
                <td>{claim.speaker ?? <span className="muted">Unattributed</span>}</td>
                <td className="small source-cell">
                  <span className="clamp-2">{claim.sourceTitle ?? '—'}</span>
                  {claim.outlet ? <div className="muted">{claim.outlet}</div> : null}
                </td>
                <td>
                  <StatusBadge status={claim.status} />
                </td>
                <td>
                  <VerdictBadge verdict={claim.verdict} />
                </td>
                <td className="small nowrap">{claim.verifiedAt ? formatDate(claim.verifiedAt) : '—'}</td>
              </tr>
            ))}
          </ListTable>
          {result.count > result.rows.length ? (
            <p className="muted small">
              The first {result.rows.length} of {result.count.toLocaleString('en')} claims, in the file’s order.
            </p>
          ) : null}
        </section>
      ) : (
        <p className="alert error" role="alert">
          Nothing to preview until the filters above are fixed.
        </p>
      )}
    </main>
  )
}
