// One export, whatever asks for it: the download routes and `npm run export` both come here.
import type { Readable } from 'node:stream'
import { publisherOf, type Publisher } from '#app/utils/env.server.ts'
import { formatDate } from '#app/utils/format.ts'
import type { ExportFormat, ExportQuery } from '#app/validation/export.ts'
import { describeExportFilters, type ExportAbout } from './about.ts'
import { csvStream } from './csv.server.ts'
import { exportFiles } from './formats.ts'
import { claimReviewStream, jsonStream } from './json.server.ts'
import { exportBatches, resolveExportQuery, sheetBatches } from './records.server.ts'
import { xlsxStream } from './xlsx.server.ts'

/** `claims-verified-2026-11-23.xlsx`: what the file holds and when, so downloads do not overwrite each other. */
export function exportFileName(query: Pick<ExportQuery, 'status'>, format: ExportFormat, at: Date) {
  const what = query.status === 'any' ? 'all' : query.status.replace('_', '-')
  return `claims-${what}-${formatDate(at)}.${exportFiles[format].extension}`
}

/**
 * The export as a stream in the chosen format. Throws a FieldError when a typed speaker
 * or source names no one; nothing is read before the query is known to be sound.
 */
export function openExport(
  query: ExportQuery,
  format: ExportFormat,
  exportedBy: string,
  {
    publisher = publisherOf(),
    at = new Date(),
    limit,
  }: {
    publisher?: Publisher
    at?: Date
    /** At most this many claims, the first by id: the benchmark compares a tenth of the desk with all of it. */
    limit?: number
  } = {},
): { stream: Readable; fileName: string; contentType: string } {
  const { query: resolved, labels } = resolveExportQuery(query)
  const about: ExportAbout = {
    exportedAt: at,
    exportedBy,
    filters: describeExportFilters(query, labels),
    publisher: { name: publisher.name, url: publisher.url },
  }
  const options = { format, limit }
  const stream =
    format === 'csv'
      ? csvStream(sheetBatches(resolved, publisher, options))
      : format === 'xlsx'
        ? xlsxStream(sheetBatches(resolved, publisher, options), about)
        : format === 'jsonld'
          ? claimReviewStream(exportBatches(resolved, publisher, options), publisher)
          : jsonStream(exportBatches(resolved, publisher, options), about)
  return { stream, fileName: exportFileName(query, format, at), contentType: exportFiles[format].contentType }
}
