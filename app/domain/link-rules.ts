// Which links between two claims make sense together. Pure, so every refused case can
// be tested without a database; links.server.ts loads the links and applies these.
import { linkLabels } from './labels.ts'
import type { LinkType } from './vocabulary.ts'

export type LinkEnds = { fromClaimId: number; toClaimId: number; type: LinkType }

/**
 * Types that say the same read from either end: "A contradicts B" is "B contradicts A",
 * so the reverse link would be the same link twice. `supports` is not among them (two
 * claims may each back the other up), nor is `updates` (refused both ways below).
 */
const symmetricTypes: ReadonlySet<LinkType> = new Set(['related', 'contradicts'])

/** "this claim supports #12" or "#12 supports this claim", as seen from `thisClaimId`. */
export function linkWording(link: LinkEnds, thisClaimId: number) {
  const name = (id: number) => (id === thisClaimId ? 'this claim' : `#${id}`)
  return `${name(link.fromClaimId)} ${linkLabels[link.type].outgoing} ${name(link.toClaimId)}`
}

function sameLink(proposed: LinkEnds, existing: LinkEnds) {
  if (existing.type !== proposed.type) return false
  const sameWay = existing.fromClaimId === proposed.fromClaimId && existing.toClaimId === proposed.toClaimId
  const reversed = existing.fromClaimId === proposed.toClaimId && existing.toClaimId === proposed.fromClaimId
  return sameWay || (reversed && symmetricTypes.has(proposed.type))
}

/**
 * Why `proposed` cannot be added next to the links already between the same two claims
 * (in either direction), or null. Besides the same link twice, three pairs are refused
 * because they cannot all be true at once:
 * - `duplicate_of` with any other link: a duplicate is the same claim, and a claim
 *   does not support, contradict or update itself. (A `duplicate_of` back the other
 *   way is a loop, which `duplicateLoop` reports with the path.)
 * - `supports` with `contradicts`, in either direction.
 * - `updates` both ways: one of the two must be the newer statement.
 * Everything else may stand together: a later report can update an earlier claim and
 * contradict it too, and `related` next to a typed link is redundant but not wrong.
 */
export function pairConflict(proposed: LinkEnds, existingBetweenPair: LinkEnds[]): string | null {
  const thisClaim = proposed.fromClaimId
  const same = existingBetweenPair.find((e) => sameLink(proposed, e))
  if (same) {
    return same.fromClaimId === proposed.fromClaimId
      ? `This link exists already: ${linkWording(same, thisClaim)}.`
      : `This link exists already: ${linkWording(same, thisClaim)}, which says the same.`
  }
  for (const existing of existingBetweenPair) {
    const types = new Set([existing.type, proposed.type])
    const reversed = existing.fromClaimId === proposed.toClaimId
    const already = `These claims are already linked: ${linkWording(existing, thisClaim)}.`
    if (types.has('duplicate_of') && types.size > 1) {
      return `${already} A duplicate is the same claim, so it cannot also be linked another way; remove that link first.`
    }
    if (types.has('supports') && types.has('contradicts')) {
      return `${already} A claim cannot both support and contradict another; remove that link first.`
    }
    if (types.size === 1 && proposed.type === 'updates' && reversed) {
      return `${already} An update cannot go both ways; remove that link first.`
    }
  }
  return null
}

/**
 * The chain that marking `fromClaimId` as a duplicate of `toClaimId` would close into a
 * loop: `[toClaimId, …, fromClaimId]` when `toClaimId` already leads back through
 * `duplicate_of` links, else null. `canonicalOf` gives the claim a claim duplicates.
 */
export function duplicateLoop(
  fromClaimId: number,
  toClaimId: number,
  canonicalOf: (claimId: number) => number | undefined,
): number[] | null {
  const chain = [toClaimId]
  const seen = new Set(chain)
  for (let next = canonicalOf(toClaimId); next !== undefined; next = canonicalOf(next)) {
    chain.push(next)
    if (next === fromClaimId) return chain
    // Data written before the rules existed might hold a loop that avoids fromClaimId.
    if (seen.has(next)) return null
    seen.add(next)
  }
  return null
}

/** The refusal for a loop found by `duplicateLoop`, from the linking claim's point of view. */
export function duplicateLoopMessage(chain: number[]) {
  const [target, ...rest] = chain
  const through = rest.slice(0, -1).map((id) => `#${id}`)
  const via = through.length === 0 ? '' : `, through ${new Intl.ListFormat('en').format(through)}`
  return `That would make a loop: #${target} is already a duplicate of this claim${via}.`
}
