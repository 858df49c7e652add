import { publisherOf } from '#app/utils/env.server.ts'
import type { ExportFormat, ExportQuery } from '#app/validation/export.ts'
import { describeExportFilters } from './about.ts'
import { claimReviewedPreferredLength } from './claim-review.ts'
import { countExport, resolveExportQuery, sheetBatches } from './records.server.ts'
import { originOf } from './sheet.ts'

/**
 * What the export page shows before a download: how many claims, the first rows in the
 * file's order, and for ClaimReview what the file will leave out or what tools may mind.
 * Throws a FieldError for a typed speaker or source that names no one.
 */
export function previewExport(query: ExportQuery, format: ExportFormat, size: number) {
  const { query: resolved, labels } = resolveExportQuery(query)
  const count = countExport(resolved, format)
  // The rows show what a sheet shows: the lighter read, without excerpts, aliases or links.
  const [records = []] = sheetBatches(resolved, publisherOf(), { format, limit: size })
  return {
    query: resolved,
    labels,
    filters: describeExportFilters(query, labels),
    count,
    withoutVerdict: format === 'jsonld' ? countExport(resolved) - count : 0,
    // A ClaimReview publishes a verdict; one whose check was not approved should not go out unread.
    unapproved:
      format !== 'jsonld' || resolved.status === 'verified'
        ? 0
        : resolved.status === 'any'
          ? count - countExport({ ...resolved, status: 'verified' }, format)
          : count,
    long: format === 'jsonld' ? countExport(resolved, format, { longerThan: claimReviewedPreferredLength }) : 0,
    rows: records.map((r) => {
      const origin = originOf(r)
      return {
        id: r.id,
        text: r.text,
        speaker: r.speaker?.name ?? null,
        sourceTitle: origin?.title ?? null,
        outlet: origin?.outlet ?? null,
        status: r.status,
        verdict: r.verdict,
        verifiedAt: r.verifiedAt,
        tags: r.tags,
      }
    }),
  }
}
