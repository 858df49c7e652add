// The load test's driver and its database checks, run for a few seconds on the demo desk
// (bench/load/): a short run must give no server error, and every write the desk
// acknowledged must be found afterwards. `npm run loadtest` is the full run on 100k claims.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account } from '#bench/load/desk.ts'
import { failuresOf, summarise } from '#bench/load/report.ts'
import { runLoad } from '#bench/load/run.ts'
import { verifyLedger } from '#bench/load/verify.ts'
import { demoPassword, demoUsers, startServer } from './helpers.ts'

const accounts: Account[] = Object.values(demoUsers).map((u) => ({
  email: u.email,
  password: demoPassword,
  role: u.role,
}))

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-loadtest-e2e-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('the load test on the demo desk', () => {
  it('drives every kind of traffic without a server error and finds every acknowledged write', async () => {
    const databaseFile = path.join(dir, 'demo.db')
    const server = await startServer({ databaseFile, seedDemoData: true })
    let run: Awaited<ReturnType<typeof runLoad>>
    try {
      run = await runLoad({ server, accounts, connections: 4, seconds: 4, hot: 2 })
    } finally {
      await server.stop()
    }
    const { drive, checks, desk } = run
    expect(failuresOf(drive, checks)).toEqual([])
    expect(summarise(drive).serverErrors).toBe(0)
    const kinds = new Set(drive.records.map((r) => r.kind))
    expect([...kinds].sort()).toEqual(
      ['annotate', 'create', 'detail', 'edit', 'edit form', 'list', 'search', 'status change'].sort(),
    )
    const edits = drive.ledger.filter((w) => w.type === 'edit')
    expect(edits.length).toBeGreaterThan(0)

    // The checks are not vacuous: a second acknowledged edit from the same version (an
    // overwrite nobody was told about) and a note that never arrived are both caught.
    const overwritten = { ...edits[0]!, text: `${edits[0]!.text} (overwritten)` }
    const lostNote = { type: 'note' as const, email: accounts[1]!.email, claimId: desk.hot[0]!.id, body: 'never sent' }
    const failures = verifyLedger(databaseFile, desk, [...drive.ledger, overwritten, lostNote]).flatMap(
      (c) => c.failures,
    )
    expect(failures).toContainEqual(expect.stringMatching(/two acknowledged writes were both made from version/))
    expect(failures).toContainEqual(expect.stringMatching(/The note “never sent…” on claim #\d+ is not there/))
  })
})
