// Crash safety: editors write in a burst, the server is killed with SIGKILL while requests
// are in flight (no shutdown code runs), and it is started again on the same file. SQLite
// must find the file intact and every write the app had answered must be there. Three
// rounds on one desk, so the later rounds also recover a file that has crashed before.
// What this cannot show is a power cut or an OS crash: see decision 017.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, test } from 'vitest'
import { createdClaimId, deskSession, signInOverHttp, type DeskSession } from '#test/helpers/desk-http.ts'
import { startServer, type RunningServer } from '#test/helpers/server-process.ts'
import { demoUsers } from '#seeds/demo-accounts.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-crash-'))
const databaseFile = path.join(dir, 'claimdesk.db')
let server: RunningServer | undefined
afterAll(async () => {
  await server?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** What the app acknowledged for one claim: each step only after the one before it. */
type Acknowledged = {
  claimId: number
  text: string
  /** Sent but maybe not answered: the server may have committed it before the kill, or not. */
  editSent?: string
  editedText?: string
  note?: string
  researchStarted?: boolean
}

type Burst = { acknowledged: Acknowledged[]; inFlightAtKill: number; unexpected: string[] }

/**
 * Lanes of editors, each creating a claim, editing it with its version, adding a note and
 * starting research, over and over, until the server is killed after `killAfter` answers.
 */
async function burstUntilKilled(desk: DeskSession, round: number, { lanes = 24, killAfter = 120 } = {}) {
  const acknowledged: Acknowledged[] = []
  const unexpected: string[] = []
  let answers = 0
  let inFlight = 0
  let killed = false

  /** The response when the app answered with the expected status, null when the request failed. */
  async function send(request: () => Promise<Response>, expected: number) {
    inFlight++
    try {
      const response = await request()
      if (killed) return response.status === expected ? response : null
      answers++
      await response.arrayBuffer().catch(() => undefined)
      if (response.status !== expected) {
        unexpected.push(`HTTP ${response.status} where ${expected} was expected`)
        return null
      }
      return response
    } catch (error) {
      if (!killed) unexpected.push(`request failed before the kill: ${(error as Error).message}`)
      return null
    } finally {
      inFlight--
    }
  }

  async function lane(laneNumber: number) {
    for (let n = 1; !killed; n++) {
      const text = `Crash round ${round}, lane ${laneNumber}, claim ${n}: the ministry says exports doubled`
      const created = await send(() => desk.post('/claims/new', { text, language: 'en' }), 302)
      const claimId = created && createdClaimId(created)
      if (!claimId) return
      const record: Acknowledged = { claimId, text }
      acknowledged.push(record)
      const editedText = `${text} (edited)`
      record.editSent = editedText
      if (!(await send(() => desk.post(`/claims/${claimId}/edit`, { text: editedText, version: '1' }), 302))) return
      record.editedText = editedText
      const note = `Note on ${claimId}: ask the ministry for the figures`
      const noted = await send(
        () => desk.post(`/claims/${claimId}`, { intent: 'annotation-add', kind: 'note', body: note }),
        200,
      )
      if (!noted) return
      record.note = note
      const started = await send(
        () => desk.post(`/claims/${claimId}`, { intent: 'review', move: 'start', version: '2' }),
        200,
      )
      if (!started) return
      record.researchStarted = true
    }
  }

  const running = Array.from({ length: lanes }, (_, i) => lane(i + 1))
  while (answers < killAfter && unexpected.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
  killed = true
  const inFlightAtKill = inFlight
  await server!.kill()
  await Promise.all(running)
  return { acknowledged, inFlightAtKill, unexpected } satisfies Burst
}

function readDesk<T>(work: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    return work(sqlite)
  } finally {
    sqlite.close()
  }
}

/** Every acknowledged write that the desk does not hold, in words; empty when none is lost. */
function missingWrites(acknowledged: Acknowledged[]) {
  return readDesk((sqlite) => {
    const claimById = sqlite.prepare('select text, status from claims where id = ? and deleted_at is null')
    const noteCount = sqlite.prepare('select count(*) from annotations where claim_id = ? and body = ?').pluck()
    const createdEvents = sqlite
      .prepare(`select count(*) from claim_events where claim_id = ? and type = 'created'`)
      .pluck()
    const missing: string[] = []
    for (const write of acknowledged) {
      const claim = claimById.get(write.claimId) as { text: string; status: string } | undefined
      if (!claim) {
        missing.push(`claim #${write.claimId} (“${write.text}”) is gone`)
        continue
      }
      if (createdEvents.get(write.claimId) !== 1) missing.push(`claim #${write.claimId} lacks its history entry`)
      // An edit in flight at the kill may have been saved; an acknowledged one must have been.
      const possibleTexts = write.editedText ? [write.editedText] : [write.text, write.editSent]
      if (!possibleTexts.includes(claim.text)) missing.push(`claim #${write.claimId} reads “${claim.text}”`)
      if (write.note && noteCount.get(write.claimId, write.note) !== 1) missing.push(`claim #${write.claimId}: note`)
      if (write.researchStarted && claim.status !== 'researching') {
        missing.push(`claim #${write.claimId} is ${claim.status}, not researching`)
      }
    }
    return missing
  })
}

test('a server killed in the middle of a burst of writes comes back intact with every acknowledged write', async ({
  onTestFailed,
}) => {
  onTestFailed(() => console.error(`--- server output ---\n${(server?.log() ?? '').slice(-4000)}`))
  server = await startServer({ databaseFile })
  const everyAcknowledged: Acknowledged[] = []
  for (let round = 1; round <= 3; round++) {
    const editor = await signInOverHttp(server.baseUrl, demoUsers.editor.email)
    const burst = await burstUntilKilled(editor, round)
    expect(burst.unexpected, 'answers other than the expected ones before the kill').toEqual([])
    // Otherwise the kill came between requests and the test would prove little.
    expect(burst.inFlightAtKill, 'requests in flight at the kill').toBeGreaterThan(0)
    expect(burst.acknowledged.filter((write) => write.researchStarted).length).toBeGreaterThan(0)
    everyAcknowledged.push(...burst.acknowledged)

    server = await startServer({ databaseFile })
    expect(readDesk((sqlite) => sqlite.pragma('integrity_check', { simple: true }))).toBe('ok')
    expect(readDesk((sqlite) => sqlite.pragma('foreign_key_check'))).toEqual([])
    expect(missingWrites(everyAcknowledged)).toEqual([])

    // The session signed in before the crash still works, reads and writes.
    const last = burst.acknowledged.at(-1)!
    const sameEditor = deskSession(server.baseUrl, editor.cookie)
    const page = await sameEditor.get(`/claims/${last.claimId}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(last.editedText ?? last.text)
    const created = await sameEditor.post('/claims/new', { text: `Written after crash ${round}`, language: 'en' })
    expect(createdClaimId(created)).not.toBeNull()
  }
}, 180_000)
