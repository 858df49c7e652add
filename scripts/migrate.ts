// npm run db:migrate — applies pending migrations to DATABASE_URL (default ./data/claimdesk.db).
import { getConnection } from '#db/client.ts'
import { migrateDatabase } from '#db/migrate.ts'

const { db, file } = getConnection()
migrateDatabase(db)
console.log(`Migrations applied to ${file}.`)
