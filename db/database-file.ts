// Which file the desk lives in. Kept apart from client.ts, which opens (and so creates)
// that file the moment it is imported: scripts such as backup must be able to ask where
// the desk is without making an empty one when it is missing.

export const defaultDatabaseFile = './data/claimdesk.db'

/** `DATABASE_URL` may be a plain path or a `file:` URL; both mean a file on disk. */
export function databaseFileFromEnv(env: Record<string, string | undefined> = process.env): string {
  const raw = env.DATABASE_URL?.trim() || defaultDatabaseFile
  if (raw === ':memory:') return raw
  return raw.startsWith('file:') ? raw.slice('file:'.length).replace(/^\/\/(?=\/)/, '') : raw
}
