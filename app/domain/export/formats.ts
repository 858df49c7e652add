import type { ExportFormat } from '#app/validation/export.ts'

/** Each export format's file: what the page calls it and how it is served. */
export const exportFiles: Record<ExportFormat, { extension: string; contentType: string; label: string }> = {
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8', label: 'CSV' },
  xlsx: {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel (XLSX)',
  },
  jsonld: { extension: 'jsonld', contentType: 'application/ld+json; charset=utf-8', label: 'ClaimReview JSON-LD' },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8', label: 'JSON (full records)' },
}
