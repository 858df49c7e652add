// npm run backup [-- --out FILE]
// Copies the desk (DATABASE_URL, default ./data/claimdesk.db) with SQLite's online backup
// API, checks the copy and says what it holds. Safe while the app runs and writes.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { databaseFileFromEnv } from '#db/database-file.ts'
import {
  backupDesk,
  defaultBackupsDir,
  describeDesk,
  DeskFileError,
  shownDuration,
  shownPath,
  timestampedFile,
} from '#db/backup.ts'

const usage = `Usage: npm run backup [-- --out FILE]

Copies the desk's database (DATABASE_URL, default ./data/claimdesk.db) while the app keeps
running, to FILE or by default to data/backups/claimdesk-<UTC time>.db next to the database,
then checks the copy (SQLite's integrity check) and says what it holds. Never overwrites a file.
Restore it with: npm run restore -- FILE`

function fail(message: string, code = 1): never {
  console.error(message)
  process.exit(code)
}

let values: { out?: string; help?: boolean }
try {
  values = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`, 2)
}
if (values.help) {
  console.log(usage)
  process.exit(0)
}

const databaseFile = databaseFileFromEnv()
if (databaseFile === ':memory:') fail('DATABASE_URL is :memory:; there is no file to back up.', 2)
const target = path.resolve(values.out ?? timestampedFile(defaultBackupsDir(databaseFile), 'claimdesk'))

try {
  const { summary, ms } = await backupDesk({ databaseFile, target })
  console.log(`Backed up ${shownPath(databaseFile)} in ${shownDuration(ms)}.`)
  console.log(describeDesk(summary))
  console.log(`Restore it with: npm run restore -- ${shownPath(summary.file)}`)
} catch (error) {
  if (error instanceof DeskFileError) fail(`Nothing was backed up. ${error.message}`)
  throw error
}
