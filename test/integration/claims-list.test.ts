// The claims list as a desk uses it: keyset pages that neither repeat nor skip a claim,
// the outlet and typed speaker/source filters, and saved views.
import { eq, inArray } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { claimsPageSize, createClaim, listClaims, listClaimsCitingSource } from '#app/domain/claims.server.ts'
import { attachEvidence } from '#app/domain/evidence.server.ts'
import { listSavedViews } from '#app/domain/saved-views.server.ts'
import { createSource } from '#app/domain/sources.server.ts'
import { createSpeaker } from '#app/domain/speakers.server.ts'
import * as claimsIndex from '#app/routes/claims._index.tsx'
import { ClaimListQuerySchema, savedViewLimits, type ClaimInput } from '#app/validation/claim.ts'
import { db } from '#db/client.ts'
import { claims, savedViews } from '#db/schema.ts'
import { formRequest, getRequest, signedIn } from '#test/helpers/fixtures.ts'

const editor = await signedIn('editor')
const colleague = await signedIn('editor')
const viewer = await signedIn('viewer')

function claim(text: string, more: Partial<ClaimInput> = {}) {
  return createClaim({ text, language: 'de', tags: [], ...more }, editor.id)
}

type Params = Record<string, string>
type ListPage = ReturnType<typeof listClaims>

function list(params: Params) {
  return listClaims(ClaimListQuerySchema.parse(params), editor.id)
}

/** Every page from the first, following `next` the way the pager's link does. */
function walkForward(params: Params) {
  const pages: ListPage[] = []
  let page = list(params)
  pages.push(page)
  while (page.next) {
    page = list({ ...params, after: `${page.next.key}_${page.next.id}` })
    pages.push(page)
  }
  return pages
}

const ids = (page: ListPage) => page.rows.map((r) => r.id)

describe('keyset pages', () => {
  // 120 claims changed in the same millisecond: offsets and naive keysets go wrong on ties.
  const tie = new Date('2024-03-01T12:00:00.000Z')
  const tied = Array.from({ length: 120 }, (_, i) => claim(`Gleichzeitig geändert Nummer ${i}`, { tags: ['gleich'] }))
  db.update(claims).set({ updatedAt: tie, createdAt: tie }).where(inArray(claims.id, tied)).run()

  test('walk the whole list forward with no claim repeated or skipped, newest first and ids breaking ties', () => {
    const pages = walkForward({ tag: 'gleich' })
    expect(pages.map((p) => p.rows.length)).toEqual([claimsPageSize, claimsPageSize, 20])
    expect(pages.flatMap(ids)).toEqual([...tied].sort((a, b) => b - a))
    expect(pages.every((p) => p.total === 120)).toBe(true)
    expect(pages[0]!.previous).toBeNull()
    expect(pages.at(-1)!.next).toBeNull()
  })

  test('going back from the last page gives the same pages as going forward', () => {
    const forward = walkForward({ tag: 'gleich', order: 'asc', sort: 'created' })
    expect(forward.flatMap(ids)).toEqual([...tied].sort((a, b) => a - b))
    const back: number[][] = []
    let page = forward.at(-1)!
    while (page.previous) {
      page = list({ tag: 'gleich', order: 'asc', sort: 'created', before: `${page.previous.key}_${page.previous.id}` })
      back.unshift(ids(page))
    }
    expect(back).toEqual(forward.slice(0, -1).map(ids))
    // The page reached by going back is the first: nothing before it, and it is full.
    expect(page.previous).toBeNull()
    expect(page.rows).toHaveLength(claimsPageSize)
  })

  test('a claim added while someone reads page one does not push a claim of page one onto page two', () => {
    const first = list({ tag: 'gleich' })
    claim('Neu während des Lesens', { tags: ['gleich'] })
    const second = list({ tag: 'gleich', after: `${first.next!.key}_${first.next!.id}` })
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([])
    expect(ids(second)[0]).toBe(ids(first).at(-1)! - 1)
  })

  test('search results page by relevance, best match first, with no claim repeated or skipped', () => {
    // The word occurs once to four times: bm25 ranks the claims with it more often first.
    const texts = Array.from({ length: 110 }, (_, i) =>
      `${Array.from({ length: 1 + (i % 4) }, () => 'Rangfolgewort').join(' ')} Beitrag ${i}`.trim(),
    )
    const made = texts.map((text) => claim(text))
    const pages = walkForward({ q: 'Rangfolgewort' })
    const seen = pages.flatMap(ids)
    expect(pages.map((p) => p.rows.length)).toEqual([claimsPageSize, claimsPageSize, 10])
    expect([...seen].sort((a, b) => a - b)).toEqual(made)
    const occurrences = (id: number) => texts[made.indexOf(id)]!.split('Rangfolgewort').length - 1
    const counts = seen.map(occurrences)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
  })

  test('a cursor from a hand-edited or stale URL gives a page, never an error', () => {
    expect(list({ tag: 'gleich', after: '0_0' }).rows).toEqual([])
    expect(list({ tag: 'gleich', after: 'abc' }).rows).toHaveLength(claimsPageSize)
    expect(list({ q: 'Rangfolgewort', before: '-1e-300_5' }).rows.length).toBeGreaterThan(0)
  })
})

describe('filters by outlet, and by a speaker or source typed or picked', () => {
  const taz = createSource(
    { title: 'Ein Artikel der Filterzeitung', outlet: 'Filterzeitung', kind: 'article' },
    editor.id,
  )
  const other = createSource({ title: 'Ein Artikel anderswo', outlet: 'Anderes Blatt', kind: 'article' }, editor.id)
  const fromTaz = claim('Aus der Filterzeitung', { sourceRef: 'Ein Artikel der Filterzeitung' })
  claim('Aus dem anderen Blatt', { sourceRef: 'Ein Artikel anderswo' })
  const speaker = createSpeaker({ name: 'Wanda Listenprobe', kind: 'person', aliases: ['W. Listenprobe'] }, editor.id)
  const bySpeaker = claim('Gesagt von Wanda', { speakerName: 'Wanda Listenprobe' })

  async function load(query: string) {
    return (await claimsIndex.loader({
      request: getRequest(`/claims?${query}`, editor.cookie),
      params: {},
      context: {},
    })) as Awaited<ReturnType<typeof claimsIndex.loader>>
  }

  test('the outlet filter lists the claims whose source comes from that outlet', async () => {
    expect(ids(list({ outlet: 'Filterzeitung' }))).toEqual([fromTaz])
    const page = await load('outlet=Filterzeitung')
    expect(page.outlets).toEqual(expect.arrayContaining(['Anderes Blatt', 'Filterzeitung']))
    expect(page.filtered).toBe(true)
    expect(other).toBeGreaterThan(taz)
    // An outlet no source has (an old link) lists nothing, and the filter still shows it.
    const gone = await load('outlet=Eingestellt')
    expect(gone.list.total).toBe(0)
    expect(gone.outlets[0]).toBe('Eingestellt')
  })

  test('a speaker typed in another spelling, or picked, filters by that speaker and shows the name', async () => {
    for (const query of [
      'speakerName=W.+Listenprobe',
      `speaker=${speaker}`,
      `speaker=${speaker}&speakerName=Wanda+Listenprobe`,
    ]) {
      const page = await load(query)
      expect(ids(page.list)).toEqual([bySpeaker])
      expect(page.shown.speakerName).toBe('Wanda Listenprobe')
      expect(page.filterErrors.speakerName).toBeUndefined()
    }
  })

  test('a source typed by title or picked by number filters by that source', async () => {
    for (const query of ['sourceName=ein+artikel+der+filterzeitung', `sourceName=x+(%23${taz})`, `source=${taz}`]) {
      const page = await load(query)
      expect(ids(page.list)).toEqual([fromTaz])
      expect(page.shown.sourceName).toBe(`Ein Artikel der Filterzeitung (#${taz})`)
    }
  })

  test('a name that names no one says so next to the field, and that filter is left out', async () => {
    const page = await load('speakerName=Niemand+Sonst&status=new')
    expect(page.filterErrors.speakerName).toEqual([
      'No speaker is called “Niemand Sonst”. Pick one from the suggestions.',
    ])
    expect(page.shown.speakerName).toBe('Niemand Sonst')
    expect(page.list.total).toBe(list({ status: 'new' }).total)
    const source = await load('sourceName=Gibt+es+nicht')
    expect(source.filterErrors.sourceName).toEqual([
      'No source matches “Gibt es nicht”. Pick one from the suggestions.',
    ])
  })

  test('the pager links keep the whole query, so a page is a link that can be shared', async () => {
    const page = await load(`tag=gleich&speakerName=W.+Listenprobe&order=asc`)
    expect(page.search).toBe(`speaker=${speaker}&tag=gleich&order=asc`)
    const wide = await load('tag=gleich')
    expect(wide.pages.first).toBeNull()
    expect(wide.pages.next).toMatch(/^\/claims\?tag=gleich&after=\d+_\d+$/)
    const second = await load(wide.pages.next!.split('?')[1]!)
    expect(second.pages.first).toBe('/claims?tag=gleich')
    expect(second.pages.previous).toMatch(/^\/claims\?tag=gleich&before=\d+_\d+$/)
  })
})

describe('saved views', () => {
  async function post(fields: Record<string, string>, user = editor, at = '/claims?index') {
    try {
      return await claimsIndex.action({ request: formRequest(at, fields, user.cookie), params: {}, context: {} })
    } catch (thrown) {
      return thrown
    }
  }
  const replyOf = (response: unknown) =>
    response as { data: { result: { error: Record<string, string[]> } }; init: { status: number } }

  test('saves the list query under a name, as the list reads it, and opens at that URL', async () => {
    const response = (await post({
      intent: 'save-view',
      name: 'Wanda, neu',
      query: `speakerName=W.+Listenprobe&status=new&after=5_5&bogus=1&order=desc`,
    })) as Response
    expect(response.status).toBe(302)
    const view = listSavedViews(editor.id).find((v) => v.name === 'Wanda, neu')!
    expect(view.query).toMatch(/^status=new&speaker=\d+$/)
    expect(response.headers.get('Location')).toBe(`/claims?${view.query}`)
    // Each person sees their own views only.
    expect(listSavedViews(colleague.id)).toEqual([])
  })

  test('a name already used is refused with a message and changes nothing, unless replacing was asked for', async () => {
    await post({ intent: 'save-view', name: 'Mein Stapel', query: 'status=new' })
    const refused = replyOf(await post({ intent: 'save-view', name: 'mein stapel', query: 'status=in_review' }))
    expect(refused.init.status).toBe(400)
    expect(refused.data.result.error.name).toEqual([
      'You already have a view called “Mein Stapel”. Tick “Replace it” to save these filters under that name.',
    ])
    expect(listSavedViews(editor.id).find((v) => v.name === 'Mein Stapel')!.query).toBe('status=new')
    await post({ intent: 'save-view', name: 'mein stapel', query: 'status=in_review', replace: 'on' })
    const mine = listSavedViews(editor.id).filter((v) => v.name.toLowerCase() === 'mein stapel')
    expect(mine).toEqual([expect.objectContaining({ name: 'mein stapel', query: 'status=in_review' })])
  })

  test('a view without a name, or with a name too long, is refused next to the field', async () => {
    const before = listSavedViews(editor.id).length
    for (const name of ['', '   ', 'x'.repeat(savedViewLimits.name + 1)]) {
      const reply = replyOf(await post({ intent: 'save-view', name, query: '' }))
      expect(reply.init.status).toBe(400)
      expect(reply.data.result.error.name?.[0]).toMatch(/The view’s name (is required|can be at most 60 characters)\./)
    }
    expect(listSavedViews(editor.id)).toHaveLength(before)
  })

  test('deleting keeps the row out of every list; deleting twice is fine; a colleague cannot delete it', async () => {
    await post({ intent: 'save-view', name: 'Bald weg', query: 'verdict=false' })
    const view = listSavedViews(editor.id).find((v) => v.name === 'Bald weg')!
    const refused = (await post({ intent: 'delete-view', viewId: String(view.id) }, colleague)) as {
      init: { status: number }
    }
    expect(refused.init.status).toBe(404)
    expect(listSavedViews(editor.id).some((v) => v.id === view.id)).toBe(true)

    const deleted = (await post(
      { intent: 'delete-view', viewId: String(view.id) },
      editor,
      '/claims?index&q=x',
    )) as Response
    expect(deleted.headers.get('Location')).toBe('/claims?q=x')
    expect(((await post({ intent: 'delete-view', viewId: String(view.id) })) as Response).status).toBe(302)
    expect(listSavedViews(editor.id).some((v) => v.id === view.id)).toBe(false)
    const row = db.select().from(savedViews).where(eq(savedViews.id, view.id)).get()!
    expect(row.deletedAt).toBeInstanceOf(Date)
    // Its name is free again.
    expect(((await post({ intent: 'save-view', name: 'Bald weg', query: '' })) as Response).status).toBe(302)
  })

  test('a viewer keeps views of their own too: they change nothing on the desk', async () => {
    expect(
      ((await post({ intent: 'save-view', name: 'Lesezeichen', query: 'status=verified' }, viewer)) as Response).status,
    ).toBe(302)
    expect(listSavedViews(viewer.id).map((v) => v.name)).toEqual(['Lesezeichen'])
  })

  test('a person can keep a bounded number of views', async () => {
    const person = await signedIn('editor')
    db.insert(savedViews)
      .values(
        Array.from({ length: savedViewLimits.perPerson }, (_, i) => ({ ownerId: person.id, name: `V${i}`, query: '' })),
      )
      .run()
    const reply = replyOf(await post({ intent: 'save-view', name: 'Eine zu viel', query: '' }, person))
    expect(reply.data.result.error.name).toEqual([
      `You can keep ${savedViewLimits.perPerson} saved views. Delete one you no longer use first.`,
    ])
  })
})

describe('a source page’s claims', () => {
  test('lists each claim once with every role the source plays, the claims it is the origin of first', () => {
    const source = createSource({ title: 'Quelle mit Rollen', kind: 'article' }, editor.id)
    const cited = claim('Belegt durch die Quelle mit Rollen')
    const origin = claim('Stammt aus der Quelle mit Rollen', { sourceRef: 'Quelle mit Rollen' })
    attachEvidence(cited, { intent: 'attach-evidence', role: 'supports', sourceRef: 'Quelle mit Rollen' }, editor.id)
    attachEvidence(cited, { intent: 'attach-evidence', role: 'context', sourceRef: 'Quelle mit Rollen' }, editor.id)
    attachEvidence(origin, { intent: 'attach-evidence', role: 'context', sourceRef: 'Quelle mit Rollen' }, editor.id)
    const listed = listClaimsCitingSource(source)
    expect(listed.map((c) => [c.id, [...c.roles].sort()])).toEqual([
      [origin, ['context', 'origin']],
      [cited, ['context', 'supports']],
    ])
  })
})
