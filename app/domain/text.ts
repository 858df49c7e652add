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
