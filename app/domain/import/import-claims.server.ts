// An import in one go, for the command line and the benchmark: read the file, check every
// row, plan against the desk and, unless it is a dry run or a row has a problem, write
// the plan in one transaction. The import page does the same in steps (staging.server.ts).
import { eq } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { users } from '#db/schema.ts'
import { FieldError, RefusedError } from '#app/utils/errors.server.ts'
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
  maxBytes?: number
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
  const limits = importLimitsOf()
  const parsed = await readImportFile(file, {
    maxRows: options.maxRows ?? limits.maxRows,
    maxBytes: options.maxBytes ?? limits.maxBytes,
  })
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

/**
 * Whom the import script acts for: an active editor or admin, by e-mail. The history
 * names them; without `--as` it names the import script.
 */
export function importActorByEmail(email: string) {
  const user = db
    .select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .get()
  if (!user) throw new RefusedError(`No account has the e-mail address ${email}.`)
  if (user.disabledAt) throw new RefusedError(`The account ${email} is disabled.`)
  if (user.role === 'viewer') throw new RefusedError(`${user.name} is a viewer; importing needs an editor or an admin.`)
  return user
}
