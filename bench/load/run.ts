// One load run against a desk server that is already up: sample the desk, drive it, stop
// the server, check the database. `npm run loadtest` (bench/loadtest.ts) runs it on a
// copy of the 100k bench desk; the browser suite's smoke test on the demo desk.
import type { RunningServer } from '#test/helpers/server-process.ts'
import type { Account } from './desk.ts'
import { sampleDesk } from './desk.ts'
import { driveLoad } from './drive.ts'
import { verifyLedger } from './verify.ts'

export type LoadRunOptions = {
  server: RunningServer
  accounts: Account[]
  connections: number
  seconds: number
  /** How many claims every editing session works on: few, so that edits collide. */
  hot: number
  /** Search terms known to matter on this desk, besides words taken from its claims. */
  searchTerms?: string[]
}

export async function runLoad({ server, accounts, connections, seconds, hot, searchTerms = [] }: LoadRunOptions) {
  const desk = sampleDesk(server.databaseFile, { hot, extraTerms: searchTerms })
  // The address as a browser on this machine would have it; its origin goes with every post.
  const origin = `http://127.0.0.1:${server.port}`
  const runTag = `load-${Date.now().toString(36)}`
  const { drive, autocannon } = await driveLoad({
    origin,
    accounts,
    connections,
    seconds,
    traffic: { desk, runTag },
  })
  // Stopped first: the check reads what the desk left on disk, not what it still holds.
  await server.stop()
  const checks = verifyLedger(server.databaseFile, desk, drive.ledger)
  return { drive, autocannon, checks, desk }
}
