// The desk as people use it: signing in, logging and checking claims, two editors on
// one claim, the trash, roles, user admin — plus WCAG A/AA checks and screenshots of
// every main screen. Runs against a production build on a throwaway database.
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  appForThisFile,
  claimCount,
  createSimpleClaim,
  demoUsers,
  expectNoAxeViolations,
  login,
  logout,
  screenshot,
  visit,
  waitForHydration,
} from './helpers.ts'

const desk = appForThisFile()
const { signedIn } = desk
const run = Date.now().toString(36)

/** The `.field` wrapper of a labelled control, where its label, hint and errors live. */
function fieldOf(page: Page, label: string) {
  return page.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) })
}

describe('signing in and out', () => {
  it('rejects a wrong password with the generic message, then signs in', async () => {
    const page = await desk.app.newPage()
    await visit(page, '/login')
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()

    await page.getByLabel('E-mail').fill(demoUsers.editor.email)
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('E-mail or password is not right.').waitFor()
    expect(new URL(page.url()).pathname).toBe('/login')
    // The e-mail stays for a second try.
    expect(await page.getByLabel('E-mail').inputValue()).toBe(demoUsers.editor.email)
    await expectNoAxeViolations(page, { label: 'login with an error', soft: true })
    await screenshot(page, 'login-error')

    // An unknown account gets exactly the same answer.
    await page.getByLabel('E-mail').fill('nobody@claimdesk.example')
    await page.getByLabel('Password').fill('claimdesk-demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('E-mail or password is not right.').waitFor()

    await login(page, demoUsers.editor.email)
    expect(new URL(page.url()).pathname).toBe('/')
    await page.getByRole('heading', { name: 'Good to see you, Jonas' }).waitFor()
    await page.getByText('Jonas Weber').first().waitFor()
  })

  it('sends an anonymous visitor to the login page and back to where they were going', async () => {
    const page = await desk.app.newPage()
    await visit(page, '/claims?status=new')
    const url = new URL(page.url())
    expect(url.pathname).toBe('/login')
    expect(url.searchParams.get('redirectTo')).toBe('/claims?status=new')
    await login(page, demoUsers.editor2.email)
    const back = new URL(page.url())
    expect(back.pathname).toBe('/claims')
    expect(back.searchParams.get('status')).toBe('new')
    await page.getByRole('heading', { name: 'Claims', exact: true }).waitFor()
  })

  it('logs out to the login page, and the session is gone', async () => {
    const page = await signedIn('editor')
    await logout(page)
    expect(new URL(page.url()).pathname).toBe('/login')
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await visit(page, '/claims')
    expect(new URL(page.url()).pathname).toBe('/login')
  })
})

describe('working on claims', () => {
  it('creates a claim with a new speaker and a new source', async () => {
    const page = await signedIn('editor')
    const before = await claimCount(page)
    await page.getByRole('link', { name: '+ New claim' }).click()
    await page.waitForURL('**/claims/new')
    await waitForHydration(page)

    const text = `Die Bahn war 2024 pünktlicher als je zuvor (${run})`
    const speaker = `Karla Neumann ${run}`
    const sourceTitle = `Interview im Morgenmagazin ${run}`
    await page.getByLabel('Claim', { exact: true }).fill(text)
    await page.getByLabel('Exact quote (optional)').fill('Noch nie war die Bahn so pünktlich.')
    await page.getByLabel('Language').fill('de')
    await page.getByLabel('Date made').fill('2025-01-14')
    await page.getByLabel('Tags').fill('verkehr, bahn')
    await page.getByLabel('Speaker', { exact: true }).fill(speaker)
    await page.getByLabel('New speaker: create them with this name').check()
    await page.getByLabel('Role of a new speaker (optional)').fill('Verkehrsministerin')
    await page.getByLabel('New source: add it with the details below').check()
    await page.getByLabel('New source title').fill(sourceTitle)
    await page.getByLabel('New source URL').fill(`https://example.org/morgenmagazin/${run}`)
    await page.getByLabel('Outlet').fill('ARD')
    await page.getByLabel('Published').fill('2025-01-14')
    await page.getByRole('button', { name: 'Create claim' }).click()

    await page.waitForURL(/\/claims\/\d+$/)
    await waitForHydration(page)
    await expect(page.locator('#claim-heading').innerText()).resolves.toBe(text)
    const speakerLink = page.getByRole('link', { name: speaker, exact: true })
    const sourceLink = page.getByRole('main').getByRole('link', { name: sourceTitle, exact: true }).first()
    await speakerLink.waitFor()
    await sourceLink.waitFor()
    await page.getByText('· ARD').first().waitFor()
    await page.getByRole('link', { name: 'verkehr', exact: true }).waitFor()
    await page.locator('.timeline').getByText('logged the claim').waitFor()
    expect(await claimCount(page)).toBe(before + 1)

    // The speaker and the source now exist in their own right.
    await page.goBack()
    await page.getByRole('link', { name: speaker, exact: true }).click()
    await page.waitForURL(/\/speakers\/\d+$/)
    await page.getByRole('heading', { name: speaker }).waitFor()
    await page.getByRole('link', { name: text }).waitFor()
    await visit(page, '/sources')
    await page.getByRole('link', { name: sourceTitle }).first().click()
    await page.waitForURL(/\/sources\/\d+$/)
    await page.getByRole('heading', { name: sourceTitle }).waitFor()
  })

  it('edits a claim, sets a verdict and shows the change in the history', async () => {
    const page = await signedIn('editor')
    const original = `Windkraft deckt die Hälfte des Strombedarfs (${run})`
    const id = await createSimpleClaim(page, original)
    await page.getByRole('link', { name: 'Edit', exact: true }).click()
    await page.waitForURL(`**/claims/${id}/edit`)
    await waitForHydration(page)

    const edited = `Windkraft deckte 2024 ein Drittel des Strombedarfs (${run})`
    await page.getByLabel('Claim', { exact: true }).fill(edited)
    await page.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'Mostly false' })
    await page.getByLabel('Rationale').fill('Laut Bundesnetzagentur lag der Anteil 2024 bei rund 33 Prozent.')
    await page.getByRole('button', { name: 'Save changes' }).click()

    await page.waitForURL(new RegExp(`/claims/${id}$`))
    await waitForHydration(page)
    await expect(page.locator('#claim-heading').innerText()).resolves.toBe(edited)
    const check = page.getByRole('region', { name: 'Check' })
    await check.getByText('Mostly false', { exact: true }).waitFor()
    await check.getByText('Laut Bundesnetzagentur').waitFor()

    const history = page.getByRole('region', { name: 'History' })
    const entry = history.locator('li').filter({ hasText: 'edited' }).first()
    await entry.waitFor()
    expect(await entry.innerText()).toContain('Jonas Weber')
    await entry.locator('del', { hasText: original }).waitFor()
    await entry.locator('ins', { hasText: edited }).waitFor()
    await entry.locator('dt', { hasText: 'Verdict' }).waitFor()
    await history.getByText('logged the claim').waitFor()
  })

  it('stops the second of two editors from overwriting the first one’s save', async () => {
    const first = await signedIn('editor')
    const second = await signedIn('editor2')
    const id = await createSimpleClaim(first, `Die Mieten sind in Berlin gesunken (${run})`)

    await visit(first, `/claims/${id}/edit`)
    await visit(second, `/claims/${id}/edit`)

    const firstText = `Die Mieten sind in Berlin 2024 um 2 Prozent gesunken (${run})`
    await first.getByLabel('Claim', { exact: true }).fill(firstText)
    await first.getByRole('button', { name: 'Save changes' }).click()
    await first.waitForURL(new RegExp(`/claims/${id}$`))

    const secondText = `Die Angebotsmieten in Berlin sind gestiegen (${run})`
    await second.getByLabel('Claim', { exact: true }).fill(secondText)
    await second.getByRole('button', { name: 'Save changes' }).click()

    const alert = second.getByRole('alert').filter({
      has: second.getByRole('heading', { name: 'Your changes were not saved: someone else saved this claim first' }),
    })
    await alert.waitFor()
    expect(new URL(second.url()).pathname).toBe(`/claims/${id}/edit`)
    expect(await alert.innerText()).toContain('Jonas Weber saved it at')
    const compare = alert.locator('table.compare')
    await compare.waitFor()
    const claimRow = compare.getByRole('row').filter({ has: second.getByRole('rowheader', { name: 'Claim' }) })
    const cells = claimRow.getByRole('cell')
    await expect(cells.nth(0).innerText()).resolves.toBe(firstText)
    await expect(cells.nth(1).innerText()).resolves.toBe(secondText)
    // Their own text is still in the form, so nothing typed is lost.
    expect(await second.getByLabel('Claim', { exact: true }).inputValue()).toBe(secondText)
    await expectNoAxeViolations(second, { label: 'edit form with a conflict', soft: true })
    await screenshot(second, 'claim-edit-conflict')

    // The claim keeps the first editor's text.
    await visit(first, `/claims/${id}`)
    await expect(first.locator('#claim-heading').innerText()).resolves.toBe(firstText)

    // Having seen the other version, the second editor may still decide to keep theirs.
    await second.getByRole('button', { name: 'Save changes' }).click()
    await second.waitForURL(new RegExp(`/claims/${id}$`))
    await expect(second.locator('#claim-heading').innerText()).resolves.toBe(secondText)
  })

  it('moves a claim to the trash and restores it', async () => {
    const page = await signedIn('editor')
    const text = `Jeder dritte Schüler kann nicht schwimmen (${run})`
    const id = await createSimpleClaim(page, text)

    await page.getByRole('button', { name: 'Move to trash' }).click()
    await page.waitForURL('**/claims/trash')
    await waitForHydration(page)
    await page.getByRole('link', { name: text }).waitFor()
    await visit(page, '/claims')
    expect(await page.getByRole('link', { name: text }).count()).toBe(0)

    await visit(page, '/claims/trash')
    await page.getByRole('button', { name: `Restore claim #${id}` }).click()
    await page.waitForURL(new RegExp(`/claims/${id}$`))
    await waitForHydration(page)
    await expect(page.locator('#claim-heading').innerText()).resolves.toBe(text)
    expect(await page.getByRole('heading', { name: 'This claim is in the trash' }).count()).toBe(0)
    const history = page.getByRole('region', { name: 'History' })
    await history.getByText('moved the claim to the trash').waitFor()
    await history.getByText('restored the claim from the trash').waitFor()

    await visit(page, '/claims/trash')
    expect(await page.getByRole('link', { name: text }).count()).toBe(0)
    await visit(page, '/claims')
    await page.getByRole('link', { name: text }).waitFor()
  })
})

describe('bad input on the new-claim form', () => {
  async function fillBadClaim(page: Page) {
    await page.getByLabel('Claim', { exact: true }).fill('')
    await page.getByLabel('Tags').fill('wahl, umfrage')
    await page.getByLabel('Speaker', { exact: true }).fill(`Otto Unbekannt ${run}`)
    await page.getByLabel('New speaker: create them with this name').check()
    await page.getByLabel('New source: add it with the details below').check()
    await page.getByLabel('New source title').fill(`Wahlkampfrede ${run}`)
    await page.getByLabel('New source URL').fill('not a web address')
    await page.getByRole('button', { name: 'Create claim' }).click()
  }

  async function expectErrorsNextToFieldsAndInputKept(page: Page) {
    const claimField = fieldOf(page, 'Claim')
    await claimField.getByText('The claim is required.').waitFor()
    const urlField = fieldOf(page, 'New source URL')
    await urlField.getByText('URL must be a web address starting with http:// or https://.').waitFor()

    // The errors are tied to their controls for screen readers too.
    for (const label of ['Claim', 'New source URL']) {
      const control = page.getByLabel(label, { exact: true })
      expect(await control.getAttribute('aria-invalid'), `${label} is marked invalid`).toBe('true')
      const describedBy = (await control.getAttribute('aria-describedby')) ?? ''
      const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'))
      expect(errorId, `${label} points at its error message`).toBeTruthy()
      expect(await page.locator(`[id="${errorId}"]`).innerText()).not.toBe('')
    }
    // Fields that were fine are not flagged.
    expect(await page.getByLabel('Tags').getAttribute('aria-invalid')).toBeNull()

    // Everything else the user typed is still there.
    expect(await page.getByLabel('Tags').inputValue()).toBe('wahl, umfrage')
    expect(await page.getByLabel('Speaker', { exact: true }).inputValue()).toBe(`Otto Unbekannt ${run}`)
    expect(await page.getByLabel('New speaker: create them with this name').isChecked()).toBe(true)
    expect(await page.getByLabel('New source: add it with the details below').isChecked()).toBe(true)
    expect(await page.getByLabel('New source title').inputValue()).toBe(`Wahlkampfrede ${run}`)
    expect(await page.getByLabel('New source URL').inputValue()).toBe('not a web address')
    expect(new URL(page.url()).pathname).toBe('/claims/new')
  }

  it('shows the errors next to the fields, keeps the rest and creates nothing', async () => {
    const page = await signedIn('editor')
    const before = await claimCount(page)
    await visit(page, '/claims/new')
    await fillBadClaim(page)
    await expectErrorsNextToFieldsAndInputKept(page)
    await expectNoAxeViolations(page, { label: 'new-claim form with errors', soft: true })
    await screenshot(page, 'claim-new-errors')

    expect(await claimCount(page)).toBe(before)
    await visit(page, '/speakers')
    expect(await page.getByRole('link', { name: `Otto Unbekannt ${run}` }).count()).toBe(0)
    await visit(page, '/sources')
    expect(await page.getByRole('link', { name: `Wahlkampfrede ${run}` }).count()).toBe(0)
  })

  it('the server refuses the same input when the browser runs no JavaScript', async () => {
    const page = await desk.app.newPage({ javaScriptEnabled: false })
    await login(page, demoUsers.editor.email)
    const before = await claimCount(page)
    await visit(page, '/claims/new')
    await fillBadClaim(page)
    await page.waitForLoadState('load')
    await expectErrorsNextToFieldsAndInputKept(page)
    expect(await claimCount(page)).toBe(before)
  })
})

describe('roles', () => {
  it('gives a viewer no way to create claims or manage users', async () => {
    const page = await signedIn('viewer')
    await visit(page, '/claims')
    await page.getByRole('heading', { name: 'Claims', exact: true }).waitFor()
    expect(await page.getByRole('link', { name: '+ New claim' }).count()).toBe(0)
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).count()).toBe(0)

    expect(await visit(page, '/claims/new')).toBe(403)
    await page.getByRole('heading', { name: 'You may not do that' }).waitFor()

    expect(await visit(page, '/admin/users')).toBe(403)
    await page.getByRole('heading', { name: 'You may not do that' }).waitFor()

    // A viewer reads claims but gets no edit controls.
    await visit(page, '/claims')
    await page.locator('td.claim-cell a').first().click()
    await page.waitForURL(/\/claims\/\d+$/)
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Move to trash' }).count()).toBe(0)
  })

  it('refuses the users page to an editor', async () => {
    const page = await signedIn('editor2')
    expect(await visit(page, '/admin/users')).toBe(403)
    await page.getByRole('heading', { name: 'You may not do that' }).waitFor()
  })

  it('lets an admin add a user and disable them', async () => {
    const admin = await signedIn('admin')
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click()
    await admin.waitForURL('**/admin/users')
    await waitForHydration(admin)

    const name = `Tom Becker ${run}`
    const email = `tom.becker.${run}@claimdesk.example`
    const password = 'e2e-password-long-enough'
    const form = admin.getByRole('region', { name: 'Add a user' })
    await form.getByLabel('Name').fill(name)
    await form.getByLabel('E-mail').fill(email)
    await form.getByLabel('Role').selectOption({ label: 'Editor' })
    await form.getByLabel('Initial password').fill(password)
    await form.getByRole('button', { name: 'Add user' }).click()
    await admin.getByRole('status').getByText(`${email} can now sign in.`).waitFor()
    const row = admin.getByRole('row').filter({ hasText: email })
    await row.getByText('Active', { exact: true }).waitFor()
    expect(await row.innerText()).toContain(name)
    // The form is empty again for the next person.
    expect(await form.getByLabel('Name').inputValue()).toBe('')
    await expectNoAxeViolations(admin, { label: 'admin users after adding someone', soft: true })
    await screenshot(admin, 'admin-users-added')

    // They can sign in …
    const newcomer = await desk.app.newPage()
    await login(newcomer, email, password)
    await newcomer.getByRole('heading', { name: 'Good to see you, Tom' }).waitFor()

    // … until the admin disables them.
    await row.getByRole('button', { name: `Disable ${name}` }).click()
    await row.getByText('Disabled', { exact: true }).waitFor()
    await row.getByRole('button', { name: `Enable ${name}` }).waitFor()

    await visit(newcomer, '/claims')
    expect(new URL(newcomer.url()).pathname).toBe('/login')
    await newcomer.getByLabel('E-mail').fill(email)
    await newcomer.getByLabel('Password').fill(password)
    await newcomer.getByRole('button', { name: 'Sign in' }).click()
    await newcomer.getByText('E-mail or password is not right.').waitFor()
  })
})

describe('every main screen passes WCAG 2 A/AA checks', () => {
  let editor: Page
  let admin: Page
  let viewer: Page
  let anonymous: Page
  let claimHref: string

  beforeAll(async () => {
    editor = await signedIn('editor')
    admin = await signedIn('admin')
    viewer = await signedIn('viewer')
    anonymous = await desk.app.newPage()
    // A seeded, checked claim with evidence and history, so the detail and edit pages are full.
    await visit(editor, '/claims?status=verified&sort=created&order=asc')
    claimHref = (await editor.locator('td.claim-cell > a').first().getAttribute('href')) ?? ''
    expect(claimHref).toMatch(/^\/claims\/\d+$/)
    // Something in the trash, so the table is not empty.
    await createSimpleClaim(editor, `Doppelt erfasst, bitte löschen (${run})`)
    await editor.getByRole('button', { name: 'Move to trash' }).click()
    await editor.waitForURL('**/claims/trash')
  })

  async function firstLinkIn(page: Page, listPath: string, pattern: RegExp) {
    await visit(page, listPath)
    const links = page.getByRole('main').locator('table a')
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    const href = hrefs.find((h) => pattern.test(h))
    if (!href) throw new Error(`No link matching ${pattern} on ${listPath}.`)
    return href
  }

  const screens: Array<{
    name: string
    as: 'anonymous' | 'editor' | 'admin' | 'viewer'
    path: () => Promise<string>
    heading?: string
    status?: number
  }> = [
    { name: 'login', as: 'anonymous', path: async () => '/login', heading: 'Sign in' },
    { name: 'desk', as: 'editor', path: async () => '/', heading: 'Good to see you, Jonas' },
    { name: 'claims-list', as: 'editor', path: async () => '/claims', heading: 'Claims' },
    { name: 'claim-detail', as: 'editor', path: async () => claimHref },
    { name: 'claim-new', as: 'editor', path: async () => '/claims/new', heading: 'New claim' },
    { name: 'claim-edit', as: 'editor', path: async () => `${claimHref}/edit` },
    { name: 'speakers', as: 'editor', path: async () => '/speakers', heading: 'Speakers' },
    { name: 'speaker-detail', as: 'editor', path: () => firstLinkIn(editor, '/speakers', /^\/speakers\/\d+$/) },
    { name: 'sources', as: 'editor', path: async () => '/sources', heading: 'Sources' },
    { name: 'source-detail', as: 'editor', path: () => firstLinkIn(editor, '/sources', /^\/sources\/\d+$/) },
    { name: 'trash', as: 'editor', path: async () => '/claims/trash', heading: 'Trash' },
    { name: 'admin-users', as: 'admin', path: async () => '/admin/users', heading: 'Users' },
    { name: 'forbidden', as: 'viewer', path: async () => '/admin/users', heading: 'You may not do that', status: 403 },
  ]

  it.each(screens)('$name', async ({ name, as, path, heading, status = 200 }) => {
    const page = { anonymous, editor, admin, viewer }[as]
    const target = await path()
    expect(await visit(page, target), `GET ${target}`).toBe(status)
    if (heading) await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor()
    else await page.getByRole('heading', { level: 1 }).first().waitFor()
    await screenshot(page, name)
    await expectNoAxeViolations(page, { label: `${name} (${target})` })
  })
})
