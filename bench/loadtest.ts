// npm run loadtest [-- --duration 60 --connections 50 --viewers 5 --hot 10 --keep]
// Starts the production server on loopback against a copy of the 100k-claim bench desk,
// drives it with one signed-in session per connection (bench/load/), then checks on the
// copy that every write the desk acknowledged is there and no edit replaced another
// unseen. Exits non-zero on any server error, transport error or failed check. The bench
// desk itself is only read; the copy is removed afterwards unless --keep is given.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startServer, type RunningServer } from '#test/helpers/server-process.ts'
import { addLoadAccounts, copyBenchDesk } from './load/desk.ts'
import { failuresOf, printReport } from './load/report.ts'
import { runLoad } from './load/run.ts'

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    viewers: { type: 'string', default: '5' },
    hot: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
  },
})
const seconds = Number(options.duration)
const connections = Number(options.connections)
const viewers = Math.min(Number(options.viewers), connections - 1)
const hot = Number(options.hot)
if (![seconds, connections, viewers, hot].every((n) => Number.isInteger(n) && n >= 0) || connections < 1 || hot < 1) {
  console.error('--duration, --connections, --viewers and --hot take whole numbers (connections and hot at least 1).')
  process.exit(2)
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-loadtest-'))
const copy = path.join(dir, 'claims-100k.db')
let server: RunningServer | undefined
let failed = true
try {
  let started = performance.now()
  const manifest = await copyBenchDesk(copy)
  const accounts = await addLoadAccounts(copy, { editors: connections - viewers, viewers })
  console.log(
    `Copied the bench desk (${manifest.counts.claims} claims) to ${copy} in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `${connections - viewers} editors and ${viewers} viewers added.`,
  )
  started = performance.now()
  server = await startServer({ databaseFile: copy, seedDemoData: false })
  console.log(`Server up at ${server.baseUrl} in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
  // The server, autocannon and the sessions share this machine's CPUs with whatever else runs on it.
  const machine = () => `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`
  console.log(`Driving ${connections} sessions for ${seconds} s, ${hot} contended claims (${machine()})…`)
  const cpuBefore = process.cpuUsage()
  const { drive, autocannon, checks } = await runLoad({
    server,
    accounts,
    connections,
    seconds,
    hot,
    searchTerms: [manifest.terms.common.term, manifest.terms.selective.term],
  })
  printReport(drive, checks, autocannon, connections)
  const cpu = process.cpuUsage(cpuBefore)
  console.log(
    `Machine after the run: ${machine()}; the load generator itself used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU.`,
  )
  const failures = failuresOf(drive, checks)
  if (failures.length) {
    console.error(`\nThe load test failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`)
    console.error(`--- server output (last 3000 characters) ---\n${server.log().slice(-3000)}`)
  } else {
    console.log('\nThe load test passed.')
    failed = false
  }
} finally {
  await server?.stop()
  if (options.keep) console.log(`The desk copy stays at ${copy}.`)
  else fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
