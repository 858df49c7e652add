// Speakers and the desk's activity in the browser: the verdict record as a chart, merging
// a duplicate speaker through the preview (with and without JavaScript), and /activity
// with its filters. Screenshots of each, and WCAG A/AA checks.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appForThisFile, expectNoAxeViolations, screenshot, visit, waitForHydration } from './helpers.ts'

const desk = appForThisFile()
const { signedIn } = desk
const run = Date.now().toString(36)

/** A seeded speaker's page, found through the speakers list's search. */
async function openSpeaker(page: Page, name: string) {
  await visit(page, `/speakers?q=${encodeURIComponent(name)}`)
  await page.getByRole('link', { name, exact: true }).click()
  await page.waitForURL(/\/speakers\/\d+/)
  await waitForHydration(page)
  return Number(/\/speakers\/(\d+)/.exec(page.url())![1])
}

/** Logs a claim under a speaker name nobody has used yet, creating that speaker. */
async function claimByNewSpeaker(page: Page, text: string, speaker: string) {
  await visit(page, '/claims/new')
  await page.getByLabel('Claim', { exact: true }).fill(text)
  await page.getByLabel('Speaker', { exact: true }).fill(speaker)
  await page.getByLabel('New speaker: create them with this name').check()
  await page.getByRole('button', { name: 'Create claim' }).click()
  await page.waitForURL(/\/claims\/\d+$/)
}

async function claimBy(page: Page, text: string, speaker: string) {
  await visit(page, '/claims/new')
  await page.getByLabel('Claim', { exact: true }).fill(text)
  await page.getByLabel('Speaker', { exact: true }).fill(speaker)
  await page.getByRole('button', { name: 'Create claim' }).click()
  await page.waitForURL(/\/claims\/\d+$/)
}

describe('the verdict record', () => {
  it('shows all seven verdicts as bars that lead to the claims behind them', async () => {
    const page = await signedIn('viewer')
    const id = await openSpeaker(page, 'Koreanische Zentrale Nachrichtenagentur')
    const record = page.getByRole('list', { name: /^Verified claims by Koreanische Zentrale Nachrichtenagentur/ })
    // What a screen reader hears: each label with its number.
    expect(await record.getByRole('listitem').allTextContents()).toEqual([
      'True: 2',
      'Mostly true: 0',
      'Mixed: 0',
      'Misleading: 0',
      'Mostly false: 0',
      'False: 0',
      'Unverifiable: 0',
    ])
    // A zero keeps a visible hairline; the largest count fills the track.
    const widths = await record
      .locator('.count-chart-bar')
      .evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().width))
    expect(widths[0]).toBeGreaterThan(100)
    expect(widths.slice(1).every((w) => w >= 2 && w <= 4)).toBe(true)
    await expectNoAxeViolations(page, { label: 'speaker page with its verdict record' })
    await screenshot(page, 'speaker-verdict-record')

    await record.getByRole('link', { name: /True/ }).click()
    await page.waitForURL((url) => url.pathname === '/claims')
    const query = new URL(page.url()).searchParams
    expect(Object.fromEntries(query)).toEqual({ speaker: String(id), verdict: 'true', status: 'verified' })
    await page.getByText('2 claims match the filters').waitFor()
  })

  it('says so when a speaker has no verified claims yet', async () => {
    const page = await signedIn('viewer')
    await openSpeaker(page, 'Wladimir Putin')
    await page.getByText('No verified claims yet').waitFor()
    expect(await page.locator('.count-chart').count()).toBe(0)
    // Viewers get no way to merge.
    expect(await page.getByRole('link', { name: 'Merge into another speaker…' }).count()).toBe(0)
  })
})

describe('merging a duplicate speaker', () => {
  it('moves the claims after a preview, and the old page leads to the target', async () => {
    const page = await signedIn('editor')
    const duplicate = `S. Schoigu ${run}`
    const texts = [`Schoigu: Die Übung diente der Verteidigung (${run})`, `Schoigu lobte die Armee Nordkoreas (${run})`]
    await claimByNewSpeaker(page, texts[0]!, duplicate)
    await claimBy(page, texts[1]!, duplicate)
    const duplicateId = await openSpeaker(page, duplicate)

    await page.getByRole('link', { name: 'Merge into another speaker…' }).click()
    await page.waitForURL(`**/speakers/${duplicateId}/merge`)
    await waitForHydration(page)
    await page.getByRole('heading', { name: `Merge ${duplicate}` }).waitFor()

    // The picker suggests other speakers, never the one being merged.
    const field = page.getByLabel('Merge into')
    await field.pressSequentially('Schoig', { delay: 30 })
    const options = page.locator('#into-suggestions option')
    await expect
      .poll(() => options.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
      .toContain('Sergej Schoigu')
    expect(await options.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).not.toContain(duplicate)
    await field.fill('Sergej Schoigu')
    await page.getByRole('button', { name: 'Preview the merge' }).click()

    await page.waitForURL((url) => url.searchParams.get('into') === 'Sergej Schoigu')
    const preview = page.getByRole('region', { name: /^2\. Merge/ })
    await preview.getByText('2 claims move').waitFor()
    await preview.getByText(`“${duplicate}”`).waitFor()
    for (const text of texts) await preview.getByRole('link', { name: new RegExp(text.slice(0, 30)) }).waitFor()
    await preview.getByText('links to its page lead to Sergej Schoigu').waitFor()
    await expectNoAxeViolations(page, { label: 'merge preview' })
    await screenshot(page, 'speaker-merge-preview')

    await preview.getByRole('button', { name: 'Merge into Sergej Schoigu' }).click()
    await page.waitForURL((url) => url.searchParams.get('merged') === String(duplicateId))
    await waitForHydration(page)
    await page.getByRole('heading', { level: 1, name: 'Sergej Schoigu' }).waitFor()
    await page
      .getByRole('status')
      .getByText(`“${duplicate}” (#${duplicateId}) was merged into Sergej Schoigu`)
      .waitFor()
    const claims = page.getByRole('region', { name: /^Claims/ })
    for (const text of texts) await claims.getByRole('link', { name: text }).waitFor()
    await page.getByRole('region', { name: 'Also written as' }).getByText(duplicate, { exact: true }).waitFor()
    await screenshot(page, 'speaker-after-merge')

    // The duplicate is gone from the list, and its old address leads here.
    await visit(page, `/speakers?q=${encodeURIComponent(duplicate)}`)
    await page.getByRole('link', { name: 'Sergej Schoigu', exact: true }).waitFor()
    expect(await page.getByRole('link', { name: duplicate, exact: true }).count()).toBe(0)
    await visit(page, `/speakers/${duplicateId}`)
    expect(new URL(page.url()).pathname).not.toBe(`/speakers/${duplicateId}`)
    await page.getByRole('heading', { level: 1, name: 'Sergej Schoigu' }).waitFor()
  })

  it('works as two plain forms without JavaScript, and refuses a stale preview', async () => {
    const page = await signedIn('editor', { javaScriptEnabled: false })
    const duplicate = `Kim Jong-un (KCNA-Schreibweise ${run})`
    await claimByNewSpeaker(page, `Kim: Die Raketen sind einsatzbereit (${run})`, duplicate)
    const duplicateId = await openSpeaker(page, duplicate)
    await visit(page, `/speakers/${duplicateId}/merge`)

    // A name nobody has gets a message next to the field and keeps what was typed.
    await page.getByLabel('Merge into').fill('Kim Jong Ill')
    await page.getByRole('button', { name: 'Preview the merge' }).click()
    await page.getByText('No speaker is called “Kim Jong Ill”').waitFor()
    expect(await page.getByLabel('Merge into').inputValue()).toBe('Kim Jong Ill')

    await page.getByLabel('Merge into').fill('kim jong un')
    await page.getByRole('button', { name: 'Preview the merge' }).click()
    await page.getByText('1 claim moves').waitFor()

    // A colleague edits the target while the preview is open.
    const colleague = await signedIn('editor2')
    const kimId = await openSpeaker(colleague, 'Kim Jong-un')
    await visit(colleague, `/speakers/${kimId}/edit`)
    await colleague.getByLabel('Organisation').fill(`Partei der Arbeit Koreas (${run})`)
    await colleague.getByRole('button', { name: 'Save changes' }).click()
    await colleague.waitForURL(`**/speakers/${kimId}`)

    await page.getByRole('button', { name: 'Merge into Kim Jong-un' }).click()
    await page.getByRole('alert').getByText('so nothing was merged').waitFor()
    // The preview shown with the message is the current one; confirming again merges.
    await page
      .getByRole('cell', { name: `Partei der Arbeit Koreas (${run})` })
      .first()
      .waitFor()
    await page.getByRole('button', { name: 'Merge into Kim Jong-un' }).click()
    await page.waitForURL((url) => url.pathname === `/speakers/${kimId}`)
    await page.getByRole('link', { name: `Kim: Die Raketen sind einsatzbereit (${run})` }).waitFor()
  })
})

describe('the activity page', () => {
  it('lists the desk’s events and filters them by type', async () => {
    const page = await signedIn('viewer')
    await visit(page, '/')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click()
    await page.waitForURL('**/activity')
    await waitForHydration(page)
    await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor()
    const events = page.getByRole('region', { name: 'Events' }).locator('ol > li')
    expect(await events.count()).toBe(50)
    await page.getByRole('link', { name: 'Older events →' }).waitFor()

    await page.getByLabel('What happened').selectOption({ label: 'merged the speaker' })
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL((url) => url.searchParams.get('type') === 'speaker_merged')
    await page.getByText('matching the filters').waitFor()
    // The merges above: two claims from S. Schoigu, one from the KCNA spelling.
    await expect.poll(() => events.count()).toBe(3)
    for (const text of await events.allInnerTexts()) expect(text).toContain('merged the speaker')
    const schoigu = events.filter({ hasText: `S. Schoigu ${run}` })
    expect(await schoigu.count()).toBe(2)
    await schoigu
      .first()
      .locator('del', { hasText: `S. Schoigu ${run}` })
      .waitFor()
    await schoigu
      .first()
      .locator('ins', { hasText: /^Sergej Schoigu \(#\d+\)$/ })
      .waitFor()
    expect(await page.getByRole('link', { name: 'Older events →' }).count()).toBe(0)
    await expectNoAxeViolations(page, { label: 'activity filtered by type' })
    await screenshot(page, 'activity-merges')

    // A claim number that is not one gets a message, and the other filter still applies.
    await page.getByLabel('Claim number').fill('zwölf')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.getByText('A claim number looks like 12 or #12.').waitFor()
    await expect.poll(() => events.count()).toBe(3)

    await page.getByRole('link', { name: 'Clear', exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/activity' && url.search === '')
    await expect.poll(() => events.count()).toBe(50)
    expect(await page.getByLabel('What happened').inputValue()).toBe('')
    expect(await page.getByLabel('Claim number').inputValue()).toBe('')
    await expectNoAxeViolations(page, { label: 'activity' })
    await screenshot(page, 'activity')
  })
})
