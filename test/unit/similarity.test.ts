import { describe, expect, test } from 'vitest'
import { fingerprintOf, likenessOf, likenessThreshold, rarestTerms, type IndexTerm } from '#app/domain/similarity.ts'

const likeness = (a: string, b: string, sameSpeaker = false) =>
  likenessOf(fingerprintOf(a), fingerprintOf(b), sameSpeaker)

describe('a claim’s fingerprint', () => {
  test('keeps the words that carry meaning, by stem, and leaves out German and English stop words', () => {
    const { stems } = fingerprintOf('Schoigu besuchte Nordkorea für drei Tage, and the visit was long.')
    expect([...stems.keys()]).toEqual(['schoi', 'besuc', 'nordk', 'visit', 'long'])
    expect(stems.get('besuc')).toBe('besuchte')
  })

  test('reads a number in any grouping as one number, and ignores a lone digit', () => {
    for (const written of ['10.000', '10,000', '10 000', '10000', '010000']) {
      expect([...fingerprintOf(`Mehr als ${written} Soldaten, 3 Divisionen`).numbers]).toEqual(['10000'])
    }
  })

  test('folds umlauts and case, so spellings of one word share a stem', () => {
    expect([...fingerprintOf('PJÖNGJANG').stems.keys()]).toEqual([...fingerprintOf('Pjongjang').stems.keys()])
  })
})

describe('how alike two claims are', () => {
  const visit = 'Sergej Schoigu besuchte Nordkorea anlässlich des 70. Jahrestags des Endes des Koreakriegs.'
  const sameFact =
    'Offizieller Anlass des Besuchs von Schoigu in Pjöngjang ist der 70. Jahrestag des Endes des Koreakriegs.'
  const otherFact = 'Schoigu ließ sich am Vortag Waffen des nordkoreanischen Militärs vorführen.'

  test('the same fact told in other words scores above the threshold, and names what is shared', () => {
    const result = likeness(visit, sameFact)
    expect(result.score).toBeGreaterThanOrEqual(likenessThreshold)
    expect(result.sharedWords).toEqual(['Schoigu', 'Besuchs', 'Anlass', 'Jahrestag', 'Endes', 'Koreakriegs'])
    expect(result.sharedNumbers).toEqual(['70'])
  })

  test('a claim about the same person but another fact stays below it', () => {
    expect(likeness(visit, otherFact).score).toBeLessThan(likenessThreshold)
  })

  test('the same speaker and the same numbers raise the score; numbers alone do not make a match', () => {
    const plain = likeness('Russland schickte Soldaten an die Front', 'Russland schickte Panzer an die Front').score
    expect(
      likeness('Russland schickte Soldaten an die Front', 'Russland schickte Panzer an die Front', true).score,
    ).toBe(Math.round((plain + 0.15) * 1000) / 1000)
    expect(likeness('Mehr als 10.000 Soldaten', 'Über 10 000 Soldaten').sharedNumbers).toEqual(['10000'])
    expect(likeness('Am 27. Juli 1953', 'Seit 27. Juli 1953', true).score).toBeGreaterThan(0)
    expect(likeness('1953', '1953', true).score).toBe(0)
  })

  test('is symmetric in its score', () => {
    expect(likeness(visit, sameFact).score).toBe(likeness(sameFact, visit).score)
  })
})

describe('the terms that search the index for candidates', () => {
  const stem = (term: string, claims: number): IndexTerm => ({ term, kind: 'stem', claims })
  const limits = { least: 2, most: 4, claimsBudget: 100 }
  const chosen = (terms: IndexTerm[]) => rarestTerms(terms, limits).map((t) => t.term)

  test('are the rarest first, and never a word no claim holds', () => {
    expect(chosen([stem('russl', 80), stem('kursk', 3), stem('panze', 12), stem('xyzzy', 0)])).toEqual([
      'kursk',
      'panze',
      'russl',
    ])
  })

  test('are always a few, even when every word is common, and more only within the budget', () => {
    expect(chosen([stem('ukrai', 900), stem('russl', 800), stem('krieg', 700)])).toEqual(['krieg', 'russl'])
    expect(chosen([stem('a', 10), stem('b', 20), stem('c', 30), stem('d', 50)])).toEqual(['a', 'b', 'c'])
  })

  test('are at most the limit, however rare', () => {
    const rare = ['a', 'b', 'c', 'd', 'e', 'f'].map((t) => stem(t, 1))
    expect(chosen(rare)).toEqual(['a', 'b', 'c', 'd'])
  })

  test('put a number among the words by how rare it is', () => {
    const number: IndexTerm = { term: '10000', kind: 'number', claims: 2 }
    expect(rarestTerms([stem('solda', 40), number, stem('grenz', 30)], limits)[0]).toEqual(number)
  })
})
