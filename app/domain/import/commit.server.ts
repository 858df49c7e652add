// Writing a checked import plan to the desk, inside the caller's transaction: the new
// speakers with their spellings, the new sources, the claims with their tags, evidence
// and links, and one `imported` event per claim. Rows are written many to a statement and
// ids are handed out up front, so 100k claims take seconds, not minutes (decision 015).
import type { Statement } from 'better-sqlite3'
import { getTableColumns, getTableName, inArray, sql } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { getConnection } from '#db/client.ts'
import {
  claimEvents,
  claimLinks,
  claims,
  claimTags,
  evidence,
  sources,
  speakerAliases,
  speakers,
  tags,
} from '#db/schema.ts'
import type { Tx } from '#db/types.ts'
import { recordReference } from '../labels.ts'
import { foldForMatching } from '../text.ts'
import type { ClaimStatus } from '../vocabulary.ts'
import { importedClaims, plannedLinks, type ImportPlan } from './plan.server.ts'
import { indexClaimsAfter } from './search-index.server.ts'

export type ImportContext = {
  /** The editor importing, or null for the import script run without `--as`. */
  actorId: string | null
  fileName: string
  includeDuplicates: boolean
  now?: Date
}

export type ImportCounts = {
  claims: number
  speakersCreated: number
  sourcesCreated: number
  evidence: number
  links: number
}

/** SQLite takes up to 32766 values in one statement; a batch stays well below. */
const valuesPerStatement = 30_000

/**
 * Writes rows of one table many to a statement, as they are added: a full batch goes out
 * at once, so 100k claims never sit in memory as row objects. Building each batch through
 * drizzle's query builder took longer than SQLite took to write it, so the statement is
 * written here once and prepared; the column names and each value's encoding (dates as
 * milliseconds, JSON as text) still come from the schema's own columns. Every row gives
 * the same fields, in the same order; columns left out take their defaults.
 */
type BulkInsert = { flush: () => void }

function bulkInsert<Row extends Record<string, unknown>>(
  table: SQLiteTable,
  { skipExisting = false, parents = [] as BulkInsert[] } = {},
) {
  const schemaColumns = getTableColumns(table)
  const { sqlite } = getConnection()
  let fields: string[] = []
  let encoders: Array<(value: unknown) => unknown> = []
  let batchSize = 0
  let values: unknown[] = []
  let pending = 0
  let written = 0
  const statements = new Map<number, Statement>()
  const statementFor = (rowCount: number) => {
    let statement = statements.get(rowCount)
    if (!statement) {
      const names = fields.map((field) => `"${schemaColumns[field]!.name}"`).join(', ')
      const tuple = `(${fields.map(() => '?').join(', ')})`
      statement = sqlite.prepare(
        `insert into "${getTableName(table)}" (${names}) values ${Array(rowCount).fill(tuple).join(', ')}${skipExisting ? ' on conflict do nothing' : ''}`,
      )
      statements.set(rowCount, statement)
    }
    return statement
  }
  const flush = () => {
    if (pending === 0) return
    // The rows these point at go first, or their foreign keys would point at nothing yet.
    for (const parent of parents) parent.flush()
    statementFor(pending).run(values)
    written += pending
    values = []
    pending = 0
  }
  return {
    flush,
    add(row: Row) {
      if (fields.length === 0) {
        fields = Object.keys(row)
        // Text and numbers are stored as they are; dates and JSON go through the column's encoder.
        encoders = fields.map((field) => {
          const column = schemaColumns[field]!
          return (value) =>
            value === null || value === undefined
              ? null
              : typeof value === 'object'
                ? column.mapToDriverValue(value)
                : value
        })
        batchSize = Math.max(1, Math.floor(valuesPerStatement / fields.length))
      }
      for (let i = 0; i < fields.length; i++) values.push(encoders[i]!(row[fields[i]!]))
      if (++pending === batchSize) flush()
    },
    /** Writes what is left; returns how many rows were written in all. */
    finish() {
      flush()
      return written
    },
  }
}

/**
 * The id the next row of a table gets. The tables are AUTOINCREMENT, so ids are never
 * reused: past the highest id ever handed out, not only the highest left. Safe because
 * the import's transaction is immediate: no other writer can take one meanwhile.
 */
function nextId(tx: Tx, table: 'claims' | 'speakers' | 'sources') {
  const row = tx.get<{ next: number }>(sql`
    select max(
      coalesce((select seq from sqlite_sequence where name = ${table}), 0),
      coalesce((select max(id) from ${sql.identifier(table)}), 0)
    ) + 1 as next`)
  return row?.next ?? 1
}

/** When a claim in review or verified was submitted: as the file says, else when the import put it in review. */
function submittedAtOf(status: ClaimStatus, submittedAt: Date | null, verifiedAt: Date | null, now: Date) {
  if (status === 'in_review') return submittedAt ?? now
  if (status === 'verified') return submittedAt ?? verifiedAt
  return null
}

export function writeImport(tx: Tx, plan: ImportPlan, context: ImportContext): ImportCounts {
  const now = context.now ?? new Date()
  const actorId = context.actorId
  const rows = importedClaims(plan, context.includeDuplicates)

  // Only what the imported claims use: a speaker named only by a skipped duplicate is not added.
  const speakerIds = new Map<string, number>()
  const newSpeakers = bulkInsert<typeof speakers.$inferInsert>(speakers)
  const newAliases = bulkInsert<typeof speakerAliases.$inferInsert>(speakerAliases, { parents: [newSpeakers] })
  let speakerId = nextId(tx, 'speakers')
  for (const claim of rows) {
    if (!claim.speaker || speakerIds.has(claim.speaker.key)) continue
    const speakerPlan = plan.speakers.get(claim.speaker.key)!
    if (speakerPlan.match) {
      speakerIds.set(claim.speaker.key, speakerPlan.match.id)
      continue
    }
    const { name, kind, role, organisation, country, wikidataId, aliases } = speakerPlan.candidate
    const id = speakerId++
    speakerIds.set(claim.speaker.key, id)
    newSpeakers.add({
      id,
      name,
      kind,
      role,
      organisation,
      country,
      wikidataId,
      createdById: actorId,
      updatedById: actorId,
      createdAt: now,
      updatedAt: now,
    })
    // The name is a spelling too, as the speaker form stores it (speakers.server.ts).
    const seen = new Set<string>()
    for (const alias of [name, ...aliases]) {
      const aliasKey = foldForMatching(alias)
      if (!aliasKey || seen.has(alias)) continue
      seen.add(alias)
      newAliases.add({ speakerId: id, alias, aliasKey })
    }
  }
  const speakersCreated = newSpeakers.finish()
  newAliases.finish()

  const sourceIds = new Map<string, number>()
  const newSources = bulkInsert<typeof sources.$inferInsert>(sources)
  let sourceId = nextId(tx, 'sources')
  for (const claim of rows) {
    for (const { source } of claim.evidence) {
      if (sourceIds.has(source.key)) continue
      const sourcePlan = plan.sources.get(source.key)!
      if (sourcePlan.match) {
        sourceIds.set(source.key, sourcePlan.match.id)
        continue
      }
      const { url, title, outlet, author, publishedOn, language, kind, excerpt, archiveUrl, retrievedOn, notes } =
        sourcePlan.candidate
      const id = sourceId++
      sourceIds.set(source.key, id)
      newSources.add({
        id,
        url,
        title,
        outlet,
        author,
        publishedOn,
        language,
        kind,
        excerpt,
        archiveUrl,
        retrievedOn,
        notes,
        createdById: actorId,
        updatedById: actorId,
        createdAt: now,
        updatedAt: now,
      })
    }
  }
  const sourcesCreated = newSources.finish()

  const tagNames = [...new Set(rows.flatMap((c) => c.tags))]
  const newTags = bulkInsert<typeof tags.$inferInsert>(tags, { skipExisting: true })
  for (const name of tagNames) newTags.add({ name })
  newTags.finish()
  const tagIds = new Map<string, number>()
  for (let start = 0; start < tagNames.length; start += 500) {
    const names = tagNames.slice(start, start + 500)
    for (const tag of tx.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.name, names)).all()) {
      tagIds.set(tag.name, tag.id)
    }
  }

  const firstId = nextId(tx, 'claims')
  const claimIds = new Map<number, number>()
  const newClaims = bulkInsert<typeof claims.$inferInsert>(claims)
  const parents = [newClaims]
  const newClaimTags = bulkInsert<typeof claimTags.$inferInsert>(claimTags, { parents })
  const newEvidence = bulkInsert<typeof evidence.$inferInsert>(evidence, { parents })
  const newEvents = bulkInsert<typeof claimEvents.$inferInsert>(claimEvents, { parents })
  let evidenceCount = 0
  indexClaimsAfter(tx, { firstId, lastId: firstId + rows.length - 1 }, () => {
    rows.forEach((claim, index) => {
      const id = firstId + index
      if (claim.fileId !== null) claimIds.set(claim.fileId, id)
      const claimSpeakerId = claim.speaker ? speakerIds.get(claim.speaker.key)! : null
      const claimSourceId = claim.source ? sourceIds.get(claim.source.key)! : null
      newClaims.add({
        id,
        text: claim.text,
        quote: claim.quote,
        language: claim.language,
        speakerId: claimSpeakerId,
        sourceId: claimSourceId,
        claimedOn: claim.claimedOn,
        status: claim.status,
        verdict: claim.verdict,
        rationale: claim.rationale,
        // Who checked and approved it are names from another desk, not accounts here: they
        // go into the history below. A claim arriving in review counts as submitted by the
        // editor importing it, so a colleague approves it (four eyes), not the importer.
        submittedById: claim.status === 'in_review' ? actorId : null,
        submittedAt: submittedAtOf(claim.status, claim.submittedAt, claim.verifiedAt, now),
        approvedAt: claim.status === 'verified' ? claim.verifiedAt : null,
        createdById: actorId,
        updatedById: actorId,
        createdAt: now,
        updatedAt: now,
      })
      for (const name of claim.tags) newClaimTags.add({ claimId: id, tagId: tagIds.get(name)! })
      // Two rows of the file can mean one source (its URL and its title): one piece of evidence per role.
      const attached = new Set<string>()
      for (const item of claim.evidence) {
        const evidenceSourceId = sourceIds.get(item.source.key)!
        const key = `${evidenceSourceId}|${item.role}`
        if (attached.has(key)) continue
        attached.add(key)
        evidenceCount++
        newEvidence.add({
          claimId: id,
          sourceId: evidenceSourceId,
          role: item.role,
          note: item.note,
          createdById: actorId,
          createdAt: now,
        })
      }
      const speakerPlan = claim.speaker ? plan.speakers.get(claim.speaker.key) : undefined
      const sourcePlan = claim.source ? plan.sources.get(claim.source.key) : undefined
      // The one history event: where the claim came from, how far its check had come and
      // the other desk's reviewers, who are not accounts here. The claim's words are not
      // copied: this is the claim's first version, and any later edit records what it was.
      newEvents.add({
        claimId: id,
        actorId,
        type: 'imported',
        at: now,
        after: {
          file: context.fileName,
          row: claim.row,
          status: claim.status,
          verdict: claim.verdict,
          checkedBy: claim.checkedBy,
          approvedBy: claim.approvedBy,
          verifiedAt: claim.verifiedAt?.toISOString() ?? null,
          speaker: recordReference(speakerPlan?.match?.name ?? claim.speaker?.name ?? null, claimSpeakerId),
          source: recordReference(sourcePlan?.match?.title ?? claim.source?.title ?? null, claimSourceId),
        },
      })
    })
    newClaims.finish()
    newClaimTags.finish()
    newEvidence.finish()
  })
  newEvents.finish()

  const newLinks = bulkInsert<typeof claimLinks.$inferInsert>(claimLinks)
  for (const link of plannedLinks(plan, context.includeDuplicates).kept) {
    newLinks.add({
      fromClaimId: claimIds.get(link.from)!,
      toClaimId: claimIds.get(link.to)!,
      type: link.type,
      note: link.note,
      createdById: actorId,
      createdAt: now,
    })
  }
  const links = newLinks.finish()

  return { claims: rows.length, speakersCreated, sourcesCreated, evidence: evidenceCount, links }
}
