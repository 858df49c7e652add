// Browser-test harness: a production server on a throwaway database, Debian's Chromium
// through playwright-core, and small helpers a test reads like a user's steps.
//
// The server is the real one (server/index.ts with NODE_ENV=production, serving build/),
// so `npm run build` must have run first; `npm run test:e2e` does that.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'

import { repoRoot, startServer, type RunningServer } from '#test/helpers/server-process.ts'

export { repoRoot, startServer, type RunningServer }

const here = path.dirname(fileURLToPath(import.meta.url))
export const screenshotDir = path.join(here, 'screenshots')

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
export const viewport = { width: 1280, height: 900 }

import { demoPassword, demoUsers } from '#seeds/demo-accounts.ts'

export { demoPassword, demoUsers }

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}; install Debian's chromium package (apt-get install chromium).`)
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
}

const noJavaScript = new WeakSet<Page>()

export type E2EApp = {
  server: RunningServer
  browser: Browser
  /** A fresh browser context (own cookies) at 1280x900, and a page in it. */
  /** `bypassCSP` turns the page's Content-Security-Policy off, for tests that must see what it would hide. */
  newPage: (options?: { javaScriptEnabled?: boolean; bypassCSP?: boolean }) => Promise<Page>
  /** Uncaught exceptions thrown in any page since the last call. */
  takePageErrors: () => string[]
  stop: () => Promise<void>
}

/** Server + browser, for a test file's beforeAll; call stop() in afterAll. */
export async function startApp(): Promise<E2EApp> {
  const server = await startServer()
  let browser: Browser
  try {
    browser = await launchBrowser()
  } catch (error) {
    await server.stop()
    throw error
  }
  const contexts: BrowserContext[] = []
  let pageErrors: string[] = []
  return {
    server,
    browser,
    async newPage({ javaScriptEnabled = true, bypassCSP = false } = {}) {
      const context = await browser.newContext({ baseURL: server.baseUrl, viewport, javaScriptEnabled, bypassCSP })
      contexts.push(context)
      const page = await context.newPage()
      if (!javaScriptEnabled) noJavaScript.add(page)
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`))
      return page
    },
    takePageErrors() {
      const errors = pageErrors
      pageErrors = []
      return errors
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => {})
      await browser.close().catch(() => {})
      await server.stop()
    },
  }
}

/**
 * Waits until Remix has hydrated the page, so clicks go through client-side handlers
 * (form validation, fetchers) rather than racing them. Pages without JavaScript return at once.
 */
export async function waitForHydration(page: Page) {
  await page.waitForLoadState('load')
  if (noJavaScript.has(page)) return
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __remixRouter?: { state: { initialized: boolean } } }
      const main = document.querySelector('main')
      return (
        w.__remixRouter?.state.initialized === true &&
        main !== null &&
        Object.keys(main).some((key) => key.startsWith('__reactProps$'))
      )
    },
    undefined,
    { timeout: 15_000 },
  )
}

/** Navigates and waits for hydration; returns the HTTP status of the document. */
export async function visit(page: Page, url: string): Promise<number> {
  const response = await page.goto(url)
  await waitForHydration(page)
  return response?.status() ?? 0
}

/**
 * Signs in through the login form, as a person would. Stays on the login page if the
 * browser is already there (so a ?redirectTo= is honoured), otherwise opens it.
 */
export async function login(page: Page, email: string, password = demoPassword) {
  if (new URL(page.url(), 'http://x').pathname !== '/login') await visit(page, '/login')
  else await waitForHydration(page)
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
  await waitForHydration(page)
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).click()
  await page.waitForURL((url) => url.pathname === '/login')
}

/** A full-page PNG at test/e2e/screenshots/NAME.png (git-ignored). */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' })
}

const require = createRequire(import.meta.url)
let axeSource: string | undefined

type AxeNode = { target: unknown[]; html: string; failureSummary?: string }
type AxeViolation = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: AxeNode[] }

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now; returns a readable
 * list of the violations, or null when there are none.
 */
export async function axeViolationReport(page: Page, { label }: { label?: string } = {}): Promise<string | null> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  const loaded = await page.evaluate(() => 'axe' in window)
  // Evaluated through the DevTools protocol: an injected <script> would be refused by the CSP.
  if (!loaded) await page.evaluate(axeSource)
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: unknown[] }> } }
    ).axe
    const results = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })
    return results.violations
  })) as AxeViolation[]
  if (violations.length === 0) return null
  const where = label ?? new URL(page.url()).pathname
  const report = violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => {
          const summary = (n.failureSummary ?? '')
            .split('\n')
            .map((line) => `        ${line}`)
            .join('\n')
          return `    - ${n.target.map(String).join(' ')}\n      ${n.html.slice(0, 200)}\n${summary}`
        })
        .join('\n')
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : ''
      return `  ${v.id} [${v.impact ?? 'n/a'}]: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})\n    ${v.helpUrl}\n${nodes}${more}`
    })
    .join('\n')
  return `Accessibility (WCAG 2 A/AA) violations on ${where}:\n${report}`
}

/**
 * Fails the test with the list of axe violations, if any. With `soft`, the failure is
 * recorded and the test carries on, so one contrast problem does not hide what follows.
 */
export async function expectNoAxeViolations(
  page: Page,
  { label, soft = false }: { label?: string; soft?: boolean } = {},
) {
  const report = await axeViolationReport(page, { label })
  if (report === null) return
  if (soft) expect.soft(report, 'no WCAG A/AA violations').toBeNull()
  else throw new Error(report)
}

/** "12 claims" / "1 claim" from the claims list's count line. */
export async function claimCount(page: Page): Promise<number> {
  await visit(page, '/claims')
  const text = (await page.locator('.list-meta > span').innerText()).trim()
  const match = /^(\d+) claims?/.exec(text)
  if (!match) throw new Error(`Could not read the number of claims from “${text}”.`)
  return Number(match[1])
}

/** The numeric id at the end of /claims/123 (or /claims/123/edit). */
export function claimIdFrom(page: Page): number {
  const match = /\/claims\/(\d+)/.exec(new URL(page.url()).pathname)
  if (!match) throw new Error(`${page.url()} is not a claim page.`)
  return Number(match[1])
}

/** Creates a claim with only its text filled in; returns its id. The page must be an editor's. */
export async function createSimpleClaim(page: Page, text: string): Promise<number> {
  await visit(page, '/claims/new')
  await page.getByLabel('Claim', { exact: true }).fill(text)
  await page.getByRole('button', { name: 'Create claim' }).click()
  await page.waitForURL(/\/claims\/\d+$/)
  await waitForHydration(page)
  return claimIdFrom(page)
}

/**
 * One app per test file: started before its first test and stopped after its last. Every
 * test fails on an uncaught error in the browser, and a failing test prints the server's
 * recent output.
 */
export function appForThisFile() {
  let app: E2EApp | undefined
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.stop()
  })
  beforeEach(({ onTestFailed }) => {
    app?.takePageErrors()
    onTestFailed(() => {
      console.error(`--- server output (last 4000 characters) ---\n${(app?.server.log() ?? '').slice(-4000)}`)
    })
  })
  afterEach(() => {
    expect(app?.takePageErrors() ?? [], 'uncaught errors in the browser').toEqual([])
  })
  const running = () => {
    if (!app) throw new Error('The app starts in beforeAll; use it inside a test.')
    return app
  }
  return {
    get app() {
      return running()
    },
    /** A new browser page signed in as one of the demo users. */
    async signedIn(user: keyof typeof demoUsers, options?: { javaScriptEnabled?: boolean }) {
      const page = await running().newPage(options)
      await login(page, demoUsers[user].email)
      return page
    },
  }
}
