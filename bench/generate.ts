// The benchmark's desk: a generated SQLite file with the shape of a busy newsroom's
// (100k claims in German and English, 5k speakers, 20k sources, evidence, links, notes
// and history), written through the real migrations so the indexes and the FTS triggers
// are the ones the app runs on. Seeded, so two runs produce the same file.
//
// This module must not import db/client.ts: that opens DATABASE_URL (by default the
// developer's ./data/claimdesk.db) as soon as it is imported.
import fs from 'node:fs'
import path from 'node:path'
import { base, de, en, Faker } from '@faker-js/faker'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrateDatabase, migrationsFolder } from '#db/migrate.ts'
import * as schema from '#db/schema.ts'
import { foldForMatching } from '#app/domain/text.ts'
import type {
  AnnotationKind,
  ClaimStatus,
  EvidenceRole,
  LinkType,
  SourceKind,
  Verdict,
} from '#app/domain/vocabulary.ts'
import {
  benchTerms,
  claimTemplates,
  commonTermClauses,
  countries,
  headlineTemplates,
  institutions,
  months,
  noteTemplates,
  organisations,
  outlets,
  places,
  quoteTemplates,
  rationaleTemplates,
  sectors,
  selectiveTermTemplates,
  speakerRoles,
  tagNames,
  transliteratedSpeakers,
  units,
  weapons,
  writtenCount,
  writtenMoney,
  type Language,
  type Pair,
} from './vocabulary.ts'

/** Bump when the generated data changes, so cached files are rebuilt. */
export const generatorVersion = 1

export type BenchScale = { claims: number; speakers: number; sources: number }
export const fullScale: BenchScale = { claims: 100_000, speakers: 5_000, sources: 20_000 }
export const defaultSeed = 20_230_727

/** The last migration the desk was built with: a new one (an index, a trigger) means a new desk. */
function latestMigration() {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string }>
  }
  return journal.entries.at(-1)?.tag ?? ''
}

export type BenchManifest = {
  generatorVersion: number
  migration: string
  seed: number
  scale: BenchScale
  seconds: number
  counts: Record<string, number>
  /** How many live claims the FTS index finds for each designed term. */
  terms: { common: { term: string; claims: number }; selective: { term: string; claims: number } }
}

const day = 86_400_000
const deskOpened = Date.UTC(2022, 0, 3)
const deskNow = Date.UTC(2025, 5, 30)

const statusWeights: Array<{ weight: number; value: ClaimStatus }> = [
  { weight: 20, value: 'new' },
  { weight: 25, value: 'researching' },
  { weight: 8, value: 'in_review' },
  { weight: 37, value: 'verified' },
  { weight: 10, value: 'rejected' },
]
const verdictWeights: Array<{ weight: number; value: Verdict }> = [
  { weight: 25, value: 'false' },
  { weight: 20, value: 'misleading' },
  { weight: 15, value: 'mostly_false' },
  { weight: 10, value: 'mixed' },
  { weight: 10, value: 'mostly_true' },
  { weight: 12, value: 'true' },
  { weight: 8, value: 'unverifiable' },
]
const sourceKindWeights: Array<{ weight: number; value: SourceKind }> = [
  { weight: 60, value: 'article' },
  { weight: 12, value: 'statement' },
  { weight: 8, value: 'video' },
  { weight: 8, value: 'official_document' },
  { weight: 8, value: 'post' },
  { weight: 2, value: 'dataset' },
  { weight: 2, value: 'other' },
]
const noteKindWeights: Array<{ weight: number; value: AnnotationKind }> = [
  { weight: 50, value: 'note' },
  { weight: 25, value: 'question' },
  { weight: 15, value: 'evidence' },
  { weight: 10, value: 'decision' },
]
const workflow: ClaimStatus[] = ['new', 'researching', 'in_review', 'verified']
const linkTypesBetweenClaims: LinkType[] = ['supports', 'contradicts', 'related', 'related', 'updates']
const organisationPrefixes = ['Polizei', 'Stadtverwaltung', 'Staatsanwaltschaft', 'Landesregierung', 'City council of']

/** Every word is drawn from here: faker's seeded generator, with German names from its own instance. */
function randomness(seed: number) {
  const f = new Faker({ locale: [en, base], seed })
  const fDe = new Faker({ locale: [de, base], seed: seed + 1 })
  const float = () => f.number.float()
  return {
    f,
    fDe,
    chance: (p: number) => float() < p,
    int: (min: number, max: number) => f.number.int({ min, max }),
    pick: <T>(items: readonly T[]) => items[Math.floor(float() * items.length)]!,
    weighted: <T>(items: Array<{ weight: number; value: T }>) => f.helpers.weightedArrayElement(items),
    /** An index in [0, n) where low numbers come up far more often: a few speakers and sources are everywhere. */
    skewed: (n: number, power: number) => Math.min(n - 1, Math.floor(n * float() ** power)),
  }
}
type Random = ReturnType<typeof randomness>

/** A template with its slots filled in `language`. */
function writer(r: Random) {
  const inLanguage = (pair: Pair, language: Language) => pair[language === 'de' ? 0 : 1]
  return (template: string, language: Language) => {
    const country = r.pick(countries)
    const other = countries.filter((c) => c !== country)
    const slots: Record<string, () => string> = {
      country: () => inLanguage(country, language),
      country2: () => inLanguage(r.pick(other), language),
      place: () => inLanguage(r.pick(places), language),
      institution: () => inLanguage(r.pick(institutions), language),
      weapon: () => inLanguage(r.pick(weapons), language),
      unit: () => inLanguage(r.pick(units), language),
      sector: () => inLanguage(r.pick(sectors), language),
      month: () => inLanguage(r.pick(months), language),
      year: () => String(r.int(2019, 2025)),
      day: () => String(r.int(1, 28)),
      n: () => r.pick(['14', '15', '17', '18', '19']),
      count: () => {
        const value = r.chance(0.5) ? r.int(1, 9) * 10 ** r.int(2, 6) : r.int(120, 2_500_000)
        return writtenCount(value, language, r.int(0, 3))
      },
      pct: () => {
        const value = r.int(5, 600) / 10
        return language === 'de' ? String(value).replace('.', ',') : String(value)
      },
      money: () => writtenMoney(r.int(5, 1200) / 10, language),
    }
    const text = template.replace(/\{(\w+)\}/g, (_, slot: string) => slots[slot]!())
    return text.charAt(0).toUpperCase() + text.slice(1)
  }
}

function isoDate(ms: number) {
  return new Date(ms).toISOString().slice(0, 10)
}

/** "Jürgen Müller" is also written "Juergen Mueller" in English copy. */
function germanWithoutUmlauts(name: string) {
  return name
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
}

/**
 * The search index's triggers, dropped while the desk is written. Each firing looks its
 * claim up through `claim_search_documents`, and without statistics SQLite plans that
 * lookup as a walk over every live claim (claims_created_idx on deleted_at) instead of one
 * rowid, so writing 100k claims one by one through them is quadratic (hours, not seconds).
 * The index is filled afterwards with the migration's own statement and the triggers are
 * put back verbatim: the file ends up exactly as the migrations and triggers define it.
 */
function setSearchTriggersAside(sqlite: Database.Database) {
  const triggers = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'trigger' and name like 'claims_fts_%' order by name`)
    .all() as Array<{ name: string; sql: string }>
  for (const { name } of triggers) sqlite.exec(`drop trigger "${name}"`)
  return triggers
}

function restoreSearchTriggers(sqlite: Database.Database, triggers: Array<{ sql: string }>) {
  sqlite.transaction(() => {
    sqlite.exec(`delete from claims_fts`)
    sqlite.exec(
      `insert into claims_fts(rowid, text, quote, speaker, source, notes) select id, text, quote, speaker, source, notes from claim_search_documents`,
    )
    for (const { sql } of triggers) sqlite.exec(sql)
  })()
}

/**
 * Writes a generated desk to `file` (replacing it) and returns what was written.
 * Generation runs with the journal off and no fsync: a half-written file is thrown away,
 * not recovered, and the caller writes to a temporary name first.
 */
export function generateBenchDesk(file: string, scale: BenchScale = fullScale, seed = defaultSeed): BenchManifest {
  const started = performance.now()
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = OFF')
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('cache_size = -200000')
  migrateDatabase(drizzle(sqlite, { schema }))
  const searchTriggers = setSearchTriggersAside(sqlite)

  const r = randomness(seed)
  const write = writer(r)
  const insert = {
    user: sqlite.prepare(
      `insert into users (id, email, name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
    ),
    speaker: sqlite.prepare(
      `insert into speakers (id, name, kind, role, organisation, country, created_by, updated_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    alias: sqlite.prepare(`insert into speaker_aliases (speaker_id, alias, alias_key) values (?, ?, ?)`),
    source: sqlite.prepare(
      `insert into sources (id, url, title, outlet, author, published_on, language, kind, excerpt, retrieved_on, created_by, updated_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    tag: sqlite.prepare(`insert into tags (id, name) values (?, ?)`),
    claim: sqlite.prepare(
      `insert into claims (id, text, quote, language, speaker_id, source_id, claimed_on, assignee_id, status, verdict, rationale,
         submitted_by, submitted_at, approved_by, approved_at, version, created_by, updated_by, created_at, updated_at, deleted_at, deleted_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    claimTag: sqlite.prepare(`insert into claim_tags (claim_id, tag_id) values (?, ?)`),
    evidence: sqlite.prepare(
      `insert into evidence (claim_id, source_id, role, note, created_by, created_at) values (?, ?, ?, ?, ?, ?)`,
    ),
    link: sqlite.prepare(
      `insert into claim_links (from_claim_id, to_claim_id, type, note, created_by, created_at) values (?, ?, ?, ?, ?, ?) returning id`,
    ),
    note: sqlite.prepare(
      `insert into annotations (claim_id, source_id, parent_id, kind, body, exact, prefix, suffix, start_offset, end_offset,
         resolved_at, resolved_by, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    ),
    event: sqlite.prepare(
      `insert into claim_events (claim_id, actor_id, at, type, before, after) values (?, ?, ?, ?, ?, ?)`,
    ),
  }
  const event = (
    claimId: number,
    actorId: string | null,
    at: number,
    type: string,
    after: object | null,
    before: object | null = null,
  ) => insert.event.run(claimId, actorId, at, type, before && JSON.stringify(before), after && JSON.stringify(after))

  // The desk's people: one admin, ten editors who check, three viewers.
  const staff = [
    ...Array.from({ length: 1 }, () => 'admin' as const),
    ...Array.from({ length: 10 }, () => 'editor' as const),
    ...Array.from({ length: 3 }, () => 'viewer' as const),
  ].map((role, i) => ({
    id: r.f.string.uuid(),
    role,
    name: `${r.fDe.person.firstName()} ${r.fDe.person.lastName()}`,
    i,
  }))
  const editors = staff.filter((u) => u.role !== 'viewer')
  const editorIds = editors.map((e) => e.id)
  const someEditor = () => r.pick(editorIds)

  sqlite.transaction(() => {
    for (const u of staff) {
      // Nobody signs in to the benchmark's desk: the hash is a placeholder, not a password.
      insert.user.run(
        u.id,
        `bench-${u.role}-${u.i}@claimdesk.example`,
        u.name,
        u.role,
        'bench-no-login',
        deskOpened,
        deskOpened,
      )
    }

    const taken = new Set<string>()
    const addSpeaker = (
      id: number,
      name: string,
      kind: 'person' | 'organisation',
      role: string | null,
      organisation: string | null,
      country: string | null,
      aliases: string[],
    ) => {
      const createdAt = deskOpened + r.int(0, 400) * day
      insert.speaker.run(id, name, kind, role, organisation, country, someEditor(), someEditor(), createdAt, createdAt)
      for (const alias of new Set([name, ...aliases])) {
        const key = foldForMatching(alias)
        taken.add(key)
        insert.alias.run(id, alias, key)
      }
    }
    let speakerId = 0
    // The well-known first: they say the most, so the skewed draw below favours low ids.
    for (const s of transliteratedSpeakers) {
      if (speakerId >= scale.speakers) break
      addSpeaker(++speakerId, s.names[0]!, 'person', s.role, null, s.country, s.names.slice(1))
    }
    while (speakerId < scale.speakers) {
      if (r.chance(0.12)) {
        const name = `${r.pick(organisationPrefixes)} ${r.pick(places)[r.int(0, 1)]}`
        const fullName = taken.has(foldForMatching(name)) ? `${r.pick(organisations)}, ${name}` : name
        if (taken.has(foldForMatching(fullName))) continue
        addSpeaker(++speakerId, fullName, 'organisation', null, null, null, [])
        continue
      }
      const german = r.chance(0.6)
      const person = (german ? r.fDe : r.f).person
      const name = `${person.firstName()} ${person.lastName()}`
      if (taken.has(foldForMatching(name))) continue
      const other = germanWithoutUmlauts(name)
      const aliases = other !== name && !taken.has(foldForMatching(other)) ? [other] : []
      const role = r.pick(speakerRoles)[german ? 0 : 1]
      addSpeaker(
        ++speakerId,
        name,
        'person',
        role,
        r.chance(0.5) ? r.pick(organisations) : null,
        german ? r.pick(['DE', 'AT', 'CH']) : r.pick(['GB', 'US', 'IE']),
        aliases,
      )
    }

    for (let id = 1; id <= scale.sources; id++) {
      const outlet = r.pick(outlets)
      const kind = r.weighted(sourceKindWeights)
      const publishedAt = deskOpened + r.int(-200, Math.floor((deskNow - deskOpened) / day)) * day
      const title = write(r.pick(headlineTemplates[outlet.language]), outlet.language)
      const slug = foldForMatching(title).split(' ').slice(0, 6).join('-')
      const url =
        kind === 'statement' && r.chance(0.5)
          ? null
          : `https://www.${outlet.domain}/${r.pick(['politik', 'ausland', 'wirtschaft', 'world', 'news'])}/${slug}-${id}`
      const excerpt = r.chance(0.3)
        ? Array.from({ length: r.int(2, 4) }, () =>
            write(r.pick(claimTemplates[outlet.language]), outlet.language),
          ).join(' ')
        : null
      const author = r.chance(0.7)
        ? `${(outlet.language === 'de' ? r.fDe : r.f).person.firstName()} ${(outlet.language === 'de' ? r.fDe : r.f).person.lastName()}`
        : null
      insert.source.run(
        id,
        url,
        title,
        outlet.name,
        author,
        isoDate(publishedAt),
        outlet.language,
        kind,
        excerpt,
        isoDate(publishedAt + day),
        someEditor(),
        someEditor(),
        publishedAt + day,
        publishedAt + day,
      )
      if (excerpt && r.chance(0.2)) {
        for (let n = r.int(1, 2); n > 0; n--) {
          const sentences = excerpt.split(/(?<=\.) /)
          const exact = r.pick(sentences)
          const start = excerpt.indexOf(exact)
          const at = publishedAt + 2 * day
          insert.note.run(
            null,
            id,
            null,
            r.weighted(noteKindWeights),
            write(r.pick(noteTemplates[outlet.language]), outlet.language),
            exact,
            excerpt.slice(Math.max(0, start - 32), start),
            excerpt.slice(start + exact.length, start + exact.length + 32),
            start,
            start + exact.length,
            null,
            null,
            someEditor(),
            at,
            at,
          )
        }
      }
    }
    tagNames.forEach((name, i) => insert.tag.run(i + 1, name))
  })()

  const span = deskNow - deskOpened
  const liveClaims: number[] = []
  const batch = 10_000
  for (let first = 1; first <= scale.claims; first += batch) {
    sqlite.transaction(() => {
      for (let id = first; id < Math.min(first + batch, scale.claims + 1); id++) {
        const language: Language = r.chance(0.55) ? 'de' : 'en'
        const selective = r.chance(benchTerms.selective.share)
        let text = write(r.pick((selective ? selectiveTermTemplates : claimTemplates)[language]), language)
        if (r.chance(benchTerms.common.share)) text = `${r.pick(commonTermClauses[language])} ${text}`
        const quote = r.chance(0.35) ? write(r.pick(quoteTemplates[language]), language) : null
        const speakerId = r.chance(0.88) ? r.skewed(scale.speakers, 3) + 1 : null
        const sourceId = r.chance(0.9) ? r.skewed(scale.sources, 2) + 1 : null
        // Claims are logged in the order they come in, over three and a half years.
        const createdAt = Math.min(
          deskNow,
          deskOpened + Math.floor((id / scale.claims) * span) + r.int(0, 3 * 3_600_000),
        )
        const status = r.weighted(statusWeights)
        const steps = status === 'rejected' ? ['new', 'rejected'] : workflow.slice(0, workflow.indexOf(status) + 1)
        const verdict =
          status === 'in_review' || status === 'verified' || (status === 'researching' && r.chance(0.3))
            ? r.weighted(verdictWeights)
            : null
        const rationale = verdict ? write(r.pick(rationaleTemplates[language]), language) : null
        const creatorId = someEditor()
        const assigneeId = r.chance(status === 'new' ? 0.4 : 0.9) ? someEditor() : null
        const stepAt = steps.map((_, i) => Math.min(deskNow, createdAt + i * r.int(1, 20) * day))
        const updatedAt = Math.max(...stepAt)
        const submittedBy = status === 'in_review' || status === 'verified' ? (assigneeId ?? creatorId) : null
        const submittedAt = submittedBy ? stepAt[2]! : null
        const approvedBy = status === 'verified' ? (editorIds.find((e) => e !== submittedBy) ?? null) : null
        const approvedAt = approvedBy ? stepAt[3]! : null
        const deleted = r.chance(0.01)
        insert.claim.run(
          id,
          text,
          quote,
          language,
          speakerId,
          sourceId,
          isoDate(createdAt - r.int(0, 5) * day),
          assigneeId,
          status,
          verdict,
          rationale,
          submittedBy,
          submittedAt,
          approvedBy,
          approvedAt,
          steps.length + (deleted ? 1 : 0),
          creatorId,
          assigneeId ?? creatorId,
          createdAt,
          updatedAt,
          deleted ? updatedAt : null,
          deleted ? creatorId : null,
        )
        if (!deleted) liveClaims.push(id)

        const tagIds = new Set(Array.from({ length: r.skewed(4, 1.5) }, () => r.skewed(tagNames.length, 2) + 1))
        for (const tagId of tagIds) insert.claimTag.run(id, tagId)

        event(id, creatorId, createdAt, 'created', {
          text,
          quote,
          language,
          speaker: speakerId && `#${speakerId}`,
          source: sourceId && `#${sourceId}`,
        })
        if (assigneeId) event(id, creatorId, createdAt, 'assigned', { assignee: assigneeId })
        for (let i = 1; i < steps.length; i++)
          event(
            id,
            editorIds[i % editorIds.length]!,
            stepAt[i]!,
            'status_changed',
            { status: steps[i] },
            { status: steps[i - 1] },
          )
        if (deleted) event(id, creatorId, updatedAt, 'deleted', null)

        if (sourceId) insert.evidence.run(id, sourceId, 'origin', null, creatorId, createdAt)
        if (status !== 'new') {
          const roles = new Set<string>()
          const needed = verdict ? 1 : 0
          for (let n = Math.max(needed, r.int(0, 3)); n > 0; n--) {
            const role: EvidenceRole = r.pick(['supports', 'refutes', 'context'] as const)
            const evidenceSource = r.int(1, scale.sources)
            if (roles.has(`${evidenceSource} ${role}`)) continue
            roles.add(`${evidenceSource} ${role}`)
            const at = stepAt[1]!
            insert.evidence.run(
              id,
              evidenceSource,
              role,
              r.chance(0.3) ? write(r.pick(noteTemplates[language]), language) : null,
              creatorId,
              at,
            )
            event(id, creatorId, at, 'evidence_added', { source: `#${evidenceSource}`, role })
          }
        }
        if (r.chance(0.25)) {
          for (let n = r.int(1, 2); n > 0; n--) {
            const at = createdAt + r.int(1, 48) * 3_600_000
            const author = someEditor()
            const resolved = r.chance(0.3)
            const thread = insert.note.get(
              id,
              null,
              null,
              r.weighted(noteKindWeights),
              write(r.pick(noteTemplates[language]), language),
              null,
              null,
              null,
              null,
              null,
              resolved ? at + day : null,
              resolved ? someEditor() : null,
              author,
              at,
              at,
            ) as { id: number }
            event(id, author, at, 'annotation_added', { note: `#${thread.id}` })
            if (r.chance(0.3)) {
              const replyAt = at + r.int(1, 24) * 3_600_000
              insert.note.get(
                id,
                null,
                thread.id,
                'note',
                write(r.pick(noteTemplates[language]), language),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                someEditor(),
                replyAt,
                replyAt,
              )
            }
          }
        }
      }
    })()
  }

  // Links: duplicates point at an earlier claim (so never a loop), other links join claims
  // logged close together, and a few "hub" claims that many repeat carry hundreds.
  sqlite.transaction(() => {
    const linked = new Set<string>()
    const link = (from: number, to: number, type: LinkType) => {
      const key = `${Math.min(from, to)}-${Math.max(from, to)}`
      if (from === to || linked.has(key)) return
      linked.add(key)
      const at = deskOpened + Math.floor((Math.max(from, to) / scale.claims) * span) + day
      const { id } = insert.link.get(
        from,
        to,
        type,
        r.chance(0.2) ? 'Gleiche Zahl, andere Quelle.' : null,
        someEditor(),
        at,
      ) as { id: number }
      const actor = someEditor()
      event(from, actor, at, 'link_added', { relation: type, claim: `#${to}`, linkType: type, linkId: id })
      event(to, actor, at, 'link_added', { relation: type, claim: `#${from}`, linkType: type, linkId: id })
    }
    const near = (id: number) => Math.max(1, Math.min(liveClaims.length, id + r.int(-2000, 2000)))
    liveClaims.forEach((id, index) => {
      if (id > 50 && r.chance(0.04)) link(id, Math.max(1, id - r.int(1, 5000)), 'duplicate_of')
      else if (r.chance(0.15)) link(id, liveClaims[near(index + 1) - 1]!, r.pick(linkTypesBetweenClaims))
    })
    const hubs = [1, 2, 3].map((n) => liveClaims[Math.floor((liveClaims.length * n) / 4)]!)
    for (const hub of hubs) {
      for (let n = Math.min(400, Math.floor(liveClaims.length / 20)); n > 0; n--)
        link(r.pick(liveClaims), hub, 'related')
    }
  })()

  restoreSearchTriggers(sqlite, searchTriggers)
  sqlite.pragma('journal_mode = WAL')
  const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  const matching = (term: string) =>
    (sqlite.prepare(`select count(*) as n from claims_fts where claims_fts match ?`).get(`"${term}"`) as { n: number })
      .n
  const manifest: BenchManifest = {
    generatorVersion,
    migration: latestMigration(),
    seed,
    scale,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    counts: Object.fromEntries(
      [
        'users',
        'speakers',
        'speaker_aliases',
        'sources',
        'claims',
        'claim_tags',
        'evidence',
        'claim_links',
        'annotations',
        'claim_events',
        'claims_fts',
      ].map((t) => [t, count(t)]),
    ),
    terms: {
      common: { term: benchTerms.common.term, claims: matching(benchTerms.common.term) },
      selective: { term: benchTerms.selective.term, claims: matching(benchTerms.selective.term) },
    },
  }
  sqlite.close()
  return manifest
}

export const benchDeskFile = 'data/bench/claims-100k.db'

/**
 * The cached desk at `file`, generated first when it is missing, was made by another
 * generator version or scale, or `fresh` is asked for. Written under a temporary name and
 * moved into place only when complete, so an interrupted run leaves no half a desk behind.
 */
export function ensureBenchDesk({ file = benchDeskFile, scale = fullScale, fresh = false } = {}) {
  const manifestFile = file.replace(/\.db$/, '.json')
  if (!fresh && fs.existsSync(file) && fs.existsSync(manifestFile)) {
    const cached = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BenchManifest
    if (
      cached.generatorVersion === generatorVersion &&
      cached.migration === latestMigration() &&
      JSON.stringify(cached.scale) === JSON.stringify(scale)
    ) {
      return { manifest: cached, generated: false }
    }
  }
  const partial = `${file}.partial`
  const manifest = generateBenchDesk(partial, scale)
  fs.renameSync(partial, file)
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n')
  return { manifest, generated: true }
}
