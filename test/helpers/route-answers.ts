// Route modules called as Remix calls them, without a server: what they answered, and
// whether the desk changed. The access matrix and the hostile-input test both need to know
// that a refused request left every row as it was.
import { createHash } from 'node:crypto'
import { getConnection } from '#db/client.ts'

export type Answer = { status: number; location: string | null; setCookie: string | null; body: unknown }

/**
 * What a loader or action returned or threw, read as Remix would send it. Anything else
 * thrown is what Remix would answer with a 500; the stack is kept to show why.
 */
export async function answerOf(run: () => unknown): Promise<Answer> {
  const read = async (value: unknown): Promise<Answer> => {
    if (value instanceof Response) {
      // Downloads stream from the database: read them to the end, as a browser would.
      const text = await value.text()
      let body: unknown = text
      try {
        body = JSON.parse(text)
      } catch {}
      return {
        status: value.status,
        location: value.headers.get('Location'),
        setCookie: value.headers.get('Set-Cookie'),
        body,
      }
    }
    if (value && typeof value === 'object' && 'type' in value && value.type === 'DataWithResponseInit') {
      const { data, init } = value as unknown as { data: unknown; init: ResponseInit | null }
      return { status: init?.status ?? 200, location: null, setCookie: null, body: data }
    }
    return { status: 200, location: null, setCookie: null, body: value }
  }
  try {
    return await read(await run())
  } catch (thrown) {
    if (thrown instanceof Response || (thrown && typeof thrown === 'object' && 'init' in thrown)) return read(thrown)
    return {
      status: 500,
      location: null,
      setCookie: null,
      body: thrown instanceof Error ? thrown.stack : String(thrown),
    }
  }
}

/**
 * Every row of every table and of the search index, hashed table by table, so a failure
 * names the table that changed. Left out: the audit log and the sign-in throttle's counts,
 * which a refused sign-in writes on purpose (sign-in-throttle-and-audit.test.ts checks
 * those), and SQLite's and drizzle's own bookkeeping.
 */
export function deskFingerprint() {
  const { sqlite } = getConnection()
  const tables = (
    sqlite.prepare("select name from sqlite_schema where type = 'table' and sql not like 'CREATE VIRTUAL%'").all() as {
      name: string
    }[]
  )
    .map((t) => t.name)
    .filter((name) => !name.startsWith('sqlite_') && !name.startsWith('claims_fts') && !name.startsWith('__'))
    .filter((name) => name !== 'audit_events' && name !== 'login_throttle')
  return Object.fromEntries(
    [...tables, 'claims_fts'].map((table) => {
      const rows = sqlite.prepare(`select rowid as _rowid, * from "${table}" order by rowid`).raw().all()
      const hash = createHash('sha256')
      for (const row of rows) {
        hash.update(
          JSON.stringify(row, (_, v) =>
            Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v,
          ),
        )
      }
      return [table, `${rows.length}:${hash.digest('hex').slice(0, 16)}`]
    }),
  )
}
