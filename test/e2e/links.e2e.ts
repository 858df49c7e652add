// Links between claims as editors use them: linking from one claim's page and reading the
// inverse on the other, refusals next to the field, the neighbourhood graph (drawn, and
// clickable), and the same forms without JavaScript. Runs against a production build.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  appForThisFile,
  createSimpleClaim,
  expectNoAxeViolations,
  screenshot,
  visit,
  waitForHydration,
} from './helpers.ts'

const desk = appForThisFile()
const { signedIn } = desk
const run = Date.now().toString(36)

function linksSection(page: Page) {
  return page.getByRole('region', { name: 'Linked claims' })
}

/** The `.field` wrapper of a labelled control in the links section, where its errors live. */
function fieldOf(page: Page, label: string) {
  return linksSection(page)
    .locator('.field')
    .filter({ has: page.getByLabel(label, { exact: true }) })
}

async function addLink(page: Page, relation: string, otherClaim: string, note?: string) {
  const section = linksSection(page)
  await section.getByText('Link another claim').click()
  await section.getByLabel('This claim …').selectOption({ label: relation })
  await section.getByLabel('Other claim').fill(otherClaim)
  if (note) await section.getByLabel('Note (optional)').fill(note)
  await section.getByRole('button', { name: 'Add link' }).click()
}

/** A seeded claim's number, found through the link form's own suggestions. */
async function seededClaimId(page: Page, words: string) {
  const response = await page.request.get(`/resources/claims?${new URLSearchParams({ q: words })}`)
  const { suggestions } = (await response.json()) as { suggestions: Array<{ id: number }> }
  expect(suggestions, `one seeded claim matches “${words}”`).toHaveLength(1)
  return suggestions[0]!.id
}

/** Where cytoscape drew a claim's node, in page coordinates; waits until the graph is drawn. */
async function nodePosition(page: Page, claimId: number) {
  const canvas = page.locator('.claim-graph-canvas')
  await canvas.locator('canvas').first().waitFor()
  await canvas.scrollIntoViewIfNeeded()
  // Cytoscape registers its instance on the container element (`_cyreg`); reading the
  // node's rendered position there is how a test finds what a person sees and clicks.
  await page.waitForFunction((id) => {
    const element = document.querySelector('.claim-graph-canvas') as (Element & { _cyreg?: { cy?: unknown } }) | null
    const cy = element?._cyreg?.cy as { getElementById(id: string): { length: number } } | undefined
    return Boolean(cy && cy.getElementById(String(id)).length === 1)
  }, claimId)
  return canvas.evaluate((element, id) => {
    type Cy = { getElementById(id: string): { renderedPosition(): { x: number; y: number } } }
    const cy = (element as unknown as { _cyreg: { cy: Cy } })._cyreg.cy
    const rect = element.getBoundingClientRect()
    const position = cy.getElementById(String(id)).renderedPosition()
    return {
      x: rect.left + position.x,
      y: rect.top + position.y,
      inside: position.x > 0 && position.x < rect.width && position.y > 0 && position.y < rect.height,
    }
  }, claimId)
}

describe('linking claims', () => {
  it('links two claims from one page and shows the inverse on the other', async () => {
    const page = await signedIn('editor')
    const a = await createSimpleClaim(page, `Nordkorea liefert keine Granaten an Russland (${run})`)
    const b = await createSimpleClaim(page, `Nordkoreanische Granaten wurden an der Front gefunden (${run})`)

    await visit(page, `/claims/${a}`)
    await addLink(page, 'contradicts', `#${b}`, 'Funde an der Front widersprechen dem Dementi.')
    const list = linksSection(page).locator('.link-list')
    const item = list.getByRole('listitem').filter({ hasText: `#${b}` })
    await item.getByText('This claim contradicts').waitFor()
    await item.getByText('Funde an der Front widersprechen dem Dementi.').waitFor()
    // The form is empty again for the next link.
    await page.waitForFunction(() => (document.getElementById('otherClaim') as HTMLInputElement | null)?.value === '')
    expect(await linksSection(page).getByLabel('Note (optional)').inputValue()).toBe('')
    const history = page.getByRole('region', { name: 'History' })
    await history.getByText('linked a claim').first().waitFor()

    await visit(page, `/claims/${b}`)
    const inverse = linksSection(page)
      .locator('.link-list')
      .getByRole('listitem')
      .filter({ hasText: `#${a}` })
    await inverse.getByText('This claim is contradicted by').waitFor()
    expect(await inverse.getByRole('link').first().innerText()).toContain(`Nordkorea liefert keine Granaten`)
    await page.getByRole('region', { name: 'History' }).getByText('is contradicted by').waitFor()

    // The graph is drawn on both pages; on B the node of A leads back to A.
    const position = await nodePosition(page, a)
    expect(position.inside).toBe(true)
    await page.mouse.click(position.x, position.y)
    await page.waitForURL(new RegExp(`/claims/${a}$`))
    await waitForHydration(page)
    await page.locator('#claim-heading').getByText('Nordkorea liefert keine Granaten').waitFor()

    // And the link can be removed again, from either end.
    await linksSection(page)
      .getByRole('button', { name: `Remove link: this claim contradicts #${b}` })
      .click()
    await linksSection(page).getByText('Not linked to other claims.').waitFor()
    expect(await page.locator('.claim-graph-canvas').count()).toBe(0)
    await page.getByRole('region', { name: 'History' }).getByText('removed a link').waitFor()
  })

  it('refuses a self link and a second canonical claim with a message next to the field', async () => {
    const page = await signedIn('editor')
    const a = await createSimpleClaim(page, `Kim und Putin trafen sich im Kosmodrom (${run})`)
    const b = await createSimpleClaim(page, `Das Treffen fand in Wostotschny statt (${run})`)
    const c = await createSimpleClaim(page, `Gipfel im Fernen Osten Russlands (${run})`)
    await visit(page, `/claims/${a}`)

    await addLink(page, 'is related to', String(a))
    const otherClaim = fieldOf(page, 'Other claim')
    await otherClaim.getByText('A claim cannot be linked to itself; pick another claim.').waitFor()
    expect(await page.getByLabel('Other claim').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('Other claim').inputValue()).toBe(String(a))
    await screenshot(page, 'links-refused-self-link')

    await page.getByLabel('This claim …').selectOption({ label: 'is a duplicate of' })
    await page.getByLabel('Other claim').fill(`#${b}`)
    await linksSection(page).getByRole('button', { name: 'Add link' }).click()
    await linksSection(page).locator('.link-list').getByText('This claim is a duplicate of').waitFor()
    // The banner points at the canonical claim.
    await page
      .locator('.canonical-banner')
      .getByRole('link', { name: new RegExp(`#${b}`) })
      .waitFor()

    await addLink(page, 'is a duplicate of', `#${c}`)
    await fieldOf(page, 'Other claim')
      .getByText(
        /^This claim is already a duplicate of Das Treffen fand in Wostotschny statt .*A duplicate has one canonical claim/,
      )
      .waitFor()
    expect(await linksSection(page).locator('.link-list > li').count()).toBe(1)
  })

  it('shows a duplicate’s canonical claim at the end of the chain', async () => {
    const page = await signedIn('editor')
    const a = await createSimpleClaim(page, `Schoigu blieb drei Tage in Pjöngjang (${run})`)
    const b = await createSimpleClaim(page, `Schoigu war drei Tage in Nordkorea (${run})`)
    const c = await createSimpleClaim(page, `Schoigu besuchte Nordkorea für drei Tage (${run})`)
    await visit(page, `/claims/${b}`)
    // Words of the other claim bring it up in the suggestions; picking one fills the field
    // with its text and number, which the server reads back.
    const section = linksSection(page)
    await section.getByText('Link another claim').click()
    await section.getByLabel('This claim …').selectOption({ label: 'is a duplicate of' })
    await section.getByLabel('Other claim').pressSequentially(`besuchte ${run}`)
    const suggestion = page.locator(`#otherClaim-suggestions option[value$="(#${c})"]`)
    await suggestion.waitFor({ state: 'attached' })
    // Suggestions for the first letters typed may still be arriving; wait for the last.
    await expect.poll(() => page.locator('#otherClaim-suggestions option').count()).toBe(1)
    await section.getByLabel('Other claim').fill((await suggestion.getAttribute('value'))!)
    await section.getByRole('button', { name: 'Add link' }).click()
    await page.locator('.canonical-banner').waitFor()
    await visit(page, `/claims/${a}`)
    await addLink(page, 'is a duplicate of', `#${b}`)
    const banner = page.locator('.canonical-banner')
    await banner.getByRole('link', { name: `#${c} Schoigu besuchte Nordkorea für drei Tage (${run})` }).waitFor()
    expect(await banner.innerText()).toContain(`This claim is marked as a duplicate of #${b}, which duplicates #${c}.`)
  })
})

describe('the claim page’s neighbourhood graph', () => {
  it('draws a seeded claim with its links, readable and accessible', async () => {
    const page = await signedIn('viewer')
    const id = await seededClaimId(page, 'Artilleriesysteme Raketen')
    await visit(page, `/claims/${id}`)
    const figure = linksSection(page).locator('figure.claim-graph')
    await figure.waitFor()
    await nodePosition(page, id)
    expect(await figure.locator('[role="img"]').getAttribute('aria-label')).toMatch(/the list below has the same links/)
    // The list is the accessible way: every direct link is there, with its wording.
    const items = linksSection(page).locator('.link-list > li')
    expect(await items.count()).toBe(3)
    await linksSection(page).getByText('This claim contradicts').waitFor()
    // A viewer sees no way to change links.
    expect(await linksSection(page).getByText('Link another claim').count()).toBe(0)
    expect(
      await linksSection(page)
        .getByRole('button', { name: /^Remove link/ })
        .count(),
    ).toBe(0)
    await screenshot(page, 'links-claim-graph')
    await expectNoAxeViolations(page, { label: 'claim page with links and graph' })
  })

  it('shows a seeded duplicate’s canonical claim prominently', async () => {
    const page = await signedIn('editor')
    const duplicate = await seededClaimId(page, 'anlässlich Jahrestags Endes Koreakriegs')
    const canonical = await seededClaimId(page, 'dreitägigen Besuch eingetroffen')
    await visit(page, `/claims/${duplicate}`)
    const banner = page.locator('.canonical-banner')
    await banner.getByRole('link', { name: new RegExp(`^#${canonical} Russlands Verteidigungsminister`) }).waitFor()
    await nodePosition(page, canonical)
    await screenshot(page, 'links-duplicate-banner')
    await expectNoAxeViolations(page, { label: 'duplicate claim page' })
  })
  it('keeps a busy neighbourhood inside the card', async () => {
    const page = await signedIn('editor')
    const ids: number[] = []
    for (const text of [
      'Kim sicherte Putin volle Unterstützung zu',
      'Putin sagte einen Gegenbesuch in Pjöngjang zu',
      'Die Zusammenarbeit umfasst Raumfahrt',
      'Russland hilft beim Satellitenbau',
      'Nordkorea startete 2023 einen Aufklärungssatelliten',
      'Der erste Start scheiterte',
      'Südkorea barg Trümmer der Rakete',
      'Der Vertrag sieht gegenseitigen Beistand vor',
    ]) {
      ids.push(await createSimpleClaim(page, `${text} (${run})`))
    }
    const [center, ...rest] = ids as [number, ...number[]]
    const link = async (from: number, type: string, to: number) => {
      const response = await page.request.post(`/claims/${from}`, {
        form: { intent: 'add-link', type, otherClaim: `#${to}` },
      })
      expect(response.status(), `link #${from} ${type} #${to}`).toBe(200)
    }
    await link(center, 'supports', rest[0]!)
    await link(rest[1]!, 'related', center)
    await link(rest[2]!, 'updates', center)
    await link(center, 'contradicts', rest[3]!)
    await link(rest[4]!, 'supports', rest[3]!)
    await link(rest[5]!, 'duplicate_of', rest[3]!)
    await link(rest[6]!, 'contradicts', rest[0]!)
    await link(rest[1]!, 'related', rest[2]!)

    await visit(page, `/claims/${center}`)
    for (const id of ids) expect((await nodePosition(page, id)).inside, `node #${id} is inside the card`).toBe(true)
    await screenshot(page, 'links-busy-graph')
  })
})

describe('without JavaScript', () => {
  it('lists links instead of drawing them, and the form still links and refuses', async () => {
    const editor = await signedIn('editor')
    const a = await createSimpleClaim(editor, `Russland lieferte Technik für Satelliten (${run})`)
    const b = await createSimpleClaim(editor, `Nordkorea plant neue Satellitenstarts (${run})`)

    const page = await signedIn('editor', { javaScriptEnabled: false })
    await visit(page, `/claims/${a}`)
    await addLink(page, 'supports', `Satellitenstarts (${run})`)
    await page.waitForLoadState('load')
    await linksSection(page).getByText('This claim supports').waitFor()
    expect(await page.locator('.claim-graph').count()).toBe(0)

    await addLink(page, 'contradicts', `#${b}`)
    await page.waitForLoadState('load')
    await fieldOf(page, 'Other claim')
      .getByText(
        `These claims are already linked: this claim supports #${b}. A claim cannot both support and contradict another; remove that link first.`,
      )
      .waitFor()
    await screenshot(page, 'links-no-js-refused')

    await visit(page, `/claims/${b}`)
    await linksSection(page).getByText('This claim is supported by').waitFor()
  })
})
