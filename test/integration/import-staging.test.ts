// The import page's steps as Remix calls them: upload (with its limits), preview, column
// mapping, import (once, however often it is sent), discard, and who may do each.
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, test } from 'vitest'
import { createClaim } from '#app/domain/claims.server.ts'
import { progressKey, reportProgress } from '#app/domain/import/progress.server.ts'
import * as importPage from '#app/routes/import._index.tsx'
import * as preview from '#app/routes/import.$importId.tsx'
import * as uploadResource from '#app/routes/resources.import-upload.ts'
import { db } from '#db/client.ts'
import { claims, stagedImports } from '#db/schema.ts'
import { formRequest, getRequest, signedIn } from '#test/helpers/fixtures.ts'
import { tableCounts } from '#test/helpers/import-files.ts'

const viewer = await signedIn('viewer')
const editor = await signedIn('editor')
const colleague = await signedIn('editor')
const admin = await signedIn('admin')

type Outcome = { status: number; location: string | null; body: unknown }

/** What a loader or action answered: the Response or data it returned or threw. */
async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  const read = async (value: unknown, thrown: boolean): Promise<Outcome> => {
    if (value instanceof Response) {
      const type = value.headers.get('Content-Type') ?? ''
      return {
        status: value.status,
        location: value.headers.get('Location'),
        body: type.includes('json') ? await value.json() : null,
      }
    }
    if (value && typeof value === 'object' && 'type' in value && value.type === 'DataWithResponseInit') {
      const { data, init } = value as unknown as { data: unknown; init: ResponseInit | null }
      return { status: init?.status ?? 200, location: null, body: data }
    }
    if (thrown) throw value
    return { status: 200, location: null, body: value }
  }
  try {
    return await read(await run(), false)
  } catch (error) {
    return read(error, true)
  }
}

function uploadRequest(url: string, cookie: string, file: File | null, fields: Record<string, string> = {}) {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  if (file) body.append('file', file)
  return new Request(`http://localhost${url}`, { method: 'POST', body, headers: { Cookie: cookie } })
}

const csv = (text: string, name = 'claims.csv') => new File([`\uFEFF${text}`], name, { type: 'text/csv' })
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })

async function upload(user: { cookie: string }, file: File) {
  const result = await outcome(() => importPage.action(args(uploadRequest('/import', user.cookie, file))))
  expect(result.status).toBe(302)
  const id = /^\/import\/(\d+)$/.exec(result.location ?? '')?.[1]
  expect(id).toBeDefined()
  return id!
}

function previewOf(user: { cookie: string }, id: string, query = '') {
  return outcome(() => preview.loader(args(getRequest(`/import/${id}${query}`, user.cookie), { importId: id })))
}

function post(user: { cookie: string }, id: string, fields: Record<string, string>) {
  return outcome(() => preview.action(args(formRequest(`/import/${id}`, fields, user.cookie), { importId: id })))
}

type Preview = {
  staged: { status: string; mapping: Record<string, number | null> | null; headers: string[] }
  report: { checkedAt: string; claimsToImport: number; duplicateCount: number; problemRowCount: number }
  problems: { rows: Array<{ row: number; column: string | null; message: string }>; total: number; pageCount: number }
}

async function previewData(user: { cookie: string }, id: string, query = '') {
  const result = await previewOf(user, id, query)
  expect(result.status).toBe(200)
  return result.body as Preview
}

const staged = () => db.select().from(stagedImports).all().length

afterEach(() => {
  delete process.env.IMPORT_MAX_BYTES
  delete process.env.IMPORT_MAX_ROWS
})

describe('who may import', () => {
  test('anonymous visitors are sent to log in, viewers are refused, and nothing is staged', async () => {
    const before = staged()
    const anonymous = await outcome(() => importPage.loader(args(getRequest('/import'))))
    expect(anonymous).toMatchObject({ status: 302, location: '/login?redirectTo=%2Fimport' })
    for (const run of [
      () => importPage.loader(args(getRequest('/import', viewer.cookie))),
      () => importPage.action(args(uploadRequest('/import', viewer.cookie, csv('claim\nViewer-Versuch.\n')))),
      () =>
        uploadResource.action(args(uploadRequest('/resources/import-upload', viewer.cookie, csv('claim\nX y z\n')))),
      () => uploadResource.loader(args(getRequest('/resources/import-upload?token=abcdefgh12', viewer.cookie))),
    ]) {
      expect(await outcome(run)).toMatchObject({ status: 403 })
    }
    expect(staged()).toBe(before)
  })

  test('a staged import is its uploader’s and an admin’s; to another editor it does not exist', async () => {
    const id = await upload(editor, csv('claim\nNur der Uploader sieht das.\n'))
    expect((await previewOf(editor, id)).status).toBe(200)
    expect((await previewOf(admin, id)).status).toBe(200)
    expect((await previewOf(colleague, id)).status).toBe(404)
    expect((await previewOf(viewer, id)).status).toBe(403)
    const checkedAt = (await previewData(editor, id)).report.checkedAt
    const attempts: Array<Record<string, string>> = [
      { intent: 'import', checkedAt },
      { intent: 'discard' },
      { intent: 'map', claim: '0' },
    ]
    for (const fields of attempts) {
      expect((await post(colleague, id, fields)).status).toBe(404)
    }
    expect(
      db
        .select()
        .from(stagedImports)
        .where(eq(stagedImports.id, Number(id)))
        .get()?.status,
    ).toBe('staged')
    const listed = (await outcome(() => importPage.loader(args(getRequest('/import', colleague.cookie))))).body as {
      recent: Array<{ id: number }>
    }
    expect(listed.recent.map((r) => r.id)).not.toContain(Number(id))
  })
})

describe('uploading', () => {
  test('a file over IMPORT_MAX_BYTES is refused with the limit, and nothing is staged', async () => {
    process.env.IMPORT_MAX_BYTES = '2048'
    const before = staged()
    const big = csv(`claim\n${'Eine Behauptung, die den Platz füllt.\n'.repeat(100)}`)
    const result = await outcome(() => importPage.action(args(uploadRequest('/import', editor.cookie, big))))
    expect(result.status).toBe(413)
    expect((result.body as { result: { error: Record<string, string[]> } }).result.error.file).toEqual([
      'The file is larger than 2 KB, the most one import takes. Split it into smaller files and import them one after another.',
    ])
    expect(staged()).toBe(before)
  })

  test('more rows than IMPORT_MAX_ROWS, no file, an empty file: each told, nothing staged', async () => {
    process.env.IMPORT_MAX_ROWS = '2'
    const before = staged()
    const fileError = async (file: File | null) => {
      const result = await outcome(() => importPage.action(args(uploadRequest('/import', editor.cookie, file))))
      expect(result.status).toBe(400)
      return (result.body as { result: { error: Record<string, string[]> } }).result.error.file
    }
    expect(await fileError(csv('claim\nEins ist gut.\nZwei ist gut.\nDrei ist zu viel.\n'))).toEqual([
      'The file has 3 rows; one import takes at most 2. Split it into smaller files and import them one after another.',
    ])
    expect(await fileError(null)).toEqual(['Choose the CSV, XLSX or JSON file with the claims.'])
    expect(await fileError(new File([''], 'leer.csv'))).toEqual(['The file is empty. Choose the file with the claims.'])
    expect(staged()).toBe(before)
  })

  test('the upload resource answers the page’s script in JSON, and tells the upload’s progress', async () => {
    const result = await outcome(() =>
      uploadResource.action(
        args(
          uploadRequest('/resources/import-upload', editor.cookie, csv('claim\nMit Fortschritt hochgeladen.\n'), {
            progressToken: 'token-1234',
          }),
        ),
      ),
    )
    expect(result.body).toEqual({ redirectTo: expect.stringMatching(/^\/import\/\d+$/) })
    const refused = await outcome(() =>
      uploadResource.action(args(uploadRequest('/resources/import-upload', editor.cookie, csv('wer\nKim\n')))),
    )
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { file: [expect.stringMatching(/^No column holds/)] } },
    })

    const progress = () =>
      outcome(() => uploadResource.loader(args(getRequest('/resources/import-upload?token=token-5678', editor.cookie))))
    expect((await progress()).body).toEqual({ progress: null })
    reportProgress(progressKey(editor.id, 'token-5678'), { phase: 'checking', rows: 84_000, checked: 5000 })
    expect((await progress()).body).toEqual({ progress: { phase: 'checking', rows: 84_000, checked: 5000 } })
    // Someone else's upload is not theirs to watch.
    const other = await outcome(() =>
      uploadResource.loader(args(getRequest('/resources/import-upload?token=token-5678', colleague.cookie))),
    )
    expect(other.body).toEqual({ progress: null })
  })
})

describe('the preview', () => {
  test('lists every problem, a hundred to a page', async () => {
    const rows = Array.from({ length: 130 }, (_, i) => `Zeile ${i} mit falschem Datum.,27.07.2023`)
    const id = await upload(editor, csv(['claim,claimed_on', ...rows].join('\n')))
    const first = await previewData(editor, id)
    expect(first.problems).toMatchObject({ total: 130, pageCount: 2 })
    expect(first.problems.rows).toHaveLength(100)
    const second = await previewData(editor, id, '?page=2')
    expect(second.problems.rows.map((p) => p.row)).toEqual(Array.from({ length: 30 }, (_, i) => i + 102))
  })

  test('a column chosen by hand checks the rows again; a mapping that cannot work is told per field', async () => {
    const id = await upload(editor, csv('Aussage,Wer hat es gesagt\nKim besuchte das Werk in Kasan.,Kim Jong Un\n'))
    const before = await previewData(editor, id)
    expect(before.staged.mapping).toMatchObject({ claim: 0, speaker: null })
    expect((await post(editor, id, { intent: 'map', claim: '0', speaker: '1' })).status).toBe(302)
    const after = await previewData(editor, id)
    expect(after.staged.mapping).toMatchObject({ claim: 0, speaker: 1 })
    expect(after.report.checkedAt).not.toBe(before.report.checkedAt)

    const errorsOf = async (fields: Record<string, string>) => {
      const result = await post(editor, id, { intent: 'map', ...fields })
      expect(result.status).toBe(400)
      return (result.body as { result: { error: Record<string, string[]> } }).result.error
    }
    expect(await errorsOf({ speaker: '1' })).toEqual({ claim: ['Pick the column that holds the claim text.'] })
    expect(await errorsOf({ claim: '0', speaker: '0' })).toEqual({
      speaker: ['Column “Aussage” already fills Claim; pick another column or none.'],
    })
    expect(await errorsOf({ claim: '7' })).toEqual({
      claim: ['That column is not in the file; pick one of the listed columns.'],
    })
  })
})

describe('importing a staged file', () => {
  test('imports once, however often it is sent, and keeps the result', async () => {
    const text = 'Einmal importiert, auch wenn zweimal geklickt.'
    // Quoted: the claim holds a comma.
    const id = await upload(editor, csv(`claim,tags\n"${text}",Test\n`))
    const { report } = await previewData(editor, id)
    const before = tableCounts()
    const first = await post(editor, id, { intent: 'import', checkedAt: report.checkedAt })
    expect(first).toMatchObject({ status: 302, location: `/import/${id}` })
    const second = await post(editor, id, { intent: 'import', checkedAt: report.checkedAt })
    expect(second).toMatchObject({ status: 302, location: `/import/${id}` })
    expect(tableCounts().claims).toBe(before.claims + 1)
    expect(db.select().from(claims).where(eq(claims.text, text)).all()).toHaveLength(1)
    const row = db
      .select()
      .from(stagedImports)
      .where(eq(stagedImports.id, Number(id)))
      .get()!
    expect(row).toMatchObject({ status: 'committed', createdClaimCount: 1, rows: null })
    expect(row.committedAt).toBeInstanceOf(Date)
    // Discarding what was imported is refused; the record stays.
    expect(await post(editor, id, { intent: 'discard' })).toMatchObject({
      status: 409,
      body: { refusal: 'This file has been imported already.' },
    })
  })

  test('is refused while a row has a problem, from an older preview, and when the desk changed meanwhile', async () => {
    const bad = await upload(editor, csv('claim,status\nOhne Urteil verifiziert.,verified\n'))
    const before = tableCounts()
    const { report } = await previewData(editor, bad)
    expect(await post(editor, bad, { intent: 'import', checkedAt: report.checkedAt })).toMatchObject({
      status: 409,
      body: { refusal: 'One row has problems, so nothing was imported. The preview shows them.' },
    })

    const text = 'Ein Kollege loggt diesen Claim gleichzeitig.'
    const id = await upload(editor, csv(`claim\n${text}\nUnd dieser ist nur in der Datei.\n`))
    const old = (await previewData(editor, id)).report
    expect(await post(editor, id, { intent: 'import', checkedAt: '2000-01-01T00:00:00.000Z' })).toMatchObject({
      status: 409,
      body: {
        refusal:
          'The preview has changed since you opened it, so nothing was imported. Check it below and import again.',
      },
    })
    createClaim({ text, language: 'de', tags: [] }, colleague.id)
    const desk = tableCounts()
    expect(await post(editor, id, { intent: 'import', checkedAt: old.checkedAt })).toMatchObject({
      status: 409,
      body: {
        refusal:
          'The desk changed since this preview was made: the import would now add 1 claim, not 2. Nothing was imported; check the preview below and import again.',
      },
    })
    expect(tableCounts()).toEqual(desk)
    // The preview now shows the colleague's claim as a duplicate.
    const fresh = (await previewData(editor, id)).report
    expect(fresh).toMatchObject({ claimsToImport: 1, duplicateCount: 1 })
    expect(await post(editor, id, { intent: 'import', checkedAt: fresh.checkedAt })).toMatchObject({ status: 302 })
    expect(tableCounts().claims).toBe(desk.claims + 1)
    expect(before.claims).toBeLessThan(desk.claims)
  })

  test('a discarded file cannot be imported', async () => {
    const id = await upload(editor, csv('claim\nWird verworfen.\n'))
    const { report } = await previewData(editor, id)
    expect(await post(editor, id, { intent: 'discard' })).toMatchObject({ status: 302, location: '/import' })
    expect(
      db
        .select()
        .from(stagedImports)
        .where(eq(stagedImports.id, Number(id)))
        .get(),
    ).toMatchObject({
      status: 'discarded',
      rows: null,
    })
    expect(await post(editor, id, { intent: 'import', checkedAt: report.checkedAt })).toMatchObject({
      status: 409,
      body: { refusal: 'This import was discarded. Upload the file again.' },
    })
    expect(db.select().from(claims).where(eq(claims.text, 'Wird verworfen.')).all()).toHaveLength(0)
  })

  test('an admin may import an editor’s file; the history names the admin', async () => {
    const id = await upload(editor, csv('claim\nVom Admin importiert.\n'))
    const { report } = await previewData(admin, id)
    expect(await post(admin, id, { intent: 'import', checkedAt: report.checkedAt })).toMatchObject({ status: 302 })
    const claim = db.select().from(claims).where(eq(claims.text, 'Vom Admin importiert.')).get()!
    expect(claim.createdById).toBe(admin.id)
  })
})
