// Annotating as editors do it: selecting a passage of a source's excerpt with the mouse
// and annotating it, logging a claim from a selection, pasting a passage without
// JavaScript, and discussing a claim in note threads. Runs against a production build
// on a throwaway database with the demo data.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appForThisFile, expectNoAxeViolations, screenshot, screenshotDir, visit, waitForHydration } from './helpers.ts'

const desk = appForThisFile()
const { signedIn } = desk

/** A seeded article with an excerpt: "Offizieller Anlass von Schoigus Reise ist der 70. Jahrestag …". */
const sourceTitle = 'Russlands Bollwerk mit Nordkorea? Schoigu besucht Kim: „Stärkung der Militärbeziehungen“'

async function openSource(page: Page, title = sourceTitle) {
  await visit(page, `/sources?${new URLSearchParams({ q: title.slice(0, 40) })}`)
  await page.getByRole('link', { name: title, exact: true }).click()
  await page.waitForURL(/\/sources\/\d+$/)
  // The URL changes as the navigation starts; the page is there once its heading is.
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor()
  await waitForHydration(page)
  return Number(new URL(page.url()).pathname.split('/').pop())
}

/**
 * The DOM range of `passage` in the excerpt, found independently of the app's own
 * offset code: by walking the excerpt's text, leaving out the note numbers.
 */
async function passageRange(page: Page, passage: string) {
  return page.evaluate((passage) => {
    const root = document.querySelector('blockquote.excerpt')!
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const pieces: Array<{ node: Text; start: number }> = []
    let text = ''
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.parentElement?.closest('sup')) continue
      pieces.push({ node, start: text.length })
      text += node.data
    }
    const start = text.indexOf(passage)
    if (start === -1) throw new Error(`“${passage}” is not in the excerpt`)
    const at = (offset: number, preferNext: boolean) => {
      const piece = pieces.find(
        (p) => offset < p.start + p.node.length || (!preferNext && offset === p.start + p.node.length),
      )!
      return [piece.node, offset - piece.start] as const
    }
    const range = document.createRange()
    range.setStart(...at(start, true))
    range.setEnd(...at(start + passage.length, false))
    const rects = range.getClientRects()
    const first = rects[0]!
    const last = rects[rects.length - 1]!
    return {
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
    }
  }, passage)
}

/** Selects `passage` by dragging the mouse across it, as a person would. */
async function dragSelect(page: Page, passage: string) {
  const { from, to } = await passageRange(page, passage)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, to.y, { steps: 5 })
  await page.mouse.move(to.x, to.y, { steps: 5 })
  await page.mouse.up()
}

async function selectedText(page: Page) {
  return page.evaluate(() => window.getSelection()?.toString() ?? '')
}

function highlightTexts(page: Page) {
  return page.locator('blockquote.excerpt mark').allInnerTexts()
}

describe('annotating a passage of a source', () => {
  it('annotates a passage selected with the mouse, and one overlapping it', async () => {
    const page = await signedIn('editor')
    await openSource(page)
    const excerpt = page.locator('blockquote.excerpt')
    expect(await excerpt.locator('mark').count()).toBe(0)

    await dragSelect(page, '70. Jahrestag des Endes im Koreakrieg')
    expect(await selectedText(page)).toBe('70. Jahrestag des Endes im Koreakrieg')
    const toolbar = page.getByRole('toolbar', { name: 'Selected passage' })
    await toolbar.getByRole('button', { name: 'Annotate passage' }).click()

    const popover = page.getByRole('dialog', { name: 'Note on the selected passage' })
    await popover.getByText('70. Jahrestag des Endes im Koreakrieg').waitFor()
    // An empty note is refused next to its field, and nothing is saved.
    await popover.getByRole('button', { name: 'Save note' }).click()
    await popover.getByText('The note is required.').waitFor()
    await popover.getByLabel('Kind').selectOption({ label: 'Question' })
    await popover.getByLabel('Note').fill('Am 27. Juli 1953 – stimmt das Datum im Artikel?')
    // The passage stays marked while its note is written.
    expect(await excerpt.locator('mark.pending').innerText()).toBe('70. Jahrestag des Endes im Koreakrieg')
    await screenshot(page, 'source-annotate-selection')
    await popover.getByRole('button', { name: 'Save note' }).click()
    await popover.waitFor({ state: 'detached' })

    await excerpt.locator('mark', { hasText: '70. Jahrestag des Endes im Koreakrieg' }).waitFor()
    const notes = page.getByRole('region', { name: /Notes on the excerpt/ })
    const first = notes.getByRole('article').filter({ hasText: 'stimmt das Datum im Artikel?' })
    await first.locator('.badge', { hasText: 'Question' }).waitFor()
    await first.locator('.note-head', { hasText: 'Jonas Weber' }).waitFor()

    // A second passage that starts before the highlight and ends inside it: the offsets
    // must count the text, not the highlight's elements.
    await dragSelect(page, 'Schoigus Reise ist der 70. Jahrestag')
    await toolbar.getByRole('button', { name: 'Annotate passage' }).click()
    await popover.getByLabel('Note').fill('Reiseanlass laut Moskau')
    await popover.getByRole('button', { name: 'Save note' }).click()
    await popover.waitFor({ state: 'detached' })
    await notes.getByRole('article').filter({ hasText: 'Reiseanlass laut Moskau' }).waitFor()
    expect(await highlightTexts(page)).toEqual(['Schoigus Reise ist der ', '70. Jahrestag', ' des Endes im Koreakrieg'])
    expect(await excerpt.locator('mark.depth-2').innerText()).toBe('70. Jahrestag')

    // After a reload: both highlights, both notes, numbered in the order of the excerpt.
    await page.reload()
    await waitForHydration(page)
    expect(await highlightTexts(page)).toEqual(['Schoigus Reise ist der ', '70. Jahrestag', ' des Endes im Koreakrieg'])
    const articles = notes.getByRole('article')
    expect(await articles.count()).toBe(2)
    expect(await articles.nth(0).innerText()).toContain('Reiseanlass laut Moskau')
    expect(await articles.nth(1).innerText()).toContain('stimmt das Datum im Artikel?')
    // Each highlight's number links to its note.
    await excerpt.getByRole('link', { name: 'Note 2' }).click()
    expect(new URL(page.url()).hash).toMatch(/^#note-\d+$/)
    expect(await page.locator(':target').innerText()).toContain('stimmt das Datum im Artikel?')

    await expectNoAxeViolations(page, { label: 'source page with highlighted passages', soft: true })
    await screenshot(page, 'source-annotated')
  })

  it('creates a claim from a selection with the quote and the source filled in', async () => {
    const page = await signedIn('editor2')
    const sourceId = await openSource(page)
    const passage = 'Der Besuch wird zur Stärkung der russisch-nordkoreanischen Militärbeziehungen beitragen.'
    await dragSelect(page, passage)
    await page
      .getByRole('toolbar', { name: 'Selected passage' })
      .getByRole('link', { name: 'Create claim from passage' })
      .click()
    await page.waitForURL((url) => url.pathname === '/claims/new')
    await waitForHydration(page)

    expect(await page.getByLabel('Claim', { exact: true }).inputValue()).toBe(passage)
    expect(await page.getByLabel('Exact quote (optional)').inputValue()).toBe(passage)
    expect(await page.getByLabel('Language').inputValue()).toBe('de')
    expect(await page.getByLabel('Source', { exact: true }).inputValue()).toBe(`${sourceTitle} (#${sourceId})`)
    // The article's author is a journalist, not a speaker the desk knows.
    expect(await page.getByLabel('Speaker', { exact: true }).inputValue()).toBe('')
    await screenshot(page, 'claim-from-passage')

    const text = 'Moskau: Schoigus Besuch stärkt die Militärbeziehungen zu Nordkorea.'
    await page.getByLabel('Claim', { exact: true }).fill(text)
    await page.getByRole('button', { name: 'Create claim' }).click()
    await page.waitForURL(/\/claims\/\d+$/)
    await waitForHydration(page)
    await expect(page.locator('#claim-heading').innerText()).resolves.toBe(text)
    await page.getByRole('main').locator('blockquote', { hasText: passage }).waitFor()
    await page.getByRole('main').getByRole('link', { name: sourceTitle, exact: true }).first().waitFor()
  })

  it('without JavaScript, annotates a pasted passage and says when it is not in the excerpt', async () => {
    const page = await signedIn('editor', { javaScriptEnabled: false })
    await openSource(page, 'Kim Jong Un nach Gipfel mit Putin nicht zu sehen – USA warnen vor Munitionslieferungen')
    await page.getByText('Annotate a passage by pasting it').click()
    const passageField = page.getByLabel('Passage, copied from the excerpt')
    await passageField.fill('Munition für den russischen Konflikt in der Ostsee')
    await page.getByLabel('Note', { exact: true }).fill('Quelle der US-Warnung?')
    await page.getByRole('button', { name: 'Add note' }).click()
    await page.waitForLoadState('load')
    await page.getByText('These words are not in the excerpt.', { exact: false }).waitFor()
    expect(await passageField.inputValue()).toBe('Munition für den russischen Konflikt in der Ostsee')
    expect(await page.locator('blockquote.excerpt mark').count()).toBe(0)

    // Pasted with a line break where the page had a space: still found.
    await passageField.fill('Munition für den russischen\nKonflikt in der Ukraine')
    await page.getByRole('button', { name: 'Add note' }).click()
    await page.waitForLoadState('load')
    expect(await highlightTexts(page)).toEqual(['Munition für den russischen Konflikt in der Ukraine'])
    const note = page.getByRole('region', { name: /Notes on the excerpt/ }).getByRole('article')
    await note.locator('.note-body', { hasText: 'Quelle der US-Warnung?' }).waitFor()
  })

  it('keeps notes on their words when the excerpt is edited, and lists a note whose words are gone', async () => {
    const page = await signedIn('editor')
    const title = 'Große Show mit den wenigen Verbündeten: Kim lässt sich mit Schoigu und Li Hongzhong feiern'
    const sourceId = await openSource(page, title)
    const toolbar = page.getByRole('toolbar', { name: 'Selected passage' })
    const popover = page.getByRole('dialog', { name: 'Note on the selected passage' })
    for (const [passage, body] of [
      ['seit Beginn der Coronapandemie', 'Erster Besuch seit 2020?'],
      ['Zugleich hieß es aus Moskau', 'Wer in Moskau?'],
    ]) {
      await dragSelect(page, passage!)
      await toolbar.getByRole('button', { name: 'Annotate passage' }).click()
      await popover.getByLabel('Note').fill(body!)
      await popover.getByRole('button', { name: 'Save note' }).click()
      await popover.waitFor({ state: 'detached' })
    }
    expect(await highlightTexts(page)).toEqual(['seit Beginn der Coronapandemie', 'Zugleich hieß es aus Moskau'])

    // An editor rewrites the start of the excerpt and drops the words of the first note.
    await visit(page, `/sources/${sourceId}/edit`)
    const excerptField = page.getByLabel('Excerpt')
    const original = await excerptField.inputValue()
    await excerptField.fill(
      `Nordkorea feiert den „Tag des Sieges“.\n\n${original.replace(' seit Beginn der Coronapandemie', '')}`,
    )
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.waitForURL(new RegExp(`/sources/${sourceId}$`))
    await waitForHydration(page)

    expect(await highlightTexts(page)).toEqual(['Zugleich hieß es aus Moskau'])
    const orphaned = page.getByRole('region', { name: /Orphaned notes/ })
    await orphaned.getByText('These notes lost their passage when the excerpt was edited').waitFor()
    const lost = orphaned.getByRole('article')
    expect(await lost.count()).toBe(1)
    await lost.locator('blockquote', { hasText: 'seit Beginn der Coronapandemie' }).waitFor()
    await lost.locator('.note-body', { hasText: 'Erster Besuch seit 2020?' }).waitFor()
    await expectNoAxeViolations(page, { label: 'source page with an orphaned note', soft: true })
    await screenshot(page, 'source-orphaned-note')

    // The words come back: so does the highlight, and the orphan list is gone.
    await visit(page, `/sources/${sourceId}/edit`)
    await page.getByLabel('Excerpt').fill(original)
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.waitForURL(new RegExp(`/sources/${sourceId}$`))
    await waitForHydration(page)
    expect(await highlightTexts(page)).toEqual(['seit Beginn der Coronapandemie', 'Zugleich hieß es aus Moskau'])
    expect(await page.getByRole('region', { name: /Orphaned notes/ }).count()).toBe(0)
  })

  // Reads the passages the first test annotated.
  it('gives a viewer the highlights and notes but no way to annotate', async () => {
    const page = await signedIn('viewer')
    await openSource(page)
    expect(await highlightTexts(page)).not.toEqual([])
    await dragSelect(page, 'Zugleich hieß es aus Moskau')
    expect(await selectedText(page)).toBe('Zugleich hieß es aus Moskau')
    await page.waitForTimeout(400)
    expect(await page.getByRole('toolbar', { name: 'Selected passage' }).count()).toBe(0)
    expect(await page.getByText('Annotate a passage by pasting it').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Resolve' }).count()).toBe(0)
  })
})

describe('discussing a claim in notes', () => {
  it('adds a note, a colleague replies and resolves it, and the history says so', async () => {
    const editor = await signedIn('editor')
    await visit(editor, '/claims?status=researching&sort=created&order=asc')
    await editor.locator('td.claim-cell > a').first().click()
    await editor.waitForURL(/\/claims\/\d+$/)
    await waitForHydration(editor)
    const claimPath = new URL(editor.url()).pathname

    const notes = editor.getByRole('region', { name: 'Notes' })
    const addForm = notes.locator('form.add-note')
    await addForm.getByRole('button', { name: 'Add note' }).click()
    await addForm.getByText('The note is required.').waitFor()
    await addForm.getByLabel('Kind').selectOption({ label: 'Question' })
    await addForm.getByLabel('Note').fill('Welche Stelle im Artikel belegt die Zahl?')
    await addForm.getByRole('button', { name: 'Add note' }).click()
    const thread = notes.getByRole('article').filter({ hasText: 'Welche Stelle im Artikel belegt die Zahl?' })
    await thread.locator('.badge', { hasText: 'Question' }).waitFor()
    // The form is empty again for the next note.
    await expect.poll(() => addForm.getByLabel('Note').inputValue()).toBe('')

    const colleague = await signedIn('editor2')
    await visit(colleague, claimPath)
    const theirNotes = colleague.getByRole('region', { name: 'Notes' })
    const theirThread = theirNotes.getByRole('article').filter({ hasText: 'Welche Stelle im Artikel' })
    // Not their note: they may answer and resolve it, not edit or remove it.
    expect(await theirThread.getByText('Edit', { exact: true }).count()).toBe(0)
    expect(await theirThread.getByRole('button', { name: 'Remove' }).count()).toBe(0)
    await theirThread.getByText('Reply', { exact: true }).click()
    await theirThread.getByLabel('Your reply').fill('Absatz 3: „mehr als 10.000 Soldaten“.')
    await theirThread.getByRole('button', { name: 'Post reply' }).click()
    await theirThread.getByRole('listitem').filter({ hasText: 'Absatz 3' }).waitFor()
    await theirThread.getByRole('button', { name: 'Resolve' }).click()

    // Resolved threads are folded away under their own heading.
    const resolved = theirNotes.locator('details.notes-resolved')
    await resolved.locator('summary', { hasText: 'Resolved notes (1)' }).waitFor()
    await resolved.locator('> summary').click()
    const done = resolved.getByRole('article').filter({ hasText: 'Welche Stelle im Artikel' })
    await done.getByText('Resolved by Mira Schulz').waitFor()
    await done.getByRole('button', { name: 'Reopen' }).waitFor()

    const history = colleague.getByRole('region', { name: 'History' })
    await history.locator('li', { hasText: 'resolved a note' }).waitFor()
    const added = history.locator('li', { hasText: 'added a note' })
    expect(await added.count()).toBe(2)
    expect(await added.first().innerText()).toContain('Absatz 3')

    // The author edits their own note.
    await visit(editor, claimPath)
    await notes.locator('details.notes-resolved > summary').click()
    const mine = notes.getByRole('article').filter({ hasText: 'Welche Stelle im Artikel' })
    await mine.getByText('Edit', { exact: true }).click()
    await mine.getByLabel('Text').fill('Welche Stelle im Artikel belegt „mehr als 10.000“?')
    await mine.getByRole('button', { name: 'Save note' }).click()
    await mine.locator('.note-body', { hasText: 'belegt „mehr als 10.000“?' }).waitFor()
    await mine.getByText('edited').waitFor()
    await editor.getByRole('region', { name: 'History' }).locator('li', { hasText: 'edited a note' }).waitFor()

    await expectNoAxeViolations(editor, { label: 'claim page with notes', soft: true })
    await notes.screenshot({ path: `${screenshotDir}/claim-notes.png` })
    await screenshot(editor, 'claim-with-notes')
  })

  it('without JavaScript, adds a note and shows a missing text next to the field', async () => {
    const page = await signedIn('editor2', { javaScriptEnabled: false })
    await visit(page, '/claims?status=new&sort=created&order=asc')
    await page.locator('td.claim-cell > a').first().click()
    await page.waitForURL(/\/claims\/\d+$/)
    const addForm = page.getByRole('region', { name: 'Notes' }).locator('form.add-note')
    await addForm.getByRole('button', { name: 'Add note' }).click()
    await page.waitForLoadState('load')
    await page.getByRole('region', { name: 'Notes' }).getByText('The note is required.').waitFor()
    await page.getByRole('region', { name: 'Notes' }).getByLabel('Note').fill('Ohne JavaScript notiert.')
    await page.getByRole('region', { name: 'Notes' }).getByRole('button', { name: 'Add note' }).click()
    await page.waitForLoadState('load')
    await page
      .getByRole('region', { name: 'Notes' })
      .locator('.note-body', { hasText: 'Ohne JavaScript notiert.' })
      .waitFor()
  })
})
