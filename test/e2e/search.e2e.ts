// Finding a claim again in whatever spelling it comes back: search the list, see where it
// matched, open it. Runs against a production build on a throwaway database.
import { describe, expect, it } from 'vitest'
import { appForThisFile, expectNoAxeViolations, screenshot, visit, waitForHydration } from './helpers.ts'

const desk = appForThisFile()

describe('searching claims', () => {
  it('finds a claim by another spelling of its words, marks the match and opens it', async () => {
    const page = await desk.signedIn('viewer')
    await visit(page, '/claims')
    await page.getByLabel('Search', { exact: true }).fill('Pjongjang Jahrestag')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/q=Pjongjang/)
    const firstResult = page.locator('td.claim-cell').first()
    await firstResult.locator('mark').first().waitFor()
    expect((await firstResult.locator('mark').allInnerTexts()).map((t) => t.toLowerCase())).toContain('pjöngjang')
    expect(await page.getByLabel('Sort by').locator('option:checked').innerText()).toBe('Relevance')
    await screenshot(page, 'claims-search')
    await expectNoAxeViolations(page, { label: 'claims search' })

    const title = await firstResult.getByRole('link').first().innerText()
    await firstResult.getByRole('link').first().click()
    await page.waitForURL(/\/claims\/\d+$/)
    await waitForHydration(page)
    expect(await page.locator('#claim-heading').innerText()).toBe(title)
    await page.goBack()
    await page.waitForURL(/q=Pjongjang/)
    expect(await page.getByLabel('Search', { exact: true }).inputValue()).toBe('Pjongjang Jahrestag')
  })

  it('answers a search that only leaves things out with a message next to the box', async () => {
    const page = await desk.signedIn('editor')
    await visit(page, '/claims?q=-Putin')
    const errors = page.locator('#filter-q-error')
    await errors.waitFor()
    expect(await errors.innerText()).toBe('Add a word to search for: a search cannot only leave things out.')
    await visit(page, `/claims?q=${encodeURIComponent('NEAR( " * a:b')}`)
    await page.locator('.list-meta').waitFor()
    await visit(page, `/claims?q=${encodeURIComponent('"')}`)
    expect(await page.locator('#filter-q-error').innerText()).toBe(
      'There is nothing to search for here: type a word or a number.',
    )
  })
})
