// Claim search: the editor's words (see search-query.ts) matched against the claims_fts
// index, with other spellings of a speaker's name taken from the desk's aliases.
import { sql } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { parseSearch, toFtsQuery } from './search-query.ts'
import { foldForMatching } from './text.ts'

/**
 * Other spellings of `word` where it is part of a speaker's name: "Shoigu" in "Sergei
 * Shoigu" brings "Schoigu" from "Sergej Schoigu", the word in the same place counted
 * from the end of each of that speaker's names.
 */
function aliasVariants(word: string): string[][] {
  const folded = foldForMatching(word)
  if (folded.length < 3 || /^\d+$/.test(folded)) return []
  const rows = db.all<{ speakerId: number; aliasKey: string }>(sql`
    select other.speaker_id as speakerId, other.alias_key as aliasKey
    from speaker_aliases other
    where other.speaker_id in (
      select speaker_id from speaker_aliases
      where ' ' || alias_key || ' ' like ${`% ${folded} %`}
      limit 20
    )`)
  const variants = new Set<string>()
  for (const speakerId of new Set(rows.map((r) => r.speakerId))) {
    const names = rows.filter((r) => r.speakerId === speakerId).map((r) => r.aliasKey.split(' '))
    const fromEnd = new Set(
      names.filter((name) => name.includes(folded)).map((name) => name.length - 1 - name.lastIndexOf(folded)),
    )
    for (const name of names) {
      for (const position of fromEnd) {
        const other = name[name.length - 1 - position]
        if (other && other !== folded) variants.add(other)
      }
    }
  }
  return [...variants].slice(0, 8).map((v) => [v])
}

/** The FTS5 MATCH expression for what the editor typed; null when there is nothing to search for. */
export function claimSearchMatch(q: string): { match: string | null } | { error: string } {
  const parsed = parseSearch(q)
  if ('error' in parsed) return parsed
  const match = toFtsQuery(parsed.terms, aliasVariants)
  // Punctuation alone ("*", a lone quote) searches nothing; listing every claim as a
  // "match" would mislead, so the editor is told instead.
  if (match === null && q.trim()) return { error: 'There is nothing to search for here: type a word or a number.' }
  return { match }
}

/**
 * The claims that best match a MATCH expression, best first: ranked inside the index (far
 * cheaper than bm25() over a join, see STACK.md), which holds the live claims only.
 */
export function rankedClaimIds(match: string, limit: number) {
  return db
    .all<{ id: number }>(
      sql`select rowid as id from claims_fts where claims_fts match ${match} order by rank limit ${limit}`,
    )
    .map((r) => r.id)
}
