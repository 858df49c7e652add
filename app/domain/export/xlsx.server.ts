import { once } from 'node:events'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { ExportAbout } from './about.ts'
import { sheetColumns, sheetRowOf, type SheetClaim, type SheetColumnKey } from './sheet.ts'

const wrapped = new Set<SheetColumnKey>([
  'claim',
  'quote',
  'speaker_role',
  'source_title',
  'rationale',
  'evidence_urls',
])
const linked = new Set<SheetColumnKey>(['source_url', 'permalink', 'evidence_urls'])
const numberFormats: Partial<Record<SheetColumnKey, string>> = {
  published: 'yyyy-mm-dd',
  claimed_on: 'yyyy-mm-dd',
  verified_at: 'yyyy-mm-dd hh:mm',
}

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF2' } }

/**
 * Text as XML 1.0 may hold it. exceljs drops control characters but writes U+FFFE and
 * U+FFFF as they are, and with one of them in one cell Excel refuses the whole file: a
 * stray character pasted into one claim must not break every export of the desk.
 */
function xmlText<T>(value: T): T {
  return (
    typeof value === 'string' ? value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '') : value
  ) as T
}

/** A cell value: web addresses become links a reader can click (one per cell, as Excel allows). */
function cellOf(key: SheetColumnKey, raw: string | number | Date | null): ExcelJS.CellValue {
  const value = xmlText(raw)
  if (typeof value === 'string' && linked.has(key) && !value.includes('\n')) {
    return { text: value, hyperlink: value }
  }
  return value
}

/**
 * The sheet as a stream, written row by row. exceljs's streaming writer keeps only the
 * current row of cells, but it keeps the sheet's hyperlinks (two a row) until the sheet
 * ends, and it feeds the zip without waiting for the compressor: its buffers grow with the
 * sheet (~160 MB at 100k claims, `npm run bench`). The loop also waits when the download
 * falls behind.
 */
export function xlsxStream(batches: Iterable<SheetClaim[]>, about: ExportAbout) {
  const out = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  workbook.creator = xmlText(about.exportedBy)
  workbook.created = about.exportedAt

  async function write() {
    const sheet = workbook.addWorksheet('Claims', { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = sheetColumns.map((c) => ({
      header: c.label,
      key: c.key,
      width: c.width,
      style: {
        alignment: { vertical: 'top', wrapText: wrapped.has(c.key) },
        ...(numberFormats[c.key] ? { numFmt: numberFormats[c.key] } : {}),
        ...(linked.has(c.key) ? { font: { color: { argb: 'FF1F4E99' }, underline: true } } : {}),
      },
    }))
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheetColumns.length } }
    const header = sheet.getRow(1)
    header.font = { bold: true }
    header.fill = headerFill
    header.alignment = { vertical: 'middle' }
    header.commit()

    // exceljs gives every cell its own copy of the column's style and renders that copy to
    // XML to look up its style id: 4 s of a 100k-row sheet. Cells sharing one style object
    // per column and value type hit exceljs's cache of ids by object instead; the type is
    // part of the key because the id depends on it. Same ids, same file.
    const sharedStyles = new Map<string, Partial<ExcelJS.Style>>()
    let written = 0
    for (const batch of batches) {
      for (const record of batch) {
        const values = sheetRowOf(record, 'labels')
        const row = sheet.addRow(sheetColumns.map((c) => cellOf(c.key, values[c.key])))
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          const key = `${column} ${cell.type}`
          const style = sharedStyles.get(key)
          if (style) cell.style = style
          else sharedStyles.set(key, cell.style)
        })
        row.commit()
      }
      written += batch.length
      // The zip compresses off the main thread and hands `out` its output later, so `out`
      // never needs draining while this loop runs: without a turn of the event loop per
      // batch, the whole sheet was written in one go, every other request waiting (4.6 s
      // at 100k claims).
      if (out.writableNeedDrain) await once(out, 'drain')
      else await new Promise((resolve) => setImmediate(resolve))
    }
    sheet.commit()
    writeAboutSheet(workbook, about, written)
    await workbook.commit()
  }

  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))))
  return out
}

function writeAboutSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, about: ExportAbout, claimCount: number) {
  const sheet = workbook.addWorksheet('Export')
  sheet.columns = [
    { key: 'label', width: 22 },
    { key: 'value', width: 60, style: { alignment: { vertical: 'top', wrapText: true } } },
  ]
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true }
    return row
  }
  bold(sheet.addRow(['Verified-claims sheet'])).commit()
  const exportedAt = sheet.addRow(['Exported at', about.exportedAt])
  exportedAt.getCell(2).numFmt = 'yyyy-mm-dd hh:mm "UTC"'
  exportedAt.getCell(2).alignment = { horizontal: 'left' }
  exportedAt.commit()
  sheet.addRow(['Exported by', xmlText(about.exportedBy)]).commit()
  sheet.addRow(['Publisher', xmlText(`${about.publisher.name} (${about.publisher.url})`)]).commit()
  sheet.addRow(['Claims', claimCount]).commit()
  sheet.addRow([]).commit()
  bold(sheet.addRow(['Filters'])).commit()
  for (const [label, value] of about.filters) sheet.addRow([label, xmlText(value)]).commit()
  sheet.addRow([]).commit()
  bold(sheet.addRow(['Columns'])).commit()
  for (const column of sheetColumns) sheet.addRow([column.label, column.about]).commit()
  sheet.commit()
}
