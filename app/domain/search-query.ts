// What an editor types into the search box, turned into an FTS5 query that cannot be
// anything but a search. Every word is emitted as a quoted FTS5 string, so operators,
// column filters, NEAR( and stray quotes in the input are just words; nothing the user
// types reaches FTS5 as syntax.
//
// Understood: words (all must match), "exact phrases", prefix* and -exclusions (a word or
// a phrase). Spelling variants are added as alternatives: numbers in any grouping
// (10.000, 10,000, 10 000, 10000), German ß/ss and ä/ae, ö/oe, ü/ue. Diacritics
// (Pjöngjang/Pjongjang) are folded by the index's tokenizer, hyphens (Kim Jong-un/Kim
// Jong Un) by its word splitting. Speaker aliases come from `variantsOf`, which the
// caller looks up in the desk's data.

/** Start and end of a highlighted stretch in a snippet: control characters nobody types. */
export const highlightMarks = { start: '\u0002', end: '\u0003' }

export const searchLimits = { length: 300, terms: 16 }

/** One thing the query asks for: a word or a phrase, maybe a prefix, maybe excluded. */
export type SearchTerm = { words: string[]; prefix: boolean; exclude: boolean }

export type ParsedSearch = { terms: SearchTerm[] } | { error: string }

// The tokenizer's idea of a word: letters, digits and combining marks; all else splits.
export const wordPattern = /[\p{L}\p{N}\p{M}]+/gu

function wordsIn(text: string) {
  return (text.match(wordPattern) ?? []).map((w) => w.toLowerCase())
}

/**
 * Numbers written with group separators ("10.000", "10,000", "10 000", "1'000") become
 * one run of digits before the query is split into words, so they are one term.
 */
export function joinDigitGroups(text: string) {
  return text.replace(/\d{1,3}(?:[.,'’\u00a0\u202f ]\d{3})+(?![\d])/g, (number) => number.replace(/\D/g, ''))
}

export function parseSearch(input: string): ParsedSearch {
  const text = joinDigitGroups(input.normalize('NFC')).slice(0, searchLimits.length)
  const terms: SearchTerm[] = []
  // A quoted phrase (the closing quote may be missing), or a run of anything but space.
  const chunk = /(-?)"([^"]*)"?|(\S+)/g
  for (const match of text.matchAll(chunk)) {
    const [, minus, phrase, bare] = match
    if (phrase !== undefined) {
      const words = wordsIn(phrase)
      if (words.length) terms.push({ words, prefix: false, exclude: minus === '-' })
      continue
    }
    const exclude = bare!.startsWith('-') && bare!.length > 1
    const prefix = /[\p{L}\p{N}]\*+$/u.test(bare!)
    // "Jong-un" is two words of one term, as the index stores it: a phrase.
    const words = wordsIn(bare!)
    if (words.length) terms.push({ words, prefix, exclude })
  }
  if (terms.length > searchLimits.terms) {
    return { error: `Search for at most ${searchLimits.terms} words or phrases at a time.` }
  }
  if (terms.length > 0 && terms.every((t) => t.exclude)) {
    return { error: 'Add a word to search for: a search cannot only leave things out.' }
  }
  return { terms }
}

/** `10000` as the index may hold it: one token, or groups of three ("10 000"). */
export function numberVariants(word: string) {
  if (!/^\d{4,}$/.test(word)) return []
  const groups: string[] = []
  for (let end = word.length; end > 0; end -= 3) groups.unshift(word.slice(Math.max(0, end - 3), end))
  return [groups]
}

const umlauts: Array<[RegExp, string]> = [
  [/ae/g, 'ä'],
  [/oe/g, 'ö'],
  [/ue/g, 'ü'],
  [/ss/g, 'ß'],
]

/** "Mueller" → "müller", "grosse" → "große": German spelled without its letters. */
function germanVariants(word: string) {
  return umlauts.filter(([pattern]) => pattern.test(word)).map(([pattern, letter]) => [word.replace(pattern, letter)])
}

function quote(word: string) {
  return `"${word.replace(/"/g, '""')}"`
}

/** One word or a phrase of several, as an FTS5 string; a prefix applies to its last word. */
function phrase(words: string[], prefix: boolean) {
  return quote(words.join(' ')) + (prefix ? '*' : '')
}

/**
 * The FTS5 MATCH expression for parsed terms. `variantsOf(word)` may add other spellings
 * of a single word (a speaker's aliases), each as a list of words.
 */
export function toFtsQuery(terms: SearchTerm[], variantsOf: (word: string) => string[][] = () => []) {
  const render = (term: SearchTerm) => {
    const options = [phrase(term.words, term.prefix)]
    if (term.words.length === 1 && !term.prefix) {
      const word = term.words[0]!
      for (const variant of [...numberVariants(word), ...germanVariants(word), ...variantsOf(word)]) {
        const rendered = phrase(variant, false)
        if (!options.includes(rendered)) options.push(rendered)
      }
    }
    return options.length === 1 ? options[0]! : `(${options.join(' OR ')})`
  }
  const wanted = terms.filter((t) => !t.exclude).map(render)
  const unwanted = terms.filter((t) => t.exclude).map(render)
  if (wanted.length === 0) return null
  return wanted.join(' AND ') + (unwanted.length ? ` NOT (${unwanted.join(' OR ')})` : '')
}
