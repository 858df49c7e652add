import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import { sheetColumns, sheetRowOf, type SheetClaim, type SheetColumnKey, type SheetRow } from './sheet.ts'

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula, so a
 * claim like "=HYPERLINK(…)" from the news could act on an editor's machine. Such cells
 * get a leading apostrophe (OWASP's advice); the importer takes it off again.
 */
const formulaStart = /^[=+\-@\t\r]/

export function neutralisedCell(value: string) {
  return formulaStart.test(value) ? `'${value}` : value
}

const dateOnly = new Set<SheetColumnKey>(['published', 'claimed_on'])

function csvCellOf(key: SheetColumnKey, value: SheetRow[SheetColumnKey]) {
  if (value === null) return ''
  if (value instanceof Date) return dateOnly.has(key) ? value.toISOString().slice(0, 10) : value.toISOString()
  if (typeof value === 'number') return String(value)
  return neutralisedCell(value)
}

export function csvRecordOf(record: SheetClaim) {
  const row = sheetRowOf(record, 'codes')
  return sheetColumns.map((c) => csvCellOf(c.key, row[c.key]))
}

/**
 * RFC 4180 (CRLF line ends, quotes doubled) in UTF-8 with a byte-order mark: without
 * it Excel reads the file as the local code page and turns "Schoigu’s" and umlauts to noise.
 */
export function csvStream(batches: Iterable<SheetClaim[]>) {
  const rows = Readable.from(
    (function* () {
      for (const batch of batches) for (const record of batch) yield csvRecordOf(record)
    })(),
  )
  return rows.pipe(
    stringify({
      bom: true,
      header: true,
      columns: sheetColumns.map((c) => c.key),
      record_delimiter: 'windows',
      // csv-stringify quotes a field holding the record delimiter (CRLF) but not a bare line
      // break, which other readers (Python, spreadsheets) take as the end of the row.
      quoted_match: /[\r\n]/,
    }),
  )
}
