// The one path that applies migrations: used at start-up, by `npm run db:migrate` and by tests.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { Db } from './client.ts'

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations')

export function migrateDatabase(db: Db) {
  migrate(db, { migrationsFolder })
}
