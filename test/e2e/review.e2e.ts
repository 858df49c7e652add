// A check from start to approval as two editors work it: evidence attached and removed,
// the review steps with their refusals, a race between two editors, and assignment.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  appForThisFile,
  createSimpleClaim,
  demoUsers,
  expectNoAxeViolations,
  screenshot,
  visit,
  waitForHydration,
} from './helpers.ts'

const desk = appForThisFile()
const { signedIn } = desk
const run = Date.now().toString(36)

const evidenceSection = (page: Page) => page.getByRole('region', { name: 'Evidence' })
const checkSection = (page: Page) => page.getByRole('region', { name: 'Check' })
const historySection = (page: Page) => page.getByRole('region', { name: 'History' })

async function attachNewSource(page: Page, title: string, url: string, role = 'Supports') {
  const section = evidenceSection(page)
  await section.locator('summary', { hasText: 'Attach evidence' }).click()
  await section.getByLabel('What the source does').selectOption({ label: role })
  await section.getByLabel('New source: add it with the details below').check()
  await section.getByLabel('New source title').fill(title)
  await section.getByLabel('New source URL').fill(url)
  await section.getByLabel('Note (optional)').fill('Official figure on page 2.')
  await section.getByRole('button', { name: 'Attach evidence' }).click()
  await section.getByRole('link', { name: title }).waitFor()
}

async function giveVerdict(page: Page, claimId: number) {
  await visit(page, `/claims/${claimId}/edit`)
  await page.getByLabel('Verdict').selectOption({ label: 'Mostly false' })
  await page.getByLabel('Rationale').fill('The ministry’s own figure is far lower than claimed.')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await page.waitForURL(new RegExp(`/claims/${claimId}$`))
  await waitForHydration(page)
}

async function move(page: Page, label: string, reason?: string) {
  const section = checkSection(page)
  if (reason !== undefined) await section.getByLabel('Reason or note').fill(reason)
  await section.getByRole('button', { name: label, exact: true }).click()
}

describe('evidence', () => {
  it('attaches an existing source and a new one inline, then removes one with history', async () => {
    const page = await signedIn('editor')
    const claimId = await createSimpleClaim(page, `Evidence claim ${run}`)
    const section = evidenceSection(page)

    await section.locator('summary', { hasText: 'Attach evidence' }).click()
    await section.getByRole('button', { name: 'Attach evidence' }).click()
    await expect
      .poll(() => section.locator('.field-errors').allTextContents())
      .toContain('Name the source: pick one on the desk, or tick “New source” and describe it.')

    await section.getByLabel('What the source does').selectOption({ label: 'Context' })
    await section
      .getByLabel('Source', { exact: true })
      .fill('Schoigu in Nordkorea: Propaganda-Show zum 70. Jahrestag des Koreakriegsendes')
    await section.getByLabel('Source', { exact: true }).blur()
    await section.getByRole('button', { name: 'Attach evidence' }).click()
    await section.locator('.badge.role-context').waitFor()

    await attachNewSource(page, `Ministry figures ${run}`, `https://example.org/figures-${run}`)
    await expect.poll(() => section.locator('.badge.role-supports').count()).toBe(1)
    await section.getByText('Official figure on page 2.').waitFor()
    await screenshot(page, 'claim-evidence')
    await expectNoAxeViolations(page, { label: 'claim page with evidence' })

    await section.getByRole('button', { name: `Remove evidence “Ministry figures ${run}”` }).click()
    await expect.poll(() => section.getByRole('link', { name: `Ministry figures ${run}` }).count()).toBe(0)
    await historySection(page).getByText('removed evidence').first().waitFor()
    await historySection(page).getByText(`Ministry figures ${run} (#`).first().waitFor()

    await page.reload()
    await expect
      .poll(() =>
        evidenceSection(page)
          .getByRole('link', { name: `Ministry figures ${run}` })
          .count(),
      )
      .toBe(0)
    expect(claimId).toBeGreaterThan(0)
  })
})

describe('review workflow', () => {
  it('refuses an incomplete check, submits it, refuses self-approval and lets a second editor approve', async () => {
    const editor = await signedIn('editor')
    const claimId = await createSimpleClaim(editor, `Review claim ${run}`)
    await move(editor, 'Start research')
    await checkSection(editor).getByText('Researching', { exact: true }).waitFor()

    await move(editor, 'Submit for review')
    await expect
      .poll(() => checkSection(editor).getByRole('alert').innerText())
      .toContain('Before review the claim needs a verdict, a rationale and at least one evidence source')

    await giveVerdict(editor, claimId)
    await attachNewSource(editor, `Review evidence ${run}`, `https://example.org/review-${run}`, 'Refutes')
    await move(editor, 'Submit for review')
    await checkSection(editor).getByText('In review', { exact: true }).waitFor()

    await expect
      .poll(() => checkSection(editor).innerText())
      .toContain('You submitted this check, so another editor has to approve it.')
    await move(editor, 'Approve')
    await expect
      .poll(() => checkSection(editor).getByRole('alert').innerText())
      .toContain('You submitted this check, so another editor has to approve it.')
    await editor.reload()
    await checkSection(editor).getByText('In review', { exact: true }).waitFor()
    await screenshot(editor, 'claim-review-refused')

    const second = await signedIn('editor2')
    await visit(second, `/claims/${claimId}`)
    await move(second, 'Approve')
    await checkSection(second).getByText('Verified', { exact: true }).waitFor()
    await expect
      .poll(() => checkSection(second).locator('dt:text-is("Approved by") + dd').innerText())
      .toContain(demoUsers.editor2.name)
    await historySection(second).getByText('changed the status').first().waitFor()
    await screenshot(second, 'claim-verified')
    await expectNoAxeViolations(second, { label: 'verified claim' })
  })

  it('asks for a reason to send back, and tells the slower of two editors that the claim changed', async () => {
    const editor = await signedIn('editor')
    const claimId = await createSimpleClaim(editor, `Race claim ${run}`)
    await move(editor, 'Start research')
    await checkSection(editor).getByText('Researching', { exact: true }).waitFor()

    const second = await signedIn('editor2')
    await visit(second, `/claims/${claimId}`)

    await move(editor, 'Reject', '')
    await expect
      .poll(() => checkSection(editor).locator('.field-errors').innerText())
      .toContain('Say why the claim is rejected.')
    await move(editor, 'Reject', 'Opinion, not a checkable statement.')
    await checkSection(editor).getByText('Rejected', { exact: true }).waitFor()

    await move(second, 'Reject', 'Out of scope for the desk.')
    await expect
      .poll(() => checkSection(second).getByRole('alert').innerText())
      .toContain('Someone changed this claim since you opened it, so nothing was done.')
    await second.reload()
    await historySection(second).getByText('Opinion, not a checkable statement.').waitFor()
    await expect.poll(() => historySection(second).getByText('Out of scope for the desk.').count()).toBe(0)

    await move(second, 'Send back to research', 'Checkable after all: the figure is public.')
    await checkSection(second).getByText('Researching', { exact: true }).waitFor()
  })
})

describe('assignment', () => {
  it('assigns a claim and shows it on the assignee’s desk', async () => {
    const editor = await signedIn('editor')
    const claimId = await createSimpleClaim(editor, `Assigned claim ${run}`)
    await checkSection(editor).getByLabel('Assign to').selectOption({ label: demoUsers.editor2.name })
    await checkSection(editor).getByRole('button', { name: 'Assign' }).click()
    await expect.poll(() => checkSection(editor).locator('dd').nth(2).innerText()).toBe(demoUsers.editor2.name)
    await historySection(editor).getByText('changed the assignee').first().waitFor()

    const second = await signedIn('editor2')
    await visit(second, '/')
    await second
      .getByRole('region', { name: 'Assigned to me' })
      .getByRole('link', { name: `Assigned claim ${run}` })
      .waitFor()
    expect(claimId).toBeGreaterThan(0)
  })
})
