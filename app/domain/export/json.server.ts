import { Readable } from 'node:stream'
import type { Publisher } from '#app/utils/env.server.ts'
import type { ExportAbout } from './about.ts'
import { claimReviewOf } from './claim-review.ts'
import { jsonExportFormat, type ExportedClaim, type ExportedDesk } from './sheet.ts'

/** A JSON array written one element at a time, so the whole document never sits in memory. */
function jsonArrayStream<T>(batches: Iterable<T[]>, opening: string, closing: string) {
  return Readable.from(
    (function* () {
      yield opening
      let first = true
      for (const batch of batches) {
        if (batch.length === 0) continue
        yield (first ? '\n' : ',\n') + batch.map((item) => JSON.stringify(item)).join(',\n')
        first = false
      }
      yield `${first ? '' : '\n'}${closing}\n`
    })(),
    { objectMode: false },
  )
}

/** The full records, for backups and other tools: the importer reads this back. */
export function jsonStream(batches: Iterable<ExportedClaim[]>, about: ExportAbout) {
  const envelope: Omit<ExportedDesk, 'claims'> = {
    format: jsonExportFormat,
    version: 1,
    exportedAt: about.exportedAt.toISOString(),
    exportedBy: about.exportedBy,
    filters: Object.fromEntries(about.filters),
  }
  const head = JSON.stringify(envelope)
  return jsonArrayStream(batches, `${head.slice(0, -1)},"claims":[`, ']}')
}

/** JSON-LD: an array of ClaimReview documents, each with its own context, as fact-check feeds list them. */
export function claimReviewStream(batches: Iterable<ExportedClaim[]>, publisher: Publisher) {
  function* reviews() {
    for (const batch of batches) {
      yield batch.flatMap((record) =>
        record.verdict ? [claimReviewOf({ ...record, verdict: record.verdict }, publisher)] : [],
      )
    }
  }
  return jsonArrayStream(reviews(), '[', ']')
}
