// How alike two claims are, for the possible-duplicates suggestions. Pure, so the rules
// are unit-tested apart from the index that finds the candidates.
import { deu, eng } from 'stopword'
import { joinDigitGroups, wordPattern } from './search-query.ts'
import { foldForMatching } from './text.ts'

const stopwords = new Set([...deu, ...eng].map(foldForMatching))

/**
 * German inflects and compounds ("Besuch", "besuchte", "Besuchs"; "Jahrestag",
 * "Jahrestags"), so words are compared by their first five letters: crude next to a
 * real stemmer, but it works alike for German and English, and the index can look the
 * stems up as prefixes.
 */
export const stemLength = 5

/**
 * The words that carry a claim's meaning, by stem (each with the word as the claim
 * writes it, to show editors), and the numbers it states.
 */
export type ClaimFingerprint = { stems: Map<string, string>; numbers: Set<string> }

export function fingerprintOf(text: string): ClaimFingerprint {
  const stems = new Map<string, string>()
  const numbers = new Set<string>()
  for (const written of joinDigitGroups(text.normalize('NFC')).match(wordPattern) ?? []) {
    const word = foldForMatching(written)
    if (/^\d+$/.test(word)) {
      // "10.000" and "10000" are one number; a lone digit ("3 Tage") says little.
      const number = word.replace(/^0+(?=\d)/, '')
      if (number.length >= 2) numbers.add(number)
    } else if (word.length >= 3 && !stopwords.has(word)) {
      const stem = word.slice(0, stemLength)
      if (!stems.has(stem)) stems.set(stem, written)
    }
  }
  return { stems, numbers }
}

export type Likeness = { score: number; sharedWords: string[]; sharedNumbers: string[]; sameSpeaker: boolean }

/** Weights: the words carry the claim; one speaker and one number make the same fact likelier. */
export const likenessWeights = { sameSpeaker: 0.15, perSharedNumber: 0.1, numbersAtMost: 0.2 }

/** Below this a suggestion is noise: a claim sharing a name and a place, not a fact. */
export const likenessThreshold = 0.35

/**
 * Dice's coefficient over the two claims' stems (shared stems over their average count),
 * plus the speaker and number bonuses. The shared words are named as `b` writes them.
 */
export function likenessOf(a: ClaimFingerprint, b: ClaimFingerprint, sameSpeaker: boolean): Likeness {
  const sharedWords = [...a.stems.keys()].filter((stem) => b.stems.has(stem)).map((stem) => b.stems.get(stem)!)
  const sharedNumbers = [...a.numbers].filter((number) => b.numbers.has(number))
  const words = a.stems.size + b.stems.size === 0 ? 0 : (2 * sharedWords.length) / (a.stems.size + b.stems.size)
  const numbers = Math.min(likenessWeights.numbersAtMost, likenessWeights.perSharedNumber * sharedNumbers.length)
  const score = words + (sameSpeaker && words > 0 ? likenessWeights.sameSpeaker : 0) + (words > 0 ? numbers : 0)
  return { score: Math.round(score * 1000) / 1000, sharedWords, sharedNumbers, sameSpeaker }
}

/** A stem or number of a draft as the index is searched for it, with how many claims hold it. */
export type IndexTerm = { term: string; kind: 'stem' | 'number'; claims: number }

/**
 * How the candidate search picks its terms: always a few, more while the claims they
 * occur in stay within budget. The ranked search costs in proportion to the claims it
 * matches, so the budget bounds it at any desk size (decision 012).
 */
export const candidateTerms = { least: 3, most: 6, claimsBudget: 3000 }

/**
 * The draft's terms that search for candidates: the rarest first, since a word few
 * claims use says most about which fact a claim tells, and a common one ("Russland",
 * "Ukraine") would make the index rank a large part of the desk. Terms no claim holds
 * cannot find anything and are left out.
 */
export function rarestTerms(terms: IndexTerm[], limits = candidateTerms): IndexTerm[] {
  const byRarity = terms.filter((t) => t.claims > 0).sort((a, b) => a.claims - b.claims || (a.term < b.term ? -1 : 1))
  const chosen: IndexTerm[] = []
  let claims = 0
  for (const term of byRarity) {
    if (chosen.length >= limits.most) break
    if (chosen.length >= limits.least && claims + term.claims > limits.claimsBudget) break
    chosen.push(term)
    claims += term.claims
  }
  return chosen
}
