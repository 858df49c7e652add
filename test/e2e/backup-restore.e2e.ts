// Backup and restore end to end, as a desk's admin does them: `npm run backup` while the
// app is serving editors, more work, `npm run restore -- FILE` with the app still running;
// the app then shows the backed-up desk and the safety copy holds the later work.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, test } from 'vitest'
import { createdClaimId, signInOverHttp, type DeskSession } from '#test/helpers/desk-http.ts'
import { repoRoot, startServer, type RunningServer } from '#test/helpers/server-process.ts'
import { demoUsers } from '#seeds/demo-accounts.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-backup-e2e-'))
const databaseFile = path.join(dir, 'claimdesk.db')
let server: RunningServer | undefined
afterAll(async () => {
  await server?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** `npm run <script> -- args` on the test's desk, as a person types it. */
function npmRun(script: string, args: string[]) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseFile, VITEST: undefined, VITEST_WORKER_ID: undefined },
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk) => (out += String(chunk)))
    child.stderr.on('data', (chunk) => (err += String(chunk)))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, out, err }))
  })
}

/** Editors at work until stopped: each round reads the list and files a claim; every answer is kept. */
function keepEditorsBusy(desk: DeskSession, during: string) {
  let stopped = false
  const statuses: number[] = []
  const created: Array<{ id: number; text: string; at: number }> = []
  const lanes = Array.from({ length: 4 }, async (_, lane) => {
    for (let n = 1; !stopped; n++) {
      const list = await desk.get('/claims')
      await list.arrayBuffer()
      statuses.push(list.status)
      const text = `Filed during the ${during}, ${lane}-${n}`
      const response = await desk.post('/claims/new', { text, language: 'en' })
      statuses.push(response.status)
      const id = createdClaimId(response)
      if (id) created.push({ id, text, at: Date.now() })
    }
  })
  return {
    statuses,
    created,
    async stop() {
      stopped = true
      await Promise.all(lanes)
    },
  }
}

function readFile<T>(file: string, work: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return work(sqlite)
  } finally {
    sqlite.close()
  }
}

const claimText = (file: string, id: number) =>
  readFile(
    file,
    (sqlite) => sqlite.prepare('select text from claims where id = ?').pluck().get(id) as string | undefined,
  )

test('npm run backup while editors work, then npm run restore into the running app', async ({ onTestFailed }) => {
  onTestFailed(() => console.error(`--- server output ---\n${(server?.log() ?? '').slice(-4000)}`))
  server = await startServer({ databaseFile })
  const editor = await signInOverHttp(server.baseUrl, demoUsers.editor.email)
  const kept = await editor.post('/claims/new', { text: 'The harbour handled a record tonnage', language: 'en' })
  const keptId = createdClaimId(kept)!

  const busy = keepEditorsBusy(editor, 'backup')
  const backupStarted = Date.now()
  const backup = await npmRun('backup', [])
  const backupEnded = Date.now()
  await busy.stop()
  expect(backup.err).not.toMatch(/error|locked|busy/i)
  expect(backup.code, backup.out + backup.err).toBe(0)
  expect(
    busy.statuses.every((status) => status === 200 || status === 302),
    String(busy.statuses),
  ).toBe(true)
  // The app kept answering writes while the backup ran: no downtime.
  expect(busy.created.some(({ at }) => at > backupStarted && at < backupEnded)).toBe(true)
  const backupFile = /(\S+claimdesk-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db)/.exec(backup.out)?.[1]
  expect(backupFile, backup.out).toBeDefined()
  const backupPath = path.resolve(repoRoot, backupFile!)
  expect(path.dirname(backupPath)).toBe(path.join(dir, 'backups'))
  expect(backup.out).toContain('integrity check ok')
  expect(claimText(backupPath, keptId)).toBe('The harbour handled a record tonnage')

  // Work after the backup, which the restore takes away and the safety copy keeps.
  const edited = await editor.post(`/claims/${keptId}/edit`, {
    text: 'The harbour handled a record tonnage, the port authority says',
    version: '1',
  })
  expect(edited.status).toBe(302)
  const later = createdClaimId(await editor.post('/claims/new', { text: 'Filed after the backup', language: 'en' }))!

  // A colleague keeps filing claims while the restore runs: each one the app acknowledged
  // is in the safety copy (filed before the swap) or in the restored desk (after it).
  const colleague = await signInOverHttp(server.baseUrl, demoUsers.editor2.email)
  const busyDuringRestore = keepEditorsBusy(colleague, 'restore')
  const restore = await npmRun('restore', [backupPath])
  await busyDuringRestore.stop()
  expect(restore.code, restore.out + restore.err).toBe(0)
  const safetyCopy = /(\S+before-restore-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db)/.exec(restore.out)?.[1]
  expect(safetyCopy, restore.out).toBeDefined()
  const safetyPath = path.resolve(repoRoot, safetyCopy!)
  expect(claimText(safetyPath, keptId)).toBe('The harbour handled a record tonnage, the port authority says')
  expect(claimText(safetyPath, later)).toBe('Filed after the backup')
  const hasClaim = (file: string, text: string) =>
    readFile(file, (sqlite) => sqlite.prepare('select count(*) from claims where text = ?').pluck().get(text) === 1)
  expect(busyDuringRestore.created.length).toBeGreaterThan(0)
  const lost = busyDuringRestore.created.filter(
    ({ text }) => !hasClaim(safetyPath, text) && !hasClaim(databaseFile, text),
  )
  expect(lost).toEqual([])

  // The running app shows the backed-up desk at once; the restore ended every session.
  expect((await editor.get('/claims')).status).toBe(302)
  const again = await signInOverHttp(server.baseUrl, demoUsers.editor.email)
  const keptPage = await again.get(`/claims/${keptId}`)
  expect(keptPage.status).toBe(200)
  const keptHtml = await keptPage.text()
  expect(keptHtml).toContain('The harbour handled a record tonnage')
  expect(keptHtml).not.toContain('the port authority says')
  expect((await again.get(`/claims/${later}`)).status).toBe(404)
  // And it goes on working: the restored claim can be edited with its backed-up version.
  const editAfter = await again.post(`/claims/${keptId}/edit`, { text: 'Edited after the restore', version: '1' })
  expect(editAfter.status).toBe(302)
  expect(readFile(databaseFile, (sqlite) => sqlite.pragma('integrity_check', { simple: true }))).toBe('ok')
}, 120_000)
