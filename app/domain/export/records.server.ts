// Reads the claims an export asks for, a batch at a time, as the records every format is
// written from. Batches keep memory flat however large the desk: a batch is read, written
// out and dropped before the next is read.
import { aliasedTable, and, asc, count, eq, gt, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { claimLinks, claims, claimTags, evidence, sources, speakerAliases, speakers, tags, users } from '#db/schema.ts'
import type { Publisher } from '#app/utils/env.server.ts'
import { FieldError } from '#app/utils/errors.server.ts'
import { groupBy } from '#app/utils/lists.ts'
import type { ExportFormat, ExportQuery } from '#app/validation/export.ts'
import { claimListFilter } from '../claims.server.ts'
import { sourceForFilter } from '../sources.server.ts'
import { speakerForFilter } from '../speakers.server.ts'
import type { ClaimStatus, EvidenceRole, Verdict } from '../vocabulary.ts'
import type { ExportedClaim, ExportedSource, ExportedSpeaker, SheetClaim } from './sheet.ts'

/**
 * A batch lives while it is written out, through several young-generation collections that
 * copy it each time: at 1000 claims those copies were 0.96 s of pauses in a 100k CSV
 * export, at 250 they are 0.26 s. Four times the statements cost far less.
 */
export const exportBatchSize = 250

const checkers = aliasedTable(users, 'checkers')
const approvers = aliasedTable(users, 'approvers')

/**
 * The export query with typed speaker and source names turned into records. A name
 * that names no one is an error, not a dropped filter: the sheet would hold more
 * claims than the editor asked for.
 */
export function resolveExportQuery(query: ExportQuery) {
  const speaker = speakerForFilter(query.speakerName, query.speaker)
  const source = sourceForFilter(query.sourceName, query.source)
  const errors = {
    ...(speaker.error ? { speakerName: [speaker.error] } : {}),
    ...(source.error ? { sourceName: [source.error] } : {}),
  }
  if (Object.keys(errors).length > 0) throw new FieldError(errors)
  return {
    query: { ...query, speaker: speaker.id, source: source.id },
    labels: { speaker: speaker.label, source: source.label },
  }
}

export type ResolvedExportQuery = ReturnType<typeof resolveExportQuery>['query']

/**
 * The claims an export holds. A ClaimReview is a rating, so that format leaves out the
 * claims that have no verdict yet; the page says how many.
 */
function exportFilter(query: ResolvedExportQuery, format?: ExportFormat, extra?: SQL): SQL | undefined {
  return and(
    extra,
    claimListFilter({ ...query, status: query.status === 'any' ? undefined : query.status }),
    query.from ? gte(claims.claimedOn, query.from) : undefined,
    query.to ? lte(claims.claimedOn, query.to) : undefined,
    query.updatedSince ? gte(claims.updatedAt, query.updatedSince) : undefined,
    format === 'jsonld' ? isNotNull(claims.verdict) : undefined,
  )
}

export function countExport(
  query: ResolvedExportQuery,
  format?: ExportFormat,
  { longerThan }: { longerThan?: number } = {},
) {
  const extra = longerThan === undefined ? undefined : sql`length(${claims.text}) > ${longerThan}`
  return (
    db
      .select({ n: count() })
      .from(claims)
      .where(exportFilter(query, format, extra))
      .get()?.n ?? 0
  )
}

type BatchOptions = { format?: ExportFormat; limit?: number; batchSize?: number }

/** The export's claims in id order as whole records, a batch at a time; `limit` stops early for previews. */
export function exportBatches(
  query: ResolvedExportQuery,
  publisher: Publisher,
  options: BatchOptions = {},
): Generator<ExportedClaim[]> {
  return claimBatches(query, options, recordReader(publisher))
}

/**
 * The same claims with only what the sheet shows (CSV, XLSX): a third of the desk's
 * reading time went on source excerpts, speakers' other names and links no column holds.
 */
export function sheetBatches(
  query: ResolvedExportQuery,
  publisher: Publisher,
  options: BatchOptions = {},
): Generator<SheetClaim[]> {
  return claimBatches(query, options, sheetReader(publisher))
}

function* claimBatches<T>(
  query: ResolvedExportQuery,
  { format, limit = Infinity, batchSize = exportBatchSize }: BatchOptions,
  read: (ids: number[]) => T[],
): Generator<T[]> {
  const filter = exportFilter(query, format)
  let afterId = 0
  let left = limit
  while (left > 0) {
    // The batch's ids by walking the claims table in id order from the last batch on,
    // filter checked row by row: the whole export is one pass over the table whatever
    // the filter. Left to itself SQLite drives this by the deleted_at (or a filter's)
    // index and sorts every remaining match by id for each batch, quadratic in the desk.
    const ids = db
      .values<[number]>(
        sql`select ${claims.id} from ${claims} not indexed where ${and(filter, gt(claims.id, afterId))}
            order by ${claims.id} limit ${Math.min(batchSize, left)}`,
      )
      .map(([id]) => id)
    if (ids.length === 0) return
    const records = read(ids)
    if (records.length > 0) yield records
    afterId = ids[ids.length - 1]!
    left -= records.length
  }
}

// The readers below prepare their statements once per export: built and prepared anew for
// each of a hundred batches, they cost more than running them. A batch's ids go in as one
// JSON parameter: a thousand placeholders make drizzle slow to build each statement and
// SQLite slow to prepare it.
const batchIds = sql`(select value from json_each(${sql.placeholder('ids')}))`

function tagStatement() {
  return db
    .select({ claimId: claimTags.claimId, name: tags.name })
    .from(claimTags)
    .innerJoin(tags, eq(tags.id, claimTags.tagId))
    .where(inArray(claimTags.claimId, batchIds))
    .orderBy(asc(tags.name))
    .prepare()
}

/** A claim's live evidence with the origin first, then in the order it was attached (`items`' order). */
function originFirst<E>(items: E[], roleOf: (item: E) => EvidenceRole) {
  return [...items.filter((e) => roleOf(e) === 'origin'), ...items.filter((e) => roleOf(e) !== 'origin')]
}

function recordReader(publisher: Publisher) {
  const claimRows = db
    .select({ claim: claims, checkedBy: checkers.name, approvedBy: approvers.name })
    .from(claims)
    .leftJoin(checkers, eq(checkers.id, claims.submittedById))
    .leftJoin(approvers, eq(approvers.id, claims.approvedById))
    .where(inArray(claims.id, batchIds))
    .orderBy(asc(claims.id))
    .prepare()
  const tagRows = tagStatement()
  const evidenceRows = db
    .select({
      claimId: evidence.claimId,
      role: evidence.role,
      note: evidence.note,
      source: {
        id: sources.id,
        url: sources.url,
        title: sources.title,
        outlet: sources.outlet,
        author: sources.author,
        publishedOn: sources.publishedOn,
        language: sources.language,
        kind: sources.kind,
        excerpt: sources.excerpt,
        archiveUrl: sources.archiveUrl,
        retrievedOn: sources.retrievedOn,
        notes: sources.notes,
      },
    })
    .from(evidence)
    .innerJoin(sources, eq(sources.id, evidence.sourceId))
    .where(and(inArray(evidence.claimId, batchIds), isNull(evidence.deletedAt)))
    .orderBy(asc(evidence.claimId), asc(evidence.id))
    .prepare()
  const targets = aliasedTable(claims, 'targets')
  const linkRows = db
    .select({ from: claimLinks.fromClaimId, type: claimLinks.type, to: claimLinks.toClaimId, note: claimLinks.note })
    .from(claimLinks)
    .innerJoin(targets, eq(targets.id, claimLinks.toClaimId))
    // Unary + keeps SQLite from starting at the deleted_at index, a walk over every live
    // claim for each batch (9 s a batch at 100k), instead of at the batch's own links.
    .where(
      and(inArray(claimLinks.fromClaimId, batchIds), isNull(claimLinks.deletedAt), sql`+${targets.deletedAt} is null`),
    )
    .orderBy(asc(claimLinks.id))
    .prepare()
  const speakerRows = db
    .select({
      id: speakers.id,
      name: speakers.name,
      kind: speakers.kind,
      role: speakers.role,
      organisation: speakers.organisation,
      country: speakers.country,
      wikidataId: speakers.wikidataId,
    })
    .from(speakers)
    .where(inArray(speakers.id, batchIds))
    .prepare()
  const aliasRows = db
    .select({ speakerId: speakerAliases.speakerId, alias: speakerAliases.alias })
    .from(speakerAliases)
    .where(inArray(speakerAliases.speakerId, batchIds))
    .orderBy(asc(speakerAliases.id))
    .prepare()

  function speakersOf(ids: string): Map<number, ExportedSpeaker> {
    const aliases = groupBy(aliasRows.all({ ids }), (a) => a.speakerId)
    return new Map(
      speakerRows.all({ ids }).map((s) => [
        s.id,
        // The name is stored as an alias of itself for lookups; the export lists the others.
        { ...s, aliases: (aliases.get(s.id) ?? []).map((a) => a.alias).filter((a) => a !== s.name) },
      ]),
    )
  }

  return (claimIds: number[]): ExportedClaim[] => {
    const ids = JSON.stringify(claimIds)
    const rows = claimRows.all({ ids })
    const tagsByClaim = groupBy(tagRows.all({ ids }), (t) => t.claimId)
    const evidenceOf = groupBy(evidenceRows.all({ ids }), (e) => e.claimId)
    const linksOf = groupBy(linkRows.all({ ids }), (l) => l.from)
    const speakersById = speakersOf(JSON.stringify([...new Set(rows.flatMap((r) => r.claim.speakerId ?? []))]))
    return rows.map(({ claim, checkedBy, approvedBy }) => ({
      id: claim.id,
      text: claim.text,
      quote: claim.quote,
      language: claim.language,
      claimedOn: claim.claimedOn,
      status: claim.status,
      verdict: claim.verdict,
      rationale: claim.rationale,
      tags: tagsByClaim.get(claim.id)?.map((t) => t.name) ?? [],
      speaker: claim.speakerId === null ? null : (speakersById.get(claim.speakerId) ?? null),
      sourceId: claim.sourceId,
      evidence: originFirst(evidenceOf.get(claim.id) ?? [], (e) => e.role).map(({ role, note, source }) => ({
        role,
        note,
        source: source satisfies ExportedSource,
      })),
      links: (linksOf.get(claim.id) ?? []).map(({ type, to, note }) => ({ type, to, note })),
      checkedBy,
      approvedBy,
      submittedAt: claim.submittedAt?.toISOString() ?? null,
      verifiedAt: claim.status === 'verified' ? (claim.approvedAt?.toISOString() ?? null) : null,
      createdAt: claim.createdAt.toISOString(),
      updatedAt: claim.updatedAt.toISOString(),
      permalink: publisher.permalinkOf(claim.id),
    }))
  }
}

function sheetReader(publisher: Publisher) {
  // Claims and evidence come back as plain values and become records here: drizzle's
  // mapping of every row, field by field through its entity checks, took 0.3 s of the CSV
  // export's 2.3 s at 100k. Each tuple type names its select's fields in their order.
  type ClaimValues = [
    speakerId: number | null,
    id: number,
    text: string,
    quote: string | null,
    language: string,
    claimedOn: string | null,
    status: ClaimStatus,
    verdict: Verdict | null,
    rationale: string | null,
    sourceId: number | null,
    approvedAt: number | null,
    checkedBy: string | null,
    approvedBy: string | null,
  ]
  const claimRows = db
    .select({
      speakerId: claims.speakerId,
      id: claims.id,
      text: claims.text,
      quote: claims.quote,
      language: claims.language,
      claimedOn: claims.claimedOn,
      status: claims.status,
      verdict: claims.verdict,
      rationale: claims.rationale,
      sourceId: claims.sourceId,
      approvedAt: claims.approvedAt,
      checkedBy: checkers.name,
      approvedBy: approvers.name,
    })
    .from(claims)
    .leftJoin(checkers, eq(checkers.id, claims.submittedById))
    .leftJoin(approvers, eq(approvers.id, claims.approvedById))
    .where(inArray(claims.id, batchIds))
    .orderBy(asc(claims.id))
    .prepare()
  const tagRows = tagStatement()
  type EvidenceValues = [
    claimId: number,
    evidenceId: number,
    role: EvidenceRole,
    sourceId: number,
    url: string | null,
    title: string,
    outlet: string | null,
    publishedOn: string | null,
  ]
  const evidenceRows = db
    .select({
      claimId: evidence.claimId,
      evidenceId: evidence.id,
      role: evidence.role,
      sourceId: sources.id,
      url: sources.url,
      title: sources.title,
      outlet: sources.outlet,
      publishedOn: sources.publishedOn,
    })
    .from(evidence)
    .innerJoin(sources, eq(sources.id, evidence.sourceId))
    .where(and(inArray(evidence.claimId, batchIds), isNull(evidence.deletedAt)))
    // Put in attaching order per claim below: a few rows each, where SQLite sorted the batch's thousands.
    .prepare()
  const speakerRows = db
    .select({ id: speakers.id, name: speakers.name, role: speakers.role })
    .from(speakers)
    .where(inArray(speakers.id, batchIds))
    .prepare()

  return (claimIds: number[]): SheetClaim[] => {
    const ids = JSON.stringify(claimIds)
    const rows = claimRows.values({ ids }) as ClaimValues[]
    const tagsByClaim = groupBy(tagRows.all({ ids }), (t) => t.claimId)
    const evidenceOf = groupBy(evidenceRows.values({ ids }) as EvidenceValues[], ([claimId]) => claimId)
    const speakerIds = JSON.stringify([...new Set(rows.flatMap(([speakerId]) => speakerId ?? []))])
    const speakersById = new Map(speakerRows.all({ ids: speakerIds }).map((s) => [s.id, s]))
    return rows.map(
      ([
        speakerId,
        id,
        text,
        quote,
        language,
        claimedOn,
        status,
        verdict,
        rationale,
        sourceId,
        approvedAt,
        checkedBy,
        approvedBy,
      ]) => ({
        id,
        text,
        quote,
        language,
        claimedOn,
        status,
        verdict,
        rationale,
        tags: tagsByClaim.get(id)?.map((t) => t.name) ?? [],
        speaker: speakerId === null ? null : (speakersById.get(speakerId) ?? null),
        sourceId,
        evidence: originFirst(
          (evidenceOf.get(id) ?? []).sort((a, b) => a[1] - b[1]),
          ([, , role]) => role,
        ).map(([, , role, id, url, title, outlet, publishedOn]) => ({
          role,
          source: { id, url, title, outlet, publishedOn },
        })),
        checkedBy,
        approvedBy,
        // Milliseconds as stored, without the Date drizzle would have made of them.
        verifiedAt: status === 'verified' && approvedAt !== null ? new Date(approvedAt).toISOString() : null,
        permalink: publisher.permalinkOf(id),
      }),
    )
  }
}
