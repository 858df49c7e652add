// The load test's table: per kind of request, how many, how fast, and what came back
// that was not a success; then the whole run's throughput and the checks on the database.
import type autocannon from 'autocannon'
import { ms, percentile } from '../stats.ts'
import type { DriveResult } from './drive.ts'
import { requestKinds, type RequestRecord } from './traffic.ts'
import type { Check } from './verify.ts'

export type KindFigures = {
  kind: string
  requests: number
  p50: number
  p95: number
  p99: number
  conflicts: number
  /** Answers outside 2xx and 3xx, by status. */
  otherStatuses: Record<number, number>
}

function figuresOf(kind: string, records: RequestRecord[]): KindFigures {
  const sorted = records.map((r) => r.ms).sort((a, b) => a - b)
  const otherStatuses: Record<number, number> = {}
  for (const r of records)
    if (r.status >= 400 || r.status < 200) otherStatuses[r.status] = (otherStatuses[r.status] ?? 0) + 1
  return {
    kind,
    requests: records.length,
    p50: sorted.length ? percentile(sorted, 50) : 0,
    p95: sorted.length ? percentile(sorted, 95) : 0,
    p99: sorted.length ? percentile(sorted, 99) : 0,
    conflicts: records.filter((r) => r.outcome === 'conflict').length,
    otherStatuses,
  }
}

export function summarise(drive: DriveResult) {
  const kinds = requestKinds
    .map((kind) =>
      figuresOf(
        kind,
        drive.records.filter((r) => r.kind === kind),
      ),
    )
    .filter((k) => k.requests > 0)
  const all = figuresOf('all', drive.records)
  return {
    kinds,
    all,
    throughput: drive.records.length / drive.seconds,
    serverErrors: drive.records.filter((r) => r.outcome === 'server error').length,
    unexpected: drive.records.filter((r) => r.outcome === 'unexpected'),
  }
}

/** What makes the run fail, in sentences; empty when it passed. */
export function failuresOf(drive: DriveResult, checks: Check[]) {
  const { serverErrors, unexpected } = summarise(drive)
  const failures: string[] = []
  if (serverErrors) failures.push(`${serverErrors} answers were server errors (5xx).`)
  if (unexpected.length) {
    const examples = unexpected.slice(0, 5).map((r) => `${r.status} for ${r.kind} ${r.path}`)
    failures.push(`${unexpected.length} answers were neither a success nor a conflict: ${examples.join('; ')}.`)
  }
  if (drive.transportErrors || drive.lostRequests) {
    failures.push(
      `${drive.transportErrors} transport errors (${drive.timeouts} timeouts), ${drive.lostRequests} requests never answered.`,
    )
  }
  failures.push(...drive.problems)
  for (const check of checks) failures.push(...check.failures)
  return failures
}

const statusList = (statuses: Record<number, number>) =>
  Object.entries(statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ') || '—'

export function printReport(drive: DriveResult, checks: Check[], cannon: autocannon.Result, sessions: number) {
  const { kinds, all, throughput } = summarise(drive)
  const rows = [...kinds, all].map((k) => [
    k.kind,
    String(k.requests),
    ms(k.p50),
    ms(k.p95),
    ms(k.p99),
    String(k.conflicts),
    statusList(k.otherStatuses),
  ])
  const head = ['kind', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'conflicts', 'non-2xx/3xx']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
  for (const row of rows) console.log(line(row))
  const writes = (type: string) => drive.ledger.filter((w) => w.type === type).length
  console.log(
    `\n${sessions} sessions, ${drive.seconds.toFixed(1)} s: ${throughput.toFixed(1)} requests/s, p95 ${ms(all.p95)} ms.` +
      `\nAcknowledged writes: ${writes('create')} claims created, ${writes('edit')} edits, ${writes('note')} notes, ${writes('status change')} status changes; ` +
      `${kinds.reduce((n, k) => n + k.conflicts, 0)} stale writes refused as conflicts.` +
      `\nTransport: ${drive.transportErrors} errors, ${drive.timeouts} timeouts; autocannon counted ${cannon.requests.total} requests, ${(cannon.throughput.total / 1e6).toFixed(1)} MB read.`,
  )
  console.log('\nChecks on the database:')
  for (const check of checks) {
    console.log(`  ${check.failures.length ? '✗' : '✓'} ${check.name} (${check.checked} checked)`)
    for (const failure of check.failures.slice(0, 10)) console.log(`      ${failure}`)
  }
}
