// No stored script is ever rendered as HTML: markup and script go into every field people
// type text into, through the same form posts the pages send, and every page that shows
// that text is opened in Chromium. No script may run, no injected element may exist, the
// markup must be shown as the literal text it is, and no link may lead to `javascript:`.
import type { APIResponse, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { scriptFlag } from '#test/helpers/hostile-values.ts'
import { appForThisFile, demoUsers, login, visit } from './helpers.ts'

const desk = appForThisFile()

/** Markup that would run if rendered as HTML; starts with its label, so shortened lists still show it. */
const payload = (label: string) =>
  `${label} <img src=x onerror="window.${scriptFlag}=1"><script>window.${scriptFlag}=1</script>` +
  `<svg onload="alert(1)"></svg>`
/** What the page must show as text for a payload: proof it was escaped, not parsed. */
const shown = (label: string) => `${label} <img src=x onerror=`

// Tags are lower-cased and at most 40 characters each.
const tagPayloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>']

let page: Page
const dialogs: string[] = []
const ids = { claim: 0, other: 0, trashed: 0, speaker: 0, source: 0, import: 0 }

/** A form post as the page sends it: from the desk's own origin, url-encoded, with the page's cookies. */
async function post(url: string, form: Record<string, string>): Promise<APIResponse> {
  return page.request.post(url, { form, headers: { Origin: desk.app.server.baseUrl }, maxRedirects: 0 })
}

function createdId(response: APIResponse) {
  expect(response.status(), response.statusText()).toBe(302)
  return Number(/\/(\d+)$/.exec(response.headers().location ?? '')?.[1])
}

async function expectOk(response: APIResponse) {
  expect(response.status(), (await response.text()).slice(0, 500)).toBeLessThan(400)
}

/** What on the page now shows markup turned into HTML: a script that ran, injected elements, script links. */
function inspect(on: Page = page) {
  return on.evaluate((flag) => {
    const hrefs = [...document.querySelectorAll('a[href], area[href]')].map((a) => a.getAttribute('href') ?? '')
    return {
      ran: (window as unknown as Record<string, unknown>)[flag] ?? null,
      injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
      scripts: [...document.scripts].filter((s) => (s.textContent ?? '').trim() === `window.${flag}=1`).length,
      scriptLinks: hrefs.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)),
      text: document.body.innerText,
    }
  }, scriptFlag)
}

/** Opens a page and checks that the hostile text on it stayed text. */
async function expectInert(url: string, labels: string[]) {
  expect(await visit(page, url), url).toBe(200)
  // Give an onerror or onload handler the moment it would need to fire.
  await page.waitForLoadState('networkidle')
  const found = await inspect()
  expect(found.ran, `a stored script ran on ${url}`).toBeNull()
  expect(dialogs, `a stored script opened a dialog on ${url}`).toEqual([])
  expect(found.injected, `injected elements on ${url}`).toBe(0)
  expect(found.scripts, `injected scripts on ${url}`).toBe(0)
  expect(found.scriptLinks, `script links on ${url}`).toEqual([])
  for (const label of labels) expect(found.text, `${label} is shown as text on ${url}`).toContain(shown(label))
}

beforeAll(async () => {
  page = await desk.signedIn('editor')
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })

  ids.speaker = createdId(
    await post('/speakers/new', {
      name: payload('H-speaker'),
      kind: 'person',
      role: payload('H-role'),
      organisation: payload('H-organisation'),
      aliases: payload('H-alias'),
    }),
  )
  ids.source = createdId(
    await post('/sources/new', {
      title: payload('H-source'),
      url: 'https://example.org/hostile-input',
      outlet: payload('H-outlet'),
      author: payload('H-author'),
      kind: 'article',
      excerpt: `Der Minister sagte: die Lieferungen seien abgeschlossen. ${payload('H-excerpt')}`,
      notes: payload('H-source-notes'),
    }),
  )
  ids.claim = createdId(
    await post('/claims/new', {
      text: payload('H-claim lieferungen'),
      quote: payload('H-quote'),
      rationale: payload('H-rationale'),
      tags: tagPayloads.join(','),
      speakerName: payload('H-speaker'),
      speakerId: String(ids.speaker),
      sourceRef: `${payload('H-source')} (#${ids.source})`,
      sourceId: String(ids.source),
      language: 'de',
    }),
  )
  ids.other = createdId(await post('/claims/new', { text: payload('H-other claim'), language: 'de' }))
  ids.trashed = createdId(await post('/claims/new', { text: payload('H-trashed claim'), language: 'de' }))

  // An edit, so the other claim's history shows the markup as its before-and-after.
  expect(
    (
      await post(`/claims/${ids.other}/edit`, { text: payload('H-edited claim'), language: 'de', version: '1' })
    ).status(),
  ).toBe(302)
  const onClaim = (form: Record<string, string>) => post(`/claims/${ids.claim}`, form)
  await expectOk(
    await onClaim({
      intent: 'attach-evidence',
      role: 'context',
      note: payload('H-evidence-note'),
      newSource: 'on',
      newSourceTitle: payload('H-new-source'),
      newSourceOutlet: payload('H-new-outlet'),
    }),
  )
  await expectOk(
    await onClaim({ intent: 'add-link', type: 'related', otherClaim: `#${ids.other}`, note: payload('H-link-note') }),
  )
  await expectOk(await onClaim({ intent: 'annotation-add', kind: 'question', body: payload('H-claim-note') }))
  await expectOk(
    await post(`/sources/${ids.source}`, {
      intent: 'annotation-passage',
      kind: 'note',
      body: payload('H-passage-note'),
      passage: 'die Lieferungen seien abgeschlossen',
    }),
  )
  await expectOk(
    await post('/claims?index', {
      intent: 'save-view',
      name: 'H-view <img src=x onerror=alert(1)>',
      query: 'q=lieferungen',
    }),
  )
  const trash = await post(`/claims/${ids.trashed}`, { intent: 'delete', version: '1' })
  expect(trash.status()).toBe(302)

  // `javascript:` addresses are refused where a source's links are typed, so none is stored.
  for (const field of ['url', 'archiveUrl']) {
    const refused = await post('/sources/new', {
      title: 'H-script-link',
      kind: 'article',
      [field]: 'javascript:alert(1)',
    })
    expect(refused.status(), field).toBe(400)
  }

  // An import file whose cells are markup, as a spreadsheet from anywhere may hold.
  const csv = `claim,speaker,tags,rationale\n"${payload('H-import-claim').replace(/"/g, '""')}","${payload('H-import-speaker').replace(/"/g, '""')}",,"${payload('H-import-rationale').replace(/"/g, '""')}"\n`
  const upload = await page.request.post('/import', {
    multipart: { file: { name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) } },
    headers: { Origin: desk.app.server.baseUrl },
    maxRedirects: 0,
  })
  ids.import = createdId(upload)
})

describe('stored markup stays text on every page that shows it', () => {
  it('the checks see markup that is rendered as HTML (so they can fail)', async () => {
    const inject = (on: Page) =>
      on.evaluate((html) => {
        document.querySelector('main')!.insertAdjacentHTML('beforeend', `${html}<a href=" javascript:void 0">x</a>`)
      }, payload('H-check'))
    // Without the Content-Security-Policy, so an injected handler really runs: the checks
    // must see escaping fail on their own, not lean on the policy.
    const bare = await desk.app.newPage({ bypassCSP: true })
    await login(bare, demoUsers.editor.email)
    // A page that streams nothing in later: React re-rendering <main> would drop the markup.
    await visit(bare, '/activity')
    await inject(bare)
    await expect.poll(async () => (await inspect(bare)).ran).toBe(1)
    const found = await inspect(bare)
    expect(found.injected).toBeGreaterThan(0)
    expect(found.scriptLinks).toEqual([' javascript:void 0'])
    expect(found.text).not.toContain(shown('H-check'))

    // With the policy, the same injected handler is refused: the second lock.
    await visit(page, '/activity')
    await inject(page)
    await page.waitForLoadState('networkidle')
    expect((await inspect()).ran).toBeNull()
    expect((await inspect()).injected).toBeGreaterThan(0)
  })

  it('an edited claim’s page and history', async () => {
    await expectInert(`/claims/${ids.other}`, ['H-edited claim', 'H-other claim'])
  })

  it('the claim page: text, quote, speaker, source, tags, evidence, links, notes and history', async () => {
    await expectInert(`/claims/${ids.claim}`, [
      'H-claim lieferungen',
      'H-quote',
      'H-speaker',
      'H-source',
      'H-evidence-note',
      'H-new-source',
      'H-edited claim',
      'H-link-note',
      'H-claim-note',
    ])
    const text = await page.locator('body').innerText()
    for (const tag of tagPayloads) expect(text).toContain(tag)
  })

  it('the claim’s edit form keeps the markup in its fields as typed', async () => {
    await expectInert(`/claims/${ids.claim}/edit`, [])
    expect(await page.getByLabel('Claim', { exact: true }).inputValue()).toBe(payload('H-claim lieferungen'))
    expect(await page.getByLabel('Rationale').inputValue()).toBe(payload('H-rationale'))
  })

  it('the claims list, a search with highlighted matches, and the saved view', async () => {
    await expectInert('/claims', ['H-claim lieferungen', 'H-edited claim'])
    expect(await page.locator('body').innerText()).toContain('H-view <img src=x onerror=alert(1)>')
    await expectInert('/claims?q=lieferungen', ['H-claim lieferungen'])
    expect(await page.locator('mark').count()).toBeGreaterThan(0)
    await expectInert(`/claims?q=${encodeURIComponent('onerror script img')}`, [])
    await expectInert(`/claims?tag=${encodeURIComponent(tagPayloads[0]!)}`, ['H-claim lieferungen'])
  })

  it('the speaker and the speakers list, its edit form and a merge preview', async () => {
    await expectInert(`/speakers/${ids.speaker}`, [
      'H-speaker',
      'H-role',
      'H-organisation',
      'H-alias',
      'H-claim lieferungen',
    ])
    await expectInert(`/speakers?q=${encodeURIComponent('H-speaker')}`, ['H-speaker'])
    await expectInert(`/speakers/${ids.speaker}/edit`, [])
    expect(await page.getByLabel('Name').inputValue()).toBe(payload('H-speaker'))
    await expectInert(`/speakers/${ids.speaker}/merge?into=${encodeURIComponent('Sergei Schoigu')}`, ['H-speaker'])
  })

  it('the source, its passage note, the sources list and its edit form', async () => {
    await expectInert(`/sources/${ids.source}`, [
      'H-source',
      'H-outlet',
      'H-author',
      'H-excerpt',
      'H-source-notes',
      'H-passage-note',
      'H-claim lieferungen',
    ])
    await expectInert(`/sources?q=${encodeURIComponent('H-source')}`, ['H-source'])
    await expectInert(`/sources/${ids.source}/edit`, [])
    expect(await page.getByLabel('Excerpt').inputValue()).toContain(payload('H-excerpt'))
  })

  it('the activity page, the desk, the trash and the export preview', async () => {
    await expectInert('/activity', ['H-claim lieferungen', 'H-trashed claim'])
    await expectInert('/', [])
    await expectInert('/claims/trash', ['H-trashed claim'])
    // Narrowed by the markup tag, so the claim is among the preview's rows.
    const tagged = `/export?status=any&tag=${encodeURIComponent(tagPayloads[0]!)}`
    await expectInert(`${tagged}&format=csv`, ['H-claim lieferungen'])
    await expectInert(`${tagged}&format=json`, ['H-claim lieferungen'])
  })

  it('the import preview shows the file’s cells as text', async () => {
    await expectInert(`/import/${ids.import}`, ['H-import-claim'])
  })

  it('type-ahead answers are JSON, never HTML', async () => {
    for (const url of [
      `/resources/speakers?q=${encodeURIComponent('H-speaker')}`,
      `/resources/sources?q=${encodeURIComponent('H-source')}`,
      `/resources/claims?q=${encodeURIComponent('H-claim')}`,
      `/resources/similar-claims?text=${encodeURIComponent(payload('H-claim lieferungen'))}`,
    ]) {
      const response = await page.request.get(url)
      expect(response.status(), url).toBe(200)
      expect(response.headers()['content-type'], url).toMatch(/^application\/json/)
      expect(response.headers()['x-content-type-options'], url).toBe('nosniff')
    }
  })

  it('type-ahead suggestions show stored markup as text', async () => {
    await visit(page, '/claims/new')
    await page.getByRole('combobox', { name: 'Speaker' }).pressSequentially('H-speaker')
    const suggestions = page.locator('#speakerName-suggestions option')
    await expect.poll(() => suggestions.count()).toBeGreaterThan(0)
    expect(await suggestions.first().getAttribute('value')).toBe(payload('H-speaker'))
    expect(
      await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag] ?? null, scriptFlag),
    ).toBeNull()
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    expect(dialogs).toEqual([])
  })
})
