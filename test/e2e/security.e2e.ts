// The desk's defences as a browser and an attacker meet them over HTTP (decision 019):
// security headers and the CSP nonce, cookie flags and session rotation, cross-site and
// unreadable writes, sign-in throttling, the request log and the audit page.
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { deskSession, signInOverHttp } from '#test/helpers/desk-http.ts'
import { appForThisFile, demoPassword, demoUsers, expectNoAxeViolations, login, screenshot, visit } from './helpers.ts'

const desk = appForThisFile()
const { signedIn } = desk

const url = (path: string) => `${desk.app.server.baseUrl}${path}`
const sameOrigin = () => ({ Origin: desk.app.server.baseUrl })

function form(fields: Record<string, string>) {
  return new URLSearchParams(fields).toString()
}

/** POST /login as the login form does, from a browser holding `cookie`; the raw answer. */
async function postLogin(email: string, password = demoPassword, cookie = '') {
  const response = await deskSession(desk.app.server.baseUrl, cookie).post('/login', { email, password })
  return { response, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]! }
}

const signInAs = async (email: string) => (await signInOverHttp(desk.app.server.baseUrl, email)).cookie

function claimCount() {
  const db = new Database(desk.app.server.databaseFile, { readonly: true })
  try {
    return (db.prepare('select count(*) as n from claims').get() as { n: number }).n
  } finally {
    db.close()
  }
}

function postNewClaim(
  cookie: string,
  headers: Record<string, string>,
  body = form({ text: 'Planted by another site' }),
) {
  return fetch(url('/claims/new'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, ...headers },
    body,
  })
}

/** Records every Content-Security-Policy complaint the page makes. */
function watchCsp(page: Page) {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`)
  })
  return violations
}

describe('headers and the Content-Security-Policy', () => {
  it('sends a fresh nonce with every page, and every script the page holds carries it', async () => {
    const first = await fetch(url('/login'))
    const second = await fetch(url('/login'))
    const policy = first.headers.get('content-security-policy') ?? ''
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
    expect(nonce).toBeTruthy()
    expect(second.headers.get('content-security-policy')).not.toContain(nonce)
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("object-src 'none'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("script-src-attr 'none'")

    const html = await first.text()
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`)

    expect(first.headers.get('x-frame-options')).toBe('DENY')
    expect(first.headers.get('x-content-type-options')).toBe('nosniff')
    expect(first.headers.get('referrer-policy')).toBe('same-origin')
    expect(first.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(first.headers.get('permissions-policy')).toContain('camera=()')
    expect(first.headers.get('x-powered-by')).toBeNull()
    expect(first.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('the pages run under the policy without a single violation', async () => {
    const page = await desk.app.newPage()
    const violations = watchCsp(page)
    await login(page, demoUsers.admin.email)
    for (const path of ['/', '/claims', '/claims/1', '/speakers', '/sources/1', '/activity', '/export', '/import']) {
      await visit(page, path)
    }
    await visit(page, '/admin/audit')
    expect(violations).toEqual([])
  })
})

describe('sessions', () => {
  it('cookies are httpOnly and SameSite=Lax, and signing in replaces the session id', async () => {
    const first = await postLogin(demoUsers.viewer.email)
    expect(first.response.status).toBe(302)
    const setCookie = first.response.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toMatch(/Path=\//i)

    // Signing in again from a browser that still holds the first id (planted, say).
    const second = await postLogin(demoUsers.viewer.email, demoPassword, first.cookie)
    expect(second.cookie).not.toBe(first.cookie)
    const withOld = await fetch(url('/claims'), { redirect: 'manual', headers: { Cookie: first.cookie } })
    expect(withOld.status).toBe(302)
    expect(withOld.headers.get('location')).toMatch(/^\/login/)
    const withNew = await fetch(url('/claims'), { redirect: 'manual', headers: { Cookie: second.cookie } })
    expect(withNew.status).toBe(200)
  })
})

describe('writes the desk refuses before they reach it', () => {
  it('a POST from another site is refused with a message and changes nothing; the desk’s own form goes through', async () => {
    const cookie = await signInAs(demoUsers.editor.email)
    const before = claimCount()
    const attacks: Array<Record<string, string>> = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site', Origin: desk.app.server.baseUrl },
      { Referer: 'https://evil.example/page.html' },
    ]
    for (const headers of attacks) {
      const response = await postNewClaim(cookie, headers)
      expect(response.status, JSON.stringify(headers)).toBe(403)
      expect(await response.text()).toMatch(/sent from another site.*Nothing was changed/)
    }
    expect(claimCount()).toBe(before)

    const own = await postNewClaim(
      cookie,
      { ...sameOrigin(), 'Sec-Fetch-Site': 'same-origin' },
      form({ text: 'Ein eigener Anspruch', language: 'de' }),
    )
    expect(own.status).toBe(302)
    expect(claimCount()).toBe(before + 1)
  })

  it('bodies that are not forms get 415, oversized forms 413, and nothing is written', async () => {
    const cookie = await signInAs(demoUsers.editor.email)
    const before = claimCount()
    const json = await fetch(url('/claims/new'), {
      method: 'POST',
      headers: { ...sameOrigin(), Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'As JSON' }),
    })
    expect(json.status).toBe(415)
    expect(await json.text()).toMatch(/only takes forms.*“application\/json”/)
    const plain = await fetch(url('/claims/new'), {
      method: 'POST',
      headers: { ...sameOrigin(), Cookie: cookie, 'Content-Type': 'text/plain' },
      body: 'text=As plain text',
    })
    expect(plain.status).toBe(415)
    const huge = await postNewClaim(cookie, sameOrigin(), form({ text: 'x'.repeat(9 * 1024 * 1024) }))
    expect(huge.status).toBe(413)
    expect(await huge.text()).toMatch(/up to 8 MB/)
    expect(claimCount()).toBe(before)
  })
})

describe('sign-in throttling', () => {
  it('five wrong passwords pause the account with a clear message, even for the right one', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const { response } = await postLogin(demoUsers.editor2.email, 'wrong password')
      expect(response.status).toBe(400)
    }
    const fifth = await postLogin(demoUsers.editor2.email, 'wrong password')
    expect(fifth.response.status).toBe(429)
    expect(Number(fifth.response.headers.get('retry-after'))).toBeGreaterThan(800)

    const page = await desk.app.newPage()
    await visit(page, '/login')
    await page.getByLabel('E-mail').fill(demoUsers.editor2.email)
    await page.getByLabel('Password').fill(demoPassword)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/Too many failed sign-ins for this account\. Sign-in is paused: try again in 1[45] minutes/)
    expect(new URL(page.url()).pathname).toBe('/login')
    await screenshot(page, 'security-login-throttled')

    // The colleague calls the admin, who sees the pause and the refusals, and lifts it.
    const admin = await signedIn('admin')
    await visit(admin, '/admin/audit')
    const refused = admin.getByRole('row', { name: /Sign-in refused: too many failures/ })
    expect(await refused.count()).toBe(1)
    expect(await refused.textContent()).toContain(demoUsers.editor2.email)
    await visit(admin, '/admin/users')
    const row = admin.getByRole('row', { name: new RegExp(demoUsers.editor2.name) })
    expect(await row.textContent()).toContain('Sign-in paused')
    await screenshot(admin, 'security-pause-shown')
    await row.getByRole('button', { name: `Lift the sign-in pause of ${demoUsers.editor2.name}` }).click()
    await expect.poll(() => admin.getByRole('status').textContent()).toContain('Saved.')
    // The notice comes with the action's answer; the row changes once the page reloads its data.
    await expect.poll(() => row.textContent()).not.toContain('Sign-in paused')
    await screenshot(admin, 'security-pause-lifted')

    await login(page, demoUsers.editor2.email)
    expect(new URL(page.url()).pathname).toBe('/')
  })
})

describe('request log and audit', () => {
  it('logs one JSON line per request with method, path, status, duration and user, without the query', async () => {
    const cookie = await signInAs(demoUsers.viewer.email)
    await fetch(url('/claims?q=geheime+Suche'), { headers: { Cookie: cookie } })
    const lines = desk.app.server
      .log()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    const search = lines.find((line) => line.path === '/claims' && line.method === 'GET' && line.userId)
    expect(search).toMatchObject({ method: 'GET', path: '/claims', status: 200, userId: expect.any(String) })
    expect(search!.durationMs).toEqual(expect.any(Number))
    expect(desk.app.server.log()).not.toContain('geheime')
    expect(lines.some((line) => line.audit === 'sign_in' && line.email === demoUsers.viewer.email)).toBe(true)
  })

  it('an admin changes a role and finds it, and the sign-ins, in the audit log', async () => {
    const page = await signedIn('admin')
    const violations = watchCsp(page)
    await visit(page, '/admin/users')
    const viewerName = demoUsers.viewer.name
    await page.getByLabel(`Role of ${viewerName}`).selectOption({ label: 'Editor' })
    const row = page.getByRole('row', { name: new RegExp(viewerName) })
    await row.getByRole('button', { name: 'Change role' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved.')

    await page.getByRole('link', { name: 'Audit log' }).click()
    await page.waitForURL(/\/admin\/audit$/)
    const roleRow = page.getByRole('row', { name: /Role changed/ }).first()
    await expect.poll(() => roleRow.textContent()).toContain('Viewer → Editor')
    expect(await roleRow.textContent()).toContain(demoUsers.admin.name)

    await page.getByLabel('What happened').selectOption({ label: 'Signed in' })
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/action=sign_in$/)
    const rows = page.locator('table.audit-log tbody tr')
    expect(await rows.count()).toBeGreaterThan(0)
    for (const text of await rows.allTextContents()) expect(text).toContain('Signed in')
    await expectNoAxeViolations(page)
    await screenshot(page, 'security-audit-log')
    expect(violations).toEqual([])

    // Put the demo viewer back for the rest of the suite's files (each has its own server, but be tidy).
    await visit(page, '/admin/users')
    await page.getByLabel(`Role of ${viewerName}`).selectOption({ label: 'Viewer' })
    await page
      .getByRole('row', { name: new RegExp(viewerName) })
      .getByRole('button', { name: 'Change role' })
      .click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved.')
  })

  it('an editor gets 403 from the audit page, by link or by hand', async () => {
    const page = await signedIn('editor')
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0)
    expect(await visit(page, '/admin/audit')).toBe(403)
  })
})
