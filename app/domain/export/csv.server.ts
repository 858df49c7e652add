import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import { sheetColumns, sheetRowOf, type SheetClaim, type SheetColumnKey, type SheetRow } from './sheet.ts'

const dateOnly = new Set<SheetColumnKey>(['published', 'claimed_on'])

function csvCellOf(key: SheetColumnKey, value: SheetRow[SheetColumnKey]) {
  if (value === null) return ''
  if (value instanceof Date) return dateOnly.has(key) ? value.toISOString().slice(0, 10) : value.toISOString()
  if (typeof value === 'number') return String(value)
  return value
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
      // With a CRLF record delimiter csv-stringify would quote only cells holding CRLF, and a
      // cell with a bare line break would end the row for readers such as Python's.
      quote_record_delimiter: true,
      // Spreadsheet programs run a cell starting with =, +, -, @, tab or CR (or their
      // full-width forms) as a formula: such cells get a leading apostrophe (OWASP's advice);
      // the importer takes it off again.
      escape_formulas: true,
    }),
  )
}
