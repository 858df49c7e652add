// Reading an uploaded import file into rows, once: a CSV (any of the usual delimiters,
// with or without BOM), the first sheet of an XLSX workbook, or a JSON export of a desk.
// Whatever makes the file unusable as a whole is a FieldError on the upload's file field,
// with what to do about it; problems of single rows are left to the row checks.
// A `.server` module although it touches no database: csv-parse and exceljs are Node
// libraries that must never be bundled for the browser.
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import { FieldError } from '#app/utils/errors.server.ts'
import { formatBytes, formatCount } from '#app/utils/format.ts'
import { jsonExportFormat } from '../export/sheet.ts'
import type { ImportFormat } from '../vocabulary.ts'
import { dateCellText, isBlankRow, stripFormulaGuard, type SheetRow } from './cells.ts'

/** The upload form's file field, where every file-level message is shown. */
export const importFileField = 'file'

export type UploadedFile = { name: string; bytes: Uint8Array }

export type ParsedImport =
  | { format: 'csv' | 'xlsx'; headers: string[]; rows: SheetRow[]; notes: string[] }
  | { format: 'json'; headers: string[]; rows: unknown[]; notes: string[] }

export type ReadProgress = (rowsRead: number) => void

export type ReadOptions = { maxRows: number; maxBytes?: number; onProgress?: ReadProgress }

function refuse(message: string): never {
  throw new FieldError({ [importFileField]: [message] })
}

function tooManyRows(count: number | null, maxRows: number): never {
  refuse(
    `The file has ${count === null ? 'more than ' + formatCount(maxRows) : formatCount(count)} rows; one import takes at most ${formatCount(maxRows)}. Split it into smaller files and import them one after another.`,
  )
}

/** The upload form refuses these before reading them (import-upload.server.ts); the script here. */
export function tooLarge(maxBytes: number): never {
  refuse(
    `The file is larger than ${formatBytes(maxBytes)}, the most one import takes. Split it into smaller files and import them one after another.`,
  )
}

/** Lets the server answer other requests (the upload's progress, say) during a long read. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b)
const zipSignature = [0x50, 0x4b, 0x03, 0x04]
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0]

/** What the file is, by its name and its first bytes: a renamed file is told apart by its content. */
export function importFormatOf(file: UploadedFile): ImportFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name.trim())?.[1]?.toLowerCase() ?? ''
  if (startsWith(file.bytes, oleSignature)) {
    refuse('Old Excel files (.xls) cannot be read. Save the sheet as .xlsx or as CSV (UTF-8) and upload that.')
  }
  const zip = startsWith(file.bytes, zipSignature)
  if (extension === 'xlsx' || extension === 'xlsm') {
    if (!zip) refuse(`“${file.name}” is not an XLSX workbook inside. Save it from your spreadsheet program again.`)
    return 'xlsx'
  }
  if (extension === 'json') return 'json'
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') {
    if (zip) refuse(`“${file.name}” is a zipped file, not text. If it is a workbook, give it the .xlsx ending.`)
    return 'csv'
  }
  if (zip) return 'xlsx'
  refuse(`Claim desk imports .csv, .xlsx and .json files; “${file.name}” is none of them.`)
}

export async function readImportFile(file: UploadedFile, options: ReadOptions): Promise<ParsedImport> {
  if (file.bytes.byteLength === 0) refuse('The file is empty. Choose the file with the claims.')
  if (options.maxBytes !== undefined && file.bytes.byteLength > options.maxBytes) tooLarge(options.maxBytes)
  const format = importFormatOf(file)
  if (format === 'xlsx') return readXlsx(file.bytes, options)
  const { text, notes } = decodeText(file.bytes)
  if (format === 'json') return readJson(text, options, notes)
  return readCsv(text, options, notes)
}

/**
 * The file's text. UTF-8 is expected (the export writes it, with a BOM); a file that is
 * not valid UTF-8 is most likely a CSV saved by Excel on a Western European Windows, so it
 * is read as Windows-1252 and the preview says so.
 */
function decodeText(bytes: Uint8Array) {
  if (bytes.subarray(0, 8192).includes(0)) {
    refuse('This file is not a text file. Upload the CSV itself, or save the sheet as CSV (UTF-8).')
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), notes: [] as string[] }
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      notes: [
        'The file is not UTF-8, so it was read as Windows-1252 (Western European). If umlauts look wrong below, save the sheet as “CSV UTF-8” and upload it again.',
      ],
    }
  }
}

/**
 * The delimiter a CSV uses: whichever of comma, semicolon (German Excel) and tab occurs
 * most in the header row, outside quotes. A one-column file has none and reads as comma.
 */
export function detectDelimiter(text: string) {
  const counts = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) break
    else if (!quoted && c in counts) counts[c as keyof typeof counts]++
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!
  return n > 0 ? best : ','
}

/** csv-parse's reasons, in words that say where to look. */
function csvFailure(error: unknown): never {
  const { code, lines } = error as { code?: string; lines?: number }
  const where = lines ? ` (near line ${lines} of the file)` : ''
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      refuse(`The CSV file could not be read: a quoted cell is never closed${where}. Check the quotes in that cell.`)
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      refuse(
        `The CSV file could not be read: a cell has text after its closing quote${where}. Quotes inside a quoted cell are written twice ("").`,
      )
    default:
      refuse(
        `The CSV file could not be read${where}: ${(error as Error).message}. Save it from your spreadsheet as CSV (UTF-8) and try again.`,
      )
  }
}

/** Cut into pieces for the parser, so a large file does not hold up the server in one go. */
const csvSliceLength = 1 << 20

async function readCsv(text: string, { maxRows, onProgress }: ReadOptions, notes: string[]): Promise<ParsedImport> {
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  if (text.trim() === '') refuse('The file is empty. Choose the file with the claims.')
  const delimiter = detectDelimiter(text)
  if (delimiter !== ',') notes.push(`Cells are separated by ${delimiter === ';' ? 'semicolons' : 'tabs'}.`)
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: false })
  let headers: string[] | null = null
  const rows: SheetRow[] = []
  let dataRows = 0
  let line = 0
  let failure: unknown = null
  parser.on('readable', () => {
    let record: string[] | null
    while ((record = parser.read() as string[] | null) !== null) {
      line++
      const cells = record.map(stripFormulaGuard)
      if (headers === null) {
        headers = cells
        continue
      }
      if (isBlankRow(cells)) continue
      dataRows++
      rows.push({ line, cells })
    }
  })
  const ended = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve)
    parser.on('error', (error) => {
      failure = error
      reject(error)
    })
  })
  // Awaited below; until then a failure must not count as an unhandled rejection.
  ended.catch(() => {})
  for (let start = 0; start < text.length && failure === null; start += csvSliceLength) {
    parser.write(text.slice(start, start + csvSliceLength))
    // Past the limit with more to come: no need to read the rest to refuse it.
    if (dataRows > maxRows && start + csvSliceLength < text.length) {
      parser.destroy()
      tooManyRows(null, maxRows)
    }
    onProgress?.(dataRows)
    await yieldToEventLoop()
  }
  if (failure === null) parser.end()
  try {
    await ended
  } catch (error) {
    csvFailure(error)
  }
  if (dataRows > maxRows) tooManyRows(dataRows, maxRows)
  return sheetOf('csv', headers, rows, notes)
}

function sheetOf(format: 'csv' | 'xlsx', headers: string[] | null, rows: SheetRow[], notes: string[]): ParsedImport {
  if (headers === null || isBlankRow(headers)) {
    refuse(
      'The file has no header row. Its first row must name the columns, such as claim, speaker and source_url (the columns are listed beside the upload).',
    )
  }
  if (rows.length === 0) refuse('The file has a header row but no claims below it.')
  // Trailing empty headings are the spreadsheet's padding, not columns.
  let width = headers.length
  while (width > 0 && headers[width - 1]!.trim() === '') width--
  return { format, headers: headers.slice(0, width).map((h) => h.trim()), rows, notes }
}

type CellValue = ExcelJS.CellValue

/** An XLSX cell's text as the sheet shows it; rich text, formulas and dates included. */
function xlsxCellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return stripFormulaGuard(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return dateCellText(value)
  if (typeof value === 'object') {
    if ('richText' in value) return stripFormulaGuard(value.richText.map((part) => part.text).join(''))
    if ('hyperlink' in value) {
      const text = xlsxCellText(value.text as CellValue)
      return text === '' ? value.hyperlink : text
    }
    if ('result' in value) return xlsxCellText(value.result as CellValue)
    if ('error' in value) return String(value.error)
  }
  return ''
}

async function readXlsx(bytes: Uint8Array, { maxRows, onProgress }: ReadOptions): Promise<ParsedImport> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
  } catch {
    refuse(
      'The XLSX workbook could not be read: it may be damaged or protected by a password. Save it again from your spreadsheet program, or as CSV (UTF-8).',
    )
  }
  // The sheet with the claims comes first; others (the export's filters, notes) are left alone.
  const sheet = workbook.worksheets[0]
  if (!sheet) refuse('The workbook has no sheets.')
  let headers: string[] | null = null
  const rows: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as CellValue[]
    const cells: string[] = []
    let links: Record<number, string> | undefined
    for (let i = 1; i < values.length; i++) {
      const value = values[i]
      cells.push(xlsxCellText(value))
      if (value && typeof value === 'object' && 'hyperlink' in value && typeof value.hyperlink === 'string') {
        ;(links ??= {})[i - 1] = value.hyperlink
      }
    }
    if (line === 1) {
      headers = cells
      return
    }
    if (isBlankRow(cells) || rows.length > maxRows) return
    rows.push(links ? { line, cells, links } : { line, cells })
  })
  if (rows.length > maxRows) tooManyRows(null, maxRows)
  onProgress?.(rows.length)
  return sheetOf('xlsx', headers, rows, [])
}

async function readJson(text: string, { maxRows, onProgress }: ReadOptions, notes: string[]): Promise<ParsedImport> {
  let desk: unknown
  try {
    desk = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text)
  } catch (error) {
    refuse(`The JSON file could not be read: ${(error as Error).message}.`)
  }
  const envelope = (desk ?? {}) as Record<string, unknown>
  if (typeof desk !== 'object' || Array.isArray(desk) || envelope.format !== jsonExportFormat) {
    refuse(
      `This JSON file is not a Claim desk export: its "format" must be "${jsonExportFormat}". Export JSON from a Claim desk, or use a CSV or XLSX sheet.`,
    )
  }
  if (envelope.version !== 1) {
    refuse(`This export is version ${JSON.stringify(envelope.version)}; this desk reads version 1. Export it again.`)
  }
  if (!Array.isArray(envelope.claims)) refuse('This export has no list of claims ("claims").')
  if (envelope.claims.length === 0) refuse('This export holds no claims.')
  if (envelope.claims.length > maxRows) tooManyRows(envelope.claims.length, maxRows)
  if (typeof envelope.exportedBy === 'string' && envelope.exportedBy) {
    notes.push(
      `Exported by ${envelope.exportedBy}${typeof envelope.exportedAt === 'string' ? ` on ${envelope.exportedAt.slice(0, 10)}` : ''}.`,
    )
  }
  onProgress?.(envelope.claims.length)
  return { format: 'json', headers: [], rows: envelope.claims as unknown[], notes }
}
