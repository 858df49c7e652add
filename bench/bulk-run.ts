// One run of one bulk case (bench/bulk.ts) in a process of its own, started by bench/run.ts:
//   node --expose-gc --import tsx bench/bulk-run.ts "<group>: <name>" [--limit N] [--live]
// Prints the result as one line of JSON. DATABASE_URL must already name the bench desk.
// --live collects the garbage before every memory sample (bench/memory.ts): a run for its
// memory only, since the collections cost time.
import { parseArgs } from 'node:util'
import { bulkCases } from './bulk.ts'
import { memorySampler, type MemoryPeaks } from './memory.ts'

export type BulkRun = { rows: number; bytes: number; seconds: number } & MemoryPeaks

const { positionals, values: options } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string' }, live: { type: 'boolean', default: false } },
})
const name = positionals[0]
if (!process.env.DATABASE_URL)
  throw new Error('bench/bulk-run.ts needs DATABASE_URL: it must never open ./data/claimdesk.db.')
const found = bulkCases().find((c) => `${c.group}: ${c.name}` === name)
if (!found) throw new Error(`No bulk case "${name}".`)

const run = await found.prepare(options.limit ? Number(options.limit) : undefined)
const gc = globalThis.gc
if (!gc) throw new Error('bench/bulk-run.ts needs node --expose-gc.')
// What loading and preparing left behind is not the run's.
gc()
const memory = memorySampler(options.live ? { collect: () => gc(), everyMs: 50, gapMs: 50 } : {})
const start = process.hrtime.bigint()
const { rows, bytes } = await run(memory.sample)
const seconds = Number(process.hrtime.bigint() - start) / 1e9
const result: BulkRun = { rows, bytes, seconds, ...memory.stop() }
process.stdout.write(`${JSON.stringify(result)}\n`)
