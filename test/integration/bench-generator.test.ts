// The benchmark's generated desk at a tiny scale: what the figures rest on must hold —
// every table filled, the designed term shares, valid references, the search index in step.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getConnection } from '#db/client.ts'
import { benchTerms } from '#bench/vocabulary.ts'
import { generateBenchDesk, type BenchManifest } from '#bench/generate.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-'))
const file = path.join(dir, 'desk.db')
const scale = { claims: 600, speakers: 40, sources: 120 }
let manifest: BenchManifest
let sqlite: Database.Database

beforeAll(() => {
  manifest = generateBenchDesk(file, scale)
  sqlite = new Database(file, { readonly: true })
})
afterAll(() => {
  sqlite.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const count = (query: string, ...params: unknown[]) => (sqlite.prepare(query).get(...params) as { n: number }).n
const liveClaims = () => count(`select count(*) as n from claims where deleted_at is null`)

test('every table of the desk is filled at the asked scale', () => {
  expect(count(`select count(*) as n from claims`)).toBe(scale.claims)
  expect(count(`select count(*) as n from speakers`)).toBe(scale.speakers)
  expect(count(`select count(*) as n from sources`)).toBe(scale.sources)
  for (const table of ['speaker_aliases', 'claim_tags', 'evidence', 'claim_links', 'annotations', 'users']) {
    expect(count(`select count(*) as n from ${table}`), table).toBeGreaterThan(0)
  }
  expect(
    count(`select count(*) as n from annotations where source_id is not null and exact is not null`),
  ).toBeGreaterThan(0)
  expect(manifest.counts.claims).toBe(scale.claims)
})

test('every claim has its created event, and a speaker is found by another spelling', () => {
  expect(count(`select count(distinct claim_id) as n from claim_events where type = 'created'`)).toBe(scale.claims)
  const shoigu = count(
    `select count(*) as n from speaker_aliases where alias_key in ('sergei shoigu', 'sergej schoigu')`,
  )
  expect(shoigu).toBe(2)
})

test('the common term is in about a third of the claims, the selective one in at most a tenth', () => {
  const share = (term: string) =>
    count(`select count(*) as n from claims_fts where claims_fts match ?`, `"${term}"`) / liveClaims()
  expect(share(benchTerms.common.term)).toBeGreaterThan(0.26)
  expect(share(benchTerms.common.term)).toBeLessThan(0.41)
  expect(share(benchTerms.selective.term)).toBeGreaterThan(0.02)
  expect(share(benchTerms.selective.term)).toBeLessThanOrEqual(0.1)
})

test('foreign keys hold and the search index has exactly the live claims, triggers in place', () => {
  expect(sqlite.prepare('pragma foreign_key_check').all()).toEqual([])
  expect(count(`select count(*) as n from claims_fts`)).toBe(liveClaims())
  expect(count(`select count(*) as n from claims where deleted_at is not null`)).toBeGreaterThan(0)
  expect(
    count(
      `select count(*) as n from claims c where deleted_at is null and not exists (select 1 from claims_fts f where f.rowid = c.id)`,
    ),
  ).toBe(0)
  // The same triggers, word for word, as a desk migrated the ordinary way (this test file's own database).
  const triggers = (db: Database.Database) =>
    db.prepare(`select name, sql from sqlite_master where type = 'trigger' order by name`).all()
  expect(triggers(sqlite)).toEqual(triggers(getConnection().sqlite))
  expect(triggers(sqlite).length).toBeGreaterThan(0)
})

test('claims are written in German and in English', () => {
  const languages = sqlite.prepare(`select language, count(*) as n from claims group by language`).all() as Array<{
    language: string
    n: number
  }>
  expect(languages.map((l) => l.language).sort()).toEqual(['de', 'en'])
  for (const { n } of languages) expect(n).toBeGreaterThan(scale.claims * 0.3)
})

test('the same seed writes the same desk', () => {
  const again = path.join(dir, 'again.db')
  const second = generateBenchDesk(again, scale)
  expect(second.counts).toEqual(manifest.counts)
  const texts = (f: string) => {
    const db = new Database(f, { readonly: true })
    const rows = db.prepare(`select text from claims order by id limit 50`).all()
    db.close()
    return rows
  }
  expect(texts(again)).toEqual(texts(file))
})
