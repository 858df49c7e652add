// The import page's steps (decision 015): an upload is read and checked once and staged
// with its preview; the editor may change which column fills which claim field, which
// checks the rows again; then the import runs in one transaction, or the file is
// discarded. A staged import is its uploader's (and an admin's) only: to anyone else it
// does not exist.
import { and, desc, eq } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { stagedImports, users } from '#db/schema.ts'
import type { DbOrTx } from '#db/types.ts'
import { FieldError, NotFoundError, RefusedError } from '#app/utils/errors.server.ts'
import { importLimitsOf } from '#app/utils/env.server.ts'
import type { Role } from '../vocabulary.ts'
import type { SheetRow } from './cells.ts'
import { writeImport } from './commit.server.ts'
import { completeMapping, mappingProblems, type ColumnMapping } from './fields.ts'
import { startingMapping } from './import-claims.server.ts'
import { checkRows, importedClaims, planImport, reportOf } from './plan.server.ts'
import type { ImportProgress } from './progress.server.ts'
import { readImportFile, type ParsedImport, type UploadedFile } from './read-file.server.ts'
import type { ImportReport } from './report.ts'

export type ImportUser = { id: string; role: Role }

type Progress = (progress: ImportProgress) => void

/**
 * Reads and checks an uploaded file and keeps it, with its preview, for its uploader.
 * A file that cannot be imported at all (empty, too large, unreadable, no claim column)
 * is refused with a FieldError on the file field and nothing is kept.
 */
export async function stageImport(owner: ImportUser, file: UploadedFile, onProgress?: Progress) {
  const { maxRows } = importLimitsOf()
  const parsed = await readImportFile(file, {
    maxRows,
    onProgress: (rows) => onProgress?.({ phase: 'reading', rows, checked: 0 }),
  })
  const mapping = startingMapping(parsed)
  const report = await checkParsed(parsed, mapping, onProgress)
  onProgress?.({ phase: 'saving', rows: parsed.rows.length, checked: parsed.rows.length })
  const { id } = db
    .insert(stagedImports)
    .values({
      ownerId: owner.id,
      fileName: file.name,
      format: parsed.format,
      sizeBytes: file.bytes.byteLength,
      rowCount: report.rowCount,
      headers: parsed.headers,
      rows: parsed.rows,
      mapping,
      report,
    })
    .returning({ id: stagedImports.id })
    .get()
  return id
}

async function checkParsed(parsed: ParsedImport, mapping: ColumnMapping | null, onProgress?: Progress) {
  const rows = parsed.rows.length
  onProgress?.({ phase: 'checking', rows, checked: 0 })
  const check = await checkRows(parsed, mapping, (checked) => onProgress?.({ phase: 'checking', rows, checked }))
  return reportOf(planImport(db, check), parsed.notes)
}

const summaryColumns = {
  id: stagedImports.id,
  ownerId: stagedImports.ownerId,
  fileName: stagedImports.fileName,
  format: stagedImports.format,
  sizeBytes: stagedImports.sizeBytes,
  rowCount: stagedImports.rowCount,
  status: stagedImports.status,
  committedAt: stagedImports.committedAt,
  createdClaimCount: stagedImports.createdClaimCount,
  createdAt: stagedImports.createdAt,
}

/** The staged import if `user` may see it: its uploader or an admin. Anyone else is told there is none. */
function visibleImport(tx: DbOrTx, id: number, user: ImportUser) {
  const row = tx
    .select({ ...summaryColumns, headers: stagedImports.headers, mapping: stagedImports.mapping })
    .from(stagedImports)
    .where(eq(stagedImports.id, id))
    .get()
  if (!row || (row.ownerId !== user.id && user.role !== 'admin')) throw new NotFoundError('Import')
  return row
}

/** The staged rows as they were read, for checking them again. */
function parsedOf(tx: DbOrTx, staged: ReturnType<typeof visibleImport>, notes: string[]): ParsedImport {
  const rows = tx
    .select({ rows: stagedImports.rows })
    .from(stagedImports)
    .where(eq(stagedImports.id, staged.id))
    .get()?.rows
  if (!rows) throw new RefusedError('This import has ended; its rows are no longer kept.')
  return staged.format === 'json'
    ? { format: 'json', headers: [], rows, notes }
    : { format: staged.format, headers: staged.headers, rows: rows as SheetRow[], notes }
}

/** The preview stored with a staged import; `visibleImport` says first whether the user may see it. */
function storedReport(tx: DbOrTx, id: number) {
  return tx.select({ report: stagedImports.report }).from(stagedImports).where(eq(stagedImports.id, id)).get()!
    .report as ImportReport
}

/** A staged import with its preview and who uploaded it. */
export function getStagedImport(id: number, user: ImportUser) {
  const staged = visibleImport(db, id, user)
  const report = storedReport(db, id)
  const owner = db.select({ name: users.name }).from(users).where(eq(users.id, staged.ownerId)).get()
  return {
    ...staged,
    mapping: staged.mapping ? completeMapping(staged.mapping) : null,
    ownerName: owner?.name ?? null,
    report,
  }
}
export type StagedImport = ReturnType<typeof getStagedImport>

function assertStaged(staged: { status: string }) {
  if (staged.status === 'committed') throw new RefusedError('This file has been imported already.')
  if (staged.status === 'discarded') throw new RefusedError('This import was discarded. Upload the file again.')
}

/**
 * Checks the staged rows again with another column mapping. A mapping that cannot work
 * (no column for the claim text, one column for two fields) is a FieldError per field.
 */
export async function remapStagedImport(id: number, user: ImportUser, mapping: ColumnMapping) {
  const staged = visibleImport(db, id, user)
  assertStaged(staged)
  if (staged.format === 'json') throw new RefusedError('A JSON export has no columns to match.')
  const problems = mappingProblems(mapping, staged.headers)
  if (problems) throw new FieldError(Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v]])))
  const previous = storedReport(db, id)
  const report = await checkParsed(parsedOf(db, staged, previous.notes), mapping)
  db.update(stagedImports)
    .set({ mapping, report, rowCount: report.rowCount, updatedAt: new Date() })
    .where(and(eq(stagedImports.id, id), eq(stagedImports.status, 'staged')))
    .run()
}

export type CommitOutcome = { createdClaimCount: number; alreadyImported: boolean }

/**
 * Imports a staged file: every row, planned again against the desk as it is at that
 * moment, in one transaction with the status change, or nothing. `checkedAt` names the
 * preview the editor confirmed. Refused while a row has a problem, when that preview is
 * no longer the latest (the mapping was changed in another tab), and when the desk
 * changed so that the number of claims is not the one the editor saw (a colleague logged
 * one of them meanwhile): the preview is brought up to date instead. Submitting twice
 * imports once: the second finds the import done.
 */
export async function commitStagedImport(
  id: number,
  user: ImportUser,
  { includeDuplicates, checkedAt }: { includeDuplicates: boolean; checkedAt: string },
): Promise<CommitOutcome> {
  const staged = visibleImport(db, id, user)
  if (staged.status === 'committed') return { createdClaimCount: staged.createdClaimCount ?? 0, alreadyImported: true }
  assertStaged(staged)
  const previous = storedReport(db, id)
  if (previous.checkedAt !== checkedAt) {
    throw new RefusedError(
      'The preview has changed since you opened it, so nothing was imported. Check it below and import again.',
    )
  }
  const expectedClaims = includeDuplicates ? previous.claimsWithDuplicates : previous.claimsToImport
  const parsed = parsedOf(db, staged, previous.notes)
  // Rows are read on their own outside the transaction; what depends on the desk is planned inside.
  const check = await checkRows(parsed, staged.mapping ? completeMapping(staged.mapping) : null)
  const outcome = db.transaction(
    (tx) => {
      const current = tx
        .select({ status: stagedImports.status, createdClaimCount: stagedImports.createdClaimCount })
        .from(stagedImports)
        .where(eq(stagedImports.id, id))
        .get()!
      if (current.status === 'committed') {
        return { done: { createdClaimCount: current.createdClaimCount ?? 0, alreadyImported: true } }
      }
      assertStaged(current)
      const plan = planImport(tx, check)
      const report = reportOf(plan, parsed.notes)
      const claimCount = importedClaims(plan, includeDuplicates).length
      if (plan.problems.length > 0) {
        return {
          report,
          refusal: `${report.problemRowCount === 1 ? 'One row has' : `${report.problemRowCount} rows have`} problems, so nothing was imported. The preview shows them.`,
        }
      }
      if (claimCount !== expectedClaims) {
        return {
          report,
          refusal: `The desk changed since this preview was made: the import would now add ${claimCount} ${claimCount === 1 ? 'claim' : 'claims'}, not ${expectedClaims}. Nothing was imported; check the preview below and import again.`,
        }
      }
      const counts = writeImport(tx, plan, { actorId: user.id, fileName: staged.fileName, includeDuplicates })
      tx.update(stagedImports)
        .set({
          status: 'committed',
          committedAt: new Date(),
          createdClaimCount: counts.claims,
          report: { ...report, imported: counts },
          rows: null,
          updatedAt: new Date(),
        })
        .where(eq(stagedImports.id, id))
        .run()
      return { done: { createdClaimCount: counts.claims, alreadyImported: false } }
    },
    { behavior: 'immediate' },
  )
  if ('done' in outcome && outcome.done) return outcome.done
  // Written after the refused transaction: the preview shows what the import met.
  db.update(stagedImports)
    .set({ report: outcome.report, updatedAt: new Date() })
    .where(and(eq(stagedImports.id, id), eq(stagedImports.status, 'staged')))
    .run()
  throw new RefusedError(outcome.refusal!)
}

/** Drops a staged file; its rows go, the record of the upload stays. */
export function discardStagedImport(id: number, user: ImportUser) {
  db.transaction((tx) => {
    const staged = visibleImport(tx, id, user)
    if (staged.status === 'discarded') return
    assertStaged(staged)
    tx.update(stagedImports)
      .set({ status: 'discarded', rows: null, updatedAt: new Date() })
      .where(and(eq(stagedImports.id, id), eq(stagedImports.status, 'staged')))
      .run()
  })
}

/** The editor's latest uploads, newest first, for the import page. */
export function listRecentImports(ownerId: string, limit = 20) {
  return db
    .select(summaryColumns)
    .from(stagedImports)
    .where(eq(stagedImports.ownerId, ownerId))
    .orderBy(desc(stagedImports.createdAt), desc(stagedImports.id))
    .limit(limit)
    .all()
}
