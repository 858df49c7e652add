// The database itself refuses states the desk must never be in, whatever the code does.
import { describe, expect, test } from 'vitest'
import { getConnection } from '#db/client.ts'

const { sqlite } = getConnection()

function insertClaim(fields: Record<string, unknown> = {}) {
  const row = { text: 'Eine Behauptung', status: 'new', verdict: null, rationale: null, ...fields }
  return sqlite
    .prepare('insert into claims (text, status, verdict, rationale) values (@text, @status, @verdict, @rationale)')
    .run(row).lastInsertRowid as number
}

describe('schema constraints', () => {
  test('pragmas: WAL, foreign keys and a busy timeout', () => {
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  test('unknown status and verdict are refused', () => {
    expect(() => insertClaim({ status: 'done' })).toThrow(/claims_status_check/)
    expect(() => insertClaim({ verdict: 'kinda' })).toThrow(/claims_verdict_check/)
  })

  test('a verified claim must carry a verdict and a rationale', () => {
    expect(() => insertClaim({ status: 'verified' })).toThrow(/claims_verified_check/)
    expect(insertClaim({ status: 'verified', verdict: 'true', rationale: 'Belegt.' })).toBeGreaterThan(0)
  })

  test('empty claim text is refused', () => {
    expect(() => insertClaim({ text: '   ' })).toThrow(/claims_text_check/)
  })

  test('a claim cannot point at a speaker that does not exist', () => {
    expect(() => sqlite.prepare('insert into claims (text, speaker_id) values (?, ?)').run('x', 999999)).toThrow(
      /FOREIGN KEY/,
    )
  })

  test('links: no self links, no duplicate links', () => {
    const a = insertClaim()
    const b = insertClaim()
    const link = sqlite.prepare('insert into claim_links (from_claim_id, to_claim_id, type) values (?, ?, ?)')
    expect(() => link.run(a, a, 'related')).toThrow(/claim_links_no_self_check/)
    link.run(a, b, 'supports')
    expect(() => link.run(a, b, 'supports')).toThrow(/UNIQUE/)
    expect(() => link.run(a, b, 'friends')).toThrow(/claim_links_type_check/)
  })

  test('roles are limited to viewer, editor and admin', () => {
    expect(() =>
      sqlite
        .prepare("insert into users (id, email, name, role, password_hash) values ('u1', 'a@b.c', 'A', 'owner', 'x')")
        .run(),
    ).toThrow(/users_role_check/)
  })

  test('source URLs are unique', () => {
    const insert = sqlite.prepare('insert into sources (title, url) values (?, ?)')
    insert.run('A', 'https://example.org/a')
    expect(() => insert.run('B', 'https://example.org/a')).toThrow(/UNIQUE/)
  })
})
