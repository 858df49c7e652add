// An import in one go, for the command line and the benchmark: read the file, check every
// row, plan against the desk and, unless it is a dry run or a row has a problem, write
// the plan in one transaction. The import page does the same in steps (staging.server.ts).
import { db } from '#db/client.ts'
import { FieldError } from '#app/utils/errors.server.ts'
import { importLimitsOf } from '#app/utils/env.server.ts'
import { writeImport, type ImportCounts } from './commit.server.ts'
import { autoMapColumns, columnName, importFieldKeys, type ColumnMapping, type ImportFieldKey } from './fields.ts'
import { checkRows, planImport, reportOf, type ImportPlan } from './plan.server.ts'
import { importFileField, readImportFile, type ParsedImport, type UploadedFile } from './read-file.server.ts'
import type { ImportReport } from './report.ts'
import { foldForMatching } from '../text.ts'

export type ImportOptions = {
  /** The editor importing; null or absent for the import script, which the history names. */
  actorId?: string | null
  /** Check and plan only; nothing is written. */
  dryRun?: boolean
  /** Import rows that repeat a claim too (by default they are left out and listed). */
  includeDuplicates?: boolean
  /** Claim field → the heading of the column that fills it, over the automatic guess. */
  columns?: Partial<Record<ImportFieldKey, string | null>>
  maxRows?: number
}

export type ImportOutcome = {
  report: ImportReport
  /** What was written, or null when nothing was (a dry run, or rows with problems). */
  imported: ImportCounts | null
  headers: string[]
  mapping: ColumnMapping | null
}

/**
 * The mapping a sheet starts with: the automatic guess, with the given fields' columns
 * named by heading instead. A sheet without a column for the claim text cannot be
 * imported at all, so that is a problem of the file, not of its rows.
 */
export function startingMapping(
  parsed: ParsedImport,
  columns: Partial<Record<ImportFieldKey, string | null>> = {},
): ColumnMapping | null {
  if (parsed.format === 'json') return null
  const mapping = autoMapColumns(parsed.headers)
  for (const [field, heading] of Object.entries(columns) as Array<[ImportFieldKey, string | null]>) {
    if (!importFieldKeys.includes(field)) throw new FieldError({ columns: [`There is no claim field “${field}”.`] })
    if (heading === null || heading === '') {
      mapping[field] = null
      continue
    }
    const index = parsed.headers.findIndex((h) => foldForMatching(h) === foldForMatching(heading))
    if (index < 0) {
      throw new FieldError({
        columns: [
          `The file has no column “${heading}”. Its columns are ${parsed.headers.map((_, i) => `“${columnName(parsed.headers, i)}”`).join(', ')}.`,
        ],
      })
    }
    mapping[field] = index
  }
  if (mapping.claim === null) {
    throw new FieldError({
      [importFileField]: [
        'No column holds the claim text. Name that column “claim” in the header row and upload the file again; the other columns can be matched to claim fields in the preview.',
      ],
    })
  }
  return mapping
}

/**
 * Imports `file` (CSV, XLSX or JSON) into the desk: all rows in one transaction, or none.
 * A file that cannot be read at all throws a FieldError; rows with problems are reported
 * in the outcome, with nothing written.
 */
export async function importClaims(file: UploadedFile, options: ImportOptions = {}): Promise<ImportOutcome> {
  const maxRows = options.maxRows ?? importLimitsOf().maxRows
  const parsed = await readImportFile(file, { maxRows })
  const mapping = startingMapping(parsed, options.columns)
  const check = await checkRows(parsed, mapping)
  const done = (plan: ImportPlan, imported: ImportCounts | null): ImportOutcome => ({
    report: reportOf(plan, parsed.notes),
    imported,
    headers: parsed.headers,
    mapping,
  })
  if (options.dryRun) return done(planImport(db, check), null)
  // Planned again inside the transaction: what is written is what the desk holds at that moment.
  return db.transaction(
    (tx) => {
      const plan = planImport(tx, check)
      if (plan.problems.length > 0) return done(plan, null)
      const imported = writeImport(tx, plan, {
        actorId: options.actorId ?? null,
        fileName: file.name,
        includeDuplicates: options.includeDuplicates ?? false,
      })
      return done(plan, imported)
    },
    { behavior: 'immediate' },
  )
}
