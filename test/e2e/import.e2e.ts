// Importing claims in the browser: a file with a bad row is previewed and refused, a good
// one is matched to the claim fields and imported, an XLSX workbook too; the upload's
// progress, the size limit with and without JavaScript, and who may import.
import ExcelJS from 'exceljs'
import { jsonExportFormat, type ExportedClaim, type ExportedDesk } from '#app/domain/export/sheet.ts'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appForThisFile, claimCount, expectNoAxeViolations, screenshot, visit, waitForHydration } from './helpers.ts'

// A smaller limit, so the refusal of a large file can be seen without uploading 50 MB.
const maxBytes = 8 * 1024 * 1024
process.env.IMPORT_MAX_BYTES = String(maxBytes)

const desk = appForThisFile()
const { signedIn } = desk
const run = Date.now().toString(36)

type FilePayload = { name: string; mimeType: string; buffer: Buffer }

function csv(name: string, text: string): FilePayload {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') }
}

/** Chooses the file and sends the upload form; resolves on the preview. */
async function upload(page: Page, file: FilePayload) {
  await visit(page, '/import')
  await page.getByLabel('File', { exact: true }).setInputFiles(file)
  await page.getByRole('button', { name: 'Check the file' }).click()
  await page.waitForURL(/\/import\/\d+$/)
  await page.getByRole('heading', { level: 1, name: `Preview: ${file.name}` }).waitFor()
  await waitForHydration(page)
}

describe('importing a CSV', () => {
  it('shows every problem of a file with a bad row and imports nothing', async () => {
    const page = await signedIn('editor')
    const before = await claimCount(page)
    await visit(page, '/import')
    await screenshot(page, 'import')
    await expectNoAxeViolations(page, { label: 'import page', soft: true })

    await upload(
      page,
      csv(
        'mit-fehler.csv',
        [
          'claim,speaker,status,verdict,claimed_on',
          `Nordkorea lieferte Granaten (${run}).,Kim Jong Un,new,,2024-02-01`,
          `Ein verifizierter Claim ohne Begründung (${run}).,,verified,false,27.07.2023`,
        ].join('\n'),
      ),
    )
    const problems = page.getByRole('region', { name: 'Problems' })
    expect(await problems.getByRole('row').allInnerTexts()).toEqual([
      'ROW\tCOLUMN\tPROBLEM',
      '3\tclaimed_on\tThe date made must be a date like 2023-07-27.',
    ])
    expect(await page.locator('.alert.error').innerText()).toContain('1 of 2 rows has problems')
    const importButton = page.getByRole('button', { name: /^Import \d+ claims?$/ })
    expect(await importButton.isDisabled()).toBe(true)
    expect(await page.locator('#commit-blocked').innerText()).toBe(
      'Fix the 1 row with problems first: correct the file and upload it again, or match the columns below.',
    )
    await screenshot(page, 'import-preview-problems')
    await expectNoAxeViolations(page, { label: 'import preview with problems', soft: true })
    expect(await claimCount(page)).toBe(before)
  })

  it('matches a column by hand, imports the good file and lists its claims', async () => {
    const page = await signedIn('editor')
    const before = await claimCount(page)
    const texts = [
      `Russland zahlte mit Öl für die Granaten (${run}).`,
      `„Über 10.000 Soldaten“ seien an der Grenze, sagte der Sprecher (${run}).`,
    ]
    await upload(
      page,
      csv(
        'redaktion.csv',
        [
          'Aussage;Wer hat es gesagt;source_url;tags',
          `${texts[0]};Sergej Schoigu;https://example.org/oel-${run};Russland, Öl`,
          `"${texts[1]!.replace(/"/g, '""')}";Kim Jong Un;;Nordkorea`,
        ].join('\r\n'),
      ),
    )
    // The claim column is found by its German name; the speaker's is not, until chosen.
    expect(await page.getByLabel('Claim (required)').inputValue()).toBe('0')
    expect(await page.getByLabel('Speaker', { exact: true }).inputValue()).toBe('')
    expect(await page.locator('.alert.info').innerText()).toContain('Cells are separated by semicolons.')
    await page.getByLabel('Speaker', { exact: true }).selectOption({ label: 'B: Wer hat es gesagt' })
    await page.getByRole('button', { name: 'Check again with these columns' }).click()
    const speakers = page.getByRole('region', { name: 'Speakers' })
    await speakers.getByRole('link', { name: /Sergej Schoigu/ }).waitFor()
    // Both spellings are on the demo desk already.
    expect(await speakers.getByRole('link').allInnerTexts()).toHaveLength(2)
    expect(await page.getByLabel('Speaker', { exact: true }).inputValue()).toBe('1')
    const preview = page.getByRole('region', { name: 'First claims as they will be stored' })
    expect(await preview.getByRole('row').nth(1).innerText()).toContain(texts[0])
    await screenshot(page, 'import-preview')
    await expectNoAxeViolations(page, { label: 'import preview', soft: true })

    await page.getByRole('button', { name: 'Import 2 claims' }).click()
    await page.getByRole('heading', { name: 'Imported 2 claims' }).waitFor()
    await waitForHydration(page)
    await screenshot(page, 'import-done')
    expect(await claimCount(page)).toBe(before + 2)

    await page.goBack()
    await waitForHydration(page)
    await page.getByRole('link', { name: 'See them in the claims list' }).click()
    await page.waitForURL(/\/claims\?sort=created/)
    const list = await page.locator('table').innerText()
    for (const text of texts) expect(list).toContain(text)
  })

  it('imports the first sheet of an XLSX workbook, with labels, date cells and links', async () => {
    const page = await signedIn('editor2')
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Claims')
    sheet.addRow(['Claim', 'Speaker', 'Source URL', 'Claimed on', 'Status', 'Verdict', 'Rationale', 'Evidence URLs'])
    sheet.addRow([
      `Die Züge fuhren nachts über die Grenze (${run}).`,
      null,
      { text: 'Reuters-Bericht', hyperlink: `https://example.org/zuege-${run}` },
      new Date(Date.UTC(2024, 0, 15)),
      'In review',
      'Mostly false',
      'Die Fahrpläne widersprechen der Darstellung.',
      `https://example.org/fahrplan-${run}`,
    ])
    workbook.addWorksheet('Export').addRow(['Filters', 'none'])
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
    await upload(page, {
      name: 'tabelle.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    })
    expect(await page.locator('.alert.ok').innerText()).toContain('Every row can be imported.')
    expect(await page.locator('.alert.info').innerText()).toContain('1 evidence URL is attached as context')
    const preview = page.getByRole('region', { name: 'First claims as they will be stored' })
    expect(await preview.innerText()).toContain('2024-01-15')
    expect(await preview.innerText()).toContain('In review')
    await page.getByRole('button', { name: 'Import 1 claim' }).click()
    await page.getByRole('heading', { name: 'Imported 1 claim' }).waitFor()
    await visit(page, `/claims?q=${encodeURIComponent('Züge fuhren nachts')}`)
    await page.getByRole('link', { name: `Die Züge fuhren nachts über die Grenze (${run}).` }).click()
    await page.waitForURL(/\/claims\/\d+$/)
    await waitForHydration(page)
    const history = await page.getByRole('region', { name: 'History' }).innerText()
    expect(history).toContain('Mira Schulz imported the claim')
    expect(history).toContain('tabelle.xlsx')
    await screenshot(page, 'import-claim-history')
  })
})

describe('importing a JSON export', () => {
  it('brings speakers, sources, evidence with its roles and links, and lists the links it leaves out', async () => {
    const page = await signedIn('editor')
    const source = (id: number, title: string, url: string | null) => ({
      id,
      url,
      title,
      outlet: 'Reuters',
      author: null,
      publishedOn: '2024-03-01',
      language: 'en',
      kind: 'article' as const,
      excerpt: null,
      archiveUrl: null,
      retrievedOn: null,
      notes: null,
    })
    const speaker = {
      id: 7,
      name: `Anna Beispiel ${run}`,
      kind: 'person' as const,
      role: 'Sprecherin',
      organisation: null,
      country: 'DE',
      wikidataId: null,
      aliases: [`A. Beispiel ${run}`],
    }
    const claim = (id: number, text: string, fields: Partial<ExportedClaim> = {}): ExportedClaim => ({
      id,
      text,
      quote: null,
      language: 'de',
      claimedOn: '2024-03-01',
      status: 'researching',
      verdict: null,
      rationale: null,
      tags: ['export'],
      speaker,
      sourceId: 1,
      evidence: [
        { role: 'origin', note: null, source: source(1, `Meldung ${run}`, `https://example.org/meldung-${run}`) },
      ],
      links: [],
      checkedBy: null,
      approvedBy: null,
      submittedAt: null,
      verifiedAt: null,
      createdAt: '2024-03-01T10:00:00.000Z',
      updatedAt: '2024-03-01T10:00:00.000Z',
      permalink: `https://other.example.org/claims/${id}`,
      ...fields,
    })
    const desk: ExportedDesk = {
      format: jsonExportFormat,
      version: 1,
      exportedAt: '2024-03-02T08:00:00.000Z',
      exportedBy: 'Nachbardesk',
      filters: {},
      claims: [
        claim(1, `Die Exporte stiegen um 40 Prozent (${run}).`, {
          links: [
            { type: 'supports', to: 2, note: null },
            { type: 'related', to: 99, note: null },
          ],
        }),
        claim(2, `Der Handel wuchs deutlich (${run}).`, {
          evidence: [
            { role: 'origin', note: null, source: source(1, `Meldung ${run}`, `https://example.org/meldung-${run}`) },
            { role: 'refutes', note: 'Zahlen der Zollbehörde', source: source(2, `Zollstatistik ${run}`, null) },
          ],
        }),
      ],
    }
    await upload(page, {
      name: 'nachbardesk.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(desk)),
    })
    const notes = await page.locator('.alert.info').innerText()
    expect(notes).toContain('Exported by Nachbardesk on 2024-03-02.')
    expect(notes).toContain('1 link between the imported claims is kept.')
    expect(notes).toContain('Claim 1 of the file is related to id 99: The other claim is not in the file.')
    expect(await page.getByRole('region', { name: 'Columns' }).count()).toBe(0)
    await screenshot(page, 'import-preview-json')
    await page.getByRole('button', { name: 'Import 2 claims' }).click()
    await page.getByRole('heading', { name: 'Imported 2 claims' }).waitFor()
    expect(await page.locator('.alert.ok').innerText()).toContain(
      '1 new speaker and 2 new sources were added, and 1 link between claims.',
    )
  })
})

describe('progress and limits', () => {
  it('shows the upload’s progress and what the server does, then the preview', async () => {
    const page = await signedIn('editor')
    await visit(page, '/import')
    // Slow the upload down, so its progress can be seen.
    const client = await page.context().newCDPSession(page)
    await client.send('Network.enable')
    await client.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 50,
      downloadThroughput: 10_000_000,
      uploadThroughput: 2 * 1024 * 1024,
    })
    const rows = Array.from({ length: 60_000 }, (_, i) => `Behauptung ${i} über Lieferungen (${run}).,,new`)
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles(csv('viele.csv', ['claim,speaker,status', ...rows].join('\n')))
    await page.getByRole('button', { name: 'Check the file' }).click()
    const status = page.locator('.upload-progress')
    // Gone once the preview opens: then it reads as nothing rather than waiting for it.
    const statusText = async () => ((await status.count()) > 0 ? status.innerText({ timeout: 1000 }) : '')
    await expect.poll(statusText).toMatch(/^Uploading viele\.csv: [\d.]+ (KB|MB) of [\d.]+ MB \([1-9]\d* %\)$/)
    await screenshot(page, 'import-uploading')
    // Then what the server says it is doing, until the preview opens.
    await expect
      .poll(statusText, { timeout: 30_000 })
      .toMatch(/^(Reading the file… [\d,]+ rows so far|Checking 60,000 rows…|Saving the preview of 60,000 rows…)$/)
    await screenshot(page, 'import-checking')
    await page.waitForURL(/\/import\/\d+$/, { timeout: 30_000 })
    await waitForHydration(page)
    expect(await page.locator('.stat').first().innerText()).toContain('60,000')
  })

  it('refuses a file over the limit before uploading it, and the server refuses it without JavaScript', async () => {
    const big = csv('gross.csv', `claim\n${'Eine sehr lange Behauptung über vieles.\n'.repeat(230_000)}`)
    const page = await signedIn('editor')
    await visit(page, '/import')
    await page.getByLabel('File', { exact: true }).setInputFiles(big)
    await page.getByRole('button', { name: 'Check the file' }).click()
    const message =
      'The file is larger than 8 MB, the most one import takes. Split it into smaller files and import them one after another.'
    await page.getByText(message).waitFor()
    expect(new URL(page.url()).pathname).toBe('/import')

    const plain = await signedIn('editor', { javaScriptEnabled: false })
    await visit(plain, '/import')
    await plain.getByLabel('File', { exact: true }).setInputFiles(big)
    await plain.getByRole('button', { name: 'Check the file' }).click()
    await plain.getByText(message).waitFor()
    await screenshot(plain, 'import-too-large')
  })

  it('works without JavaScript from upload to import, and imports once however often it is sent', async () => {
    const page = await signedIn('editor', { javaScriptEnabled: false })
    const text = `Ohne JavaScript importiert (${run}).`
    await visit(page, '/import')
    await page.getByLabel('File', { exact: true }).setInputFiles(csv('ohne-js.csv', `claim\n${text}\n`))
    await page.getByRole('button', { name: 'Check the file' }).click()
    await page.waitForURL(/\/import\/\d+$/)
    // The same preview open twice (a second tab, a double click): the second import finds the first.
    const again = await page.context().newPage()
    await again.goto(page.url())
    await page.getByRole('button', { name: 'Import 1 claim' }).click()
    await page.getByRole('heading', { name: 'Imported 1 claim' }).waitFor()
    await again.getByRole('button', { name: 'Import 1 claim' }).click()
    await again.getByRole('heading', { name: 'Imported 1 claim' }).waitFor()
    await visit(page, `/claims?q=${encodeURIComponent('Ohne JavaScript importiert')}`)
    expect(await page.getByRole('link', { name: text }).count()).toBe(1)
  })
})

describe('who may import', () => {
  it('shows a viewer the refusal, and another editor no trace of someone’s upload', async () => {
    const viewer = await signedIn('viewer')
    expect(await visit(viewer, '/import')).toBe(403)
    await viewer.getByText('This needs the editor role; you are signed in as viewer.').waitFor()
    expect(await viewer.getByRole('link', { name: 'Import' }).count()).toBe(0)

    const owner = await signedIn('editor')
    await upload(owner, csv('privat.csv', `claim\nNur für mich sichtbar (${run}).\n`))
    const url = new URL(owner.url()).pathname
    const other = await signedIn('editor2')
    expect(await visit(other, url)).toBe(404)
    const admin = await signedIn('admin')
    expect(await visit(admin, url)).toBe(200)
    expect(await admin.locator('.page-head p').innerText()).toContain('by Jonas Weber')
  })
})
