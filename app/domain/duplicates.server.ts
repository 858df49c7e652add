// Possible duplicates: the claims most like one being written or read, so an editor
// links a repeated fact to its earlier check instead of checking it twice.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { claimLinks, claims, speakers } from '#db/schema.ts'
import { claimLimits } from '#app/validation/claim.ts'
import { listClaimLinks } from './links.server.ts'
import { numberVariants, toFtsQuery } from './search-query.ts'
import { rankedClaimIds } from './search.server.ts'
import {
  fingerprintOf,
  likenessOf,
  likenessThreshold,
  rarestTerms,
  type ClaimFingerprint,
  type IndexTerm,
} from './similarity.ts'
import { findSpeakersByName } from './speakers.server.ts'

/** How many claims the index hands over for scoring: enough for the few shown, bounded at any desk size. */
export const duplicateCandidates = 50

/**
 * A claim being typed, or an existing claim (`claimId`). For an existing claim, `links`
 * are its links as its page lists them (listClaimLinks): read here when not given.
 */
export type DuplicateDraft = {
  text: string
  speakerId?: number | null
  claimId?: number
  links?: Array<{ otherId: number }>
}

/**
 * The claims most like a draft (a claim being typed, or an existing claim when
 * `claimId` is given), best first, each with why: shared words, numbers and speaker.
 * The claims_fts index finds candidates sharing the text's rarest stems or numbers
 * (`candidateMatch`), ranked inside the index; they are then scored by `likenessOf`.
 * The claim itself, claims already linked to it and trashed claims are left out.
 */
export function possibleDuplicatesOf(draft: DuplicateDraft, limit = 5) {
  const mine = fingerprintOf(draft.text)
  if (mine.stems.size === 0) return []
  const match = candidateMatch(mine)
  if (match === null) return []
  const candidateIds = rankedClaimIds(match, duplicateCandidates + 1).filter((id) => id !== draft.claimId)
  if (candidateIds.length === 0) return []
  const linked =
    draft.claimId === undefined
      ? new Set<number>()
      : linkedClaimIds((draft.links ?? listClaimLinks(draft.claimId)).map((l) => l.otherId))
  const candidates = db
    .select({
      id: claims.id,
      text: claims.text,
      status: claims.status,
      verdict: claims.verdict,
      speakerId: claims.speakerId,
      speakerName: speakers.name,
    })
    .from(claims)
    .leftJoin(speakers, eq(speakers.id, claims.speakerId))
    // Unary + keeps SQLite from driving this by the deleted_at index, a walk over every
    // live claim (4 ms at 100k) instead of fifty lookups by id.
    .where(and(inArray(claims.id, candidateIds), sql`+${claims.deletedAt} is null`))
    .all()
  return candidates
    .filter((c) => !linked.has(c.id))
    .map((c) => ({
      ...c,
      ...likenessOf(mine, fingerprintOf(c.text), Boolean(draft.speakerId) && c.speakerId === draft.speakerId),
    }))
    .filter((c) => c.score >= likenessThreshold)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, limit)
}

/** The last letter there is: every term starting with a stem sorts below stem + this. */
const afterEveryLetter = '\u{10FFFF}'

/** In how many claims the index holds a word starting with `stem` (the words are summed: an estimate). */
function claimsWithStem(stem: string) {
  return (
    db.get<{ n: number | null }>(
      sql`select sum(doc) as n from claims_fts_vocab where term >= ${stem} and term < ${stem + afterEveryLetter}`,
    )?.n ?? 0
  )
}

function claimsWithWord(word: string) {
  return db.get<{ n: number }>(sql`select doc as n from claims_fts_vocab where term = ${word}`)?.n ?? 0
}

/**
 * In how many claims a number occurs, as one run of digits ("10000") or in the groups
 * the index splits "10.000" and "10 000" into, counted by its rarest group.
 */
function claimsWithNumber(number: string) {
  const grouped = numberVariants(number).map((groups) => Math.min(...groups.map(claimsWithWord)))
  return claimsWithWord(number) + grouped.reduce((sum, n) => sum + n, 0)
}

/**
 * The index query for a draft's candidates: its rarest stems (as prefixes, so
 * "Besuch" finds "besuchte") and numbers (in any grouping, as the search writes them),
 * looked up in the index's own word counts. Null when no claim holds any of them.
 */
function candidateMatch(fingerprint: ClaimFingerprint) {
  const terms: IndexTerm[] = [
    ...[...fingerprint.stems.keys()].map((stem) => ({
      term: stem,
      kind: 'stem' as const,
      claims: claimsWithStem(stem),
    })),
    ...[...fingerprint.numbers].map((n) => ({ term: n, kind: 'number' as const, claims: claimsWithNumber(n) })),
  ]
  const chosen = rarestTerms(terms)
  if (chosen.length === 0) return null
  // Stems and numbers are folded letters and digits only, so quoting them is enough.
  const rendered = chosen.map((t) =>
    t.kind === 'stem' ? `"${t.term}"*` : toFtsQuery([{ words: [t.term], prefix: false, exclude: false }])!,
  )
  return `{text quote} : (${rendered.join(' OR ')})`
}

export type PossibleDuplicate = ReturnType<typeof possibleDuplicatesOf>[number]

/**
 * Possible duplicates of a claim still being typed on the new-claim form: its text, and
 * the speaker when the name typed so far names exactly one.
 */
export function possibleDuplicatesOfTyped(typed: { text: string; speakerName?: string }) {
  const speakers = findSpeakersByName(db, (typed.speakerName ?? '').slice(0, 200))
  return possibleDuplicatesOf({
    text: typed.text.slice(0, claimLimits.text),
    speakerId: speakers.length === 1 ? speakers[0]!.id : null,
  })
}

/**
 * The claims a claim is already tied to: the claims its links join it to either way
 * (`linkedIds`), and the other duplicates of those (already gathered under the same
 * canonical claim).
 */
function linkedClaimIds(linkedIds: number[]) {
  const linked = new Set(linkedIds)
  if (linked.size === 0) return linked
  const siblings = db
    .select({ id: claimLinks.fromClaimId })
    .from(claimLinks)
    .where(
      and(
        isNull(claimLinks.deletedAt),
        eq(claimLinks.type, 'duplicate_of'),
        inArray(claimLinks.toClaimId, [...linked].slice(0, 500)),
      ),
    )
    .limit(1000)
    .all()
  for (const sibling of siblings) linked.add(sibling.id)
  return linked
}
