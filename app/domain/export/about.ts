import { formatDateTime } from '#app/utils/format.ts'
import type { ExportQuery } from '#app/validation/export.ts'
import { statusLabels, verdictLabels } from '../labels.ts'

/** Who exported what and when: the XLSX "Export" sheet, the JSON envelope and the page say it. */
export type ExportAbout = {
  exportedAt: Date
  exportedBy: string
  filters: [label: string, value: string][]
  publisher: { name: string; url: string }
}

/**
 * The filters in the desk's words, each as it was applied: a picked speaker or source
 * by its name and number, the status default spelt out so a sheet says what it holds.
 */
export function describeExportFilters(
  query: ExportQuery,
  names: { speaker?: string; source?: string },
): [string, string][] {
  const filters: [string, string][] = [['Status', query.status === 'any' ? 'Any status' : statusLabels[query.status]]]
  if (query.verdict) filters.push(['Verdict', verdictLabels[query.verdict]])
  if (names.speaker) filters.push(['Speaker', names.speaker])
  if (names.source) filters.push(['Source', names.source])
  if (query.outlet) filters.push(['Outlet', query.outlet])
  if (query.tag) filters.push(['Tag', query.tag])
  if (query.from) filters.push(['Claimed from', query.from])
  if (query.to) filters.push(['Claimed until', query.to])
  if (query.updatedSince) filters.push(['Changed since', formatDateTime(query.updatedSince)])
  return filters
}
