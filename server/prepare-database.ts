import { count } from 'drizzle-orm'
import { getConnection } from '#db/client.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { users } from '#db/schema.ts'
import type { Env } from '#app/utils/env.server.ts'
import { demoLogins, seedDemoData } from '#seeds/seed.ts'

/** Migrates the database; on a database with no users yet, loads the demo data set. */
export function prepareDatabase(env: Env) {
  const { db } = getConnection()
  migrateDatabase(db)
  const userCount = db.select({ n: count() }).from(users).get()?.n ?? 0
  const seeded = userCount === 0 && env.SEED_DEMO_DATA === 'true'
  if (seeded) seedDemoData(db)
  // Show the demo logins as long as the demo accounts exist with their demo passwords.
  const logins = demoLogins(db)
  return { seeded, logins }
}
