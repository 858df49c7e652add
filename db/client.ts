// The one place that opens the SQLite file. Everything else imports `db` from here.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { databaseFileFromEnv } from './database-file.ts'
import * as schema from './schema.ts'

export { databaseFileFromEnv, defaultDatabaseFile } from './database-file.ts'

export type Db = BetterSQLite3Database<typeof schema>
export type Connection = { sqlite: Database.Database; db: Db; file: string }

export function openDatabase(file: string): Connection {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new Database(file)
  // WAL lets readers carry on while one writer commits; the busy timeout makes a second
  // writer (the user:create script while the app runs, say) wait instead of failing.
  sqlite.pragma('journal_mode = WAL')
  // FULL syncs the WAL at every commit, so a verdict the app has acknowledged survives a
  // power cut or OS crash too, not only a crash of the app; on this desk's machine that
  // costs about 0.15 ms a commit (decision 017).
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return { sqlite, db: drizzle(sqlite, { schema }), file }
}

// Kept on globalThis so that dev-server reloads reuse the open connection instead of
// leaking a new one per edit.
const globalForDb = globalThis as unknown as { __claimDeskDb?: Connection }

export function getConnection(): Connection {
  const file = databaseFileFromEnv()
  const existing = globalForDb.__claimDeskDb
  if (existing && existing.file === file && existing.sqlite.open) return existing
  existing?.sqlite.close()
  globalForDb.__claimDeskDb = openDatabase(file)
  return globalForDb.__claimDeskDb
}

/** The app's drizzle handle. Opened on first import, from DATABASE_URL at that moment. */
export const db: Db = getConnection().db

export function closeDatabase() {
  globalForDb.__claimDeskDb?.sqlite.close()
  globalForDb.__claimDeskDb = undefined
}
