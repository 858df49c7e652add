// What the server is doing with an upload, for the upload page to show while it waits:
// reading the file, checking its rows, saving the preview. Kept in this process's memory:
// it matters for seconds, and only to the browser that sent the file.

export type ImportProgress = { phase: 'reading' | 'checking' | 'saving'; rows: number; checked: number }

const entries = new Map<string, ImportProgress & { at: number }>()
const keptFor = 10 * 60_000

/** One upload's progress, by its uploader and the token their browser made up for it. */
export function progressKey(ownerId: string, token: string) {
  return `${ownerId}:${token}`
}

export function reportProgress(key: string, progress: ImportProgress) {
  const now = Date.now()
  for (const [old, entry] of entries) if (now - entry.at > keptFor) entries.delete(old)
  entries.set(key, { ...progress, at: now })
}

export function readProgress(key: string): ImportProgress | null {
  const entry = entries.get(key)
  if (!entry) return null
  const { at: _at, ...progress } = entry
  return progress
}

export function endProgress(key: string) {
  entries.delete(key)
}
