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

describe('the claims list as a desk keeps it', () => {
  it('filters by a speaker typed in another spelling, saves the view, and reopens it from anywhere', async () => {
    const page = await desk.signedIn('editor')
    await visit(page, '/claims')
    await page.getByLabel('Speaker', { exact: true }).pressSequentially('Kim Jong Un')
    // The suggestion names the speaker as the desk stores them; picking it fills the field.
    await page.locator('#speakerName-suggestions option[value="Kim Jong-un"]').waitFor({ state: 'attached' })
    await page.getByLabel('Speaker', { exact: true }).fill('Kim Jong-un')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/speaker=\d+/)
    await page.locator('.list-meta', { hasText: /match(es)? the filters/ }).waitFor()
    const count = await page.locator('.list-meta > span').innerText()
    expect(count).toMatch(/^(1 claim matches|\d+ claims match) the filters/)
    const speakers = await page.locator('tbody tr td:nth-child(2)').allInnerTexts()
    expect(speakers.length).toBeGreaterThan(0)
    expect(new Set(speakers)).toEqual(new Set(['Kim Jong-un']))

    const views = page.getByRole('region', { name: 'My views' })
    await views.getByText('Save this view').click()
    await views.getByRole('textbox', { name: 'View name' }).fill('Kim, alles')
    await views.getByRole('button', { name: 'Save view' }).click()
    const saved = views.getByRole('link', { name: 'Kim, alles' })
    await saved.waitFor()
    expect(await saved.getAttribute('aria-current')).toBe('page')

    // The same name again is refused next to the field, and nothing is replaced.
    await views.getByText('Save this view').click()
    await views.getByRole('textbox', { name: 'View name' }).fill('kim, ALLES')
    await views.getByRole('button', { name: 'Save view' }).click()
    await views.getByText('You already have a view called “Kim, alles”.', { exact: false }).waitFor()
    expect(await views.getByRole('link').count()).toBe(1)
    await screenshot(page, 'claims-saved-views')
    await expectNoAxeViolations(page, { label: 'claims list with saved views' })

    await visit(page, '/claims')
    await views.getByRole('link', { name: 'Kim, alles' }).click()
    await page.waitForURL(/speaker=\d+/)
    await page.locator('.list-meta > span', { hasText: count }).waitFor()
    expect(await page.getByLabel('Speaker', { exact: true }).inputValue()).toBe('Kim Jong-un')

    await views.getByRole('button', { name: 'Delete the saved view “Kim, alles”' }).click()
    await views.getByText('Save a search and its filters', { exact: false }).waitFor()
  })

  it('pages forward and back through the list, and the back button returns to the page before', async () => {
    const page = await desk.signedIn('viewer')
    await visit(page, '/claims')
    const firstPage = await page.locator('td.claim-cell > a').allInnerTexts()
    expect(firstPage).toHaveLength(50)
    await page.getByRole('link', { name: 'Next →' }).click()
    await page.waitForURL(/after=/)
    await page.getByRole('link', { name: '← First page' }).waitFor()
    const secondPage = await page.locator('td.claim-cell > a').allInnerTexts()
    expect(secondPage.length).toBeGreaterThan(0)
    expect(secondPage.filter((text) => firstPage.includes(text))).toEqual([])
    await page.getByRole('link', { name: '← Previous' }).click()
    await page.getByRole('link', { name: 'Next →' }).waitFor()
    expect(await page.locator('td.claim-cell > a').allInnerTexts()).toEqual(firstPage)
    // Back on the first page: no way further back.
    expect(await page.getByRole('link', { name: '← First page' }).count()).toBe(0)
    await page.goBack()
    await page.waitForURL(/after=/)
    await expect.poll(() => page.locator('td.claim-cell > a').allInnerTexts()).toEqual(secondPage)
  })
})
