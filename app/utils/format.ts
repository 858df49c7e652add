// Dates as the desk reads them. Rendered in UTC so server and browser agree.

export function formatDate(value: string | number | Date) {
  return new Date(value).toISOString().slice(0, 10)
}

export function formatDateTime(value: string | number | Date) {
  const iso = new Date(value).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/** At most `max` characters, with an ellipsis when cut: for headlines and lists. */
export function shorten(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}
