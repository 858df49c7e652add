import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getClaimDetail } from '#app/domain/claims.server.ts'
import { listClaimEvents } from '#app/domain/history.server.ts'
import { importClaims } from '#app/domain/import/import-claims.server.ts'
import { createSource } from '#app/domain/sources.server.ts'
import { createSpeaker } from '#app/domain/speakers.server.ts'
import { createClaim } from '#app/domain/claims.server.ts'
import { listClaims } from '#app/domain/claims.server.ts'
import { refusalOf } from '#app/domain/review.server.ts'
import { FieldError } from '#app/utils/errors.server.ts'
import { ClaimListQuerySchema } from '#app/validation/claim.ts'
import { db } from '#db/client.ts'
import { claims, sources, speakerAliases, speakers } from '#db/schema.ts'
import { makeUser } from '#test/helpers/fixtures.ts'
import { csvFile, exportCsv, jsonFile, tableCounts, xlsxFile } from '#test/helpers/import-files.ts'

const editor = await makeUser('editor')

/** The messages a file-level refusal carries, or the error itself when it is something else. */
async function refusal(run: Promise<unknown>) {
  try {
    await run
  } catch (error) {
    if (error instanceof FieldError) return error.fieldErrors
    throw error
  }
  throw new Error('The import was not refused.')
}

function claimByText(text: string) {
  return db.select().from(claims).where(eq(claims.text, text)).get()
}

function search(q: string) {
  return listClaims(ClaimListQuerySchema.parse({ q })).rows.map((r) => r.text)
}

describe('reading a CSV', () => {
  test('umlauts, quotes, line breaks and the BOM of an export survive; semicolons are detected', async () => {
    const text = 'Nordkorea lieferte „über 1 Mio.“ Granaten; sagt "Schoigu",\nin Pjöngjang.'
    const file = exportCsv(
      [{ claim: text, speaker: 'Sergej Schojgu', speaker_role: 'Verteidigungsminister', tags: 'Nordkorea, Russland' }],
      { delimiter: ';' },
    )
    const before = tableCounts()
    const { report, imported } = await importClaims(file, { actorId: editor.id })
    expect(report.notes).toEqual(['Cells are separated by semicolons.'])
    expect(imported).toMatchObject({ claims: 1, speakersCreated: 1 })
    const claim = claimByText(text)!
    expect(claim).toMatchObject({ status: 'new', language: 'de', createdById: editor.id })
    expect(getClaimDetail(claim.id).claim.tags).toEqual(['nordkorea', 'russland'])
    const speaker = db.select().from(speakers).where(eq(speakers.id, claim.speakerId!)).get()
    expect(speaker).toMatchObject({ name: 'Sergej Schojgu', role: 'Verteidigungsminister', createdById: editor.id })
    // In the search index: folded umlauts, and the speaker by name.
    expect(search('pjongjang')).toContain(text)
    expect(search('Schojgu')).toContain(text)
    expect(tableCounts().claims).toBe(before.claims + 1)
  })

  test('a tab-separated file and a file without BOM read the same', async () => {
    const tab = csvFile('claim\tspeaker\nTabs trennen die Spalten hier.\t\n', 'claims.tsv')
    const { imported } = await importClaims(tab, { actorId: editor.id })
    expect(imported?.claims).toBe(1)
    expect(claimByText('Tabs trennen die Spalten hier.')).toBeDefined()
  })

  test('a file that is not UTF-8 is read as Windows-1252, and the preview says so', async () => {
    const bytes = Buffer.from('claim\n"M\xfcller sagte, die Gr\xf6\xdfe stimme."\n', 'latin1')
    const { report } = await importClaims({ name: 'excel.csv', bytes }, { dryRun: true })
    expect(report.preview[0]?.text).toBe('Müller sagte, die Größe stimme.')
    expect(report.notes[0]).toMatch(/^The file is not UTF-8, so it was read as Windows-1252/)
  })

  test('exactly one guarding apostrophe is taken off a cell that would run as a formula', async () => {
    const file = exportCsv([
      { claim: "'=2+2 ist vier, sagt die Tabelle." },
      { claim: "'-5 Prozent Wachstum meldet das Amt." },
      { claim: "'@ministerium schrieb das so." },
      { claim: "''=Zwei Apostrophe: keiner fällt weg." },
      { claim: "'Ein Apostroph vor Text bleibt stehen." },
    ])
    const { report } = await importClaims(file, { dryRun: true })
    expect(report.preview.map((c) => c.text)).toEqual([
      '=2+2 ist vier, sagt die Tabelle.',
      '-5 Prozent Wachstum meldet das Amt.',
      '@ministerium schrieb das so.',
      "''=Zwei Apostrophe: keiner fällt weg.",
      "'Ein Apostroph vor Text bleibt stehen.",
    ])
  })
})

describe('every bad row is reported and nothing is written', () => {
  test('CSV: each problem names the row as the spreadsheet numbers it, the column and what to do', async () => {
    const file = exportCsv([
      { claim: 'Eine gültige Zeile, die allein nicht importiert wird.' },
      { claim: 'ab', language: 'Deutsch', claimed_on: '27.07.2023' },
      { claim: 'Status ohne Urteil', status: 'verified' },
      { claim: 'In Prüfung ohne Belege', status: 'In review', verdict: 'Mostly false', rationale: 'Weil.' },
      { claim: 'Falsches Urteil', verdict: 'wrong', status: 'done' },
      { claim: 'Schlechte Adressen', source_url: 'example.org/a', evidence_urls: 'https://ok.example.org/x\nnope' },
      { claim: 'Medium ohne Quelle', outlet: 'Spiegel', speaker_role: 'Minister' },
    ])
    const before = tableCounts()
    const { report, imported } = await importClaims(file, { actorId: editor.id })
    expect(imported).toBeNull()
    expect(tableCounts()).toEqual(before)
    expect(report.problemRowCount).toBe(6)
    expect(report.problems).toEqual([
      { row: 3, column: 'claim', message: 'The claim needs at least 3 characters.' },
      { row: 3, column: 'language', message: 'Use a language code such as de, en or uk.' },
      { row: 3, column: 'claimed_on', message: 'The date made must be a date like 2023-07-27.' },
      {
        row: 4,
        column: 'status',
        message: 'A verified claim needs a verdict and a rationale. Add them, or give an earlier status.',
      },
      {
        row: 5,
        column: 'status',
        message:
          'A claim in review needs at least one evidence source that supports, refutes or gives context (evidence comes from the Evidence URLs column). Add it, or set the status to researching.',
      },
      {
        row: 6,
        column: 'status',
        message:
          '“done” is not a status. Use new, researching, in_review, verified, rejected (or their labels, such as In review).',
      },
      {
        row: 6,
        column: 'verdict',
        message:
          '“wrong” is not a verdict. Use true, mostly_true, mixed, misleading, mostly_false, false, unverifiable (or their labels, such as Mostly false).',
      },
      {
        row: 7,
        column: 'source_url',
        message: 'The source URL must be a web address starting with http:// or https://.',
      },
      {
        row: 7,
        column: 'evidence_urls',
        message: '“nope” is not a web address. Evidence URLs start with http:// or https://, one per line.',
      },
      { row: 8, column: 'speaker_role', message: 'A speaker’s role needs the speaker: add the name too.' },
      { row: 8, column: 'outlet', message: 'An outlet needs its source: add the source title or URL.' },
    ])
  })

  test('XLSX: labels as headers, labels as values, real dates and links; bad rows by sheet row', async () => {
    const labels = ['Claim', 'Speaker', 'Source title', 'Source URL', 'Claimed on', 'Status', 'Verdict', 'Rationale']
    const file = await xlsxFile([
      labels,
      [
        'Kim Jong Un besuchte im September 2023 Wostotschny.',
        'Kim Jong Un',
        'Kim in Russland',
        { text: 'Bericht', hyperlink: 'https://example.org/kim?utm_source=x' },
        new Date(Date.UTC(2023, 8, 13)),
        'Verified',
        'Mostly false',
        { richText: [{ text: 'Das Treffen ' }, { text: 'fand statt', font: { bold: true } }, { text: '.' }] },
      ],
      [],
      ['Ohne Urteil verifiziert', null, null, null, new Date(Date.UTC(2023, 8, 13, 12, 30)), 'Verified'],
    ])
    const before = tableCounts()
    const { report, imported } = await importClaims(file, { actorId: editor.id })
    expect(imported).toBeNull()
    expect(tableCounts()).toEqual(before)
    expect(report.problems).toEqual([
      // A date cell with a time of day is a moment, not the day a claim was made.
      { row: 4, column: 'Claimed on', message: 'The date made must be a date like 2023-07-27.' },
    ])
    expect(report.rowCount).toBe(2)
    expect(report.preview).toEqual([
      expect.objectContaining({
        row: 2,
        claimedOn: '2023-09-13',
        status: 'verified',
        verdict: 'mostly_false',
        source: { title: 'Kim in Russland', id: null },
      }),
    ])
    expect(report.sources.list[0]).toMatchObject({ url: 'https://example.org/kim', title: 'Kim in Russland' })
  })

  test('JSON: a claim record is checked field by field, named by its path', async () => {
    const desk = deskWith([
      exportedClaim({ id: 1, text: 'Gültig und für sich allein in Ordnung.' }),
      exportedClaim({ id: 2, text: '', status: 'archived', language: 'deutsch' }),
      exportedClaim({
        id: 3,
        sourceId: 9,
        evidence: [{ role: 'origin', note: null, source: exportedSource({ id: 8, url: 'ftp://x' }) }],
      }),
      exportedClaim({ id: 4, links: [{ type: 'supports', to: 4, note: null }] }),
      'kein Objekt',
    ])
    const before = tableCounts()
    const { report, imported } = await importClaims(jsonFile(desk), { actorId: editor.id })
    expect(imported).toBeNull()
    expect(tableCounts()).toEqual(before)
    expect(report.problems).toEqual([
      { row: 2, column: 'text', message: 'The claim needs at least 3 characters.' },
      { row: 2, column: 'language', message: 'Use a language code such as de, en or uk.' },
      {
        row: 2,
        column: 'status',
        message:
          '“archived” is not a status. Use new, researching, in_review, verified, rejected (or their labels, such as In review).',
      },
      {
        row: 3,
        column: 'evidence[0].source.url',
        message: 'The source URL must be a web address starting with http:// or https://.',
      },
      { row: 4, column: 'links[0]', message: 'A claim cannot be linked to itself.' },
      { row: 5, column: null, message: 'This entry is not a claim record.' },
    ])
  })
})

describe('files that cannot be imported at all', () => {
  test.each([
    ['an empty file', csvFile(''), 'The file is empty. Choose the file with the claims.'],
    [
      'a PDF',
      { name: 'bericht.pdf', bytes: Buffer.from('%PDF-1.4') },
      'Claim desk imports .csv, .xlsx and .json files; “bericht.pdf” is none of them.',
    ],
    [
      'an old Excel file',
      { name: 'alt.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]) },
      'Old Excel files (.xls) cannot be read. Save the sheet as .xlsx or as CSV (UTF-8) and upload that.',
    ],
    [
      'a broken workbook',
      { name: 'kaputt.xlsx', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
      'The XLSX workbook could not be read: it may be damaged or protected by a password. Save it again from your spreadsheet program, or as CSV (UTF-8).',
    ],
    [
      'a quote that is never closed',
      csvFile('claim,speaker\n"Offen,Kim\n'),
      'The CSV file could not be read: a quoted cell is never closed (near line 2 of the file). Check the quotes in that cell.',
    ],
    [
      'a blank first row',
      csvFile(',,\nEine Behauptung ohne Kopfzeile.,,\n'),
      'The file has no header row. Its first row must name the columns, such as claim, speaker and source_url (the columns are listed beside the upload).',
    ],
    ['a header and nothing else', csvFile('claim,speaker\n'), 'The file has a header row but no claims below it.'],
    [
      'no column for the claim',
      csvFile('wer,wann\nKim,2023\n'),
      'No column holds the claim text. Name that column “claim” in the header row and upload the file again; the other columns can be matched to claim fields in the preview.',
    ],
    [
      'JSON that is not an export',
      jsonFile({ claims: [] }),
      'This JSON file is not a Claim desk export: its "format" must be "claim-desk/claims". Export JSON from a Claim desk, or use a CSV or XLSX sheet.',
    ],
  ])('%s', async (_what, file, message) => {
    const before = tableCounts()
    expect(await refusal(importClaims(file, { actorId: editor.id }))).toEqual({ file: [message] })
    expect(tableCounts()).toEqual(before)
  })

  test('more rows than allowed', async () => {
    const file = exportCsv(Array.from({ length: 4 }, (_, i) => ({ claim: `Behauptung Nummer ${i}` })))
    expect(await refusal(importClaims(file, { maxRows: 3 }))).toEqual({
      file: [
        'The file has 4 rows; one import takes at most 3. Split it into smaller files and import them one after another.',
      ],
    })
    const json = jsonFile(deskWith([1, 2, 3, 4].map((id) => exportedClaim({ id }))))
    expect(await refusal(importClaims(json, { maxRows: 3 }))).toEqual({
      file: [
        'The file has 4 rows; one import takes at most 3. Split it into smaller files and import them one after another.',
      ],
    })
  })
})

describe('columns', () => {
  test('headings are matched by key, label or a common name; the caller can name any field’s column', async () => {
    const file = csvFile(
      'Aussage,Wer,Rolle,Quelle\nDie Ernte fiel um ein Drittel geringer aus.,Kim Jong Un,Staatschef,Rodong Sinmun\n',
    )
    const guessed = await importClaims(file, { dryRun: true })
    expect(guessed.mapping).toMatchObject({ claim: 0, speaker: null, speaker_role: 1 + 1, source_title: 3 })
    const mapped = await importClaims(file, { dryRun: true, columns: { speaker: 'wer' } })
    expect(mapped.mapping).toMatchObject({ claim: 0, speaker: 1 })
    expect(mapped.report.preview[0]?.speaker).toEqual({ name: 'Kim Jong Un', id: null })
    expect(await refusal(importClaims(file, { dryRun: true, columns: { quote: 'Zitat' } }))).toEqual({
      columns: ['The file has no column “Zitat”. Its columns are “Aussage”, “Wer”, “Rolle”, “Quelle”.'],
    })
  })
})

describe('speakers, sources and duplicates', () => {
  const schoigu = createSpeaker(
    { name: 'Sergej Schoigu', kind: 'person', aliases: ['Sergei Shoigu', 'Schoigu'] },
    editor.id,
  )
  const article = createSource(
    { title: 'Schoigu in Pjöngjang', outlet: 'Tagesschau', url: 'https://example.org/schoigu', kind: 'article' },
    editor.id,
  )
  const untitled = createSource({ title: 'Pressemitteilung 12', outlet: 'KCNA', kind: 'statement' }, editor.id)

  test('a known spelling finds the speaker, a known URL or title and outlet the source; the rest is added', async () => {
    const file = exportCsv([
      {
        claim: 'Schoigu nannte die Beziehungen strategisch.',
        speaker: 'SERGEI SHOIGU',
        source_url: 'https://EXAMPLE.org/schoigu/?utm_medium=social',
        evidence_urls: 'https://example.org/schoigu',
      },
      {
        claim: 'Kim sprach von einer neuen Ära.',
        speaker: 'Kim Jong-un',
        source_title: 'pressemitteilung 12',
        outlet: 'kcna',
        evidence_urls: 'https://new.example.org/beleg',
      },
    ])
    const { report, imported } = await importClaims(file, { actorId: editor.id })
    expect(report.speakers).toMatchObject({ matched: 1, created: 1 })
    expect(report.speakers.list).toEqual([
      expect.objectContaining({ name: 'Kim Jong-un', match: null }),
      expect.objectContaining({ match: { id: schoigu, name: 'Sergej Schoigu', by: 'SERGEI SHOIGU' } }),
    ])
    expect(report.sources).toMatchObject({ matched: 2, created: 1, titledByUrl: 1 })
    expect(report.contextEvidence).toBe(2)
    expect(imported).toMatchObject({ claims: 2, speakersCreated: 1, sourcesCreated: 1, evidence: 4 })
    const first = getClaimDetail(claimByText('Schoigu nannte die Beziehungen strategisch.')!.id)
    expect(first.claim).toMatchObject({ speakerId: schoigu, sourceId: article })
    // The same source as origin and, from the evidence URLs, as context: two roles.
    expect(first.evidence.map((e) => [e.sourceId, e.role])).toEqual([
      [article, 'origin'],
      [article, 'context'],
    ])
    const second = getClaimDetail(claimByText('Kim sprach von einer neuen Ära.')!.id)
    expect(second.claim.sourceId).toBe(untitled)
    const added = db.select().from(sources).where(eq(sources.url, 'https://new.example.org/beleg')).get()
    expect(added).toMatchObject({ title: 'https://new.example.org/beleg', kind: 'article' })
    const kim = db.select().from(speakerAliases).where(eq(speakerAliases.speakerId, second.claim.speakerId!)).all()
    expect(kim.map((a) => a.aliasKey)).toEqual(['kim jong un'])
  })

  test('a spelling two speakers share is a problem naming both', async () => {
    const other = createSpeaker({ name: 'Sergej K. Schoigu', kind: 'person', aliases: [] }, editor.id)
    // The speaker form refuses shared spellings; older data or a merge gone wrong may still hold one.
    db.insert(speakerAliases).values({ speakerId: other, alias: 'Schoigu', aliasKey: 'schoigu' }).run()
    const before = tableCounts()
    const { report, imported } = await importClaims(
      exportCsv([{ claim: 'Schoigu lobte die Armee.', speaker: 'Schoigu' }]),
    )
    expect(imported).toBeNull()
    expect(tableCounts()).toEqual(before)
    expect(report.problems).toEqual([
      {
        row: 2,
        column: 'speaker',
        message: `“Schoigu” could be #${schoigu} Sergej Schoigu and #${other} Sergej K. Schoigu on the desk. Write the name as one of them is spelled, or merge the speakers first.`,
      },
    ])
    db.delete(speakerAliases).where(eq(speakerAliases.speakerId, other)).run()
  })

  test('a URL of a deleted source cannot be imported again', async () => {
    const gone = createSource({ title: 'Zurückgezogen', url: 'https://example.org/gone', kind: 'article' }, editor.id)
    db.update(sources).set({ deletedAt: new Date() }).where(eq(sources.id, gone)).run()
    const { report } = await importClaims(
      exportCsv([{ claim: 'Der Bericht wurde gelöscht.', source_url: 'https://example.org/gone' }]),
    )
    expect(report.problems).toEqual([
      {
        row: 2,
        column: 'source_url',
        message: `The URL https://example.org/gone belongs to source #${gone} “Zurückgezogen”, which was deleted. Leave the URL out, or ask an admin to restore the source.`,
      },
    ])
  })

  test('rows repeating a claim on the desk or an earlier row are flagged and left out unless asked for', async () => {
    const existing = createClaim(
      { text: 'Russland lieferte 2023 Weizen an Nordkorea.', language: 'de', tags: [], speakerName: 'Schoigu' },
      editor.id,
    )
    const file = exportCsv([
      { claim: 'russland lieferte 2023 Weizen an Nordkorea', speaker: 'Sergei Shoigu' },
      { claim: 'Russland lieferte 2023 Weizen an Nordkorea.', speaker: 'Kim Jong-un' },
      { claim: 'Nordkorea erhielt Weizen, sagt die UN.' },
      { claim: 'Nordkorea erhielt Weizen, sagt die UN!' },
    ])
    const dry = await importClaims(file, { dryRun: true })
    expect(dry.report.duplicates).toEqual([
      {
        row: 2,
        text: 'russland lieferte 2023 Weizen an Nordkorea',
        of: { claimId: existing, text: 'Russland lieferte 2023 Weizen an Nordkorea.' },
      },
      { row: 5, text: 'Nordkorea erhielt Weizen, sagt die UN!', of: { row: 4 } },
    ])
    expect(dry.report).toMatchObject({ claimsToImport: 2, claimsWithDuplicates: 4 })
    const before = tableCounts()
    const skipped = await importClaims(file, { actorId: editor.id })
    expect(skipped.imported?.claims).toBe(2)
    expect(tableCounts().claims).toBe(before.claims + 2)
    const anyway = await importClaims(file, { actorId: editor.id, includeDuplicates: true })
    expect(anyway.imported?.claims).toBe(4)
  })
})

describe('what an imported claim keeps', () => {
  test('status, verdict, rationale, dates and tags are kept; other desks’ reviewers go into the history', async () => {
    const file = exportCsv([
      {
        claim: 'Die Lieferung umfasste 6.700 Container.',
        language: 'EN',
        quote: '„6.700 Container“',
        claimed_on: '2024-02-27',
        status: 'verified',
        verdict: 'mostly_true',
        rationale: 'Satellitenbilder bestätigen die Größenordnung.',
        evidence_urls: 'https://beleg.example.org/satellit',
        checked_by: 'Anna Andere',
        approved_by: 'Ben Beispiel',
        verified_at: '2024-03-01T09:30:00.000Z',
        id: '77',
        permalink: 'https://other.example.org/claims/77',
      },
      {
        claim: 'Der Check wartet auf die zweite Redakteurin.',
        status: 'in_review',
        verdict: 'false',
        rationale: 'Keine Belege.',
        evidence_urls: 'https://beleg.example.org/zwei',
      },
    ])
    await importClaims({ ...file, name: 'desk-export.csv' }, { actorId: editor.id })
    const verified = getClaimDetail(claimByText('Die Lieferung umfasste 6.700 Container.')!.id).claim
    expect(verified).toMatchObject({
      language: 'en',
      quote: '„6.700 Container“',
      claimedOn: '2024-02-27',
      status: 'verified',
      verdict: 'mostly_true',
      approvedAt: new Date('2024-03-01T09:30:00.000Z'),
      submittedAt: new Date('2024-03-01T09:30:00.000Z'),
      submittedById: null,
      approvedById: null,
    })
    const [event] = listClaimEvents(verified.id)
    expect(event).toMatchObject({ type: 'imported', actorName: editor.name })
    expect(event?.after).toMatchObject({
      file: 'desk-export.csv',
      row: 2,
      status: 'verified',
      checkedBy: 'Anna Andere',
      approvedBy: 'Ben Beispiel',
      verifiedAt: '2024-03-01T09:30:00.000Z',
    })
    // In review, submitted by the importer: another editor has to approve it.
    const inReview = getClaimDetail(claimByText('Der Check wartet auf die zweite Redakteurin.')!.id).claim
    expect(inReview).toMatchObject({ status: 'in_review', submittedById: editor.id })
    expect(inReview.submittedAt).toBeInstanceOf(Date)
    expect(refusalOf('approve', { ...inReview, verdictEvidence: 1 }, { id: editor.id, role: 'editor' })).toBe(
      'You submitted this check, so another editor has to approve it.',
    )
  })

  test('without an editor the history names the import script', async () => {
    await importClaims(exportCsv([{ claim: 'Vom Skript importiert, ohne Redakteur.' }]), { actorId: null })
    const [event] = listClaimEvents(claimByText('Vom Skript importiert, ohne Redakteur.')!.id)
    expect(event).toMatchObject({ type: 'imported', actorName: null })
  })

  test('the search triggers are back after an import, and after a refused one', async () => {
    const triggers = () =>
      db
        .all<{ name: string }>(sql`select name from sqlite_master where type = 'trigger' order by name`)
        .map((t) => t.name)
    const all = triggers()
    expect(all).toContain('claims_fts_after_insert')
    expect(all).toContain('claims_fts_evidence_insert')
    await importClaims(exportCsv([{ claim: 'Nach dem Import geht die Suche weiter.' }]), { actorId: editor.id })
    expect(triggers()).toEqual(all)
    // A claim logged by hand afterwards is indexed by the triggers again.
    createClaim({ text: 'Von Hand erfasst nach dem Import.', language: 'de', tags: [] }, editor.id)
    expect(search('Hand erfasst')).toEqual(['Von Hand erfasst nach dem Import.'])
    const indexed = db.get<{ n: number }>(sql`select count(*) as n from claims_fts`)!.n
    const live = db.get<{ n: number }>(sql`select count(*) as n from claims where deleted_at is null`)!.n
    expect(indexed).toBe(live)
  })
})

// JSON export records, as app/domain/export/sheet.ts describes them.

function exportedSource(fields: Record<string, unknown> = {}) {
  return {
    id: 1,
    url: null,
    title: 'Quelle',
    outlet: null,
    author: null,
    publishedOn: null,
    language: null,
    kind: 'article',
    excerpt: null,
    archiveUrl: null,
    retrievedOn: null,
    notes: null,
    ...fields,
  }
}

function exportedClaim(fields: Record<string, unknown> = {}) {
  return {
    id: 1,
    text: `Behauptung ${String(fields.id ?? 1)} aus einem anderen Desk.`,
    quote: null,
    language: 'de',
    claimedOn: null,
    status: 'new',
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
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    permalink: 'https://other.example.org/claims/1',
    ...fields,
  }
}

function deskWith(claimRecords: unknown[]) {
  return {
    format: 'claim-desk/claims',
    version: 1,
    exportedAt: '2024-05-01T12:00:00.000Z',
    exportedBy: 'Anderer Desk',
    filters: {},
    claims: claimRecords,
  }
}
