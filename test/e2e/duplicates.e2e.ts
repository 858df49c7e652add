// Possible duplicates as an editor meets them: typing a claim the desk already has, and
// reading a claim that repeats another. Runs against a production build on the demo desk.
import { describe, expect, it } from 'vitest'
import { appForThisFile, claimIdFrom, expectNoAxeViolations, screenshot, visit, waitForHydration } from './helpers.ts'

const desk = appForThisFile()

describe('possible duplicates', () => {
  it('suggests the seed tellings of a claim while it is typed, and saves the new claim as a duplicate in one click', async () => {
    const page = await desk.signedIn('editor')
    await visit(page, '/claims/new')
    const panel = page.getByRole('region', { name: 'Possible duplicates' })
    await panel.getByText('As you type the claim', { exact: false }).waitFor()
    await page
      .getByLabel('Claim', { exact: true })
      .pressSequentially('Schoigu reiste zum 70. Jahrestag des Kriegsendes nach Pjöngjang.')
    const suggestion = panel.getByRole('listitem').filter({ hasText: 'Offizieller Anlass des Besuchs von Schoigu' })
    await suggestion.waitFor()
    // Status, verdict and why it is suggested, so the editor can judge without leaving the form.
    expect(await suggestion.locator('.badge').first().innerText()).toMatch(
      /New|Researching|In review|Verified|Rejected/,
    )
    expect(await suggestion.locator('.reasons').innerText()).toContain('same number 70')
    expect(await panel.getByRole('listitem').count()).toBeGreaterThanOrEqual(2)
    await screenshot(page, 'new-claim-duplicates')
    await expectNoAxeViolations(page, { label: 'new claim with possible duplicates' })

    const target = Number(/#(\d+)/.exec(await suggestion.getByRole('link').innerText())![1])
    await suggestion.getByRole('button', { name: `Save as duplicate of #${target}` }).click()
    await page.waitForURL(/\/claims\/\d+$/)
    await waitForHydration(page)
    const created = claimIdFrom(page)
    expect(created).not.toBe(target)
    expect(await page.locator('#claim-heading').innerText()).toBe(
      'Schoigu reiste zum 70. Jahrestag des Kriegsendes nach Pjöngjang.',
    )
    // The seed already gathers that telling under a canonical claim: the banner names the end of the chain.
    await page.locator('.canonical-banner').waitFor()
    expect(await page.locator('.canonical-banner').innerText()).toContain(
      `This claim is marked as a duplicate of #${target}`,
    )
  })

  it('lists look-alikes on a claim page and links one as related in one click', async () => {
    const page = await desk.signedIn('editor')
    await visit(page, '/claims/new')
    await page
      .getByLabel('Claim', { exact: true })
      .fill('Russland verlegte mehr als 10.000 Soldaten an die finnische Grenze.')
    await page.getByRole('button', { name: 'Create claim' }).click()
    await page.waitForURL(/\/claims\/\d+$/)
    const first = claimIdFrom(page)
    await visit(page, '/claims/new')
    await page
      .getByLabel('Claim', { exact: true })
      .fill('Über 10 000 russische Soldaten stehen an der finnischen Grenze.')
    await page.getByRole('button', { name: 'Create claim' }).click()
    await page.waitForURL(/\/claims\/\d+$/)
    await waitForHydration(page)

    const section = page.getByRole('region', { name: 'Possible duplicates' })
    const item = section.getByRole('listitem').filter({ hasText: `#${first} Russland verlegte` })
    await item.waitFor()
    expect(await item.locator('.reasons').innerText()).toContain('same number 10000')
    await item.getByRole('button', { name: `Mark this claim as related to #${first}` }).click()
    const links = page.getByRole('region', { name: 'Linked claims' })
    await links
      .getByRole('link', { name: `#${first}`, exact: false })
      .first()
      .waitFor()
    expect(await links.innerText()).toContain('Russland verlegte mehr als 10.000 Soldaten')
    // Linked now, so no longer suggested.
    await expect.poll(() => item.count()).toBe(0)
  })

  it('shows a viewer the look-alikes without the buttons', async () => {
    const page = await desk.signedIn('viewer')
    await visit(page, '/claims/1')
    const section = page.getByRole('region', { name: 'Possible duplicates' })
    await section.getByRole('listitem').first().waitFor()
    expect(await section.getByRole('button').count()).toBe(0)
  })
})
