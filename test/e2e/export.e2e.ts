// The verified-claims sheet as an editor gets it: choose what goes in, check the preview,
// download each format and open what arrived. Runs against a production build on a
// throwaway database.
import fs from 'node:fs/promises'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appForThisFile, expectNoAxeViolations, screenshot, visit } from './helpers.ts'

const desk = appForThisFile()

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  const path = await file.path()
  return { name: file.suggestedFilename(), bytes: await fs.readFile(path) }
}

describe('exporting the verified-claims sheet', () => {
  it('previews the verified claims by default and downloads each format', async () => {
    const page = await desk.signedIn('viewer')
    await visit(page, '/export')
    const heading = page.locator('#export-preview-heading')
    await heading.waitFor()
    const shown = await heading.innerText()
    const count = Number(shown.match(/^(\d+) claims? as CSV$/)?.[1])
    expect(count).toBeGreaterThan(0)
    const statuses = await page.locator('tbody tr td:nth-child(5)').allInnerTexts()
    expect(new Set(statuses)).toEqual(new Set(['Verified']))
    await screenshot(page, 'export')
    await expectNoAxeViolations(page, { label: 'export page' })

    const csv = await download(page, () => page.getByRole('link', { name: 'Download CSV' }).click())
    expect(csv.name).toMatch(/^claims-verified-\d{4}-\d{2}-\d{2}\.csv$/)
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = csv.bytes.toString('utf8')
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFid,claim,quote,language,speaker,speaker_role,source_title,outlet,source_url,published,claimed_on,status,verdict,rationale,evidence_urls,tags,checked_by,approved_by,verified_at,permalink',
    )
    expect(text).toContain('Pjöngjang')

    await page.getByLabel('Excel (XLSX)').check()
    await page.getByRole('button', { name: 'Preview' }).click()
    await page.waitForURL(/format=xlsx/)
    await heading.filter({ hasText: 'as Excel (XLSX)' }).waitFor()
    const xlsx = await download(page, () => page.getByRole('link', { name: 'Download XLSX' }).click())
    expect(xlsx.name).toMatch(/\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Claims', 'Export'])
    expect(workbook.getWorksheet('Claims')!.rowCount).toBe(count + 1)

    await page.getByLabel('ClaimReview JSON-LD').check()
    const jsonld = await download(page, () => page.getByRole('button', { name: 'Download' }).click())
    expect(jsonld.name).toMatch(/\.jsonld$/)
    const reviews = JSON.parse(jsonld.bytes.toString('utf8')) as Array<Record<string, unknown>>
    expect(reviews).toHaveLength(count)
    expect(reviews[0]).toMatchObject({ '@context': 'https://schema.org', '@type': 'ClaimReview' })

    await visit(page, '/export?format=json')
    const json = await download(page, () => page.getByRole('link', { name: 'Download JSON' }).click())
    const desk_ = JSON.parse(json.bytes.toString('utf8')) as { format: string; claims: unknown[] }
    expect(desk_.format).toBe('claim-desk/claims')
    expect(desk_.claims).toHaveLength(count)
  })

  it('narrows by speaker and flags claims too long for ClaimReview', async () => {
    const page = await desk.signedIn('editor')
    await visit(page, '/export?status=any&format=jsonld')
    await page.locator('#export-preview-heading').waitFor()
    expect(await page.locator('.export-summary').innerText()).toMatch(/longer than 75 characters/)
    expect(await page.locator('.flag').count()).toBeGreaterThan(0)
    await screenshot(page, 'export-claimreview')

    await page.getByLabel('CSV').check()
    await page.getByLabel('Speaker', { exact: true }).fill('Kim Jong Un')
    await page.getByRole('button', { name: 'Preview' }).click()
    await page.waitForURL(/speakerName=Kim/)
    const speakers = await page.locator('tbody tr td:nth-child(3)').allInnerTexts()
    expect(speakers.length).toBeGreaterThan(0)
    expect(new Set(speakers)).toEqual(new Set(['Kim Jong-un']))
    expect(await page.getByLabel('Speaker', { exact: true }).inputValue()).toBe('Kim Jong-un')
  })

  it('exports what a filtered claims list shows, in one click', async () => {
    const page = await desk.signedIn('editor')
    await visit(page, '/claims?verdict=mostly_true')
    const listed = Number((await page.locator('.list-meta > span').innerText()).match(/^(\d+) claims?/)?.[1])
    await page.getByRole('link', { name: 'Export these claims' }).click()
    await page.waitForURL(/\/export\?status=any&verdict=mostly_true$/)
    const heading = await page.locator('#export-preview-heading').innerText()
    expect(heading).toBe(`${listed} ${listed === 1 ? 'claim' : 'claims'} as CSV`)
    expect(await page.getByLabel('Status').inputValue()).toBe('any')
    expect(await page.getByLabel('Verdict').inputValue()).toBe('mostly_true')
    await visit(page, '/claims?q=Schoigu')
    await page.locator('.list-meta').waitFor()
    expect(await page.getByRole('link', { name: 'Export these claims' }).count()).toBe(0)
  })

  it('answers filters that make no sense with messages and no download', async () => {
    const page = await desk.signedIn('editor')
    await visit(page, '/export?speakerName=Nobody%20Atall&from=2024-05-01&to=2024-01-01')
    await page.locator('#filter-to-error').waitFor()
    expect(await page.locator('#filter-to-error').innerText()).toBe(
      '“Claimed until” must not be before “Claimed from”.',
    )
    expect(await page.getByRole('button', { name: 'Download' }).isDisabled()).toBe(true)
    await screenshot(page, 'export-errors')
    await visit(page, '/export?speakerName=Nobody%20Atall')
    await page.locator('#speakerName-error, .field-errors').first().waitFor()
    expect(await page.locator('.field-errors').first().innerText()).toMatch(/Nobody Atall/)
    const response = await page.request.get('/export/claims.csv?verdict=flase')
    expect(response.status()).toBe(400)
    expect(await response.text()).toMatch(/^Nothing was exported/)
  })
})
