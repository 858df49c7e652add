import { describe, expect, test } from 'vitest'
import { getConnection } from '#db/client.ts'
import { seedDemoData } from '#seeds/seed.ts'

const { db, sqlite } = getConnection()

function counts() {
  const tables = [
    'users',
    'speakers',
    'speaker_aliases',
    'sources',
    'claims',
    'evidence',
    'claim_links',
    'tags',
    'claim_tags',
    'claim_events',
    'annotations',
  ]
  return Object.fromEntries(
    tables.map((t) => [t, (sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]),
  )
}

describe('demo data', () => {
  seedDemoData(db)
  const first = counts()

  test('has what the demo needs', () => {
    expect(first.users).toBe(4)
    expect(first.claims).toBeGreaterThanOrEqual(25)
    const sources = sqlite
      .prepare("select count(*) as n from sources where language = 'de' and kind = 'article'")
      .get() as { n: number }
    expect(sources.n).toBeGreaterThanOrEqual(5)
    const verified = sqlite
      .prepare(
        `select c.id from claims c where c.status = 'verified' and c.verdict is not null and c.rationale is not null
         and c.approved_by is not null and c.approved_by <> c.submitted_by
         and exists (select 1 from evidence e where e.claim_id = c.id and e.role <> 'origin')`,
      )
      .all()
    expect(verified.length).toBeGreaterThanOrEqual(8)
    const statuses = sqlite
      .prepare('select distinct status from claims')
      .all()
      .map((r) => (r as { status: string }).status)
    expect(statuses.sort()).toEqual(['in_review', 'new', 'rejected', 'researching', 'verified'])
    expect(first.claim_links).toBeGreaterThanOrEqual(10)
  })

  test('every demo link is in the history of both its claims, and keeps to the link rules', () => {
    const links = sqlite.prepare('select id, from_claim_id, to_claim_id, type from claim_links').all() as Array<{
      id: number
      from_claim_id: number
      to_claim_id: number
      type: string
    }>
    const events = sqlite
      .prepare(
        "select claim_id, json_extract(after, '$.linkId') as link_id from claim_events where type = 'link_added'",
      )
      .all() as Array<{ claim_id: number; link_id: number }>
    for (const link of links) {
      const claimsWithEvent = events.filter((e) => e.link_id === link.id).map((e) => e.claim_id)
      expect(claimsWithEvent.sort()).toEqual([link.from_claim_id, link.to_claim_id].sort())
    }
    // One canonical claim per duplicate.
    const duplicates = links.filter((l) => l.type === 'duplicate_of').map((l) => l.from_claim_id)
    expect(new Set(duplicates).size).toBe(duplicates.length)
  })

  test('knows the spellings the articles use', () => {
    const alias = (name: string) =>
      sqlite
        .prepare('select s.name from speaker_aliases a join speakers s on s.id = a.speaker_id where a.alias = ?')
        .get(name) as { name: string } | undefined
    expect(alias('Kim Jong Un')?.name).toBe(alias('Kim Jong-un')?.name)
    expect(alias('Sergei Shoigu')?.name).toBe(alias('Schoigu')?.name)
  })

  test('has threads on claims and notes anchored on passages of source excerpts', () => {
    const notes = sqlite
      .prepare(
        `select a.claim_id as claimId, a.exact, a.start_offset as startOffset, s.excerpt
         from annotations a left join sources s on s.id = a.source_id where a.parent_id is null`,
      )
      .all() as Array<{
      claimId: number | null
      exact: string | null
      startOffset: number | null
      excerpt: string | null
    }>
    const onClaims = notes.filter((n) => n.claimId !== null)
    const onPassages = notes.filter((n) => n.claimId === null)
    expect(onClaims.length).toBeGreaterThanOrEqual(3)
    expect(onPassages.length).toBeGreaterThanOrEqual(2)
    for (const note of onPassages) {
      expect(note.excerpt!.slice(note.startOffset!, note.startOffset! + note.exact!.length)).toBe(note.exact)
    }
    const noteEvents = sqlite
      .prepare("select count(*) as n from claim_events where type like 'annotation_%'")
      .get() as {
      n: number
    }
    expect(noteEvents.n).toBeGreaterThanOrEqual(onClaims.length)
  })

  test('running the seed again changes nothing', () => {
    seedDemoData(db)
    expect(counts()).toEqual(first)
  })
})
