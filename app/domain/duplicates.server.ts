// Possible duplicates: the claims most like one being written or read, so an editor
// links a repeated fact to its earlier check instead of checking it twice.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { claimLinks, claims, speakers } from '#db/schema.ts'
import { fingerprintOf, likenessOf, likenessThreshold } from './similarity.ts'

/** How many claims the index hands over for scoring: enough for the few shown, bounded at any desk size. */
export const duplicateCandidates = 50

/** How many of the draft's words look for candidates; all of them are scored. */
export const candidateWords = 4

export type DuplicateDraft = { text: string; speakerId?: number | null; claimId?: number }

/**
 * The claims most like a draft (a claim being typed, or an existing claim when
 * `claimId` is given), best first, each with why: shared words, numbers and speaker.
 * The claims_fts index finds candidates sharing a stem or a number of the text, ranked
 * inside the index; they are then scored by `likenessOf`. The claim itself, claims
 * already linked to it and trashed claims are left out.
 */
export function possibleDuplicatesOf(draft: DuplicateDraft, limit = 5) {
  const mine = fingerprintOf(draft.text)
  if (mine.stems.size === 0) return []
  // The longest words say most (names, places, compounds) and a long claim must not make
  // the index rank most of the desk, so a few of them and the numbers find the candidates.
  // Stems and numbers are folded letters and digits only, so quoting them is enough.
  const terms = [
    ...[...mine.stems.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .slice(0, candidateWords)
      .map(([stem]) => `"${stem}"*`),
    ...[...mine.numbers].slice(0, 2).map((n) => `"${n}"`),
  ]
  const match = `{text quote} : (${terms.join(' OR ')})`
  const candidateIds = db
    .all<{ id: number }>(
      sql`select rowid as id from claims_fts where claims_fts match ${match}
          order by rank limit ${duplicateCandidates + 1}`,
    )
    .map((r) => r.id)
    .filter((id) => id !== draft.claimId)
  if (candidateIds.length === 0) return []
  const linked = draft.claimId === undefined ? new Set<number>() : linkedClaimIds(draft.claimId)
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
    .where(and(inArray(claims.id, candidateIds), isNull(claims.deletedAt)))
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

export type PossibleDuplicate = ReturnType<typeof possibleDuplicatesOf>[number]

/**
 * The claims a claim is already tied to: linked either way, and the other duplicates of
 * the claims it is linked to (already gathered under the same canonical claim).
 */
function linkedClaimIds(claimId: number) {
  const rows = db
    .select({ from: claimLinks.fromClaimId, to: claimLinks.toClaimId })
    .from(claimLinks)
    .where(
      and(isNull(claimLinks.deletedAt), or(eq(claimLinks.fromClaimId, claimId), eq(claimLinks.toClaimId, claimId))),
    )
    .all()
  const linked = new Set(rows.map((r) => (r.from === claimId ? r.to : r.from)))
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
