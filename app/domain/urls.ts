// Source URLs are compared after normalisation, so the same article pasted from a
// share button, a newsletter or the address bar is recognised as one source.

const trackingParameters = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'yclid',
  'twclid',
  '_ga',
  'ref_src',
  'ocid',
  'cmpid',
  'wt_mc',
])

function isTrackingParameter(name: string) {
  const lower = name.toLowerCase()
  return lower.startsWith('utm_') || trackingParameters.has(lower)
}

/**
 * Returns the canonical form of an http(s) URL, or null when the text is not one.
 * Lower-cases scheme and host, drops default ports, fragments, tracking parameters
 * and a trailing slash, and sorts the remaining query parameters.
 */
export function normalizeSourceUrl(input: string): string | null {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null
  // Each setter re-parses the whole URL, so only what is there is cleared (an import
  // normalises hundreds of thousands); `#` or `?` alone reads as empty but is still dropped.
  const href = url.href
  if (href.includes('#')) url.hash = ''
  if (url.username || url.password) {
    url.username = ''
    url.password = ''
  }
  if (href.includes('?')) {
    const kept = [...url.searchParams.entries()].filter(([name]) => !isTrackingParameter(name))
    kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    url.search = new URLSearchParams(kept).toString()
  }
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '')
  }
  let normalized = url.toString()
  if (url.pathname === '/' && !url.search) normalized = normalized.replace(/\/$/, '')
  return normalized
}
