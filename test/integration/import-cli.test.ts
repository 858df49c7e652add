// `npm run import`, run as a person runs it: tsx on scripts/import.ts against a database
// of its own (DATABASE_URL), migrated by the script itself.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, test } from 'vitest'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-import-cli-'))
const databaseFile = path.join(dir, 'desk.db')
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function run(script: string, args: string[], input?: string) {
  const result = spawnSync(path.join(repoRoot, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseFile, VITEST: undefined, VITEST_WORKER_ID: undefined },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

function file(name: string, text: string) {
  const target = path.join(dir, name)
  fs.writeFileSync(target, text)
  return target
}

function query<T>(sql: string) {
  const sqlite = new Database(databaseFile, { readonly: true })
  try {
    return sqlite.prepare(sql).all() as T[]
  } finally {
    sqlite.close()
  }
}

// Each test starts tsx several times, a second or more each on a busy machine: vitest's 5 s
// default would fail them for the machine's load, not for what they check.
describe('npm run import', { timeout: 60_000 }, () => {
  test('prints every problem and writes nothing (exit 1); a dry run of a good file writes nothing either', () => {
    const bad = file('fehler.csv', 'claim;claimed_on\nEine gute Zeile hier.;2024-01-01\nab;27.07.2023\n')
    const result = run('scripts/import.ts', [bad])
    expect(result.code).toBe(1)
    expect(result.out).toContain('fehler.csv: 2 rows (CSV)')
    expect(result.out).toContain('Row 3, claim: The claim needs at least 3 characters.')
    expect(result.out).toContain('Row 3, claimed_on: The date made must be a date like 2023-07-27.')
    expect(result.err).toContain('Nothing was imported')
    expect(query<{ n: number }>('select count(*) as n from claims')[0]?.n).toBe(0)

    const good = file('gut.csv', 'claim,speaker\nKim eröffnete die Fabrik.,Kim Jong Un\n')
    const dry = run('scripts/import.ts', [good, '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.out).toContain('Dry run: 1 claim would be imported')
    expect(query<{ n: number }>('select count(*) as n from claims')[0]?.n).toBe(0)
  })

  test('imports as the editor named by --as, or as the import script', () => {
    const created = run(
      'scripts/user-create.ts',
      ['--email', 'ed@example.org', '--role', 'editor', '--name', 'Ed Itor'],
      'correct horse battery\n',
    )
    expect(created.code).toBe(0)
    const good = file('gut.csv', 'claim,speaker\nKim eröffnete die Fabrik.,Kim Jong Un\n')
    expect(run('scripts/import.ts', [good, '--as', 'nobody@example.org'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('No account has the e-mail address nobody@example.org.'),
    })
    const imported = run('scripts/import.ts', [good, '--as', 'ed@example.org'])
    expect(imported.code).toBe(0)
    expect(imported.out).toMatch(/Imported 1 claim into .* as Ed Itor: 1 new speaker, 0 new sources/)
    const again = run('scripts/import.ts', [good, '--include-duplicates', '--column', 'speaker='])
    expect(again.code).toBe(0)
    expect(again.out).toContain('as the import script')
    const events = query<{ type: string; actor: string | null }>(
      'select e.type, u.name as actor from claim_events e left join users u on u.id = e.actor_id order by e.id',
    )
    expect(events).toEqual([
      { type: 'imported', actor: 'Ed Itor' },
      { type: 'imported', actor: null },
    ])
    // --column speaker= left the speaker out: the second claim is unattributed.
    expect(query<{ speaker_id: number | null }>('select speaker_id from claims order by id')).toEqual([
      { speaker_id: 1 },
      { speaker_id: null },
    ])
  })
})
