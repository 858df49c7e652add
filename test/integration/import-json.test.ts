// A JSON export imported into an empty desk (this file's own database) gives back the
// same claims, sources, speakers, evidence, links and tags. The export→import round trip
// starts from a desk the export side writes; here the file is built by hand to the
// ExportedDesk type, so the compiler holds it to the contract.
import { asc, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import type { ExportedClaim, ExportedDesk, ExportedSource, ExportedSpeaker } from '#app/domain/export/sheet.ts'
import { jsonExportFormat } from '#app/domain/export/sheet.ts'
import { importClaims } from '#app/domain/import/import-claims.server.ts'
import { db } from '#db/client.ts'
import { claimLinks, claims, claimTags, evidence, sources, speakerAliases, speakers, tags } from '#db/schema.ts'
import { makeUser } from '#test/helpers/fixtures.ts'
import { jsonFile, tableCounts } from '#test/helpers/import-files.ts'

const editor = await makeUser('editor')

const schoigu: ExportedSpeaker = {
  id: 11,
  name: 'Sergej Schoigu',
  kind: 'person',
  role: 'Verteidigungsminister',
  organisation: 'Russische Regierung',
  country: 'RU',
  wikidataId: 'Q313152',
  aliases: ['Sergei Shoigu', 'Schoigu'],
}
const kim: ExportedSpeaker = {
  id: 12,
  name: 'Kim Jong-un',
  kind: 'person',
  role: 'Staatschef',
  organisation: null,
  country: 'KP',
  wikidataId: null,
  aliases: ['Kim Jong Un'],
}
const ministry: ExportedSpeaker = {
  id: 13,
  name: 'Verteidigungsministerium der Ukraine',
  kind: 'organisation',
  role: null,
  organisation: null,
  country: 'UA',
  wikidataId: null,
  aliases: [],
}

const source = (fields: Partial<ExportedSource> & Pick<ExportedSource, 'id' | 'title'>): ExportedSource => ({
  url: null,
  outlet: null,
  author: null,
  publishedOn: null,
  language: 'de',
  kind: 'article',
  excerpt: null,
  archiveUrl: null,
  retrievedOn: null,
  notes: null,
  ...fields,
})
const tagesschau = source({
  id: 21,
  title: 'Schoigu besucht Pjöngjang',
  url: 'https://www.tagesschau.de/ausland/schoigu-nordkorea-100.html',
  outlet: 'Tagesschau',
  author: 'Eva Autorin',
  publishedOn: '2023-07-26',
  excerpt: 'Schoigu traf Kim Jong Un zu Gesprächen über militärische Zusammenarbeit.',
  archiveUrl: 'https://web.archive.org/web/2023/https://www.tagesschau.de/ausland/schoigu-nordkorea-100.html',
  retrievedOn: '2023-07-27',
  notes: 'Erste Meldung des Tages.',
})
const kcna = source({ id: 22, title: 'KCNA-Meldung zum Jahrestag', outlet: 'KCNA', kind: 'statement', language: 'en' })
const un = source({
  id: 23,
  title: 'UN-Sanktionsbericht 2024',
  url: 'https://www.un.org/securitycouncil/report-2024',
  kind: 'official_document',
  language: 'en',
})
const satellite = source({
  id: 24,
  title: 'Satellitenbilder Hafen Rajin',
  url: 'https://example.org/rajin',
  kind: 'dataset',
})

const base = {
  quote: null,
  language: 'de',
  claimedOn: null,
  verdict: null,
  rationale: null,
  tags: [],
  speaker: null,
  sourceId: null,
  evidence: [],
  links: [],
  checkedBy: null,
  approvedBy: null,
  submittedAt: null,
  verifiedAt: null,
  createdAt: '2024-01-02T08:00:00.000Z',
  updatedAt: '2024-01-03T08:00:00.000Z',
} satisfies Partial<ExportedClaim>

const exported: ExportedClaim[] = [
  {
    ...base,
    id: 101,
    text: 'Nordkorea hat Russland mehr als eine Million Artilleriegranaten geliefert.',
    quote: '„mehr als eine Million Granaten“',
    claimedOn: '2023-10-13',
    status: 'verified',
    verdict: 'mostly_true',
    rationale: 'Satellitenbilder und der UN-Bericht stützen die Größenordnung.',
    tags: ['nordkorea', 'russland', 'munition'],
    speaker: ministry,
    sourceId: 21,
    evidence: [
      { role: 'origin', note: null, source: tagesschau },
      { role: 'supports', note: 'Containerverkehr im Hafen Rajin', source: satellite },
      { role: 'context', note: 'Sanktionslage', source: un },
    ],
    links: [
      { type: 'supports', to: 102, note: 'Gleiche Lieferkette' },
      { type: 'related', to: 999, note: 'Claim eines anderen Exports' },
    ],
    checkedBy: 'Anna Andere',
    approvedBy: 'Ben Beispiel',
    submittedAt: '2023-10-20T09:00:00.000Z',
    verifiedAt: '2023-10-21T15:45:00.000Z',
    permalink: 'https://other.example.org/claims/101',
  },
  {
    ...base,
    id: 102,
    text: 'Schoigu besuchte zum 70. Jahrestag des Kriegsendes Pjöngjang.',
    language: 'de',
    claimedOn: '2023-07-26',
    status: 'in_review',
    verdict: 'true',
    rationale: 'Der Besuch ist durch Bilder und Meldungen belegt.',
    tags: ['nordkorea'],
    speaker: schoigu,
    sourceId: 21,
    evidence: [
      { role: 'origin', note: null, source: tagesschau },
      { role: 'refutes', note: 'Widerspricht der Dauer', source: kcna },
    ],
    links: [{ type: 'contradicts', to: 103, note: null }],
    checkedBy: 'Anna Andere',
    submittedAt: '2023-08-01T10:00:00.000Z',
    permalink: 'https://other.example.org/claims/102',
  },
  {
    ...base,
    id: 103,
    text: 'Kim Jong Un war nie in Russland.',
    language: 'de',
    status: 'rejected',
    speaker: kim,
    sourceId: 22,
    evidence: [{ role: 'origin', note: 'Staatsmedien', source: kcna }],
    links: [{ type: 'updates', to: 101, note: 'Neuere Zahl' }],
    permalink: 'https://other.example.org/claims/103',
  },
  {
    ...base,
    id: 104,
    text: 'Schoigu sagte, die Zusammenarbeit werde ausgebaut.',
    language: 'en',
    status: 'new',
    speaker: { ...schoigu },
    links: [{ type: 'duplicate_of', to: 102, note: null }],
    permalink: 'https://other.example.org/claims/104',
  },
]

const desk: ExportedDesk = {
  format: jsonExportFormat,
  version: 1,
  exportedAt: '2024-05-01T12:00:00.000Z',
  exportedBy: 'Anderer Desk',
  filters: { status: 'any' },
  claims: exported,
}

describe('importing a JSON export into an empty desk', () => {
  test('gives the same claims, sources, speakers, evidence, links and tags', async () => {
    expect(tableCounts()).toMatchObject({ claims: 0, speakers: 0, sources: 0 })
    const { report, imported } = await importClaims(jsonFile(desk, 'anderer-desk.json'), { actorId: editor.id })
    expect(report.problems).toEqual([])
    expect(report.notes).toEqual(['Exported by Anderer Desk on 2024-05-01.'])
    expect(report.links.skipped).toEqual([
      { row: 1, type: 'related', to: 999, reason: 'The other claim is not in the file.' },
    ])
    expect(imported).toEqual({ claims: 4, speakersCreated: 3, sourcesCreated: 4, evidence: 6, links: 4 })

    const idOf = new Map<number, number>()
    for (const claim of exported)
      idOf.set(claim.id, db.select().from(claims).where(eq(claims.text, claim.text)).get()!.id)

    // Speakers, once each (claims 102 and 104 name the same one), with every spelling.
    const speakerRows = db.select().from(speakers).orderBy(asc(speakers.id)).all()
    expect(
      speakerRows.map(({ name, kind, role, organisation, country, wikidataId }) => ({
        name,
        kind,
        role,
        organisation,
        country,
        wikidataId,
      })),
    ).toEqual(
      [ministry, schoigu, kim].map(({ name, kind, role, organisation, country, wikidataId }) => ({
        name,
        kind,
        role,
        organisation,
        country,
        wikidataId,
      })),
    )
    for (const speaker of [ministry, schoigu, kim]) {
      const row = speakerRows.find((s) => s.name === speaker.name)!
      const spellings = db
        .select({ alias: speakerAliases.alias })
        .from(speakerAliases)
        .where(eq(speakerAliases.speakerId, row.id))
        .all()
        .map((a) => a.alias)
      expect(spellings.sort()).toEqual([speaker.name, ...speaker.aliases].sort())
    }

    // Sources, once each, every field kept.
    const sourceRows = db.select().from(sources).orderBy(asc(sources.id)).all()
    const fieldsOf = ({ id: _id, ...fields }: ExportedSource) => fields
    expect(
      sourceRows.map(
        ({ url, title, outlet, author, publishedOn, language, kind, excerpt, archiveUrl, retrievedOn, notes }) => ({
          url,
          title,
          outlet,
          author,
          publishedOn,
          language,
          kind,
          excerpt,
          archiveUrl,
          retrievedOn,
          notes,
        }),
      ),
    ).toEqual([tagesschau, satellite, un, kcna].map(fieldsOf))
    const sourceIdOf = (s: ExportedSource) => sourceRows.find((r) => r.title === s.title)!.id

    for (const claim of exported) {
      const row = db
        .select()
        .from(claims)
        .where(eq(claims.id, idOf.get(claim.id)!))
        .get()!
      expect(row).toMatchObject({
        text: claim.text,
        quote: claim.quote,
        language: claim.language,
        claimedOn: claim.claimedOn,
        status: claim.status,
        verdict: claim.verdict,
        rationale: claim.rationale,
        sourceId:
          claim.sourceId === null
            ? null
            : sourceIdOf(claim.evidence.find((e) => e.source.id === claim.sourceId)!.source),
        approvedAt: claim.verifiedAt ? new Date(claim.verifiedAt) : null,
        submittedAt: claim.submittedAt ? new Date(claim.submittedAt) : null,
        createdById: editor.id,
      })
      expect(row.speakerId === null ? null : speakerRows.find((s) => s.id === row.speakerId)!.name).toBe(
        claim.speaker?.name ?? null,
      )
      const claimTagNames = db
        .select({ name: tags.name })
        .from(claimTags)
        .innerJoin(tags, eq(tags.id, claimTags.tagId))
        .where(eq(claimTags.claimId, row.id))
        .all()
        .map((t) => t.name)
      expect(claimTagNames.sort()).toEqual([...claim.tags].sort())
      const evidenceRows = db
        .select()
        .from(evidence)
        .where(eq(evidence.claimId, row.id))
        .orderBy(asc(evidence.id))
        .all()
      expect(evidenceRows.map((e) => ({ sourceId: e.sourceId, role: e.role, note: e.note }))).toEqual(
        claim.evidence.map((e) => ({ sourceId: sourceIdOf(e.source), role: e.role, note: e.note })),
      )
    }

    const linkRows = db.select().from(claimLinks).orderBy(asc(claimLinks.id)).all()
    expect(linkRows.map((l) => ({ from: l.fromClaimId, to: l.toClaimId, type: l.type, note: l.note }))).toEqual(
      exported.flatMap((claim) =>
        claim.links
          .filter((l) => idOf.has(l.to))
          .map((l) => ({ from: idOf.get(claim.id), to: idOf.get(l.to), type: l.type, note: l.note })),
      ),
    )
  })

  test('the same file again matches every speaker and source and repeats every claim', async () => {
    const before = tableCounts()
    const { report, imported } = await importClaims(jsonFile(desk), { actorId: editor.id })
    expect(report).toMatchObject({
      claimsToImport: 0,
      claimsWithDuplicates: 4,
      speakers: { matched: 0, created: 0 },
      sources: { matched: 0, created: 0 },
    })
    expect(report.duplicates.map((d) => d.row)).toEqual([1, 2, 3, 4])
    expect(imported).toMatchObject({ claims: 0, speakersCreated: 0, sourcesCreated: 0 })
    expect(tableCounts()).toEqual(before)

    // Asked to import them anyway: new claims, on the desk's speakers and sources.
    const anyway = await importClaims(jsonFile(desk), { actorId: editor.id, includeDuplicates: true })
    expect(anyway.imported).toEqual({ claims: 4, speakersCreated: 0, sourcesCreated: 0, evidence: 6, links: 4 })
    expect(tableCounts()).toMatchObject({
      claims: before.claims + 4,
      speakers: before.speakers,
      sources: before.sources,
    })
  })
})
