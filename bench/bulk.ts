// The bench's bulk operations: work on the whole desk at once (exports, imports), timed against DESIGN.md's targets with their memory. Each run happens in a child
// process of its own (bench/bulk-run.ts), so the memory it reports is its own.
//
// App modules are imported inside `prepare`, never at the top: bench/run.ts lists these
// cases before it has pointed DATABASE_URL at the bench file.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ExportFormat } from '#app/validation/export.ts'

export type BulkResult = { rows: number; bytes: number }

export type BulkCase = {
  group: 'export' | 'import'
  name: string
  /** DESIGN.md's time for the whole desk, where it sets one. */
  targetSeconds?: number
  /** Whether memory must stay flat (bench/memory.ts): checked against a run over a tenth of the rows. */
  flat: boolean
  /**
   * Untimed: loads modules and readies the input for a run over at most `limit` rows (all
   * when undefined). Returns the run itself, which is timed; it calls `sample` as it goes
   * (at least once per chunk it writes or reads) so peaks between timer ticks are seen.
   */
  prepare: (limit: number | undefined) => Promise<(sample: () => void) => Promise<BulkResult>>
}

/** A stream's end that counts the bytes and drops them, so only the export's own memory is measured. */
export function countingSink(sample: () => void) {
  const sink = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        sink.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length
        sample()
        done()
      },
    }),
    { bytes: 0 },
  )
  return sink
}

function exportCase(format: ExportFormat, label: string, targetSeconds?: number, flat = true): BulkCase {
  return {
    group: 'export',
    name: `${label}, every live claim`,
    targetSeconds,
    flat,
    async prepare(limit) {
      const { openExport } = await import('#app/domain/export/files.server.ts')
      const { countExport, resolveExportQuery } = await import('#app/domain/export/records.server.ts')
      const { ExportQuerySchema } = await import('#app/validation/export.ts')
      const query = ExportQuerySchema.parse({ status: 'any' })
      // JSON-LD leaves out the claims without a verdict; the count says what the file holds.
      const rows = Math.min(countExport(resolveExportQuery(query).query, format), limit ?? Infinity)
      return async (sample) => {
        const sink = countingSink(sample)
        const { stream } = openExport(query, format, 'Benchmark', { limit })
        await pipeline(stream, sink)
        return { rows, bytes: sink.bytes }
      }
    },
  }
}

/**
 * A generated file of 100k rows imported into a copy of the bench desk (so its claims are
 * there to be matched and duplicated against), a copy per run: the cached desk is shared by
 * every later run and must stay as generated. Not held to flat memory: the file is read whole.
 */
function importCase(format: 'csv' | 'xlsx', label: string): BulkCase {
  return {
    group: 'import',
    name: `${label}, 100k rows into the bench desk`,
    targetSeconds: 10,
    flat: false,
    async prepare(limit) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-import-'))
      const copy = path.join(dir, 'desk.db')
      fs.copyFileSync(process.env.DATABASE_URL!, copy)
      process.env.DATABASE_URL = copy
      const { importBenchFile } = await import('./import-file.ts')
      const { importClaims } = await import('#app/domain/import/import-claims.server.ts')
      const { closeDatabase } = await import('#db/client.ts')
      const rows = limit ?? 100_000
      const bytes = await importBenchFile(rows, format)
      return async (sample) => {
        const outcome = await importClaims({ name: `bench.${format}`, bytes }, { maxRows: rows })
        sample()
        if (!outcome.imported) throw new Error(`Nothing was imported: ${outcome.report.problems.length} problems.`)
        closeDatabase()
        fs.rmSync(dir, { recursive: true, force: true })
        return { rows: outcome.imported.claims, bytes: bytes.byteLength }
      }
    },
  }
}

export function bulkCases(): BulkCase[] {
  return [
    exportCase('csv', 'CSV', 2),
    // Not held to flat memory (DESIGN.md asks it of CSV): exceljs keeps every hyperlink of a
    // sheet, two a row, until the sheet ends, where XLSX wants them listed.
    exportCase('xlsx', 'XLSX', 15, false),
    exportCase('jsonld', 'ClaimReview JSON-LD'),
    exportCase('json', 'JSON'),
    importCase('csv', 'CSV'),
    importCase('xlsx', 'XLSX'),
  ]
}
