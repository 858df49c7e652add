// db/backup.ts on desks of its own (temp files beside the test's database): what a backup
// holds, what a restore refuses without touching anything, and what it puts back.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { backupDesk, DeskFileError, inspectBackup, restoreDesk, timestampedFile } from '#db/backup.ts'
import { getConnection, openDatabase } from '#db/client.ts'
import { seedDemoData } from '#seeds/seed.ts'

const journal = JSON.parse(fs.readFileSync(path.resolve('migrations/meta/_journal.json'), 'utf8')) as {
  entries: Array<{ tag: string }>
}
const latestMigration = journal.entries.at(-1)!.tag

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-backup-test-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

let dir: string
let deskFile: string
let backupsDir: string
let caseNumber = 0

let template: string

// The demo data is seeded through the domain functions, which write to the test file's own
// database; each case starts from a copy of it.
beforeAll(async () => {
  const { db, file } = getConnection()
  seedDemoData(db)
  template = path.join(root, 'template.db')
  await backupDesk({ databaseFile: file, target: template })
})

/** A demo desk in a directory of its own with one session, closed so its WAL is folded into the file. */
function makeDesk() {
  dir = path.join(root, `case-${++caseNumber}`)
  deskFile = path.join(dir, 'claimdesk.db')
  backupsDir = path.join(dir, 'backups')
  fs.mkdirSync(dir)
  fs.copyFileSync(template, deskFile)
  const { sqlite } = openDatabase(deskFile)
  sqlite
    .prepare(`insert into sessions (id, user_id, expires_at) select 'session-1', id, 4102444800 from users limit 1`)
    .run()
  sqlite.close()
}

function onDesk<T>(file: string, work: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file)
  sqlite.pragma('foreign_keys = ON')
  try {
    return work(sqlite)
  } finally {
    sqlite.close()
  }
}

/** Every row of every table, sorted: two desks with equal dumps hold the same data. */
function dump(file: string, { withoutSessions = false } = {}) {
  return onDesk(file, (sqlite) => {
    const tables = (
      sqlite.prepare(`select name from sqlite_master where type = 'table' order by name`).all() as { name: string }[]
    )
      .map((row) => row.name)
      .filter((name) => !(withoutSessions && name === 'sessions'))
    return Object.fromEntries(
      tables.map((table) => [
        table,
        (sqlite.prepare(`select * from "${table}"`).all() as object[]).map((row) => JSON.stringify(row)).sort(),
      ]),
    )
  })
}

function fingerprint(file: string) {
  const sidecars = ['-wal', '-shm'].filter((suffix) => fs.existsSync(file + suffix))
  return { sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'), sidecars }
}

/** Later work on the desk: an edit, a note, a claim in the trash, a new session. */
function changeDesk(file: string) {
  onDesk(file, (sqlite) => {
    sqlite.prepare(`update claims set text = 'Edited after the backup', version = version + 1 where id = 1`).run()
    sqlite
      .prepare(
        `insert into annotations (claim_id, created_by, kind, body) select 2, id, 'note', 'Note after the backup' from users limit 1`,
      )
      .run()
    sqlite.prepare(`update claims set deleted_at = 1700000000000 where id = 3`).run()
    sqlite
      .prepare(`insert into sessions (id, user_id, expires_at) select 'session-2', id, 4102444800 from users limit 1`)
      .run()
  })
}

beforeEach(makeDesk)

describe('backupDesk', () => {
  test('copies the desk into one self-contained file and says what it holds', async () => {
    const target = path.join(backupsDir, 'copy.db')
    const { summary } = await backupDesk({ databaseFile: deskFile, target })
    expect(summary).toMatchObject({ file: target, claims: 53, speakers: 19, sources: 13, users: 4 })
    expect(summary.schema).toBe(latestMigration)
    expect(dump(target)).toEqual(dump(deskFile))
    expect(onDesk(target, (sqlite) => sqlite.pragma('journal_mode', { simple: true }))).toBe('delete')
  })

  test('takes the committed desk while another connection is in the middle of writing', async () => {
    const writer = new Database(deskFile)
    try {
      writer.exec('begin immediate')
      writer.prepare(`update claims set text = 'Not committed yet' where id = 1`).run()
      const target = path.join(backupsDir, 'during-write.db')
      await backupDesk({ databaseFile: deskFile, target })
      writer.exec('commit')
      const text = onDesk(target, (sqlite) => sqlite.prepare('select text from claims where id = 1').pluck().get())
      expect(text).not.toBe('Not committed yet')
    } finally {
      writer.close()
    }
  })

  test('never overwrites a file and needs a database to copy', async () => {
    const target = path.join(dir, 'taken.db')
    fs.writeFileSync(target, 'mine')
    await expect(backupDesk({ databaseFile: deskFile, target })).rejects.toThrow(/already exists/)
    expect(fs.readFileSync(target, 'utf8')).toBe('mine')
    await expect(
      backupDesk({ databaseFile: path.join(dir, 'missing.db'), target: path.join(dir, 'x.db') }),
    ).rejects.toThrow(/There is no database at/)
    expect(fs.existsSync(path.join(dir, 'x.db'))).toBe(false)
  })

  test('names backups by UTC time, and never twice the same', () => {
    fs.mkdirSync(backupsDir, { recursive: true })
    const at = new Date('2025-03-04T05:06:07.890Z')
    const first = timestampedFile(backupsDir, 'claimdesk', at)
    expect(path.basename(first)).toBe('claimdesk-2025-03-04T05-06-07Z.db')
    fs.writeFileSync(first, '')
    expect(path.basename(timestampedFile(backupsDir, 'claimdesk', at))).toBe('claimdesk-2025-03-04T05-06-07Z-2.db')
  })
})

describe('restoreDesk', () => {
  test('puts the backed-up desk back exactly, ends every session, and keeps the desk it replaced', async () => {
    const backup = path.join(dir, 'backup.db')
    await backupDesk({ databaseFile: deskFile, target: backup })
    const backedUp = dump(deskFile, { withoutSessions: true })
    changeDesk(deskFile)
    const beforeRestore = dump(deskFile)

    const result = await restoreDesk({ backupFile: backup, databaseFile: deskFile, backupsDir })

    expect(dump(deskFile, { withoutSessions: true })).toEqual(backedUp)
    expect(dump(deskFile).sessions).toEqual([])
    expect(result.sessionsEnded).toBe(2)
    expect(result.migrationsApplied).toBe(0)
    expect(result.restored).toMatchObject({ claims: 53, claimsInTrash: 0 })
    expect(path.basename(result.safetyCopy!.file)).toMatch(/^before-restore-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/)
    expect(path.dirname(result.safetyCopy!.file)).toBe(backupsDir)
    expect(dump(result.safetyCopy!.file)).toEqual(beforeRestore)
    expect(onDesk(deskFile, (sqlite) => sqlite.pragma('journal_mode', { simple: true }))).toBe('wal')
  })

  test('an open connection, as the running app holds, reads the restored desk and writes on', async () => {
    const backup = path.join(dir, 'backup.db')
    await backupDesk({ databaseFile: deskFile, target: backup })
    changeDesk(deskFile)
    const { sqlite: app } = openDatabase(deskFile)
    try {
      const textOfClaim1 = () => app.prepare('select text from claims where id = 1').pluck().get()
      expect(textOfClaim1()).toBe('Edited after the backup')
      await restoreDesk({ backupFile: backup, databaseFile: deskFile, backupsDir })
      expect(textOfClaim1()).not.toBe('Edited after the backup')
      app.prepare(`update claims set text = 'Written after the restore' where id = 1`).run()
      expect(textOfClaim1()).toBe('Written after the restore')
      expect(app.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      app.close()
    }
  })

  test('waits for a write the app is committing instead of taking the busy desk for a finished copy', async () => {
    const backup = path.join(dir, 'backup.db')
    await backupDesk({ databaseFile: deskFile, target: backup })
    const backedUp = dump(backup, { withoutSessions: true })
    changeDesk(deskFile)
    const app = new Database(deskFile)
    try {
      app.exec('begin immediate')
      app.prepare(`update claims set text = 'Committed while the restore waits' where id = 4`).run()
      const restoring = restoreDesk({ backupFile: backup, databaseFile: deskFile, backupsDir })
      await new Promise((resolve) => setTimeout(resolve, 300))
      app.exec('commit')
      const { safetyCopy } = await restoring
      expect(dump(deskFile, { withoutSessions: true })).toEqual(backedUp)
      const text = onDesk(safetyCopy!.file, (sqlite) =>
        sqlite.prepare('select text from claims where id = 4').pluck().get(),
      )
      expect(text).toBe('Committed while the restore waits')
    } finally {
      app.close()
    }
  })

  test('migrates a backup made before the latest migration', async () => {
    const backup = path.join(dir, 'older.db')
    await backupDesk({ databaseFile: deskFile, target: backup })
    // Undoes the latest migration by hand (0008: the audit log and the sign-in throttle).
    expect(latestMigration).toBe('0008_audit_and_login_throttle')
    onDesk(backup, (sqlite) => {
      sqlite.exec('drop table audit_events; drop table login_throttle')
      sqlite.exec(
        'delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)',
      )
    })
    expect(inspectBackup(backup).schema).toBe('0007_staged_imports')
    const result = await restoreDesk({ backupFile: backup, databaseFile: deskFile, backupsDir })
    expect(result.migrationsApplied).toBe(1)
    expect(result.restored.schema).toBe(latestMigration)
    expect(onDesk(deskFile, (sqlite) => sqlite.prepare('select count(*) from login_throttle').pluck().get())).toBe(0)
  })

  test('a restore into a place without a database creates it and keeps no safety copy', async () => {
    const backup = path.join(dir, 'backup.db')
    await backupDesk({ databaseFile: deskFile, target: backup })
    const freshDesk = path.join(dir, 'elsewhere', 'claimdesk.db')
    const result = await restoreDesk({ backupFile: backup, databaseFile: freshDesk, backupsDir })
    expect(result.safetyCopy).toBeNull()
    expect(dump(freshDesk, { withoutSessions: true })).toEqual(dump(backup, { withoutSessions: true }))
    expect(onDesk(freshDesk, (sqlite) => sqlite.pragma('journal_mode', { simple: true }))).toBe('wal')
  })

  describe('refuses, and changes nothing, when the file', () => {
    const refusals: Array<[string, (file: string) => void, RegExp]> = [
      ['is missing', (file) => fs.rmSync(file), /There is no file at/],
      ['is not SQLite', (file) => fs.writeFileSync(file, 'id,text\n1,A claim\n'), /is not an SQLite database/],
      [
        'is damaged',
        (file) => {
          // Garbage over the second half of the pages: the header still reads as SQLite.
          const bytes = fs.readFileSync(file)
          bytes.fill(0x5a, Math.floor(bytes.length / 2), bytes.length - 4096)
          fs.writeFileSync(file, bytes)
        },
        /is damaged/,
      ],
      [
        'is another program’s database',
        (file) => {
          fs.rmSync(file)
          onDesk(file, (sqlite) => sqlite.exec('create table notes (id integer primary key, body text)'))
        },
        /not a Claim desk one/,
      ],
      [
        'was made by a newer Claim desk',
        (file) =>
          onDesk(file, (sqlite) =>
            sqlite
              .prepare(`insert into __drizzle_migrations (hash, created_at) values ('future', ?)`)
              .run(4102444800000),
          ),
        /made by a newer Claim desk: it has a migration of 2100-01-01/,
      ],
    ]
    test.each(refusals)('%s', async (_what, spoil, message) => {
      const backup = path.join(dir, 'backup.db')
      await backupDesk({ databaseFile: deskFile, target: backup })
      spoil(backup)
      const desk = fingerprint(deskFile)
      const given = fs.existsSync(backup) ? fingerprint(backup) : null

      const refusal = restoreDesk({ backupFile: backup, databaseFile: deskFile, backupsDir })
      await expect(refusal).rejects.toThrow(DeskFileError)
      await expect(refusal).rejects.toThrow(message)

      expect(fingerprint(deskFile)).toEqual(desk)
      expect(fs.existsSync(backup) ? fingerprint(backup) : null).toEqual(given)
      expect(fs.existsSync(backupsDir)).toBe(false)
    })
  })

  test('refuses to restore the desk onto itself', async () => {
    await expect(restoreDesk({ backupFile: deskFile, databaseFile: deskFile, backupsDir })).rejects.toThrow(
      /the desk's own database/,
    )
  })
})
