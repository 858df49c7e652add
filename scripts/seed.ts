// npm run db:seed — migrates, then loads the demo data; safe to run again.
import { getConnection } from '#db/client.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { demoLogins, seedDemoData } from '#seeds/seed.ts'

const { db, file } = getConnection()
migrateDatabase(db)
seedDemoData(db)
console.log(`Demo data is in ${file}. Logins:`)
for (const login of demoLogins(db)) console.log(`  ${login.role.padEnd(7)} ${login.email}  password: ${login.password}`)
