import { aliasedTable, and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { claims, claimTags, evidence, sources, speakers, tags, users } from '#db/schema.ts'
import type { DbOrTx, Tx } from '#db/types.ts'
import { ConflictError, NotFoundError } from '#app/utils/errors.server.ts'
import { groupBy, pageOf } from '#app/utils/lists.ts'
import { isFilteredQuery, type ClaimInput, type ClaimListQuery } from '#app/validation/claim.ts'
import type { PageCursor } from '#app/validation/common.ts'
import { listEvidence, syncOriginEvidence } from './evidence.server.ts'
import { changedFields, recordClaimEvent } from './history.server.ts'
import { recordReference } from './labels.ts'
import { highlightMarks } from './search-query.ts'
import { claimSearchMatch } from './search.server.ts'
import { linkClaims, listClaimLinks } from './links.server.ts'
import { automaticMoveReasons, statusAfterEdit } from './review.server.ts'
import { resolveSourceChoice, sourceForFilter } from './sources.server.ts'
import { resolveSpeakerChoice, speakerForFilter } from './speakers.server.ts'

export const claimsPageSize = 50

const assignees = aliasedTable(users, 'assignees')

/** Live claims narrowed by the list's filters; the export narrows by the same ones. */
export function claimListFilter(query: Partial<ClaimListQuery>, currentUserId?: string): SQL | undefined {
  const assignee = query.assignee === 'me' ? currentUserId : query.assignee === 'none' ? null : query.assignee
  return and(
    isNull(claims.deletedAt),
    query.status ? eq(claims.status, query.status) : undefined,
    query.verdict ? eq(claims.verdict, query.verdict) : undefined,
    query.speaker ? eq(claims.speakerId, query.speaker) : undefined,
    query.source ? eq(claims.sourceId, query.source) : undefined,
    query.outlet
      ? inArray(claims.sourceId, db.select({ id: sources.id }).from(sources).where(eq(sources.outlet, query.outlet)))
      : undefined,
    query.assignee === undefined
      ? undefined
      : assignee === null
        ? isNull(claims.assigneeId)
        : eq(claims.assigneeId, assignee ?? ''),
    // The tag's claims from its index, rather than a check of every claim's tags.
    query.tag
      ? inArray(
          claims.id,
          db
            .select({ id: claimTags.claimId })
            .from(claimTags)
            .innerJoin(tags, eq(tags.id, claimTags.tagId))
            .where(eq(tags.name, query.tag)),
        )
      : undefined,
  )
}

const listColumns = {
  id: claims.id,
  text: claims.text,
  status: claims.status,
  verdict: claims.verdict,
  claimedOn: claims.claimedOn,
  createdAt: claims.createdAt,
  updatedAt: claims.updatedAt,
  speakerId: claims.speakerId,
  speakerName: speakers.name,
  sourceId: claims.sourceId,
  sourceTitle: sources.title,
  sourceOutlet: sources.outlet,
  assigneeName: assignees.name,
}

function listRows(where: SQL | undefined) {
  return db
    .select(listColumns)
    .from(claims)
    .leftJoin(speakers, eq(speakers.id, claims.speakerId))
    .leftJoin(sources, eq(sources.id, claims.sourceId))
    .leftJoin(assignees, eq(assignees.id, claims.assigneeId))
    .where(where)
}

type ListedClaim = ReturnType<ReturnType<typeof listRows>['all']>[number] & {
  tags: string[]
  match: ReturnType<typeof matchesOf> extends Map<number, infer M> ? M | null : never
}

/**
 * The list query with its typed speaker and source names turned into records, the
 * names the filter fields show, and a message for a name that names no one (that
 * filter is then left out, as the message says).
 */
export function resolveListChoices(query: ClaimListQuery) {
  const speaker = speakerForFilter(query.speakerName, query.speaker)
  const source = sourceForFilter(query.sourceName, query.source)
  return {
    query: { ...query, speaker: speaker.id, source: source.id },
    shown: {
      speakerName: speaker.label ?? query.speakerName ?? '',
      sourceName: source.label ?? query.sourceName ?? '',
    },
    errors: {
      speakerName: speaker.error ? [speaker.error] : undefined,
      sourceName: source.error ? [source.error] : undefined,
    },
  }
}

/** The sort a list query means: relevance only makes sense with a search. */
export function effectiveSort(query: Pick<ClaimListQuery, 'q' | 'sort'>) {
  if (query.sort === 'relevance') return query.q ? 'relevance' : 'updated'
  return query.sort ?? (query.q ? 'relevance' : 'updated')
}

/** A page of rows in list order, each with the sort key its cursor carries. */
type KeyedPage<T> = { rows: T[]; keys: number[]; more: boolean }

/**
 * One page of the claims list, keyset-paged: `after` continues past a page's last row,
 * `before` goes back from a page's first. With a search, matching is done by the
 * claims_fts index; ranked by relevance, the ranking runs inside the FTS table (far
 * cheaper than bm25() over a join, see STACK.md) and the page's rows are then fetched by id.
 */
export function listClaims(query: ClaimListQuery, currentUserId?: string) {
  const search = query.q ? claimSearchMatch(query.q) : { match: null }
  if ('error' in search) {
    return {
      rows: [] as ListedClaim[],
      total: 0,
      previous: null,
      next: null,
      searchError: search.error as string | null,
    }
  }
  const filter = claimListFilter(query, currentUserId)
  const match = search.match
  const where = match
    ? and(filter, sql`${claims.id} in (select rowid from claims_fts where claims_fts match ${match})`)
    : filter
  const sort = effectiveSort(query)
  // Narrowed by more than the search: otherwise every claim in the search index is listed.
  const narrowed = isFilteredQuery({ ...query, q: undefined })
  const pageAt = (cursor: PageCursor | undefined, backwards: boolean) =>
    match && sort === 'relevance'
      ? rowsByRelevance(match, narrowed ? filter : undefined, cursor, backwards)
      : rowsByTime(where, sort === 'created' ? claims.createdAt : claims.updatedAt, query.order, cursor, backwards)
  let backwards = query.after === undefined && query.before !== undefined
  let page = pageAt(query.after ?? query.before, backwards)
  // Back at the start: the first page is read from the top, so it is always full and current.
  const restarted = backwards && !page.more
  if (restarted) {
    backwards = false
    page = pageAt(undefined, false)
  }
  const cursorAt = (index: number): PageCursor | null =>
    page.rows[index] ? { key: page.keys[index]!, id: page.rows[index].id } : null
  const total =
    narrowed || !match ? (db.select({ n: count() }).from(claims).where(where).get()?.n ?? 0) : countMatches(match)
  const tagsByClaim = tagsOf(page.rows.map((r) => r.id))
  const matches = match
    ? matchesOf(
        match,
        page.rows.map((r) => r.id),
      )
    : undefined
  const rows: ListedClaim[] = page.rows.map((r) => ({
    ...r,
    tags: tagsByClaim.get(r.id) ?? [],
    match: matches?.get(r.id) ?? null,
  }))
  return {
    rows,
    total,
    // Where the neighbouring pages start, for the pager's links; null at either end.
    previous: backwards || (query.after !== undefined && !restarted) ? cursorAt(0) : null,
    next: backwards || page.more ? cursorAt(rows.length - 1) : null,
    searchError: null as string | null,
  }
}

/**
 * How many claims a search matches, from the search index alone: it holds exactly the
 * live claims, and leaving claims out makes counting a common word several times cheaper.
 */
function countMatches(match: string) {
  return db.get<{ n: number }>(sql`select count(*) as n from claims_fts where claims_fts match ${match}`)?.n ?? 0
}

/**
 * Claims in time order from a cursor on (time, id), both in the index each filter
 * rides, so every page is an index range however deep. Going backwards reads the
 * rows before the cursor in reverse and turns them round.
 */
function rowsByTime(
  where: SQL | undefined,
  column: typeof claims.updatedAt | typeof claims.createdAt,
  order: 'asc' | 'desc',
  cursor: PageCursor | undefined,
  backwards: boolean,
): KeyedPage<ReturnType<ReturnType<typeof listRows>['all']>[number]> {
  const ascending = (order === 'asc') !== backwards
  const rows = listRows(
    and(
      where,
      cursor
        ? ascending
          ? sql`(${column}, ${claims.id}) > (${cursor.key}, ${cursor.id})`
          : sql`(${column}, ${claims.id}) < (${cursor.key}, ${cursor.id})`
        : undefined,
    ),
  )
    .orderBy(...[column, claims.id].map(ascending ? asc : desc))
    .limit(claimsPageSize + 1)
    .all()
  const more = rows.length > claimsPageSize
  const page = rows.slice(0, claimsPageSize)
  if (backwards) page.reverse()
  const timeOf = (r: (typeof page)[number]) => (column === claims.createdAt ? r.createdAt : r.updatedAt).getTime()
  return { rows: page, keys: page.map(timeOf), more }
}

/** Claims by relevance: the best bm25 rank first, keyset-paged on (rank, id) inside the FTS table. */
function rowsByRelevance(match: string, filter: SQL | undefined, cursor: PageCursor | undefined, backwards: boolean) {
  // Checked per ranked row, not as `rowid in (…)`: a rowid list makes FTS5 run the whole
  // MATCH once per listed claim, seconds at 100k claims (see bench/, decision 011). With
  // no filter there is nothing to check: the index holds the live claims only.
  const filtered = filter
    ? sql`and exists ${db
        .select({ one: sql`1` })
        .from(claims)
        .where(and(filter, sql`${claims.id} = claims_fts.rowid`))}`
    : sql``
  const after = cursor
    ? backwards
      ? sql`and (rank < ${cursor.key} or (rank = ${cursor.key} and rowid < ${cursor.id}))`
      : sql`and (rank > ${cursor.key} or (rank = ${cursor.key} and rowid > ${cursor.id}))`
    : sql``
  const direction = sql.raw(backwards ? 'desc' : 'asc')
  const ranked = db.all<{ id: number; rank: number }>(
    sql`select rowid as id, rank from claims_fts
        where claims_fts match ${match} ${filtered} ${after}
        order by rank ${direction}, rowid ${direction} limit ${claimsPageSize + 1}`,
  )
  const more = ranked.length > claimsPageSize
  const page = ranked.slice(0, claimsPageSize)
  if (backwards) page.reverse()
  const byId = new Map(
    page.length === 0
      ? []
      : listRows(
          inArray(
            claims.id,
            page.map((r) => r.id),
          ),
        )
          .all()
          .map((r) => [r.id, r]),
  )
  const found = page.filter((r) => byId.has(r.id))
  return { rows: found.map((r) => byId.get(r.id)!), keys: found.map((r) => r.rank), more }
}

const matchedColumns = ['quote', 'speaker', 'source', 'notes'] as const
export type MatchedColumn = (typeof matchedColumns)[number]

/**
 * Where each claim matched: its text with the matching words between `highlightMarks`,
 * and, when the words matched elsewhere too, the first other place (quote, speaker,
 * sources, notes) as a short snippet.
 */
function matchesOf(match: string, claimIds: number[]) {
  const found = new Map<number, { text: string; elsewhere: { column: MatchedColumn; snippet: string } | null }>()
  if (claimIds.length === 0) return found
  const { start, end } = highlightMarks
  const rows = db.all<Record<'text' | MatchedColumn, string> & { id: number }>(sql`
    select rowid as id,
      highlight(claims_fts, 0, ${start}, ${end}) as text,
      snippet(claims_fts, 1, ${start}, ${end}, '…', 12) as quote,
      snippet(claims_fts, 2, ${start}, ${end}, '…', 12) as speaker,
      snippet(claims_fts, 3, ${start}, ${end}, '…', 12) as source,
      snippet(claims_fts, 4, ${start}, ${end}, '…', 12) as notes
    from claims_fts where claims_fts match ${match} and rowid in ${sql.raw(`(${claimIds.map(Number).join(',')})`)}`)
  for (const row of rows) {
    const column = matchedColumns.find((c) => row[c].includes(start))
    found.set(row.id, { text: row.text, elsewhere: column ? { column, snippet: row[column] } : null })
  }
  return found
}

/** Each claim's tag names, alphabetically. */
export function tagsOf(claimIds: number[], tx: DbOrTx = db) {
  const byClaim = new Map<number, string[]>()
  if (claimIds.length === 0) return byClaim
  const rows = tx
    .select({ claimId: claimTags.claimId, name: tags.name })
    .from(claimTags)
    .innerJoin(tags, eq(tags.id, claimTags.tagId))
    .where(inArray(claimTags.claimId, claimIds))
    .orderBy(asc(tags.name))
    .all()
  for (const row of rows) {
    byClaim.set(row.claimId, [...(byClaim.get(row.claimId) ?? []), row.name])
  }
  return byClaim
}

export function listTagNames() {
  return db
    .select({ name: tags.name })
    .from(tags)
    .orderBy(asc(tags.name))
    .all()
    .map((t) => t.name)
}

export function setClaimTags(tx: Tx, claimId: number, names: string[]) {
  tx.delete(claimTags).where(eq(claimTags.claimId, claimId)).run()
  for (const name of names) {
    tx.insert(tags).values({ name }).onConflictDoNothing().run()
    const tag = tx.select({ id: tags.id }).from(tags).where(eq(tags.name, name)).get()!
    tx.insert(claimTags).values({ claimId, tagId: tag.id }).run()
  }
}

function getClaimRow(tx: DbOrTx, id: number) {
  const row = tx
    .select({
      claim: claims,
      speakerName: speakers.name,
      sourceTitle: sources.title,
      sourceUrl: sources.url,
      sourceOutlet: sources.outlet,
    })
    .from(claims)
    .leftJoin(speakers, eq(speakers.id, claims.speakerId))
    .leftJoin(sources, eq(sources.id, claims.sourceId))
    .where(eq(claims.id, id))
    .get()
  if (!row) throw new NotFoundError('Claim')
  return {
    ...row.claim,
    speakerName: row.speakerName,
    sourceTitle: row.sourceTitle,
    sourceUrl: row.sourceUrl,
    sourceOutlet: row.sourceOutlet,
    tags: tagsOf([id], tx).get(id) ?? [],
  }
}

export type ClaimRow = ReturnType<typeof getClaimRow>

/** A claim as its history and conflict screen show it: references by name and number. */
function readableFields(claim: ClaimRow) {
  return {
    text: claim.text,
    quote: claim.quote,
    language: claim.language,
    claimedOn: claim.claimedOn,
    speaker: recordReference(claim.speakerName, claim.speakerId),
    source: recordReference(claim.sourceTitle, claim.sourceId),
    tags: claim.tags.join(', '),
    verdict: claim.verdict,
    rationale: claim.rationale,
  }
}

/** What an editor submitted, in the same shape, for the conflict screen. */
export function readableInput(input: ClaimInput): ClaimReadableFields {
  return {
    text: input.text,
    quote: input.quote ?? null,
    language: input.language,
    claimedOn: input.claimedOn ?? null,
    speaker: input.speakerName ?? null,
    source: (input.newSource ? input.newSourceTitle : input.sourceRef) ?? null,
    tags: input.tags.join(', '),
    verdict: input.verdict ?? null,
    rationale: input.rationale ?? null,
  }
}
export type ClaimReadableFields = ReturnType<typeof readableFields>

/** What the edit form is prefilled with. */
export function claimFormDefaults(claim: ClaimRow) {
  return {
    text: claim.text,
    quote: claim.quote ?? '',
    language: claim.language,
    claimedOn: claim.claimedOn ?? '',
    tags: claim.tags.join(', '),
    speakerName: claim.speakerName ?? '',
    speakerId: claim.speakerId ? String(claim.speakerId) : '',
    sourceRef: claim.sourceId ? `${claim.sourceTitle} (#${claim.sourceId})` : '',
    sourceId: claim.sourceId ? String(claim.sourceId) : '',
    verdict: claim.verdict ?? '',
    rationale: claim.rationale ?? '',
    version: String(claim.version),
  }
}

export function getClaim(id: number) {
  return getClaimRow(db, id)
}

export function getClaimDetail(id: number) {
  const claim = getClaimRow(db, id)
  const people = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      inArray(
        users.id,
        [claim.assigneeId, claim.createdById, claim.updatedById, claim.submittedById, claim.approvedById].filter(
          (v): v is string => v !== null,
        ),
      ),
    )
    .all()
  const nameOf = (userId: string | null) => people.find((p) => p.id === userId)?.name ?? null
  return {
    claim: {
      ...claim,
      assigneeName: nameOf(claim.assigneeId),
      createdByName: nameOf(claim.createdById),
      updatedByName: nameOf(claim.updatedById),
      submittedByName: nameOf(claim.submittedById),
      approvedByName: nameOf(claim.approvedById),
    },
    evidence: listEvidence(id),
    links: listClaimLinks(id),
  }
}

function claimColumns(input: ClaimInput) {
  return {
    text: input.text,
    quote: input.quote ?? null,
    language: input.language,
    claimedOn: input.claimedOn ?? null,
    verdict: input.verdict ?? null,
    rationale: input.rationale ?? null,
  }
}

export function createClaim(input: ClaimInput, actorId: string) {
  return db.transaction((tx) => {
    const speakerId = resolveSpeakerChoice(tx, input, actorId)
    const sourceId = resolveSourceChoice(tx, input, actorId)
    const { id } = tx
      .insert(claims)
      .values({ ...claimColumns(input), speakerId, sourceId, createdById: actorId, updatedById: actorId })
      .returning({ id: claims.id })
      .get()
    setClaimTags(tx, id, input.tags)
    recordClaimEvent(tx, { claimId: id, actorId, type: 'created', after: readableFields(getClaimRow(tx, id)) })
    syncOriginEvidence(tx, id, null, sourceId, actorId)
    // Linked in the same transaction: a refused link leaves no claim behind.
    if (input.linkAs) linkClaims({ fromClaimId: id, ...input.linkAs }, actorId)
    return id
  })
}

export type ClaimConflict = {
  current: ClaimReadableFields & { version: number; updatedAt: Date; updatedByName: string | null; trashed: boolean }
}

function conflictWith(tx: DbOrTx, current: ClaimRow) {
  // Whoever last touched it: the one who trashed it, or the one who saved it.
  const actorId = current.deletedAt ? current.deletedById : current.updatedById
  const updatedByName = actorId
    ? (tx.select({ name: users.name }).from(users).where(eq(users.id, actorId)).get()?.name ?? null)
    : null
  return new ConflictError<ClaimConflict['current']>({
    ...readableFields(current),
    version: current.version,
    updatedAt: current.updatedAt,
    updatedByName,
    trashed: current.deletedAt !== null,
  })
}

/**
 * Saves an edit made from `input.version`. If anyone saved or trashed the claim since,
 * nothing is written and a ConflictError carries their version so the editor can
 * compare. A save that changes nothing writes nothing, so it cannot make a colleague's
 * open form stale.
 */
export function updateClaim(id: number, input: ClaimInput & { version: number }, actorId: string) {
  return db.transaction((tx) => {
    const before = getClaimRow(tx, id)
    if (before.deletedAt || before.version !== input.version) throw conflictWith(tx, before)
    const speakerId = resolveSpeakerChoice(tx, input, actorId)
    const sourceId = resolveSourceChoice(tx, input, actorId)
    const columns = claimColumns(input)
    const unchanged =
      speakerId === before.speakerId &&
      sourceId === before.sourceId &&
      input.tags.join(', ') === before.tags.join(', ') &&
      (Object.keys(columns) as Array<keyof typeof columns>).every((k) => columns[k] === before[k])
    if (unchanged) return
    const review = statusAfterEdit(before, columns, actorId)
    const result = tx
      .update(claims)
      .set({
        ...columns,
        ...review,
        speakerId,
        sourceId,
        version: before.version + 1,
        updatedById: actorId,
        updatedAt: new Date(),
      })
      .where(and(eq(claims.id, id), eq(claims.version, input.version)))
      .run()
    if (result.changes !== 1) throw conflictWith(tx, getClaimRow(tx, id))
    setClaimTags(tx, id, input.tags)
    const change = changedFields(readableFields(before), readableFields(getClaimRow(tx, id)))
    if (change) recordClaimEvent(tx, { claimId: id, actorId, type: 'updated', ...change })
    if (review) {
      recordClaimEvent(tx, {
        claimId: id,
        actorId,
        type: 'status_changed',
        before: { status: before.status },
        after: {
          status: review.status,
          reason: review.status === 'researching' ? automaticMoveReasons.incomplete : automaticMoveReasons.edited,
        },
      })
    }
    syncOriginEvidence(tx, id, before.sourceId, sourceId, actorId)
  })
}

/** Moves a claim to the trash; it keeps everything and can be restored. */
export function deleteClaim(id: number, version: number, actorId: string) {
  db.transaction((tx) => {
    const current = getClaimRow(tx, id)
    if (current.deletedAt) return
    if (current.version !== version) throw conflictWith(tx, current)
    tx.update(claims)
      .set({ deletedAt: new Date(), deletedById: actorId, version: version + 1 })
      .where(and(eq(claims.id, id), eq(claims.version, version)))
      .run()
    recordClaimEvent(tx, { claimId: id, actorId, type: 'deleted' })
  })
}

export function restoreClaim(id: number, actorId: string) {
  db.transaction((tx) => {
    const current = getClaimRow(tx, id)
    if (!current.deletedAt) return
    tx.update(claims)
      .set({
        deletedAt: null,
        deletedById: null,
        version: current.version + 1,
        updatedById: actorId,
        updatedAt: new Date(),
      })
      .where(eq(claims.id, id))
      .run()
    recordClaimEvent(tx, { claimId: id, actorId, type: 'restored' })
  })
}

export function listTrash(page = 1) {
  const deleters = aliasedTable(users, 'deleters')
  const rows = db
    .select({
      id: claims.id,
      text: claims.text,
      status: claims.status,
      speakerName: speakers.name,
      deletedAt: claims.deletedAt,
      deletedByName: deleters.name,
    })
    .from(claims)
    .leftJoin(speakers, eq(speakers.id, claims.speakerId))
    .leftJoin(deleters, eq(deleters.id, claims.deletedById))
    .where(isNotNull(claims.deletedAt))
    .orderBy(desc(claims.deletedAt), desc(claims.id))
    .limit(claimsPageSize)
    .offset((page - 1) * claimsPageSize)
    .all()
  const total = db.select({ n: count() }).from(claims).where(isNotNull(claims.deletedAt)).get()?.n ?? 0
  return pageOf(rows, total, page, claimsPageSize)
}

/** Counts by status for the desk page. */
export function countClaimsByStatus() {
  return db
    .select({ status: claims.status, n: count() })
    .from(claims)
    .where(isNull(claims.deletedAt))
    .groupBy(claims.status)
    .all()
}

/** What compact claim lists show; join speakers to use it. */
const claimSummary = {
  id: claims.id,
  text: claims.text,
  status: claims.status,
  verdict: claims.verdict,
  speakerName: speakers.name,
}

export const citingClaimsLimit = 500

/**
 * Claims that came from a source or cite it as evidence, each once with every role the
 * source plays for it; claims it is the origin of first, then the latest changed.
 */
export function listClaimsCitingSource(sourceId: number) {
  const rows = db
    .select({ ...claimSummary, role: evidence.role })
    .from(evidence)
    .innerJoin(claims, eq(claims.id, evidence.claimId))
    .leftJoin(speakers, eq(speakers.id, claims.speakerId))
    .where(and(eq(evidence.sourceId, sourceId), isNull(evidence.deletedAt), isNull(claims.deletedAt)))
    .orderBy(
      sql`${evidence.claimId} in (select id from claims where source_id = ${sourceId}) desc`,
      desc(claims.updatedAt),
    )
    .limit(citingClaimsLimit * 2)
    .all()
  return [...groupBy(rows, (r) => r.id).values()].slice(0, citingClaimsLimit).map((group) => {
    const { role: _role, ...claim } = group[0]!
    return { ...claim, roles: group.map((r) => r.role) }
  })
}

/** How a speaker's verified claims were rated. */
export function verdictRecordOf(speakerId: number) {
  return db
    .select({ verdict: claims.verdict, n: count() })
    .from(claims)
    .where(and(eq(claims.speakerId, speakerId), eq(claims.status, 'verified'), isNull(claims.deletedAt)))
    .groupBy(claims.verdict)
    .all()
}

/** How the desk's verified claims were rated: the verdicts it has published. */
export function countVerifiedByVerdict() {
  return db
    .select({ verdict: claims.verdict, n: count() })
    .from(claims)
    .where(and(eq(claims.status, 'verified'), isNull(claims.deletedAt)))
    .groupBy(claims.verdict)
    .all()
}

/** Checks in review that this editor may approve (someone else submitted them), oldest first. */
export function listAwaitingReviewBy(userId: string, limit = 50) {
  return db
    .select({ ...claimSummary, submittedByName: users.name, submittedAt: claims.submittedAt })
    .from(claims)
    .leftJoin(speakers, eq(speakers.id, claims.speakerId))
    .leftJoin(users, eq(users.id, claims.submittedById))
    .where(and(eq(claims.status, 'in_review'), isNull(claims.deletedAt), sql`${claims.submittedById} is not ${userId}`))
    .orderBy(asc(claims.submittedAt), asc(claims.id))
    .limit(limit)
    .all()
}

/** The open claims (not yet verified or rejected) assigned to an editor, oldest change first. */
export function listOpenClaimsAssignedTo(userId: string, limit = 50) {
  return db
    .select(claimSummary)
    .from(claims)
    .leftJoin(speakers, eq(speakers.id, claims.speakerId))
    .where(
      and(
        eq(claims.assigneeId, userId),
        isNull(claims.deletedAt),
        inArray(claims.status, ['new', 'researching', 'in_review']),
      ),
    )
    .orderBy(asc(claims.updatedAt))
    .limit(limit)
    .all()
}
