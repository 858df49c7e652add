// npm run bench [-- --fresh] [-- --only <words>] [-- --runs <n>] — measures the desk's reads
// and bulk operations on a generated 100k-claim desk (bench/generate.ts, cached in
// data/bench/) against DESIGN.md's targets. Never opens ./data/claimdesk.db: DATABASE_URL
// is pointed at the bench file before any app module is loaded, here and in the child
// processes the bulk cases run in.
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { BulkRun } from './bulk-run.ts'
import { bulkCases } from './bulk.ts'
import { ensureBenchDesk } from './generate.ts'
import { flatMemory, heldMb, isFlat } from './memory.ts'
import { ms, percentile } from './stats.ts'

const { values: options } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    only: { type: 'string' },
    // Upper bounds per case; every case runs at least `minIterations`.
    iterations: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '4' },
    // Timed runs per bulk case, each in a fresh process; the time is their median.
    runs: { type: 'string', default: '3' },
  },
})

const started = performance.now()
const { manifest, generated } = ensureBenchDesk({ fresh: options.fresh })
const file = path.resolve('data/bench/claims-100k.db')
if (generated) console.log(`Generated ${file} in ${manifest.seconds} s.`)
process.env.DATABASE_URL = file

const { benchCases, maxOverhead } = await import('./cases.ts')
const { getConnection } = await import('#db/client.ts')

const minIterations = 20
const maxIterations = Number(options.iterations)
const budgetMs = Number(options.seconds) * 1000

function elapsedMs(run: () => unknown) {
  const start = process.hrtime.bigint()
  run()
  return Number(process.hrtime.bigint() - start) / 1e6
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) }
}

type Row = {
  group: string
  name: string
  iterations: number
  app: { p50: number; p95: number }
  raw: { p50: number; p95: number }
  reference?: { p50: number; p95: number }
  target: string
  met: boolean
  sameRows: boolean
}

// "--only export" or "--only 'list: status'": either way a case is named, or as the table shows it.
const selected = (group: string, name: string) =>
  !options.only || [`${group} ${name}`, `${group}: ${name}`].some((label) => label.includes(options.only!))
const rows: Row[] = []
const cases = benchCases().filter((c) => selected(c.group, c.name))
for (const c of cases) {
  // The app and the raw SQL must answer the same question, or the ratio means nothing.
  const rowsOf = c.rowsOf ?? ((r: unknown) => r)
  const sameRows = c.inputs.every(
    (input) => JSON.stringify(rowsOf(c.app(input))) === JSON.stringify(rowsOf(c.raw(input))),
  )
  // Warm-up: every input through every path, so statements are prepared and pages cached.
  for (let round = 0; round < 3; round++) {
    for (const input of c.inputs) {
      c.app(input)
      c.raw(input)
      c.reference?.(input)
    }
  }
  const samples = { app: [] as number[], raw: [] as number[], reference: [] as number[] }
  const caseStart = performance.now()
  let i = 0
  // Interleaved, so a slow moment of the machine hits app and raw alike.
  while (i < maxIterations && (i < minIterations || performance.now() - caseStart < budgetMs)) {
    const input = c.inputs[i % c.inputs.length]
    samples.app.push(elapsedMs(() => c.app(input)))
    samples.raw.push(elapsedMs(() => c.raw(input)))
    if (c.reference) samples.reference.push(elapsedMs(() => c.reference!(input)))
    i++
  }
  const app = summary(samples.app)
  const raw = summary(samples.raw)
  const reference = c.reference ? summary(samples.reference) : undefined
  const overheadMet = app.p95 / raw.p95 <= maxOverhead
  let target: string
  let met: boolean
  if ('p95Ms' in c.target) {
    target = `≤ ${c.target.p95Ms} ms`
    met = app.p95 <= c.target.p95Ms
  } else {
    const limit = c.target.timesReference * reference!.p95
    target = `≤ ${c.target.timesReference}× FTS5 (${ms(limit)} ms)`
    met = app.p95 <= limit
  }
  rows.push({
    group: c.group,
    name: c.name,
    iterations: i,
    app,
    raw,
    reference,
    target,
    met: met && overheadMet,
    sameRows,
  })
  process.stderr.write('.')
}
process.stderr.write('\n')

/** One run of a bulk case in a process of its own, so its memory is its own. */
function bulkRun(name: string, { limit, live = false }: { limit?: number; live?: boolean } = {}): BulkRun {
  const args = ['--expose-gc', '--import', 'tsx', 'bench/bulk-run.ts', name]
  if (limit !== undefined) args.push('--limit', String(limit))
  if (live) args.push('--live')
  const output = execFileSync(process.execPath, args, {
    env: process.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return JSON.parse(output.trim().split('\n').at(-1)!) as BulkRun
}

const bulkRuns = Math.max(1, Number(options.runs))
const tenth = Math.round(manifest.scale.claims / 10)
const bulkRows = bulkCases()
  .filter((c) => selected(c.group, c.name))
  .map((c) => {
    const name = `${c.group}: ${c.name}`
    const timed = Array.from({ length: bulkRuns }, () => {
      process.stderr.write('.')
      return bulkRun(name)
    })
    // Memory for itself, with the garbage collected before each sample: slower, so untimed.
    const live = { tenth: bulkRun(name, { limit: tenth, live: true }), all: bulkRun(name, { live: true }) }
    process.stderr.write('.')
    const seconds = summary(timed.map((r) => r.seconds)).p50
    const flat = isFlat(live.all, live.tenth)
    const timeMet = c.targetSeconds === undefined || seconds <= c.targetSeconds
    return {
      name,
      rows: timed[0]!.rows,
      bytes: timed[0]!.bytes,
      seconds,
      rssMb: Math.max(...timed.map((r) => r.rssMb)),
      heapGrowthMb: Math.max(...timed.map((r) => r.heapGrowthMb)),
      held: { tenth: heldMb(live.tenth), all: heldMb(live.all) },
      flat,
      target: [c.targetSeconds === undefined ? '' : `≤ ${c.targetSeconds} s`, c.flat ? 'flat' : '']
        .filter(Boolean)
        .join(', '),
      met: timeMet && (!c.flat || flat),
    }
  })
if (bulkRows.length > 0) process.stderr.write('\n')

const { sqlite } = getConnection()
const sqliteVersion = (sqlite.prepare('select sqlite_version() as v').get() as { v: number }).v
const cpus = os.cpus()
console.log(`\nClaim desk benchmark — ${new Date().toISOString().slice(0, 10)}`)
console.log(
  `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ` +
    `Node ${process.version}, SQLite ${sqliteVersion}, ${os.platform()} ${os.release()}`,
)
const c = manifest.counts
console.log(
  `Desk: ${c.claims} claims (${c.claims_fts} live), ${c.speakers} speakers (${c.speaker_aliases} spellings), ` +
    `${c.sources} sources, ${c.evidence} evidence, ${c.claim_links} links, ${c.annotations} notes, ${c.claim_events} events`,
)
const share = (n: number) => `${Math.round((n / c.claims_fts!) * 1000) / 10} %`
console.log(
  `Terms: common "${manifest.terms.common.term}" in ${manifest.terms.common.claims} live claims (${share(manifest.terms.common.claims)}), ` +
    `selective "${manifest.terms.selective.term}" in ${manifest.terms.selective.claims} (${share(manifest.terms.selective.claims)})`,
)

/** A Markdown table, text columns left and figures right. */
function printTable(table: string[][], leftColumns: (col: number) => boolean) {
  const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)))
  const line = (row: string[]) =>
    `| ${row.map((cell, col) => (leftColumns(col) ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join(' | ')} |`
  console.log(line(table[0]!))
  console.log(
    `|${widths.map((w, col) => (leftColumns(col) ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  )
  for (const row of table.slice(1)) console.log(line(row))
}

if (rows.length > 0) {
  console.log(
    `Times in ms, app = the domain function, raw = the same query in hand-written SQL; ratio = app p95 / raw p95.\n`,
  )
  printTable(
    [
      ['case', 'n', 'p50', 'p95', 'raw p95', 'ratio', 'FTS5 p95', 'target', ''],
      ...rows.map((r) => [
        `${r.group}: ${r.name}`,
        String(r.iterations),
        ms(r.app.p50),
        ms(r.app.p95),
        ms(r.raw.p95),
        `${(r.app.p95 / r.raw.p95).toFixed(2)}×`,
        r.reference ? ms(r.reference.p95) : '',
        `${r.target}, ≤ ${maxOverhead}× raw`,
        (r.met ? '✓' : '✗') + (r.sameRows ? '' : ' rows differ'),
      ]),
    ],
    (col) => col === 0 || col >= 7,
  )
}

if (bulkRows.length > 0) {
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1)
  console.log(
    [
      `\nBulk operations, each run in a fresh process: s = median of ${bulkRuns} run${bulkRuns === 1 ? '' : 's'} over the whole desk;`,
      `peak RSS and heap growth (garbage included) = the most of those runs; held = heap and buffers, sampled`,
      `with the garbage collected first, over the first ${tenth} claims → all; flat = held ≤ ${flatMemory.maxGrowthMb} MB and`,
      `≤ ${flatMemory.maxGrowthFromTenthMb} MB more for all than for the first ${tenth}. MB = 2²⁰ bytes.\n`,
    ].join('\n'),
  )
  printTable(
    [
      ['case', 'rows', 'MB', 's', 'peak RSS MB', 'heap growth MB', 'held MB', 'target', ''],
      ...bulkRows.map((r) => [
        r.name,
        String(r.rows),
        mb(r.bytes),
        r.seconds.toFixed(2),
        r.rssMb.toFixed(0),
        r.heapGrowthMb.toFixed(0),
        `${r.held.tenth.toFixed(1)} → ${r.held.all.toFixed(1)}${r.flat ? '' : ' not flat'}`,
        r.target,
        r.met ? '✓' : '✗',
      ]),
    ],
    (col) => col === 0 || col >= 7,
  )
}

const missed = rows.filter((r) => !r.met || !r.sameRows).length + bulkRows.filter((r) => !r.met).length
const all = rows.length + bulkRows.length
console.log(
  `\n${all - missed} of ${all} cases meet their targets; ${((performance.now() - started) / 1000).toFixed(0)} s in all.`,
)
