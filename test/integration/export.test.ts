// The verified-claims sheet against a real database: what each format holds, how cells are
// escaped, which claims the filters let through, and how the download routes answer.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { text as streamText, buffer as streamBuffer } from 'node:stream/consumers'
import { promisify } from 'node:util'
import { parse } from 'csv-parse/sync'
import { eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { createClaim, getClaim, updateClaim } from '#app/domain/claims.server.ts'
import { attachEvidence } from '#app/domain/evidence.server.ts'
import { openExport } from '#app/domain/export/files.server.ts'
import { sheetColumns, type ExportedDesk } from '#app/domain/export/sheet.ts'
import { linkClaims } from '#app/domain/links.server.ts'
import { moveClaim } from '#app/domain/review.server.ts'
import { createSource } from '#app/domain/sources.server.ts'
import { createSpeaker } from '#app/domain/speakers.server.ts'
import { FieldError } from '#app/utils/errors.server.ts'
import { publisherOf } from '#app/utils/env.server.ts'
import * as csvRoute from '#app/routes/export.claims[.]csv.ts'
import * as exportPage from '#app/routes/export._index.tsx'
import type { ClaimInput } from '#app/validation/claim.ts'
import { ExportQuerySchema, type ExportFormat } from '#app/validation/export.ts'
import { db } from '#db/client.ts'
import { claims } from '#db/schema.ts'
import { getRequest, makeUser, signedIn } from '#test/helpers/fixtures.ts'

const checker = { ...(await makeUser('editor', 'Mira Schulz')), role: 'editor' as const }
const approver = { ...(await makeUser('editor', 'Jonas Weber')), role: 'editor' as const }
const viewer = await signedIn('viewer')
const publisher = publisherOf({
  PUBLIC_BASE_URL: 'https://factcheck.example/',
  ORGANISATION_NAME: 'Faktencheck-Redaktion',
  ORGANISATION_URL: 'https://example.org/redaktion',
})

const shoigu = createSpeaker(
  {
    name: 'Sergej Schoigu',
    kind: 'person',
    role: 'Verteidigungsminister Russlands',
    wikidataId: 'Q313',
    aliases: ['Sergei Shoigu', 'Schoigu'],
  },
  checker.id,
)
const ministry = createSpeaker(
  { name: 'Verteidigungsministerium', kind: 'organisation', role: 'Behörde', aliases: [] },
  checker.id,
)
const article = createSource(
  {
    title: 'Schoigu in Nordkorea: Propaganda-Show',
    url: 'https://www.tagesschau.de/ausland/asien/schoigu-nordkorea-100.html',
    outlet: 'tagesschau.de',
    publishedOn: '2023-07-27',
    kind: 'article',
  },
  checker.id,
)
const resolution = createSource(
  { title: 'UN-Resolution 1718', url: 'https://undocs.org/S/RES/1718(2006)', kind: 'official_document' },
  checker.id,
)
const statement = createSource({ title: 'Pressemitteilung ohne Adresse', kind: 'statement' }, checker.id)

function claim(text: string, more: Partial<ClaimInput> = {}) {
  return createClaim({ text, language: 'de', tags: [], ...more }, checker.id)
}

/** A claim taken through the whole check: verdict, evidence, submitted by one editor, approved by another. */
function verifiedClaim(text: string, verdict: NonNullable<ClaimInput['verdict']>, more: Partial<ClaimInput> = {}) {
  const id = claim(text, more)
  moveClaim(id, { intent: 'review', move: 'start', version: getClaim(id).version }, checker)
  updateClaim(
    id,
    {
      text,
      language: 'de',
      tags: more.tags ?? [],
      speakerName: more.speakerName,
      sourceRef: more.sourceRef,
      claimedOn: more.claimedOn,
      quote: more.quote,
      verdict,
      rationale: more.rationale ?? `Begründung für ${verdict}.`,
      version: getClaim(id).version,
    },
    checker.id,
  )
  attachEvidence(id, { intent: 'attach-evidence', role: 'supports', sourceRef: `(#${resolution})` }, checker.id)
  moveClaim(id, { intent: 'review', move: 'submit', version: getClaim(id).version }, checker)
  moveClaim(id, { intent: 'review', move: 'approve', version: getClaim(id).version }, approver)
  return id
}

const tricky = verifiedClaim(
  'Schoigu sagte: „Wir sind Brüder“, und nannte die "Waffenbrüderschaft"\nunverbrüchlich.',
  'true',
  {
    speakerName: 'Schoigu',
    sourceRef: `(#${article})`,
    claimedOn: '2023-07-26',
    quote: '=HYPERLINK("http://evil.example","klick")',
    tags: ['nordkorea', 'russland'],
    rationale: '-5 % sind kein Beweis; +3 auch nicht; @alle: siehe Quelle.',
  },
)
const byMinistry = verifiedClaim('Nordkorea hat mehr als 10.000 Soldaten nach Russland geschickt.', 'mostly_true', {
  speakerName: 'Verteidigungsministerium',
  sourceRef: `(#${statement})`,
  claimedOn: '2024-10-30',
  tags: ['nordkorea'],
})
const unattributed = verifiedClaim(
  'Die Raketen Hwasong-17 und Hwasong-18 sind laut UN-Resolutionen verboten.',
  'unverifiable',
)
const open = claim('Putin besuchte Pjöngjang im Juni 2024.', { claimedOn: '2024-06-19', tags: ['diplomatie'] })
const trashed = verifiedClaim('Diese Behauptung liegt im Papierkorb.', 'false')
db.update(claims).set({ deletedAt: new Date() }).where(eq(claims.id, trashed)).run()
const secondSource = createSource(
  { title: 'Zweite Quelle', url: 'https://example.org/zweite-quelle', kind: 'article' },
  checker.id,
)
attachEvidence(byMinistry, { intent: 'attach-evidence', role: 'context', sourceRef: `(#${secondSource})` }, checker.id)
linkClaims({ fromClaimId: byMinistry, toClaimId: tricky, type: 'related', note: 'Gleicher Besuch' }, checker.id)

async function exported(format: ExportFormat, params: Record<string, string> = {}) {
  const { stream } = openExport(ExportQuerySchema.parse(params), format, 'Test Desk', {
    publisher,
    at: new Date('2026-11-23T09:30:00Z'),
  })
  return stream
}

async function csvRows(params: Record<string, string> = {}) {
  const text = await streamText(await exported('csv', params))
  return parse(text, { bom: true, columns: true }) as Array<Record<string, string>>
}

describe('CSV', () => {
  test('starts with a byte-order mark, uses CRLF and the documented header', async () => {
    const bytes = await streamBuffer(await exported('csv'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    expect(text.split('\r\n')[0]).toBe(sheetColumns.map((c) => c.key).join(','))
    expect(text.endsWith('\r\n')).toBe(true)
  })

  test('holds the verified live claims by default, one row each in id order', async () => {
    const rows = await csvRows()
    expect(rows.map((r) => Number(r.id))).toEqual([tricky, byMinistry, unattributed])
  })

  test('writes every column of a claim, umlauts, quotes and line breaks intact', async () => {
    const [row] = await csvRows()
    expect(row).toEqual({
      id: String(tricky),
      claim: 'Schoigu sagte: „Wir sind Brüder“, und nannte die "Waffenbrüderschaft"\nunverbrüchlich.',
      quote: `'=HYPERLINK("http://evil.example","klick")`,
      language: 'de',
      speaker: 'Sergej Schoigu',
      speaker_role: 'Verteidigungsminister Russlands',
      source_title: 'Schoigu in Nordkorea: Propaganda-Show',
      outlet: 'tagesschau.de',
      source_url: 'https://www.tagesschau.de/ausland/asien/schoigu-nordkorea-100.html',
      published: '2023-07-27',
      claimed_on: '2023-07-26',
      status: 'verified',
      verdict: 'true',
      rationale: "'-5 % sind kein Beweis; +3 auch nicht; @alle: siehe Quelle.",
      evidence_urls: 'https://undocs.org/S/RES/1718(2006)',
      tags: 'nordkorea, russland',
      checked_by: 'Mira Schulz',
      approved_by: 'Jonas Weber',
      verified_at: getClaim(tricky).approvedAt!.toISOString(),
      permalink: `https://factcheck.example/claims/${tricky}`,
    })
  })

  test('neutralises every cell that a spreadsheet would run as a formula', async () => {
    const id = verifiedClaim('+49 Prozent mehr Munition', 'false', {
      tags: ['@tag'],
      quote: '\tEingerückt',
      rationale: '＝1+1 in voller Breite',
    })
    const row = (await csvRows()).find((r) => Number(r.id) === id)!
    expect(row.claim).toBe("'+49 Prozent mehr Munition")
    expect(row.quote).toBe("'\tEingerückt")
    expect(row.tags).toBe("'@tag")
    expect(row.rationale).toBe("'＝1+1 in voller Breite")
    db.update(claims).set({ deletedAt: new Date() }).where(eq(claims.id, id)).run()
  })

  test('quotes every cell with a line break, so readers that split rows on a bare LF do too', async () => {
    const text = (await streamText(await exported('csv'))).slice(1)
    expect(text).toContain(',"https://undocs.org/S/RES/1718(2006)\nhttps://example.org/zweite-quelle",')
  })

  test('leaves cells empty for what a claim does not have', async () => {
    const row = (await csvRows()).find((r) => Number(r.id) === unattributed)!
    expect(row).toMatchObject({ speaker: '', speaker_role: '', source_title: '', quote: '', claimed_on: '' })
  })
})

describe('filters', () => {
  const idsOf = async (params: Record<string, string>) => (await csvRows(params)).map((r) => Number(r.id))

  test('status any holds every live claim; the trash never', async () => {
    expect(await idsOf({ status: 'any' })).toEqual([tricky, byMinistry, unattributed, open])
  })

  test('narrow by verdict, speaker (any spelling), source, outlet, tag, claim date and last change', async () => {
    expect(await idsOf({ verdict: 'mostly_true' })).toEqual([byMinistry])
    expect(await idsOf({ speakerName: 'Sergei Shoigu' })).toEqual([tricky])
    expect(await idsOf({ speaker: String(ministry) })).toEqual([byMinistry])
    expect(await idsOf({ source: String(article) })).toEqual([tricky])
    expect(await idsOf({ outlet: 'tagesschau.de' })).toEqual([tricky])
    expect(await idsOf({ tag: 'Nordkorea', status: 'any' })).toEqual([tricky, byMinistry])
    expect(await idsOf({ from: '2024-01-01', status: 'any' })).toEqual([byMinistry, open])
    expect(await idsOf({ from: '2024-01-01', to: '2024-06-30', status: 'any' })).toEqual([open])
    db.update(claims)
      .set({ updatedAt: new Date('2030-01-01T08:00:00Z') })
      .where(eq(claims.id, open))
      .run()
    expect(await idsOf({ status: 'any', updatedSince: '2030-01-01T08:00:00Z' })).toEqual([open])
    expect(await idsOf({ status: 'any', updatedSince: '2030-01-01T08:00:00.001Z' })).toEqual([])
    expect(await idsOf({ status: 'any', updatedSince: '2100-01-01' })).toEqual([])
  })

  test('a typed speaker who is nobody is an error, never a dropped filter', () => {
    expect(() => openExport(ExportQuerySchema.parse({ speakerName: 'Niemand Bekanntes' }), 'csv', 'x')).toThrow(
      FieldError,
    )
  })

  test('nonsense values are refused with messages', () => {
    const result = ExportQuerySchema.safeParse({ status: 'done', verdict: 'flase', from: '2024-02-30', to: 'x' })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['status', 'Pick one of the listed statuses, or any.'],
      ['verdict', 'Pick one of the listed verdicts.'],
      ['from', '“Claimed from” is not a real calendar date.'],
      ['to', '“Claimed until” must be a date like 2023-07-27.'],
    ])
  })
})

describe('XLSX', () => {
  async function workbook(params: Record<string, string> = {}) {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await streamBuffer(await exported('xlsx', params))) as unknown as ArrayBuffer)
    return book
  }

  test('reads back as a formatted sheet: bold frozen header, filter, widths, wrapped text', async () => {
    const book = await workbook()
    const sheet = book.getWorksheet('Claims')!
    expect(sheet.getRow(1).values).toEqual([undefined, ...sheetColumns.map((c) => c.label)])
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBe('A1:T1')
    expect(sheet.getColumn(2).width).toBe(60)
    expect(sheet.getRow(2).getCell(2).alignment?.wrapText).toBe(true)
    expect(sheet.rowCount).toBe(4)
  })

  test('holds real dates, labels and clickable links, and formulas stay text', async () => {
    const row = (await workbook()).getWorksheet('Claims')!.getRow(2)
    const cell = (key: string) => row.getCell(sheetColumns.findIndex((c) => c.key === key) + 1)
    expect(cell('claim').value).toBe(getClaim(tricky).text)
    expect(cell('quote').value).toBe('=HYPERLINK("http://evil.example","klick")')
    expect(cell('quote').type).toBe(ExcelJS.ValueType.String)
    expect(cell('published').value).toEqual(new Date('2023-07-27T00:00:00Z'))
    expect(cell('published').numFmt).toBe('yyyy-mm-dd')
    expect(cell('verified_at').value).toEqual(getClaim(tricky).approvedAt)
    expect(cell('verdict').value).toBe('True')
    expect(cell('status').value).toBe('Verified')
    expect(cell('source_url').value).toEqual({
      text: 'https://www.tagesschau.de/ausland/asien/schoigu-nordkorea-100.html',
      hyperlink: 'https://www.tagesschau.de/ausland/asien/schoigu-nordkorea-100.html',
    })
    expect(cell('permalink').type).toBe(ExcelJS.ValueType.Hyperlink)
  })

  test('has a second sheet saying what was exported, when and by whom', async () => {
    const about = (await workbook({ verdict: 'true', speakerName: 'Schoigu' })).getWorksheet('Export')!
    const rows = about.getSheetValues().filter(Boolean) as unknown[][]
    const columnsAt = rows.findIndex((r) => r[1] === 'Columns')
    const pairs = Object.fromEntries(rows.slice(0, columnsAt).map((r) => [r[1], r[2]]))
    expect(rows.slice(columnsAt + 1).map((r) => r[1])).toEqual(sheetColumns.map((c) => c.label))
    expect(pairs).toMatchObject({
      'Exported at': new Date('2026-11-23T09:30:00Z'),
      'Exported by': 'Test Desk',
      Claims: 1,
      Status: 'Verified',
      Verdict: 'True',
      Speaker: expect.stringContaining('Sergej Schoigu'),
    })
  })
})

describe('ClaimReview JSON-LD', () => {
  test('one review per claim with a verdict; claims without one are left out', async () => {
    const reviews = JSON.parse(await streamText(await exported('jsonld', { status: 'any' }))) as Array<
      Record<string, any>
    >
    expect(reviews.map((r) => r.url)).toEqual(
      [tricky, byMinistry, unattributed].map((id) => `https://factcheck.example/claims/${id}`),
    )
    const [shoiguReview, ministryReview, unattributedReview] = reviews as [
      Record<string, any>,
      Record<string, any>,
      Record<string, any>,
    ]
    expect(shoiguReview).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `https://factcheck.example/claims/${tricky}`,
      claimReviewed: getClaim(tricky).text,
      datePublished: getClaim(tricky).approvedAt!.toISOString().slice(0, 10),
      inLanguage: 'de',
      author: { '@type': 'Organization', name: 'Faktencheck-Redaktion', url: 'https://example.org/redaktion' },
      itemReviewed: {
        '@type': 'Claim',
        author: {
          '@type': 'Person',
          name: 'Sergej Schoigu',
          jobTitle: 'Verteidigungsminister Russlands',
          sameAs: 'https://www.wikidata.org/wiki/Q313',
        },
        datePublished: '2023-07-26',
        appearance: [
          {
            '@type': 'NewsArticle',
            url: 'https://www.tagesschau.de/ausland/asien/schoigu-nordkorea-100.html',
            headline: 'Schoigu in Nordkorea: Propaganda-Show',
            datePublished: '2023-07-27',
            publisher: { '@type': 'Organization', name: 'tagesschau.de' },
          },
        ],
        firstAppearance: {
          '@type': 'NewsArticle',
          url: 'https://www.tagesschau.de/ausland/asien/schoigu-nordkorea-100.html',
          headline: 'Schoigu in Nordkorea: Propaganda-Show',
          datePublished: '2023-07-27',
          publisher: { '@type': 'Organization', name: 'tagesschau.de' },
        },
      },
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'True',
        ratingValue: 5,
        bestRating: 5,
        worstRating: 1,
        ratingExplanation: '-5 % sind kein Beweis; +3 auch nicht; @alle: siehe Quelle.',
      },
    })
    expect(ministryReview.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Verteidigungsministerium' })
    expect(ministryReview.itemReviewed.firstAppearance).toEqual({
      '@type': 'CreativeWork',
      headline: 'Pressemitteilung ohne Adresse',
    })
    expect(unattributedReview.itemReviewed).toEqual({ '@type': 'Claim' })
    expect(unattributedReview.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'Unverifiable',
      bestRating: 5,
      worstRating: 1,
      ratingExplanation: 'Begründung für unverifiable.',
    })
  })
})

describe('JSON', () => {
  test('holds the full records with speaker, evidence, links and tags', async () => {
    const file = JSON.parse(await streamText(await exported('json', { status: 'any' }))) as ExportedDesk
    expect(file).toMatchObject({
      format: 'claim-desk/claims',
      version: 1,
      exportedAt: '2026-11-23T09:30:00.000Z',
      exportedBy: 'Test Desk',
      filters: { Status: 'Any status' },
    })
    expect(file.claims.map((c) => c.id)).toEqual([tricky, byMinistry, unattributed, open])
    const [first, second] = file.claims
    expect(first!.speaker).toEqual({
      id: shoigu,
      name: 'Sergej Schoigu',
      kind: 'person',
      role: 'Verteidigungsminister Russlands',
      organisation: null,
      country: null,
      wikidataId: 'Q313',
      aliases: ['Sergei Shoigu', 'Schoigu'],
    })
    expect(first!.sourceId).toBe(article)
    expect(first!.evidence.map((e) => [e.role, e.source.id])).toEqual([
      ['origin', article],
      ['supports', resolution],
    ])
    expect(first!.tags).toEqual(['nordkorea', 'russland'])
    expect(second!.links).toEqual([{ type: 'related', to: tricky, note: 'Gleicher Besuch' }])
    expect(file.claims[3]).toMatchObject({ status: 'new', verdict: null, verifiedAt: null, checkedBy: null })
  })

  test('an empty export is still a valid document', async () => {
    const file = JSON.parse(await streamText(await exported('json', { verdict: 'mixed' }))) as ExportedDesk
    expect(file.claims).toEqual([])
    expect(JSON.parse(await streamText(await exported('jsonld', { verdict: 'mixed' })))).toEqual([])
  })
})

describe('download routes', () => {
  const csvLoader = (url: string, cookie?: string) =>
    csvRoute.loader({ request: getRequest(url, cookie), params: {}, context: {} }) as Promise<Response>

  test('stream the file as an attachment to anyone signed in, viewers too', async () => {
    const response = await csvLoader('/export/claims.csv?verdict=true', viewer.cookie)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="claims-verified-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    const rows = parse(await response.text(), { bom: true, columns: true }) as Array<Record<string, string>>
    expect(rows.map((r) => Number(r.id))).toEqual([tricky])
  })

  test('send the anonymous to the login page', async () => {
    const response = await csvLoader('/export/claims.csv').catch((thrown: unknown) => thrown as Response)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toMatch(/^\/login/)
  })

  test('refuse a bad query with every problem named, and export nothing', async () => {
    const response = await csvLoader('/export/claims.csv?verdict=flase&speakerName=x', viewer.cookie)
    expect(response.status).toBe(400)
    expect(await response.text()).toBe(
      'Nothing was exported: the query has problems.\n- verdict: Pick one of the listed verdicts.\n',
    )
    const unknown = await csvLoader('/export/claims.csv?speakerName=Niemand%20Bekanntes', viewer.cookie)
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toMatch(/Niemand Bekanntes/)
  })

  test('the export page previews, and its Download button leads to the same query’s file', async () => {
    const page = (await exportPage.loader({
      request: getRequest('/export?speakerName=Schoigu&format=xlsx', viewer.cookie),
      params: {},
      context: {},
    })) as Awaited<ReturnType<typeof exportPage.loader>>
    expect(page.result).toMatchObject({
      count: 1,
      format: 'xlsx',
      downloadHref: `/export/claims.xlsx?speaker=${shoigu}`,
    })
    expect(page.result!.rows.map((r) => r.id)).toEqual([tricky])
    const download = await exportPage
      .loader({
        request: getRequest('/export?speakerName=Schoigu&format=xlsx&download=1', viewer.cookie),
        params: {},
        context: {},
      })
      .catch((thrown: unknown) => thrown as Response)
    expect((download as Response).status).toBe(302)
    expect((download as Response).headers.get('Location')).toBe(`/export/claims.xlsx?speaker=${shoigu}`)
  })

  test('the export page warns before ClaimReview publishes verdicts nobody approved', async () => {
    const load = async (search: string) =>
      (await exportPage.loader({
        request: getRequest(`/export?${search}`, viewer.cookie),
        params: {},
        context: {},
      })) as Awaited<ReturnType<typeof exportPage.loader>>
    const inReview = claim('Ein Urteil, das noch niemand freigegeben hat.', {
      verdict: 'false',
      rationale: 'Noch offen.',
    })
    expect((await load('format=jsonld')).result).toMatchObject({ unapproved: 0 })
    expect((await load('format=jsonld&status=any')).result).toMatchObject({ count: 4, unapproved: 1 })
    expect((await load('format=jsonld&status=new')).result).toMatchObject({ count: 1, unapproved: 1 })
    expect((await load('format=csv&status=any')).result).toMatchObject({ unapproved: 0 })
    db.update(claims).set({ deletedAt: new Date() }).where(eq(claims.id, inReview)).run()
  })

  test('the export page shows errors next to the filters and offers no download', async () => {
    const page = (await exportPage.loader({
      request: getRequest('/export?from=2024-05-01&to=2024-01-01&download=1', viewer.cookie),
      params: {},
      context: {},
    })) as Awaited<ReturnType<typeof exportPage.loader>>
    expect(page.result).toBeNull()
    expect(page.errors).toEqual({ to: ['“Claimed until” must not be before “Claimed from”.'] })
  })
})

describe('npm run export', () => {
  test('writes the file the routes serve, and refuses a bad filter with a message', async () => {
    const run = promisify(execFile)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-export-'))
    const out = path.join(dir, 'sheet.csv')
    const tsx = path.resolve('node_modules/.bin/tsx')
    const { stderr } = await run(tsx, ['scripts/export.ts', '--format', 'csv', '--out', out, '--verdict', 'true'], {
      env: { ...process.env },
    })
    expect(stderr).toMatch(/^Exported 1 claim to .*sheet\.csv/)
    const rows = parse(fs.readFileSync(out, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>
    expect(rows.map((r) => Number(r.id))).toEqual([tricky])
    const refused = await run(tsx, ['scripts/export.ts', '--format', 'pdf'], { env: { ...process.env } }).catch(
      (error: { code: number; stderr: string }) => error,
    )
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('format: Pick CSV, XLSX') })
    fs.rmSync(dir, { recursive: true, force: true })
  }, 30_000)
})
