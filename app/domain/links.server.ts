// Cross-links between claims: the desk's rules for making them, their history on both
// ends, the canonical claim behind a duplicate, and a claim's neighbourhood for the graph.
//
// Links to a claim in the trash stay (restoring the claim brings them back), so the rules
// count them and the claim page lists them, marked, where they can be removed. New links
// to or from a claim in the trash are refused.
import { aliasedTable, and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { claimLinks, claims } from '#db/schema.ts'
import type { DbOrTx, Tx } from '#db/types.ts'
import { FieldError, NotFoundError } from '#app/utils/errors.server.ts'
import { claimSearchMatch, rankedClaimIds } from './search.server.ts'
import { recordClaimEvent } from './history.server.ts'
import { linkLabels } from './labels.ts'
import { duplicateLoop, duplicateLoopMessage, pairConflict } from './link-rules.ts'
import { shorten } from '#app/utils/format.ts'
import { linkTypes, type LinkType } from './vocabulary.ts'

export type LinkInput = { fromClaimId: number; toClaimId: number; type: LinkType; note?: string }

/** The link form's field for the other claim, where every refusal is shown. */
export const linkTargetField = 'otherClaim'

function refuse(message: string): never {
  throw new FieldError({ [linkTargetField]: [message] })
}

const claimBrief = {
  id: claims.id,
  text: claims.text,
  status: claims.status,
  verdict: claims.verdict,
  deletedAt: claims.deletedAt,
}
type ClaimBrief = NonNullable<ReturnType<typeof findClaim>>

function findClaim(tx: DbOrTx, id: number) {
  return tx.select(claimBrief).from(claims).where(eq(claims.id, id)).get()
}

/** How a claim is named in another claim's history and in messages: its words, shortened, and its number. */
function claimReference(claim: Pick<ClaimBrief, 'id' | 'text'>) {
  return `${shorten(claim.text, 80)} (#${claim.id})`
}

const linkEnds = {
  id: claimLinks.id,
  fromClaimId: claimLinks.fromClaimId,
  toClaimId: claimLinks.toClaimId,
  type: claimLinks.type,
}

function activeLinksBetween(tx: DbOrTx, a: number, b: number) {
  return tx
    .select(linkEnds)
    .from(claimLinks)
    .where(
      and(
        isNull(claimLinks.deletedAt),
        or(
          and(eq(claimLinks.fromClaimId, a), eq(claimLinks.toClaimId, b)),
          and(eq(claimLinks.fromClaimId, b), eq(claimLinks.toClaimId, a)),
        ),
      ),
    )
    .orderBy(asc(claimLinks.id))
    .all()
}

/** The claim a claim is marked as a duplicate of, if any (the rules allow one at a time). */
function duplicateTargetOf(tx: DbOrTx, claimId: number): number | undefined {
  return tx
    .select({ toClaimId: claimLinks.toClaimId })
    .from(claimLinks)
    .where(and(eq(claimLinks.fromClaimId, claimId), eq(claimLinks.type, 'duplicate_of'), isNull(claimLinks.deletedAt)))
    .orderBy(asc(claimLinks.id))
    .get()?.toClaimId
}

/**
 * One event on each claim, in the transaction of the change, each read from its own end:
 * "contradicts <B>" on A, "is contradicted by <A>" on B. `linkType` and `linkId` are for
 * tools; the timeline shows the link, the other claim and the note. Exported for the demo
 * data, whose links are written with the time an editor would have made them.
 */
export function recordLinkEvents(
  tx: Tx,
  eventType: 'link_added' | 'link_removed',
  linkId: number,
  actorId: string,
  at = new Date(),
) {
  const link = tx.select().from(claimLinks).where(eq(claimLinks.id, linkId)).get()
  if (!link) throw new NotFoundError('Link')
  const from = findClaim(tx, link.fromClaimId)!
  const to = findClaim(tx, link.toClaimId)!
  const views = [
    { claim: from, other: to, direction: 'outgoing' as const },
    { claim: to, other: from, direction: 'incoming' as const },
  ]
  for (const { claim, other, direction } of views) {
    const fields = {
      relation: linkLabels[link.type][direction],
      claim: claimReference(other),
      ...(link.note ? { note: link.note } : {}),
      linkType: link.type,
      linkId: link.id,
    }
    recordClaimEvent(tx, {
      claimId: claim.id,
      actorId,
      type: eventType,
      at,
      ...(eventType === 'link_added' ? { after: fields } : { before: fields }),
    })
  }
}

/**
 * Links one claim to another, read as "<from> <type> <to>". Refused, with a message for
 * the form's other-claim field and nothing written: a self link; a missing or trashed
 * claim at either end; the same link twice; links that contradict one already there
 * (see `pairConflict`); a second canonical claim for a duplicate; a loop of duplicates.
 */
export function linkClaims(input: LinkInput, actorId: string) {
  return db.transaction((tx) => {
    const { fromClaimId, toClaimId, type } = input
    if (fromClaimId === toClaimId) refuse('A claim cannot be linked to itself; pick another claim.')
    const from = findClaim(tx, fromClaimId)
    if (!from) throw new NotFoundError('Claim')
    const to = findClaim(tx, toClaimId)
    if (!to) refuse(`There is no claim #${toClaimId}.`)
    if (from.deletedAt) refuse('This claim is in the trash; restore it before linking it.')
    if (to.deletedAt) refuse(`Claim #${to.id} is in the trash; restore it before linking to it.`)

    const conflict = pairConflict({ fromClaimId, toClaimId, type }, activeLinksBetween(tx, fromClaimId, toClaimId))
    if (conflict) refuse(conflict)
    if (type === 'duplicate_of') {
      const canonicalId = duplicateTargetOf(tx, fromClaimId)
      if (canonicalId !== undefined) {
        const canonical = findClaim(tx, canonicalId)!
        const trashed = canonical.deletedAt ? ', which is in the trash' : ''
        refuse(
          `This claim is already a duplicate of ${claimReference(canonical)}${trashed}. A duplicate has one canonical claim: remove that link first.`,
        )
      }
      const loop = duplicateLoop(fromClaimId, toClaimId, (id) => duplicateTargetOf(tx, id))
      if (loop) refuse(duplicateLoopMessage(loop))
    }

    const note = input.note?.trim() || null
    const { id } = tx
      .insert(claimLinks)
      .values({ fromClaimId, toClaimId, type, note, createdById: actorId })
      .returning({ id: claimLinks.id })
      .get()
    recordLinkEvents(tx, 'link_added', id, actorId)
    return id
  })
}

/**
 * Removes a link (soft delete) seen from `claimId`, either of its ends, with an event on
 * both claims. Removing a link that is already gone changes nothing, so a second click or
 * a colleague's earlier removal is harmless. A claim in the trash is no obstacle: that is
 * how a dormant link to a trashed claim is cleared.
 */
export function unlinkClaims(claimId: number, linkId: number, actorId: string) {
  db.transaction((tx) => {
    const link = tx
      .select()
      .from(claimLinks)
      .where(and(eq(claimLinks.id, linkId), or(eq(claimLinks.fromClaimId, claimId), eq(claimLinks.toClaimId, claimId))))
      .get()
    if (!link) throw new NotFoundError('Link')
    if (link.deletedAt) return
    tx.update(claimLinks)
      .set({ deletedAt: new Date(), deletedById: actorId })
      .where(and(eq(claimLinks.id, linkId), isNull(claimLinks.deletedAt)))
      .run()
    recordLinkEvents(tx, 'link_removed', linkId, actorId)
  })
}

/**
 * A claim's links as its page lists them, each read from this claim's end (`direction`
 * picks the wording in `linkLabels`): duplicates first, then by type, oldest first.
 */
export function listClaimLinks(claimId: number) {
  const other = aliasedTable(claims, 'other')
  const columns = {
    id: claimLinks.id,
    type: claimLinks.type,
    note: claimLinks.note,
    otherId: other.id,
    otherText: other.text,
    otherStatus: other.status,
    otherVerdict: other.verdict,
    otherTrashed: sql<boolean>`${other.deletedAt} is not null`.mapWith(Boolean),
  }
  const outgoing = db
    .select(columns)
    .from(claimLinks)
    .innerJoin(other, eq(other.id, claimLinks.toClaimId))
    .where(and(eq(claimLinks.fromClaimId, claimId), isNull(claimLinks.deletedAt)))
    .all()
    .map((l) => ({ ...l, direction: 'outgoing' as const }))
  const incoming = db
    .select(columns)
    .from(claimLinks)
    .innerJoin(other, eq(other.id, claimLinks.fromClaimId))
    .where(and(eq(claimLinks.toClaimId, claimId), isNull(claimLinks.deletedAt)))
    .all()
    .map((l) => ({ ...l, direction: 'incoming' as const }))
  const order = (l: { type: LinkType }) => linkTypes.indexOf(l.type)
  return [...outgoing, ...incoming].sort((a, b) => order(a) - order(b) || a.id - b.id)
}

/**
 * The claim to check instead of a duplicate: the end of its chain of `duplicate_of`
 * links (A duplicates B, B duplicates C: C), with the claims passed on the way. Null
 * for a claim that duplicates nothing.
 */
export function canonicalClaimOf(claimId: number, tx: DbOrTx = db) {
  let canonicalId = duplicateTargetOf(tx, claimId)
  if (canonicalId === undefined) return null
  const via: number[] = []
  const seen = new Set([claimId, canonicalId])
  for (let next = duplicateTargetOf(tx, canonicalId); next !== undefined; next = duplicateTargetOf(tx, canonicalId)) {
    if (seen.has(next)) break
    seen.add(next)
    via.push(canonicalId)
    canonicalId = next
  }
  const { deletedAt, ...canonical } = findClaim(tx, canonicalId)!
  return { ...canonical, trashed: deletedAt !== null, via }
}

function activeLinksTouching(claimIds: number[]) {
  if (claimIds.length === 0) return []
  return db
    .select(linkEnds)
    .from(claimLinks)
    .where(
      and(
        isNull(claimLinks.deletedAt),
        or(inArray(claimLinks.fromClaimId, claimIds), inArray(claimLinks.toClaimId, claimIds)),
      ),
    )
    .orderBy(asc(claimLinks.id))
    .all()
}

/**
 * What the claim page's graph draws: the claim, the claims linked to it, then the claims
 * linked to those while there is room, up to `maxNodes`, with every link among them.
 * Claims in the trash are left out (the claim itself excepted). `truncated` says that
 * some claims did not fit; the page's list still has every direct link.
 */
export function claimNeighbourhood(claimId: number, maxNodes = 25) {
  const center = findClaim(db, claimId)
  if (!center) throw new NotFoundError('Claim')
  const included = new Map<number, ClaimBrief>([[claimId, center]])
  let truncated = false

  /** Adds the live claims among `candidateIds` while there is room; returns those added. */
  function addRing(candidateIds: number[]) {
    const unseen = [...new Set(candidateIds)].filter((id) => !included.has(id))
    // A hub claim can have thousands of links; only look up a few more than there is room
    // for (some may be in the trash), so the query stays small and the page fast.
    const room = Math.max(0, maxNodes - included.size)
    const fresh = unseen.slice(0, room * 2)
    if (fresh.length < unseen.length) truncated = true
    if (fresh.length === 0) return []
    const live = new Map(
      db
        .select(claimBrief)
        .from(claims)
        .where(and(inArray(claims.id, fresh), isNull(claims.deletedAt)))
        .all()
        .map((c) => [c.id, c]),
    )
    const added: number[] = []
    for (const id of fresh) {
      const claim = live.get(id)
      if (!claim) continue
      if (included.size >= maxNodes) {
        truncated = true
        break
      }
      included.set(id, claim)
      added.push(id)
    }
    return added
  }

  const otherEnds = (links: Array<{ fromClaimId: number; toClaimId: number }>) =>
    links.flatMap((l) => [l.fromClaimId, l.toClaimId])
  const direct = activeLinksTouching([claimId]).sort(
    (a, b) => linkTypes.indexOf(a.type) - linkTypes.indexOf(b.type) || a.id - b.id,
  )
  const ring1 = addRing(otherEnds(direct))
  if (!truncated) addRing(otherEnds(activeLinksTouching(ring1)))

  const ids = [...included.keys()]
  const edges = db
    .select(linkEnds)
    .from(claimLinks)
    .where(and(isNull(claimLinks.deletedAt), inArray(claimLinks.fromClaimId, ids), inArray(claimLinks.toClaimId, ids)))
    .orderBy(asc(claimLinks.id))
    .all()
    .map((l) => ({ id: l.id, from: l.fromClaimId, to: l.toClaimId, type: l.type }))
  const nodes = [...included.values()].map((c) => ({
    id: c.id,
    text: shorten(c.text, 60),
    status: c.status,
    verdict: c.verdict,
  }))
  return { nodes, edges, truncated }
}

export type ClaimNeighbourhood = ReturnType<typeof claimNeighbourhood>

/**
 * Live claims whose words begin with each word typed, best match first, through the
 * search index: its folding makes "über" find "Über", and its spelling variants apply.
 */
function claimsMatchingWords(text: string, limit: number): number[] {
  const search = claimSearchMatch(`${text.slice(0, 200)}*`)
  if ('error' in search || !search.match) return []
  return rankedClaimIds(search.match, limit)
}

/** A claim number as typed: "12", "#12", or the picker's "Claim text … (#12)". */
function typedClaimNumber(text: string) {
  const match = /^#?\s*(\d{1,15})$/.exec(text) ?? /\(#(\d{1,15})\)$/.exec(text)
  return match ? Number(match[1]) : undefined
}

/** Claims an editor may mean by what they typed into the link form: by number or by words of the text. */
export function suggestClaims(q: string, limit = 10) {
  const text = q.trim()
  const id = typedClaimNumber(text)
  const ids = [...new Set([...(id === undefined ? [] : [id]), ...claimsMatchingWords(text, limit)])]
  if (ids.length === 0) return []
  const byId = new Map(
    db
      .select(claimBrief)
      .from(claims)
      .where(and(isNull(claims.deletedAt), inArray(claims.id, ids)))
      .all()
      .map((c) => [c.id, c]),
  )
  return ids
    .map((claimId) => byId.get(claimId))
    .filter((c) => c !== undefined)
    .slice(0, limit)
}

/**
 * The claim an editor means by the link form's other-claim field: a number ("12",
 * "#12"), a suggestion as the picker shows it ("Claim text … (#12)"), or words from the
 * claim's text that only one claim on the desk contains (or its whole text).
 */
export function claimIdFromReference(reference: string): number {
  const ref = reference.trim()
  const id = typedClaimNumber(ref)
  if (id !== undefined) {
    if (!Number.isSafeInteger(id) || !findClaim(db, id)) refuse(`There is no claim #${id}.`)
    return id
  }
  if (!/[\p{L}\p{N}]/u.test(ref)) refuse('Type the other claim’s number, like #12, or words from its text.')
  const exact = db
    .select({ id: claims.id })
    .from(claims)
    .where(and(isNull(claims.deletedAt), sql`${claims.text} = ${ref} collate nocase`))
    .limit(2)
    .all()
  if (exact.length === 1) return exact[0]!.id
  const matches = claimsMatchingWords(ref, 2)
  if (matches.length === 1) return matches[0]!
  if (matches.length > 1) {
    refuse(`Several claims match “${ref}”; pick one from the list, or type its number, like #12.`)
  }
  refuse(`No claim matches “${ref}”. Type its number, like #12, or other words from its text.`)
}
