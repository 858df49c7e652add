// npm run restore -- FILE
// Replaces the desk (DATABASE_URL, default ./data/claimdesk.db) with a backup, keeping a
// safety copy of the desk as it was. Works while the app runs; see decision 017.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { databaseFileFromEnv } from '#db/database-file.ts'
import { plural } from '#app/domain/import/report-text.ts'
import { describeDesk, DeskFileError, shownDuration, shownPath, restoreDesk } from '#db/backup.ts'

const usage = `Usage: npm run restore -- FILE

Replaces the desk's database (DATABASE_URL, default ./data/claimdesk.db) with the backup FILE
(made by npm run backup). The backup is checked first; if it is missing, not a Claim desk
database, damaged or made by a newer Claim desk, nothing changes. Otherwise the desk as it is
goes to data/backups/before-restore-<UTC time>.db, the backup takes its place in one step
(migrated if it is older than this code), and everyone signs in again. The app may keep
running: it shows the restored desk at once.`

function fail(message: string, code = 1): never {
  console.error(message)
  process.exit(code)
}

let parsed: { values: { help?: boolean }; positionals: string[] }
try {
  parsed = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true })
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`, 2)
}
if (parsed.values.help) {
  console.log(usage)
  process.exit(0)
}
if (parsed.positionals.length !== 1) fail(`Name one backup file to restore.\n\n${usage}`, 2)

const databaseFile = databaseFileFromEnv()
if (databaseFile === ':memory:') fail('DATABASE_URL is :memory:; there is no file to restore into.', 2)
const backupFile = path.resolve(parsed.positionals[0]!)

try {
  const { restored, safetyCopy, migrationsApplied, sessionsEnded, writesHeldMs, ms } = await restoreDesk({
    backupFile,
    databaseFile,
  })
  if (safetyCopy) {
    console.log('The desk as it was before the restore is kept in:')
    console.log(describeDesk(safetyCopy))
  } else {
    console.log(`There was no database at ${databaseFile} yet; nothing needed keeping.`)
  }
  console.log(
    `Restored ${shownPath(backupFile)} in ${shownDuration(ms)}; the app's writes waited ${shownDuration(writesHeldMs)}. ` +
      'The desk now holds:',
  )
  console.log(describeDesk(restored))
  if (migrationsApplied > 0)
    console.log(`The backup was older than this code: ${plural(migrationsApplied, 'migration', 'migrations')} applied.`)
  console.log(
    sessionsEnded > 0
      ? `${plural(sessionsEnded, 'session', 'sessions')} ended: everyone signs in again, with the accounts as they were in the backup.`
      : 'Everyone signs in again, with the accounts as they were in the backup.',
  )
  if (safetyCopy) console.log(`To undo: npm run restore -- ${shownPath(safetyCopy.file)}`)
} catch (error) {
  if (error instanceof DeskFileError) fail(`Nothing was restored, nothing changed. ${error.message}`)
  throw error
}
