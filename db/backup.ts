// Backups and restores of a desk's SQLite file, through SQLite's online backup API so the
// app keeps running meanwhile (decision 017). `npm run backup` and `npm run restore` are
// thin wrappers around this module.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { plural } from '#app/domain/import/report-text.ts'
import { formatBytes, formatCount } from '#app/utils/format.ts'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrateDatabase, migrationsFolder } from './migrate.ts'
import * as schema from './schema.ts'

/** A connection to the desk's own file that waits for the app's commits as the app's own connections do. */
function openDesk(file: string) {
  const sqlite = new Database(file, { fileMustExist: true })
  sqlite.pragma('busy_timeout = 5000')
  return sqlite
}

/** A backup or restore that cannot go ahead; the message says why and what to do. */
export class DeskFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DeskFileError'
  }
}

export type DeskSummary = {
  file: string
  bytes: number
  claims: number
  claimsInTrash: number
  speakers: number
  sources: number
  notes: number
  historyEvents: number
  users: number
  /** The newest migration the file has, by its tag (`0007_staged_imports`), or its date when this code does not know it. */
  schema: string
}

/** A path as the scripts print it: relative to where they run, unless that climbs out. */
export function shownPath(file: string) {
  const relative = path.relative(process.cwd(), file)
  return relative && !relative.startsWith('..') ? relative : file
}

export function shownDuration(ms: number) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** What a desk file holds, as the scripts print it. */
export function describeDesk(summary: DeskSummary) {
  const n = (count: number, one: string) => plural(count, one, `${one}s`)
  return [
    `  ${shownPath(summary.file)} (${formatBytes(summary.bytes)}, integrity check ok, schema ${summary.schema})`,
    `  ${n(summary.claims, 'claim')} (+ ${formatCount(summary.claimsInTrash)} in the trash), ${n(summary.speakers, 'speaker')}, ` +
      `${n(summary.sources, 'source')}, ${n(summary.notes, 'note')}, ${n(summary.historyEvents, 'history event')}, ${n(summary.users, 'user')}`,
  ].join('\n')
}

// Tables every Claim desk database has had since its first migration.
const deskTables = ['users', 'sessions', 'claims', 'speakers', 'sources', 'claim_events'] as const
const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1')
// One step for the whole file: a step-wise copy starts over whenever the app commits
// between two steps, and under steady writes a large desk would never finish.
const allPages = 0x7fffffff
// As long as the app's own busy timeout: a restore waits for a commit no longer than a save does.
const busyPatienceMs = 5000

type Migration = { tag: string; when: number }

function knownMigrations(): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: Migration[]
  }
  return journal.entries
}

/** `2025-11-23T17-50-12Z`: sorts by time and is a valid file name everywhere. */
export function fileTimestamp(at = new Date()) {
  return at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')
}

/** `dir/prefix-<UTC timestamp>.db`, with `-2`, `-3`… when that name is taken (two in one second). */
export function timestampedFile(dir: string, prefix: string, at = new Date()) {
  const stem = path.join(dir, `${prefix}-${fileTimestamp(at)}`)
  let candidate = `${stem}.db`
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${stem}-${n}.db`
  return candidate
}

export function defaultBackupsDir(databaseFile: string) {
  return path.join(path.dirname(path.resolve(databaseFile)), 'backups')
}

function tableNames(sqlite: Database.Database) {
  const rows = sqlite.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]
  return new Set(rows.map((row) => row.name))
}

function countOf(sqlite: Database.Database, tables: Set<string>, table: string, where = '') {
  if (!tables.has(table)) return 0
  return (sqlite.prepare(`select count(*) as n from "${table}" ${where}`).get() as { n: number }).n
}

function appliedMigrationDates(sqlite: Database.Database) {
  const rows = sqlite.prepare('select created_at as at from __drizzle_migrations order by created_at').all() as {
    at: number
  }[]
  return rows.map((row) => Number(row.at))
}

function schemaName(sqlite: Database.Database, tables: Set<string>) {
  if (!tables.has('__drizzle_migrations')) return 'no migrations'
  const latest = appliedMigrationDates(sqlite).at(-1)
  if (latest === undefined) return 'no migrations'
  return (
    knownMigrations().find((m) => m.when === latest)?.tag ?? `unknown migration of ${new Date(latest).toISOString()}`
  )
}

function summarise(sqlite: Database.Database, file: string): DeskSummary {
  const tables = tableNames(sqlite)
  return {
    file,
    bytes: fs.statSync(file).size,
    claims: countOf(sqlite, tables, 'claims', 'where deleted_at is null'),
    claimsInTrash: countOf(sqlite, tables, 'claims', 'where deleted_at is not null'),
    speakers: countOf(sqlite, tables, 'speakers'),
    sources: countOf(sqlite, tables, 'sources'),
    notes: countOf(sqlite, tables, 'annotations'),
    historyEvents: countOf(sqlite, tables, 'claim_events'),
    users: countOf(sqlite, tables, 'users'),
    schema: schemaName(sqlite, tables),
  }
}

/** Throws unless SQLite finds nothing wrong; `integrity_check` reads every page. */
function requireIntact(sqlite: Database.Database, what: string) {
  let problems: string[]
  try {
    problems = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check)
  } catch (error) {
    throw new DeskFileError(`${what} is damaged: ${(error as Error).message}.`)
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new DeskFileError(
      `${what} is damaged; SQLite's integrity check says:\n  ${problems.slice(0, 10).join('\n  ')}`,
    )
  }
}

/**
 * Copies `source` into `target` with SQLite's backup API and makes the copy one
 * self-contained file (rollback journal instead of WAL), so it can be moved or mailed as is.
 * `onLocked` runs once the target is locked for writing and before any page is written.
 */
async function copyWithBackupApi(source: Database.Database, target: string, onLocked?: () => Promise<void>) {
  const giveUpAt = Date.now() + busyPatienceMs
  for (;;) {
    let state: 'waiting' | 'ready' | { failed: unknown } = onLocked ? 'waiting' : 'ready'
    let running: Promise<void> | undefined
    const { totalPages } = await source.backup(target, {
      progress: () => {
        if (state === 'ready') return allPages
        // Throwing ends the backup and rolls back the target's transaction: nothing written.
        if (typeof state === 'object') throw state.failed
        // Steps of zero pages keep the target's write lock while onLocked runs.
        running ??= onLocked!().then(
          () => void (state = 'ready'),
          (error: unknown) => void (state = { failed: error }),
        )
        return 0
      },
    })
    // better-sqlite3 takes a first step that met a busy target (the app committing) for a
    // finished copy of nothing; no real database has zero pages, so that means: try again.
    if (totalPages > 0) return
    if (Date.now() > giveUpAt) {
      throw new DeskFileError(`${target} stayed busy for ${busyPatienceMs / 1000} s; nothing was copied. Try again.`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

function makeSelfContained(file: string) {
  const copy = new Database(file)
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}

/** Opens a backup file (not the app's database) and checks it, then summarises it. */
export function inspectBackup(file: string): DeskSummary {
  const sqlite = new Database(file, { fileMustExist: true })
  try {
    requireIntact(sqlite, file)
    return summarise(sqlite, file)
  } finally {
    sqlite.close()
  }
}

export type BackupResult = { summary: DeskSummary; ms: number }

/**
 * Copies the desk at `databaseFile` to `target` while the app may be running and writing:
 * the copy is the database as of one moment (a single read transaction; WAL lets the app
 * keep committing), then checked and summarised. Never overwrites a file.
 */
export async function backupDesk({
  databaseFile,
  target,
}: {
  databaseFile: string
  target: string
}): Promise<BackupResult> {
  if (!fs.existsSync(databaseFile)) {
    throw new DeskFileError(`There is no database at ${databaseFile}; check DATABASE_URL.`)
  }
  if (fs.existsSync(target)) throw new DeskFileError(`${target} already exists; a backup never overwrites a file.`)
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true })
  const started = performance.now()
  const sqlite = openDesk(databaseFile)
  try {
    await copyWithBackupApi(sqlite, target)
  } catch (error) {
    fs.rmSync(target, { force: true })
    throw new DeskFileError(`The backup of ${databaseFile} failed: ${(error as Error).message}`)
  } finally {
    sqlite.close()
  }
  makeSelfContained(target)
  const summary = inspectBackup(target)
  return { summary, ms: performance.now() - started }
}

/**
 * Copies a backup to a scratch file and checks it there, so a refused restore touches
 * neither the backup nor the desk: the file must be an intact SQLite database holding a
 * Claim desk made by migrations this code knows. Returns the scratch copy, migrated to
 * this code's schema and without sessions.
 */
function prepareRestore(backupFile: string, scratchDir: string) {
  if (!fs.existsSync(backupFile) || !fs.statSync(backupFile).isFile()) {
    throw new DeskFileError(`There is no file at ${backupFile}.`)
  }
  const header = Buffer.alloc(sqliteHeader.length)
  const fd = fs.openSync(backupFile, 'r')
  try {
    fs.readSync(fd, header, 0, header.length, 0)
  } finally {
    fs.closeSync(fd)
  }
  if (!header.equals(sqliteHeader)) throw new DeskFileError(`${backupFile} is not an SQLite database.`)

  const scratch = path.join(scratchDir, 'restore.db')
  fs.copyFileSync(backupFile, scratch)
  // A copy of a live database may hold its last commits in the WAL beside it.
  if (fs.existsSync(`${backupFile}-wal`)) fs.copyFileSync(`${backupFile}-wal`, `${scratch}-wal`)

  const sqlite = new Database(scratch)
  try {
    requireIntact(sqlite, backupFile)
    const tables = tableNames(sqlite)
    const missing = deskTables.filter((table) => !tables.has(table))
    if (missing.length > 0 || !tables.has('__drizzle_migrations')) {
      throw new DeskFileError(
        `${backupFile} is an SQLite database but not a Claim desk one (it has no ${[...missing, '__drizzle_migrations'][0]} table).`,
      )
    }
    const known = new Set(knownMigrations().map((m) => m.when))
    const unknown = appliedMigrationDates(sqlite).filter((when) => !known.has(when))
    if (unknown.length > 0) {
      throw new DeskFileError(
        `${backupFile} was made by a newer Claim desk: it has a migration of ${new Date(unknown.at(-1)!).toISOString()} ` +
          'that this code does not know. Update Claim desk first, or restore it with the version that made it.',
      )
    }
  } finally {
    sqlite.close()
  }

  const prepared = new Database(scratch)
  // As the app migrates: with its foreign keys enforced.
  prepared.pragma('foreign_keys = ON')
  try {
    const before = appliedMigrationDates(prepared).length
    migrateDatabase(drizzle(prepared, { schema }))
    const migrationsApplied = appliedMigrationDates(prepared).length - before
    // Sessions are the desk's at backup time: some were ended since (logouts, disabled
    // accounts) and must not come back, so everyone signs in again.
    prepared.prepare('delete from sessions').run()
    return { scratch: prepared, migrationsApplied }
  } catch (error) {
    prepared.close()
    throw error
  }
}

export type RestoreResult = {
  restored: DeskSummary
  /** The desk as it was just before the restore; null when there was no database yet. */
  safetyCopy: DeskSummary | null
  migrationsApplied: number
  /** Sessions of the replaced desk that ended with it. */
  sessionsEnded: number
  /** How long the app's writes had to wait: the safety copy and the swap. */
  writesHeldMs: number
  ms: number
}

/**
 * Replaces the desk at `databaseFile` with the backup, safely while the app runs:
 * the backup is checked and migrated on a scratch copy first (a refusal changes nothing),
 * then one write transaction replaces the desk's pages. Before any page is written, with
 * the write lock already held so no commit can slip in between, the desk as it is goes to
 * a safety copy in `backupsDir`. A running app sees the restored desk on its next query.
 */
export async function restoreDesk({
  backupFile,
  databaseFile,
  backupsDir = defaultBackupsDir(databaseFile),
}: {
  backupFile: string
  databaseFile: string
  backupsDir?: string
}): Promise<RestoreResult> {
  if (path.resolve(backupFile) === path.resolve(databaseFile)) {
    throw new DeskFileError(`${backupFile} is the desk's own database; name a backup to restore.`)
  }
  const started = performance.now()
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-restore-'))
  try {
    const { scratch, migrationsApplied } = prepareRestore(backupFile, scratchDir)
    let safetyCopyFile: string | null = null
    let sessionsEnded = 0
    let lockedAt = 0
    let writesHeldMs = 0
    const hadDesk = fs.existsSync(databaseFile)
    try {
      if (!hadDesk) fs.mkdirSync(path.dirname(path.resolve(databaseFile)), { recursive: true })
      await copyWithBackupApi(
        scratch,
        databaseFile,
        hadDesk
          ? async () => {
              lockedAt = performance.now()
              fs.mkdirSync(backupsDir, { recursive: true })
              safetyCopyFile = timestampedFile(backupsDir, 'before-restore')
              const desk = openDesk(databaseFile)
              try {
                sessionsEnded = countOf(desk, tableNames(desk), 'sessions')
                await copyWithBackupApi(desk, safetyCopyFile)
              } finally {
                desk.close()
              }
            }
          : undefined,
      )
      if (lockedAt) writesHeldMs = performance.now() - lockedAt
    } catch (error) {
      if (error instanceof DeskFileError) throw error
      // A failed backup step rolls back its transaction: the desk is as it was.
      throw new DeskFileError(`The restore failed and left the desk as it was: ${(error as Error).message}`)
    } finally {
      scratch.close()
    }
    // Checked once the desk is open again: the check reads every page and takes seconds on a large desk.
    let safetyCopy: DeskSummary | null = null
    if (safetyCopyFile) {
      makeSelfContained(safetyCopyFile)
      safetyCopy = inspectBackup(safetyCopyFile)
    }
    const desk = openDesk(databaseFile)
    try {
      requireIntact(desk, databaseFile)
      // The swap went through the WAL: fold it into the file rather than leave one as big as
      // the desk. A desk restored where there was none starts in WAL mode, as the app opens it.
      desk.pragma(hadDesk ? 'wal_checkpoint(TRUNCATE)' : 'journal_mode = WAL')
      return {
        restored: summarise(desk, databaseFile),
        safetyCopy,
        migrationsApplied,
        sessionsEnded,
        writesHeldMs,
        ms: performance.now() - started,
      }
    } finally {
      desk.close()
    }
  } finally {
    fs.rmSync(scratchDir, { recursive: true, force: true })
  }
}
