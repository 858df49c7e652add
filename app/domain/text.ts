// Folding used wherever names are matched: "Kim Jong-un", "kim jong un" and
// "Kim Jong Un" must be the same speaker, "Schoigu" and "SCHOIGU" too.

/** Lower-case, without diacritics, German ß as ss, punctuation and spacing collapsed. */
export function foldForMatching(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** A long text cut near `max` characters, at a word boundary where one is close, with an ellipsis. */
export function shortenText(value: string, max = 80): string {
  const text = value.replace(/\s+/g, ' ').trim()
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`
}
