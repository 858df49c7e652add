// Dates as the desk reads them. Rendered in UTC so server and browser agree.

export function formatDate(value: string | number | Date) {
  return new Date(value).toISOString().slice(0, 10)
}

export function formatDateTime(value: string | number | Date) {
  const iso = new Date(value).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/**
 * At most `max` characters, with an ellipsis when cut: for headlines and lists. The cut
 * falls between words when a space is near the end, so no word is left half-written.
 */
export function shorten(value: string, max: number) {
  const text = value.replace(/\s+/g, ' ').trim()
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`
}

/** A file size as people read it: 840 KB, 12.5 MB. */
export function formatBytes(bytes: number) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`
}

/** A count with thousands separated, as the desk shows numbers: 84,000. */
export function formatCount(n: number) {
  return n.toLocaleString('en')
}
