// Import files built in tests: CSV text, XLSX workbooks made with exceljs as a spreadsheet
// program would save them, and JSON exports.
import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { sheetColumns } from '#app/domain/export/sheet.ts'
import type { UploadedFile } from '#app/domain/import/read-file.server.ts'
import { db } from '#db/client.ts'

export function csvFile(text: string, name = 'claims.csv'): UploadedFile {
  return { name, bytes: Buffer.from(text, 'utf8') }
}

/** A CSV of the export's columns: a header of keys and one line per row, cells quoted as needed. */
export function exportCsv(rows: Array<Record<string, string>>, { bom = true, delimiter = ',' } = {}) {
  const keys = sheetColumns.map((c) => c.key)
  const cell = (value: string) =>
    /["\n\r]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value
  const lines = [keys.join(delimiter), ...rows.map((row) => keys.map((k) => cell(row[k] ?? '')).join(delimiter))]
  return csvFile(`${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`)
}

export type XlsxCell = ExcelJS.CellValue

/** A workbook whose first sheet holds `rows` (the first is the header), as Excel would save it. */
export async function xlsxFile(rows: XlsxCell[][], name = 'claims.xlsx', extraSheet = true): Promise<UploadedFile> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Claims')
  for (const row of rows) sheet.addRow(row)
  // The export adds its filters on a second sheet; the importer must leave it alone.
  if (extraSheet) workbook.addWorksheet('Export').addRow(['Status', 'verified'])
  return { name, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) }
}

export function jsonFile(desk: unknown, name = 'claims.json'): UploadedFile {
  return { name, bytes: Buffer.from(JSON.stringify(desk), 'utf8') }
}

const countedTables = [
  'claims',
  'speakers',
  'speaker_aliases',
  'sources',
  'evidence',
  'claim_links',
  'tags',
  'claim_tags',
  'claim_events',
  'claims_fts',
] as const

/** How many rows every table the import writes holds: equal before and after means nothing was written. */
export function tableCounts(): Record<(typeof countedTables)[number], number> {
  return Object.fromEntries(
    countedTables.map((table) => [
      table,
      db.get<{ n: number }>(sql`select count(*) as n from ${sql.identifier(table)}`)!.n,
    ]),
  ) as Record<(typeof countedTables)[number], number>
}
