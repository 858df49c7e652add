// Export the demo desk as JSON, import the file into an empty desk with `npm run import`,
// and find the same claims, speakers, sources, evidence, links and tags there.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import type Database from 'better-sqlite3'
import { afterAll, expect, test } from 'vitest'
import { openExport } from '#app/domain/export/files.server.ts'
import { ExportQuerySchema } from '#app/validation/export.ts'
import { getConnection, openDatabase } from '#db/client.ts'
import { seedDemoData } from '#seeds/seed.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-round-trip-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Everything the round trip must keep, by content: ids differ between the two desks. */
function deskContent(sqlite: Database.Database) {
  const all = (sql: string) => sqlite.prepare(sql).all()
  const liveClaims = `select * from claims where deleted_at is null`
  return {
    claims: all(`
      select c.text, c.quote, c.language, c.claimed_on, c.status, c.verdict, c.rationale, c.approved_at,
        sp.name as speaker, src.title as source_title, src.url as source_url,
        (select group_concat(name, ', ') from (select t.name from claim_tags ct join tags t on t.id = ct.tag_id
          where ct.claim_id = c.id order by t.name)) as tags
      from (${liveClaims}) c left join speakers sp on sp.id = c.speaker_id left join sources src on src.id = c.source_id
      order by c.text`),
    speakers: all(`
      select s.name, s.kind, s.role, s.organisation, s.country, s.wikidata_id,
        (select group_concat(alias, ' | ') from (select alias from speaker_aliases a where a.speaker_id = s.id
          order by alias)) as aliases
      from speakers s where s.id in (select speaker_id from (${liveClaims})) order by s.name`),
    sources: all(`
      select url, title, outlet, author, published_on, language, kind, excerpt, archive_url, retrieved_on, notes
      from sources where id in (select e.source_id from evidence e join (${liveClaims}) c on c.id = e.claim_id
        where e.deleted_at is null)
      order by title, url`),
    evidence: all(`
      select c.text, s.title, s.url, e.role, e.note from evidence e join (${liveClaims}) c on c.id = e.claim_id
      join sources s on s.id = e.source_id where e.deleted_at is null order by c.text, s.title, e.role`),
    links: all(`
      select f.text as from_text, t.text as to_text, l.type, l.note from claim_links l
      join (${liveClaims}) f on f.id = l.from_claim_id join (${liveClaims}) t on t.id = l.to_claim_id
      where l.deleted_at is null order by f.text, t.text, l.type`),
  }
}

test('a JSON export imported into an empty desk gives the same claims, speakers, sources, evidence, links and tags', async () => {
  const { db, sqlite } = getConnection()
  seedDemoData(db)
  const file = path.join(dir, 'desk.json')
  const { stream } = openExport(ExportQuerySchema.parse({ status: 'any' }), 'json', 'Round trip')
  await pipeline(stream, fs.createWriteStream(file))

  const emptyDesk = path.join(dir, 'empty.db')
  const { stdout } = await promisify(execFile)(path.resolve('node_modules/.bin/tsx'), ['scripts/import.ts', file], {
    env: { ...process.env, DATABASE_URL: emptyDesk },
  })
  expect(stdout).toMatch(/Imported/)

  const before = deskContent(sqlite)
  const imported = openDatabase(emptyDesk)
  try {
    const after = deskContent(imported.sqlite)
    // The demo desk is no empty test: every kind of record is there to lose.
    for (const kind of Object.keys(before) as Array<keyof typeof before>) expect(before[kind].length).toBeGreaterThan(3)
    expect(after).toEqual(before)
  } finally {
    imported.sqlite.close()
  }
}, 60_000)
