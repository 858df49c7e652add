import { describe, expect, test } from 'vitest'
import { createSource, getSource, updateSource } from '#app/domain/sources.server.ts'
import { createSpeaker, getSpeaker, speakerForFilter, updateSpeaker } from '#app/domain/speakers.server.ts'
import * as claimsIndex from '#app/routes/claims._index.tsx'
import { ConflictError, FieldError } from '#app/utils/errors.server.ts'
import { createClaim } from '#app/domain/claims.server.ts'
import { getRequest, signedIn } from '#test/helpers/fixtures.ts'

const editor = await signedIn('editor')

describe('speakers', () => {
  const kim = createSpeaker(
    { name: 'Kim Jong-un', kind: 'person', aliases: ['Kim Jong Un', 'Kim Dschong Un'] },
    editor.id,
  )

  test('every spelling names one speaker only', () => {
    expect(() => createSpeaker({ name: 'kim jong un', kind: 'person', aliases: [] }, editor.id)).toThrow(
      /already names speaker #\d+ Kim Jong-un/,
    )
    expect(() => createSpeaker({ name: 'Ri Sol-ju', kind: 'person', aliases: ['Kim Dschong-Un'] }, editor.id)).toThrow(
      FieldError,
    )
  })

  test('keeps each alias spelling as typed', () => {
    expect(getSpeaker(kim).aliases).toEqual(['Kim Dschong Un', 'Kim Jong Un'])
  })

  test('an edit from a stale version is refused and overwrites nothing', () => {
    updateSpeaker(
      kim,
      { name: 'Kim Jong-un', kind: 'person', role: 'Staatschef', aliases: ['Kim Jong Un'], version: 1 },
      editor.id,
    )
    expect(() =>
      updateSpeaker(kim, { name: 'Kim Jong-un', kind: 'person', role: 'Diktator', aliases: [], version: 1 }, editor.id),
    ).toThrow(ConflictError)
    expect(getSpeaker(kim)).toMatchObject({ role: 'Staatschef', version: 2, aliases: ['Kim Jong Un'] })
  })
})

describe('sources', () => {
  test('a URL is stored normalised and only once', () => {
    const id = createSource({ title: 'Gipfel', url: 'https://example.org/gipfel', kind: 'article' }, editor.id)
    expect(() =>
      createSource({ title: 'Gipfel, nochmal', url: 'https://example.org/gipfel', kind: 'article' }, editor.id),
    ).toThrow(/already source #\d+ “Gipfel”/)
    expect(getSource(id).url).toBe('https://example.org/gipfel')
  })

  test('an edit from a stale version is refused', () => {
    const id = createSource({ title: 'Alt', kind: 'article' }, editor.id)
    updateSource(id, { title: 'Neu', kind: 'article', version: 1 }, editor.id)
    expect(() => updateSource(id, { title: 'Anders', kind: 'article', version: 1 }, editor.id)).toThrow(ConflictError)
    expect(getSource(id).title).toBe('Neu')
  })
})

describe('the claims list as the filter form sends it', () => {
  test('"Any" in every select means no filter', async () => {
    createClaim({ text: 'Eine Behauptung für die Liste', language: 'de', tags: [] }, editor.id)
    const query = 'status=&verdict=&speaker=&source=&tag=&assignee=&sort=updated&order=desc'
    const data = (await claimsIndex.loader({
      request: getRequest(`/claims?${query}`, editor.cookie),
      params: {},
      context: {},
    })) as Awaited<ReturnType<typeof claimsIndex.loader>>
    expect(data.list.total).toBeGreaterThan(0)
    expect(data.filtered).toBe(false)
  })

  test('the speaker filter takes a picked id, any spelling of a name, or one speaker whose names contain the words', () => {
    const id = createSpeaker({ name: 'Zora Filterprobe', kind: 'person', aliases: ['Sora Filterprobe'] }, editor.id)
    createSpeaker({ name: 'Zora Zweitprobe', kind: 'person', aliases: [] }, editor.id)
    const named = { id, label: 'Zora Filterprobe' }
    expect(speakerForFilter(undefined, id)).toEqual(named)
    expect(speakerForFilter('Zora Filterprobe', id)).toEqual(named)
    expect(speakerForFilter('sora filterprobe', undefined)).toEqual(named)
    expect(speakerForFilter('Filterprobe', undefined)).toEqual(named)
    // A name typed over a picked one (no JavaScript to clear the id) means the typed name.
    expect(speakerForFilter('Zora Zweitprobe', id).label).toBe('Zora Zweitprobe')
    expect(speakerForFilter('Zora', undefined)).toEqual({
      error: 'Several speakers match “Zora”. Pick one from the suggestions.',
    })
    expect(speakerForFilter('Niemand Bekannt', undefined)).toEqual({
      error: 'No speaker is called “Niemand Bekannt”. Pick one from the suggestions.',
    })
    expect(speakerForFilter(undefined, 999_999)).toEqual({ error: 'There is no speaker #999999.' })
  })
})
