import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { ClaimCreateSchema, ClaimEditSchema } from '#app/validation/claim.ts'
import { SourceCreateSchema } from '#app/validation/source.ts'
import { SpeakerCreateSchema } from '#app/validation/speaker.ts'

function form(fields: Record<string, string>) {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.set(k, v)
  return data
}

function errorsOf(schema: Parameters<typeof parseWithZod>[1]['schema'], fields: Record<string, string>) {
  const submission = parseWithZod(form(fields), { schema })
  return submission.status === 'success' ? {} : (submission.error ?? {})
}

describe('claim form', () => {
  test('accepts a minimal claim and splits tags', () => {
    const submission = parseWithZod(
      form({ text: 'Mehr als 10.000 Soldaten', tags: 'Nordkorea, russland,,nordkorea' }),
      {
        schema: ClaimCreateSchema,
      },
    )
    expect(submission.status).toBe('success')
    if (submission.status === 'success') {
      expect(submission.value.tags).toEqual(['nordkorea', 'russland'])
      expect(submission.value.language).toBe('de')
    }
  })

  test('an empty claim is refused with a message', () => {
    expect(errorsOf(ClaimCreateSchema, { text: '' }).text).toEqual(['The claim is required.'])
  })

  test('over-long text is refused with its limit', () => {
    expect(errorsOf(ClaimCreateSchema, { text: 'x'.repeat(1001) }).text?.[0]).toMatch(/at most 1000/)
  })

  test('malformed dates and URLs are refused', () => {
    const errors = errorsOf(ClaimCreateSchema, {
      text: 'Eine Behauptung',
      claimedOn: '2023-02-30',
      newSource: 'on',
      newSourceTitle: 'Artikel',
      newSourceUrl: 'not a url',
    })
    expect(errors.claimedOn?.[0]).toMatch(/not a real calendar date/)
    expect(errors.newSourceUrl?.[0]).toMatch(/http/)
  })

  test('a new source needs a title', () => {
    expect(errorsOf(ClaimCreateSchema, { text: 'Eine Behauptung', newSource: 'on' }).newSourceTitle).toEqual([
      'A new source needs a title.',
    ])
  })

  test('an unknown verdict is refused', () => {
    expect(errorsOf(ClaimEditSchema, { text: 'Eine Behauptung', version: '1', verdict: 'kinda' }).verdict).toBeDefined()
  })

  test('an edit without the version it started from is refused', () => {
    expect(errorsOf(ClaimEditSchema, { text: 'Eine Behauptung' }).version).toBeDefined()
  })
})

describe('speaker and source forms', () => {
  test('a Wikidata id must look like one', () => {
    expect(errorsOf(SpeakerCreateSchema, { name: 'Wladimir Putin', wikidataId: '7747' }).wikidataId).toBeDefined()
    expect(errorsOf(SpeakerCreateSchema, { name: 'Wladimir Putin', wikidataId: 'q7747' }).wikidataId).toBeUndefined()
  })

  test('source URLs are normalised on the way in', () => {
    const submission = parseWithZod(form({ title: 'Artikel', url: 'HTTPS://Example.org/a/?utm_source=x' }), {
      schema: SourceCreateSchema,
    })
    expect(submission.status).toBe('success')
    if (submission.status === 'success') expect(submission.value.url).toBe('https://example.org/a')
  })
})
