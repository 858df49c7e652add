import { describe, expect, test } from 'vitest'
import {
  contextLength,
  describeSpan,
  excerptText,
  findPassage,
  reanchor,
  segmentText,
  type TextAnchor,
} from '#app/domain/anchoring.ts'

const excerpt =
  'Offizieller Anlass von Schoigus Reise ist der 70. Jahrestag des Endes im Koreakrieg. Zugleich hieß es aus Moskau: „Der Besuch wird zur Stärkung der russisch-nordkoreanischen Militärbeziehungen beitragen.“'

function anchorOf(text: string, passage: string, occurrence = 0): TextAnchor {
  let start = -1
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(passage, start + 1)
  if (start === -1) throw new Error(`“${passage}” is not in the text`)
  const anchor = describeSpan(text, start, start + passage.length)
  if (!anchor) throw new Error('no anchor')
  return anchor
}

describe('describeSpan', () => {
  test('gives the exact text, 32 characters of context either side and the offsets', () => {
    const start = excerpt.indexOf('70. Jahrestag')
    const anchor = describeSpan(excerpt, start, start + '70. Jahrestag'.length)
    expect(anchor).toEqual({
      exact: '70. Jahrestag',
      prefix: excerpt.slice(start - contextLength, start),
      suffix: excerpt.slice(start + 13, start + 13 + contextLength),
      start,
      end: start + 13,
    })
    expect(anchor!.prefix).toBe('ffizieller Anlass von Schoigus Reise ist der '.slice(-32))
  })

  test('context stops at the ends of the text', () => {
    expect(describeSpan('Kim traf Putin.', 0, 3)).toEqual({
      exact: 'Kim',
      prefix: '',
      suffix: ' traf Putin.',
      start: 0,
      end: 3,
    })
  })

  test.each([
    ['empty', 5, 5],
    ['reversed', 6, 5],
    ['negative', -1, 3],
    ['past the end', 0, 1000],
    ['not whole numbers', 1.5, 3],
  ])('refuses %s offsets', (_name, start, end) => {
    expect(describeSpan(excerpt, start, end)).toBeNull()
  })

  test('counts offsets in UTF-16 code units, as the DOM does: umlauts are one, emoji two', () => {
    const text = 'Größe 🚀 über Pjöngjang 🇰🇵 heute'
    const start = text.indexOf('über')
    const anchor = describeSpan(text, start, start + 'über Pjöngjang'.length)!
    expect(anchor.start).toBe(9)
    expect(anchor.exact).toBe('über Pjöngjang')
    expect(anchor.prefix).toBe('Größe 🚀 ')
    const flag = text.indexOf('🇰🇵')
    expect(describeSpan(text, flag, flag + 4)!.exact).toBe('🇰🇵')
  })

  test('never cuts an emoji in half, in the passage or in its context', () => {
    const text = '🚀 Start'
    expect(describeSpan(text, 1, 4)).toBeNull()
    const long = `x🚀${'y'.repeat(31)}abcz${'🚀'.repeat(20)}`
    const start = long.indexOf('abc')
    const anchor = describeSpan(long, start, start + 3)!
    // 32 code units either side would land between the halves of a rocket; the context stops short.
    expect(anchor.prefix).toBe('y'.repeat(31))
    expect(anchor.suffix).toBe(`z${'🚀'.repeat(15)}`)
  })
})

describe('reanchor', () => {
  test('keeps the position when the passage and its context are unchanged', () => {
    const anchor = anchorOf(excerpt, 'Stärkung der russisch-nordkoreanischen Militärbeziehungen')
    const edited = excerpt.replace('beitragen.“', 'beitragen“, sagte ein Sprecher.')
    expect(reanchor(edited, anchor)).toMatchObject({ start: anchor.start, end: anchor.end, exact: anchor.exact })
  })

  test('follows the passage when an edit before it moves it', () => {
    const anchor = anchorOf(excerpt, 'Zugleich hieß es aus Moskau')
    const edited = `KORREKTUR: ${excerpt.replace('Schoigus Reise', 'der Reise von Sergej Schoigu')}`
    const moved = reanchor(edited, anchor)!
    expect(edited.slice(moved.start, moved.end)).toBe('Zugleich hieß es aus Moskau')
    expect(moved.start).toBe(edited.indexOf('Zugleich'))
    expect(moved.prefix).toBe(edited.slice(moved.start - contextLength, moved.start))
  })

  test('finds the passage when the words just before it changed', () => {
    const anchor = anchorOf(excerpt, 'Militärbeziehungen beitragen')
    const edited = excerpt.replace('russisch-nordkoreanischen', 'russisch–nordkoreanischen bilateralen')
    const moved = reanchor(edited, anchor)!
    expect(moved.exact).toBe('Militärbeziehungen beitragen')
    expect(moved.start).toBe(edited.indexOf('Militärbeziehungen'))
    expect(moved.prefix.endsWith('bilateralen ')).toBe(true)
  })

  test('picks the occurrence whose context matches among several', () => {
    const text = 'Kim traf Putin in Wostotschny. Später traf Kim Schoigu in Pjöngjang. Dann traf Kim Li Hongzhong.'
    const second = anchorOf(text, 'traf Kim', 0)
    expect(second.suffix.startsWith(' Schoigu')).toBe(true)
    // Reordering the sentences moves every "traf Kim"; the one before "Schoigu" is the note's.
    const edited = 'Dann traf Kim Li Hongzhong. Kim traf Putin in Wostotschny. Später traf Kim Schoigu in Pjöngjang.'
    const found = reanchor(edited, second)!
    expect(found.start).toBe(edited.indexOf('traf Kim Schoigu'))
  })

  test('prefers context over the old offset when another copy of the words lands there', () => {
    const text = 'A: der Besuch stärkt die Beziehungen.'
    const anchor = anchorOf(text, 'der Besuch')
    // A sentence put in front happens to have its own "der Besuch" at the old offset.
    const edited = `B: der Besuch endet. ${text}`
    expect(edited.slice(anchor.start, anchor.end)).toBe('der Besuch')
    const found = reanchor(edited, anchor)!
    expect(found.start).toBe(edited.indexOf('der Besuch stärkt'))
  })

  test('on equal context, the occurrence nearest the old offset wins', () => {
    const text = 'ja ja ja ja ja'
    const anchor = { exact: 'ja', prefix: 'zz', suffix: 'zz', start: 6, end: 8 }
    expect(reanchor(text, anchor)).toMatchObject({ start: 6 })
    expect(reanchor(text, { ...anchor, start: 11, end: 13 })).toMatchObject({ start: 12 })
  })

  test('orphans the note when the passage is gone', () => {
    const anchor = anchorOf(excerpt, 'Zugleich hieß es aus Moskau')
    expect(reanchor(excerpt.replace('Zugleich hieß es aus Moskau', 'Moskau teilte mit'), anchor)).toBeNull()
    expect(reanchor('', anchor)).toBeNull()
  })

  test('orphans the note when the passage was reworded even slightly', () => {
    const anchor = anchorOf(excerpt, 'Zugleich hieß es aus Moskau')
    expect(reanchor(excerpt.replace('hieß', 'hiess'), anchor)).toBeNull()
  })

  test('keeps UTF-16 offsets right around umlauts and emoji', () => {
    const text = 'Schoigu 🇷🇺 besuchte Pjöngjang; Kim 🇰🇵 empfing ihn.'
    const anchor = anchorOf(text, 'empfing ihn')
    const edited = `🚀🚀 Eilmeldung: ${text}`
    const found = reanchor(edited, anchor)!
    expect(found.start).toBe(anchor.start + '🚀🚀 Eilmeldung: '.length)
    expect(found.start - anchor.start).toBe(17)
    expect(edited.slice(found.start, found.end)).toBe('empfing ihn')
  })
})

describe('findPassage', () => {
  test('finds the first occurrence of a pasted passage', () => {
    expect(findPassage('a b c a b c', 'b c')).toEqual({ start: 2, end: 5 })
  })

  test('tolerates different spacing and line breaks, not different words', () => {
    const text = 'Der Besuch wird zur\nStärkung beitragen.'
    expect(findPassage(text, '  wird zur Stärkung ')).toEqual({ start: 11, end: 28 })
    expect(findPassage(text, 'wird zur Stärke')).toBeNull()
    expect(findPassage(text, '   ')).toBeNull()
  })

  test('takes regular-expression characters literally', () => {
    expect(findPassage('Kosten (ca. 3 Mrd. $) laut [1]', '(ca. 3 Mrd. $)')).toEqual({ start: 7, end: 21 })
    expect(findPassage('Kosten ca 3', 'ca. 3')).toBeNull()
  })
})

describe('excerptText', () => {
  test('turns CR LF and CR into LF, as the browser does when it reads the page', () => {
    expect(excerptText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd')
    expect(excerptText(null)).toBe('')
  })
})

describe('segmentText', () => {
  test('cuts overlapping passages into flat stretches that know their notes', () => {
    const text = 'abcdefghij'
    const segments = segmentText(text, [
      { id: 1, start: 2, end: 6 },
      { id: 2, start: 4, end: 8 },
    ])
    expect(segments.map((s) => [s.text, s.ids, s.endingIds])).toEqual([
      ['ab', [], []],
      ['cd', [1], []],
      ['ef', [1, 2], [1]],
      ['gh', [2], [2]],
      ['ij', [], []],
    ])
    expect(segments.map((s) => s.text).join('')).toBe(text)
  })

  test('one passage inside another, and two on the same words', () => {
    const segments = segmentText('abcdef', [
      { id: 1, start: 0, end: 6 },
      { id: 2, start: 2, end: 4 },
      { id: 3, start: 2, end: 4 },
    ])
    expect(segments.map((s) => [s.text, s.ids, s.endingIds])).toEqual([
      ['ab', [1], []],
      ['cd', [1, 2, 3], [2, 3]],
      ['ef', [1], [1]],
    ])
  })

  test('ignores passages that no longer fit the text', () => {
    expect(segmentText('abc', [{ id: 1, start: 2, end: 9 }])).toEqual([
      { text: 'abc', start: 0, end: 3, ids: [], endingIds: [] },
    ])
  })
})
